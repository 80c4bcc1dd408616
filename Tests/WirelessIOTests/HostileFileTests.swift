import Foundation
import Numerics
import Testing

@testable import WirelessIO

#if canImport(Glibc)
    import Glibc
#endif

/// Hostile inputs for every WirelessIO reader (issue 12): sizes read out of a file never trap or
/// allocate before they are checked against the bytes present; directories, devices and empty
/// files are told in words naming the file; values outside their physical range are refused.
/// Every input is built here, a few hundred bytes each.
@Suite struct HostileFileTests {
    // MARK: - One place opens every file

    @Test func aDirectoryIsToldInWordsByEveryReader() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let directory = folder.file("inputs.npy")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let expected = IOError.unreadable(path: directory.path, reason: "it is a directory, not a file")
        #expect(throws: expected) { try FileContents.read(directory) }
        #expect(throws: expected) { try NPYArray.read(from: directory) }
        #expect(throws: expected) { try RawCF32File.read(from: directory) }
        #expect(expected.category == .inputOutput)
        #expect(!expected.description.contains("NSCocoaErrorDomain"))
    }

    @Test func devNullReadsAsAnEmptyFileThatEachFormatRefusesAsData() throws {
        let null = URL(fileURLWithPath: "/dev/null")
        #expect(try FileContents.read(null).isEmpty)
        // Before: RawCF32File returned no samples and NPY said "not an NPY file".
        #expect(throws: IOError.truncated(file: "/dev/null", expectedBytes: 8, actualBytes: 0)) {
            try RawCF32File.read(from: null)
        }
        #expect(throws: IOError.truncated(file: "/dev/null", expectedBytes: 10, actualBytes: 0)) {
            try NPYArray.read(from: null)
        }
        let error = IOError.truncated(file: "/dev/null", expectedBytes: 10, actualBytes: 0)
        #expect(error.category == .invalidData)
        #expect(error.description.contains("/dev/null: the file is empty"))
    }

    @Test func aDeviceWithEndlessDataIsRefusedAfterOneRead() throws {
        // Before: Data(contentsOf: /dev/zero) read until memory ran out.
        #expect {
            try FileContents.read(URL(fileURLWithPath: "/dev/zero"))
        } throws: { error in
            guard case IOError.unreadable(let path, let reason) = error else { return false }
            return path == "/dev/zero" && reason.contains("character device")
        }
    }

    @Test func aPipeIsReadToItsEnd() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let payload = [UInt8](repeating: 7, count: 200_000)  // several chunks
        let writeEnd = ends[1]
        let writer = Thread {
            payload.withUnsafeBytes { raw in
                var sent = 0
                while sent < raw.count {
                    let n = write(writeEnd, raw.baseAddress! + sent, raw.count - sent)
                    if n <= 0 { break }
                    sent += n
                }
            }
            close(writeEnd)
        }
        writer.start()
        let data = try FileContents.read(URL(fileURLWithPath: "/proc/self/fd/\(ends[0])"))
        close(ends[0])
        #expect(data == Data(payload))
    }

    @Test func errnoValuesAreToldInWords() {
        #expect(FileContents.error(ENOENT, path: "/x") == .missingFile(path: "/x"))
        guard case .unreadable(let path, let reason) = FileContents.error(EACCES, path: "/x") else {
            Issue.record("EACCES is not .unreadable")
            return
        }
        #expect(path == "/x" && reason.contains("permission denied"))
        #expect(!FileContents.error(EACCES, path: "/x").description.contains("You don't have permission"))
    }

    @Test(.enabled(if: geteuid() != 0, "root reads any file")) func anUnreadableFileSaysPermissionDenied() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let url = folder.file("locked.cf32")
        try Data(count: 8).write(to: url)
        chmod(url.path, 0)
        defer { chmod(url.path, 0o644) }
        #expect {
            try RawCF32File.read(from: url)
        } throws: { error in
            guard case IOError.unreadable(let path, let reason) = error else { return false }
            return path == url.path && reason.contains("permission denied")
        }
    }

    // MARK: - NPY sizes

    /// A version 1.0 NPY file with `header` (padded to 64 bytes) followed by `dataBytes` zero bytes.
    func npy(_ header: String, dataBytes: Int = 0) -> Data {
        var text = Array(header.utf8)
        let padding = (64 - (10 + text.count + 1) % 64) % 64
        text += [UInt8](repeating: 0x20, count: padding) + [0x0A]
        var bytes: [UInt8] = [
            0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0, UInt8(text.count & 0xFF), UInt8(text.count >> 8),
        ]
        bytes += text
        bytes += [UInt8](repeating: 0, count: dataBytes)
        return Data(bytes)
    }

    @Test func shapesWhoseSizeOverflowsAreMalformedNotATrap() throws {
        // Before: 128-byte files with these shapes trapped on the overflowing product (exit 132).
        for shape in ["(4294967296, 4294967296, 1)", "(1152921504606846976, 1, 1)", "(9223372036854775807, 2)"] {
            let data = npy("{'descr': '<c16', 'fortran_order': False, 'shape': \(shape), }", dataBytes: 64)
            #expect(data.count == 128 || data.count == 192)
            #expect {
                try NPYArray.decode(data, file: "big.npy")
            } throws: { error in
                guard case IOError.malformedInput(let file, _, _, let reason) = error else { return false }
                return file == "big.npy" && reason.contains(shape)
            }
        }
    }

    @Test func aZeroDimensionBeforeHugeOnesIsAnEmptyArray() throws {
        // Before: the shape product overflowed left to right (2⁴⁰ · 2⁴⁰) before reaching the 0.
        let data = npy("{'descr': '<c16', 'fortran_order': True, 'shape': (1099511627776, 1099511627776, 0), }")
        let array = try NPYArray.decode(data, file: "empty.npy")
        #expect(array.elements.isEmpty)
        #expect(array.shape == [1 << 40, 1 << 40, 0])
        #expect(throws: IOError.self) {
            try NPYArray(shape: [1 << 40, 1 << 40, 3], elements: [])
        }
    }

    @Test func aLargeShapeWithFewBytesIsTruncatedBeforeAllocating() throws {
        // 2³¹ complex128 elements would be 32 GiB: refused by comparing with the 64 bytes present.
        let data = npy("{'descr': '<c16', 'fortran_order': False, 'shape': (2147483648,), }", dataBytes: 64)
        let dataStart = data.count - 64
        #expect(throws: IOError.truncated(file: "t.npy", expectedBytes: dataStart + (1 << 35), actualBytes: data.count))
        {
            try NPYArray.decode(data, file: "t.npy")
        }
    }

    @Test func negativeAndOversizedDimensionsAreNamedInTheHeader() throws {
        for (shape, text) in [("(-1, 2, 2)", "negative dimension"), ("(99999999999999999999999, 1)", "does not fit")] {
            let data = npy("{'descr': '<c16', 'fortran_order': False, 'shape': \(shape), }")
            #expect {
                try NPYArray.decode(data, file: "h.npy")
            } throws: { error in
                guard case IOError.malformedInput(_, _, _, let reason) = error else { return false }
                return reason.contains(text)
            }
        }
    }

    @Test func tooManyDimensionsAreRefused() throws {
        let shape = "(" + Array(repeating: "1", count: 65).joined(separator: ", ") + ")"
        let data = npy("{'descr': '<c16', 'fortran_order': False, 'shape': \(shape), }", dataBytes: 16)
        #expect(throws: IOError.self) { try NPYArray.decode(data, file: "rank.npy") }
    }

    @Test func aCutPreambleIsTruncated() throws {
        let data = npy("{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }").prefix(7)
        #expect(throws: IOError.truncated(file: "p.npy", expectedBytes: 10, actualBytes: 7)) {
            try NPYArray.decode(Data(data), file: "p.npy")
        }
    }

    @Test func nonFiniteElementsAreReportedByMultiIndex() throws {
        var elements = [Complex<Double>](repeating: .zero, count: 2 * 3 * 4)
        elements[1 * 12 + 2 * 4 + 3] = Complex(1, .nan)  // (1, 2, 3) in C order
        let array = try NPYArray(shape: [2, 3, 4], elements: elements)
        #expect(array.multiIndex(ofElementAt: 23) == [1, 2, 3])
        let error = IOError.nonFiniteValue(file: "h.npy", line: nil, column: "element (1, 2, 3) (imaginary part)")
        #expect(throws: error) { try array.checkFinite(file: "h.npy") }
        #expect(
            error.description
                == "h.npy, element (1, 2, 3) (imaginary part): non-finite value (NaN or infinity) where a finite number is required"
        )
        // Fortran order on disk: the index is still the logical (i, j, k).
        let fortran = try NPYArray.decode(array.encoded(fortranOrder: true), file: "f.npy")
        #expect(throws: IOError.nonFiniteValue(file: "f.npy", line: nil, column: "element (1, 2, 3) (imaginary part)"))
        {
            try fortran.checkFinite(file: "f.npy")
        }
    }

    // MARK: - SigMF ranges

    /// Writes `base.sigmf-meta` with `global` members and `annotations`, and `samples` zero cf32 samples.
    func sigmf(
        in folder: TemporaryDirectory, global: String, captures: String = "[]", annotations: String = "[]",
        samples: Int = 4
    ) throws -> URL {
        let base = folder.file("rec")
        let meta = #"{"global": {\#(global)}, "captures": \#(captures), "annotations": \#(annotations)}"#
        try Data(meta.utf8).write(to: folder.file("rec.sigmf-meta"))
        try Data(count: 8 * samples).write(to: folder.file("rec.sigmf-data"))
        return base
    }

    func expectMalformed(
        _ base: URL, column: String, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(sourceLocation: sourceLocation) {
            try SigMFRecording.read(from: base)
        } throws: { error in
            guard case IOError.malformedInput(let file, _, let found, _) = error else { return false }
            return file.hasSuffix("rec.sigmf-meta") && found == column
        }
    }

    @Test func sampleRatesOutsideOneMillihertzToOneTerahertzAreRefused() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        // Before: 5e-324 passed as "positive finite" (wtk psd wrote 1,024 Inf cells), 1.8e308 gave −Inf frequencies.
        for rate in ["5e-324", "1.7e308", "1e-4", "2e12", "0", "-1", "\"fast\"", "null"] {
            let base = try sigmf(in: folder, global: #""core:datatype": "cf32_le", "core:sample_rate": \#(rate)"#)
            expectMalformed(base, column: "core:sample_rate")
        }
        for rate in ["1e-3", "1e12", "20000000"] {
            let base = try sigmf(in: folder, global: #""core:datatype": "cf32_le", "core:sample_rate": \#(rate)"#)
            #expect(try SigMFRecording.read(from: base).samples.count == 4)
        }
        // Beyond Double's range the JSON itself does not decode: still bad data naming the meta file.
        let huge = try sigmf(in: folder, global: #""core:datatype": "cf32_le", "core:sample_rate": 1.8e308"#)
        #expect {
            try SigMFRecording.read(from: huge)
        } throws: { error in
            guard case IOError.malformedInput(let file, _, _, _) = error else { return false }
            return file.hasSuffix("rec.sigmf-meta")
        }
        #expect(throws: IOError.self) {
            try SigMFRecording(samples: [.zero], sampleRateHz: 5e-324).write(to: folder.file("w"))
        }
    }

    @Test func frequenciesBeyondTenTerahertzAreRefused() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let global = #""core:datatype": "cf32_le", "core:sample_rate": 1e6"#
        expectMalformed(
            try sigmf(in: folder, global: global, captures: #"[{"core:sample_start": 0, "core:frequency": 1.7e308}]"#),
            column: "captures[0].core:frequency")
        expectMalformed(
            try sigmf(
                in: folder, global: global,
                annotations:
                    #"[{"core:sample_start": 0, "core:sample_count": 1, "core:freq_lower_edge": -1e300, "core:freq_upper_edge": 1}]"#
            ), column: "annotations[0].core:freq_lower_edge")
    }

    @Test func annotationWhoseEndOverflowsIsRefused() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        // Before: accepted, and `wtk spectrum evaluate --captures` trapped on start + count.
        let base = try sigmf(
            in: folder, global: #""core:datatype": "cf32_le", "core:sample_rate": 1e6"#,
            annotations: #"[{"core:sample_start": 1, "core:sample_count": 9223372036854775807}]"#)
        expectMalformed(base, column: "annotations[0].core:sample_count")
    }

    @Test func channelCountAndOffsetMustBeIntegers() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let global = #""core:datatype": "cf32_le", "core:sample_rate": 1e6"#
        expectMalformed(
            try sigmf(in: folder, global: global + #", "core:num_channels": "two""#), column: "core:num_channels")
        expectMalformed(try sigmf(in: folder, global: global + #", "core:offset": -5"#), column: "core:offset")
        #expect(throws: IOError.self) {
            try SigMFRecording.read(from: try sigmf(in: folder, global: global + #", "core:num_channels": 2"#))
        }
        #expect(
            try SigMFRecording.read(
                from: try sigmf(in: folder, global: global + #", "core:num_channels": 1, "core:offset": 0"#)
            ).samples.count == 4)
    }

    @Test func emptyMetaOrDataIsAnEmptyFile() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let base = try sigmf(in: folder, global: #""core:datatype": "ci16_le", "core:sample_rate": 1e6"#, samples: 0)
        // Before: a recording of no samples.
        #expect(throws: IOError.truncated(file: folder.file("rec.sigmf-data").path, expectedBytes: 4, actualBytes: 0)) {
            try SigMFRecording.read(from: base)
        }
        try Data().write(to: folder.file("rec.sigmf-meta"))
        // Before: "not valid JSON: dataCorrupted(Swift.DecodingError.Context(…".
        #expect(throws: IOError.truncated(file: folder.file("rec.sigmf-meta").path, expectedBytes: 2, actualBytes: 0)) {
            try SigMFRecording.read(from: base)
        }
    }

    @Test func badJSONIsDescribedWithoutTheDecoderDump() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try Data(#"{"global": {"core:datatype": "cf32_le",, }}"#.utf8).write(to: folder.file("rec.sigmf-meta"))
        try Data(count: 8).write(to: folder.file("rec.sigmf-data"))
        #expect {
            try SigMFRecording.read(from: folder.file("rec"))
        } throws: { error in
            guard case IOError.malformedInput(_, _, _, let reason) = error else { return false }
            return reason.hasPrefix("not valid JSON") && !reason.contains("Context(")
                && !reason.contains("NSCocoaErrorDomain")
        }
    }
}
