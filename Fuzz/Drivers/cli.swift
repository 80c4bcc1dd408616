// libFuzzer driver for the `cli` target (Fuzz/Sources/WirelessFuzzTargets); linked by scripts/fuzz.
import WirelessFuzzTargets

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    FuzzTarget.cli.initialize()
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.cli.run(bytes, count)
}
