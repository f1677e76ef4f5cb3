import Foundation

/// Reads the domain lexicon: every `*.json` file of `Models/lexicon/` (one per group of
/// domains, each `{"concepts": [ … ]}`), merged and validated as one.
public enum LexiconFile {
    public static func load(directory: String) throws(InputError) -> Lexicon {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        guard !names.isEmpty else {
            throw InputError(file: directory, line: 0, message: "no lexicon files (*.json) here: run from the project root, or pass --models DIR")
        }
        var concepts: [Lexicon.Concept] = []
        for name in names { concepts += try parts(path: (directory as NSString).appendingPathComponent(name)) }
        do {
            return try Lexicon(concepts: concepts)
        } catch {
            throw InputError(file: directory, line: 0, field: "concepts", message: error.description)
        }
    }

    public static func load(path: String) throws(InputError) -> Lexicon {
        let concepts = try parts(path: path)
        do {
            return try Lexicon(concepts: concepts)
        } catch {
            throw InputError(file: path, line: 1, field: "concepts", message: error.description)
        }
    }

    static func parts(path: String) throws(InputError) -> [Lexicon.Concept] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, line: 0, message: "cannot read the lexicon (run from the project root, or pass --models DIR)")
        }
        struct File: Decodable { var concepts: [Lexicon.Concept] }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw InputError(file: path, line: 1, field: key.stringValue, message: "missing in \(ModelFile.codingPath(ctx.codingPath))")
        } catch let DecodingError.typeMismatch(_, ctx), let DecodingError.valueNotFound(_, ctx), let DecodingError.dataCorrupted(ctx) {
            throw InputError(file: path, line: 1, field: ctx.codingPath.last?.stringValue, message: "\(ctx.debugDescription) at \(ModelFile.codingPath(ctx.codingPath))")
        } catch {
            throw InputError(file: path, line: 1, message: "not a lexicon: \(error)")
        }
        return file.concepts
    }
}
