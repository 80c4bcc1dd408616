/// The toolkit's version, recorded in every `RunMetadata` sidecar.
public enum ToolkitVersion {
    /// Semantic version of this build of WirelessToolkit.
    public static let string = "0.1.0"
}
