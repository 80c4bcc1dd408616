/// A named set of figures that `wtk figures` regenerates into `notebooks-export/<name>/`.
///
/// A set is a list of steps: most steps run a `wtk` subcommand in-process (so the report can
/// show the exact command a user types to get the same files), others add prose or a table
/// comparing the replica's numbers with the paper's. `FigureSetFolder` builds a set into its folder.
public struct FigureSet: Sendable {
    /// Folder name and `--only` key, e.g. `"densify-regimes"` (lowercase, dashes).
    public let name: String
    /// Title of the Markdown report.
    public let title: String
    /// One paragraph: what the set shows and where it comes from (paper, figure, section).
    public let summary: String
    /// Builds the set's figures into the report's folder.
    public let build: @Sendable (FigureReport) throws -> Void

    /// - Parameters:
    ///   - name: Folder name and `--only` key (lowercase, dashes).
    ///   - title: Report title.
    ///   - summary: What the figures show, with the reference they reproduce.
    ///   - build: Runs commands and adds report sections through the report.
    public init(
        name: String, title: String, summary: String,
        build: @escaping @Sendable (FigureReport) throws -> Void
    ) {
        self.name = name
        self.title = title
        self.summary = summary
        self.build = build
    }
}
