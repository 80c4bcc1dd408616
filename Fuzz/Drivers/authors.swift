// libFuzzer driver for the `authors` target (Fuzz/Sources/WirelessFuzzTargets); linked by scripts/fuzz.
import WirelessFuzzTargets

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    FuzzTarget.authors.initialize()
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.authors.run(bytes, count)
}
