import Foundation
internal import WirelessIO
internal import WirelessSpectrumNet

/// The authors' folder format: the input is `meta-data.json ␀ data.dat bytes` (split at the first NUL).
///
/// Reads the pair with `AuthorsDatasetImporter.read` (as `wtk spectrum … --captures <folder>`),
/// then cuts the recording into labelled windows like the SigMF target.
enum AuthorsFuzz {
    static func run(_ data: Data) {
        let (meta, samples) = FuzzInput.splitAtFirstNUL(data)
        let dataURL = FuzzInput.file("data.dat", samples)
        let metaURL = FuzzInput.file("meta-data.json", meta)
        guard let recording = try? AuthorsDatasetImporter.read(dataURL: dataURL, metaURL: metaURL) else { return }
        SigMFFuzz.label(recording)
    }
}
