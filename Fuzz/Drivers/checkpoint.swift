// libFuzzer driver for the `checkpoint` target (Fuzz/Sources/WirelessFuzzTargets); linked by scripts/fuzz.
import WirelessFuzzTargets

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    FuzzTarget.checkpoint.initialize()
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.checkpoint.run(bytes, count)
}
