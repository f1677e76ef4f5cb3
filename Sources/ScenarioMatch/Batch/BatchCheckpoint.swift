import Foundation

/// What a killed batch needs to continue with neither duplicates nor gaps: where the input
/// was consumed to, how many bytes of each partial output belong to consumed rows, and the
/// per-scenario heaps so far. Written atomically after every block, once the outputs are
/// flushed to disk; bytes past the recorded sizes are cut off on resume.
struct BatchCheckpoint: Codable {
    var input: String
    var position: CompanyStream.Position
    var outputBytes: [String: UInt64]
    var matched: Int
    var failed: Int
    var perScenario: [[Candidate]]

    struct Candidate: Codable { var company: String; var score: Float }

    static func load(_ path: String) -> BatchCheckpoint? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(BatchCheckpoint.self, from: data)
    }

    func save(_ path: String) throws {
        try AtomicFile.write(try JSONEncoder().encode(self), to: path)
    }
}
