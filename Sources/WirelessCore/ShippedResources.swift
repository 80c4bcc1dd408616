import Foundation

/// Finds the data the toolkit ships (the default CMuSeNet model, the path-loss replica) from any working
/// directory, without a compiled-in source or build path.
///
/// The files are SwiftPM resources of their module (`Package.swift`: `resources: [.copy(…)]`). SwiftPM
/// builds each as a folder `<Package>_<Target>.resources` beside every executable it links, the test
/// runner included, and in a consumer package's build too; `scripts/install` copies the folders beside the
/// installed binary. This lookup reads that folder beside the running executable (symlinks resolved, so a
/// `bin/wtk` link into the install folder works).
///
/// SwiftPM's generated `Bundle.module` is not used: when the folder is missing (a binary copied without
/// it) it falls back to the build machine's build path compiled into the binary, and otherwise stops the
/// process with `fatalError`. Here a missing folder is `nil`, which callers turn into an error that says
/// how to install the toolkit.
public enum ShippedResources {
    /// The folder holding the running executable (`Bundle.main`), symlinks resolved.
    public static var executableFolder: URL { Bundle.main.bundleURL.resolvingSymlinksInPath() }

    /// The URL of resource `fileName` of module `target` (e.g. `WirelessSpectrumNet`), or nil when the
    /// module's resource folder (`*_<target>.resources`) or the file is not beside the executable.
    public static func url(of fileName: String, target: String, besideExecutableIn folder: URL? = nil) -> URL? {
        let folder = folder ?? executableFolder
        let suffix = "_\(target).resources"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return nil }
        // Sorted: with several packages' bundles of one target (never in practice) the choice is stable.
        for name in names.sorted() where name.hasSuffix(suffix) {
            let file = folder.appendingPathComponent(name).appendingPathComponent(fileName)
            if FileManager.default.isReadableFile(atPath: file.path) { return file }
        }
        return nil
    }
}
