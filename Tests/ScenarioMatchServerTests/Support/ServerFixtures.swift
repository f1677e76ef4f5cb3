import Foundation
import TestSupport
import Hummingbird
import HummingbirdTesting
import ScenarioMatch
@testable import ScenarioMatchServer
import Testing

/// Paths, configurations and request helpers shared by the server tests.
enum ServerFixtures {
    /// Tests/ScenarioMatchServerTests/Support/ServerFixtures.swift → package root.
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String {
        root.appendingPathComponent("Tests/ScenarioMatchServerTests/Fixtures").appendingPathComponent(relative).path
    }

    static var catalog: String { path("catalog.jsonl") }
    static var companies: String { path("companies.jsonl") }
    static let token = "test-token-0123456789"
    /// Deadlines in the fixture catalog are judged against this day.
    static let today = "2026-11-23"

    static func configuration(
        storage: ServerConfiguration.Storage = .inMemory, seed: String? = ServerFixtures.catalog,
        companies: String? = nil, token: String? = ServerFixtures.token, maxBodyBytes: Int = ServerConfiguration.defaultMaxBodyBytes,
        model: (HybridModel, Lexicon)? = nil
    ) -> ServerConfiguration {
        ServerConfiguration(host: "127.0.0.1", port: 0, storage: storage, seedScenariosPath: seed, companiesPath: companies,
                            token: token, maxBodyBytes: maxBodyBytes, model: model?.0, lexicon: model?.1, today: today,
                            logLevel: .warning)
    }

    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sm-server-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func read(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    static var authorized: HTTPFields { [.authorization: "Bearer \(token)", .contentType: "application/json"] }
    static var json: HTTPFields { [.contentType: "application/json"] }

    /// The `scenario-match` binary built beside the test bundle.
    static let binary: URL = CommandLineRunner.binary(root: root)

    typealias ProcessResult = CommandLineRunner.Result

    static func run(_ executable: URL, _ arguments: [String], cwd: URL? = nil) throws -> ProcessResult {
        try CommandLineRunner.run(executable, arguments, cwd: cwd ?? root)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body as a JSON object (fails the test when it is not one).
    func object(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(buffer: body))
        return try #require(value as? [String: Any], "expected a JSON object, got \(text.prefix(200))", sourceLocation: sourceLocation)
    }

    /// Checks the API's error shape: the status, `{"error": non-empty, "field": expected}`.
    func expectError(_ status: HTTPResponse.Status, field: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(self.status == status, "body: \(text.prefix(300))", sourceLocation: sourceLocation)
        let json = try object(sourceLocation: sourceLocation)
        #expect((json["error"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
        #expect(json["field"] as? String == field, "error: \(json["error"] ?? "")", sourceLocation: sourceLocation)
        #expect(headers[.contentType]?.hasPrefix("application/json") == true, sourceLocation: sourceLocation)
    }
}

extension ByteBuffer {
    init(data: Data) { self.init(bytes: data) }
}

extension Data {
    init(buffer: ByteBuffer) { self.init(buffer.readableBytesView) }
}
