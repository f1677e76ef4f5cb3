import Foundation

/// Reads and writes a trained `HybridModel` as two files in the models folder:
/// `model.json` (a one-line header with the format, its version and a checksum of the
/// body, then the body) and `semantic.f32` (the projection, little-endian Float32, whose
/// checksum the body holds). Both are written atomically, the matrix first.
public enum ModelFile {
    public static let name = "model.json"
    public static let projectionName = "semantic.f32"
    static let format = "scenario-match-model"

    struct Header: Codable { var format: String; var format_version: Int; var checksum: String }

    struct Body: Codable {
        var weights: BlockWeights
        var link_weight: Float
        var semantic_vocabulary: TFIDFVectorizer
        var concept_vocabulary: TFIDFVectorizer
        var projection: ProjectionRef?
        var lexicon_checksum: String
        var provenance: [String: String]
    }

    struct ProjectionRef: Codable { var rows: Int; var columns: Int; var file: String; var checksum: String }

    public static func write(_ model: HybridModel, to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var ref: ProjectionRef?
        if let p = model.projection {
            let littleEndian = Data(p.basis.storage.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) })
            try AtomicFile.write(littleEndian, to: (directory as NSString).appendingPathComponent(projectionName))
            ref = ProjectionRef(rows: p.basis.rows, columns: p.basis.columns, file: projectionName, checksum: Checksum.of(littleEndian))
        }
        let body = Body(weights: model.weights, link_weight: model.linkWeight,
                        semantic_vocabulary: model.semanticVocabulary, concept_vocabulary: model.conceptVocabulary,
                        projection: ref, lexicon_checksum: model.lexiconChecksum, provenance: model.provenance)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let bodyData = try encoder.encode(body)
        let header = try encoder.encode(Header(format: format, format_version: HybridModel.formatVersion, checksum: Checksum.of(bodyData)))
        try AtomicFile.write(header + Data("\n".utf8) + bodyData + Data("\n".utf8), to: (directory as NSString).appendingPathComponent(name))
    }

    public static func load(from directory: String) throws(InputError) -> HybridModel {
        let path = (directory as NSString).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, line: 0, message: "no trained model here: run `scenario-match train` or pass --models DIR")
        }
        guard let nl = data.firstIndex(of: 0x0A) else { throw InputError(file: path, line: 1, message: "damaged model file: no header line") }
        let headerData = data[data.startIndex..<nl]
        var bodyData = data[(nl + 1)...]
        if bodyData.last == 0x0A { bodyData = bodyData.dropLast() }
        guard let header = try? JSONDecoder().decode(Header.self, from: headerData), header.format == format else {
            throw InputError(file: path, line: 1, field: "format", message: "not a ScenarioMatch model file")
        }
        guard header.format_version == HybridModel.formatVersion else {
            throw InputError(file: path, line: 1, field: "format_version", message: "version \(header.format_version), this build reads \(HybridModel.formatVersion): retrain with `scenario-match train`")
        }
        guard Checksum.of(bodyData) == header.checksum else {
            throw InputError(file: path, line: 2, field: "checksum", message: "the model body does not match its checksum: the file is damaged; retrain or restore it")
        }
        let body: Body
        do { body = try JSONDecoder().decode(Body.self, from: Data(bodyData)) } catch {
            throw InputError(file: path, line: 2, message: "damaged model body: \(error)")
        }
        var projection: SemanticProjection?
        if let ref = body.projection {
            let ppath = (directory as NSString).appendingPathComponent(ref.file)
            guard let bytes = FileManager.default.contents(atPath: ppath) else {
                throw InputError(file: ppath, line: 0, message: "the model's projection file is missing")
            }
            guard bytes.count == ref.rows * ref.columns * 4, Checksum.of(bytes) == ref.checksum else {
                throw InputError(file: ppath, line: 0, field: "checksum", message: "the projection does not match the size or checksum in \(name): the file is damaged")
            }
            var floats = [Float](repeating: 0, count: ref.rows * ref.columns)
            bytes.withUnsafeBytes { raw in
                for i in floats.indices {
                    floats[i] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
                }
            }
            projection = SemanticProjection(basis: Matrix(rows: ref.rows, columns: ref.columns, storage: floats))
        }
        return HybridModel(weights: body.weights, linkWeight: body.link_weight,
                           semanticVocabulary: body.semantic_vocabulary, projection: projection,
                           conceptVocabulary: body.concept_vocabulary, lexiconChecksum: body.lexicon_checksum,
                           provenance: body.provenance)
    }

    static func codingPath(_ path: [CodingKey]) -> String {
        path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}
