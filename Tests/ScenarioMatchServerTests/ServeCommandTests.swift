import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import ScenarioMatch
import Testing

/// `scenario-match serve` as a user runs it: the real binary on a free loopback port, its
/// options and environment, SIGTERM, and a second start on the same database.
@Suite("Server: the serve subcommand")
struct ServeCommandTests {
    final class Server: @unchecked Sendable {
        let process = Process()
        let log: URL
        var port = 0

        init(arguments: [String], environment: [String: String], log: URL) throws {
            self.log = log
            FileManager.default.createFile(atPath: log.path, contents: nil)
            let handle = try FileHandle(forWritingTo: log)
            process.executableURL = ServerFixtures.binary
            process.arguments = ["serve", "--port", "0"] + arguments
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            process.currentDirectoryURL = ServerFixtures.root
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
        }

        /// Waits for the "serving on http://127.0.0.1:PORT/" line.
        func waitUntilServing(timeout: TimeInterval = 120) throws {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                if let range = text.range(of: #"serving on http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                    port = Int(text[range].split(separator: ":").last!.dropLast())!
                    return
                }
                guard process.isRunning else { break }
                Thread.sleep(forTimeInterval: 0.1)
            }
            throw ServeError(message: "serve did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        }

        func stop() -> Int32 {
            process.terminate()
            process.waitUntilExit()
            return process.terminationStatus
        }

        func request(_ path: String, method: String = "GET", body: String? = nil, token: String? = nil) async throws -> (Int, [String: Any]) {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
            request.httpMethod = method
            request.httpBody = body.map { Data($0.utf8) }
            if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
            let (data, response) = try await URLSession.shared.data(for: request)
            let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, json)
        }
    }

    struct ServeError: Error, CustomStringConvertible { var message: String; var description: String { message } }

    @Test("serve seeds a SQLite file, takes the token from SCENARIO_MATCH_TOKEN, stops on SIGTERM and restarts with its data")
    func endToEnd() async throws {
        let dir = ServerFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let models = try Self.untrainedModels(in: dir)
        let database = dir.appendingPathComponent("serve.sqlite").path
        let arguments = ["--database", database, "--scenarios", ServerFixtures.catalog, "--models", models.path,
                         "--companies", ServerFixtures.companies, "--today", ServerFixtures.today, "--max-body", "2048"]
        let environment = ["SCENARIO_MATCH_TOKEN": ServerFixtures.token]

        let first = try Server(arguments: arguments, environment: environment, log: dir.appendingPathComponent("first.log"))
        try await Self.offPool { try first.waitUntilServing() }
        do {
            let (status, health) = try await first.request("/healthz")
            #expect(status == 200 && health["scenarios"] as? Int == 8 && health["registry_companies"] as? Int == 4)
            let (posted, answer) = try await first.request("/v1/scenarios", method: "POST", body: WriteRouteTests.newScenario, token: ServerFixtures.token)
            #expect(posted == 201, "\(answer)")
            let (refused, _) = try await first.request("/v1/scenarios", method: "POST", body: WriteRouteTests.newScenario, token: "not-the-token")
            #expect(refused == 401)
            let (tooLarge, error) = try await first.request("/v1/match", method: "POST", body: String(repeating: " ", count: 4096))
            #expect(tooLarge == 413 && error["field"] as? String == "body")
            let (matched, result) = try await first.request("/v1/match?top=10", method: "POST",
                                                            body: String(decoding: try ServerFixtures.read(ServerFixtures.path("company.json")), as: UTF8.self))
            #expect(matched == 200)
            #expect((result["matches"] as? [[String: Any]])?.contains { $0["scenario_id"] as? String == "NEW-1" } == true)
        } catch {
            _ = first.stop()
            throw error
        }
        #expect(first.stop() == 0, "serve should exit 0 on SIGTERM: \((try? String(contentsOf: first.log, encoding: .utf8)) ?? "")")
        #expect(FileManager.default.fileExists(atPath: database))

        let second = try Server(arguments: arguments, environment: [:], log: dir.appendingPathComponent("second.log"))
        try await Self.offPool { try second.waitUntilServing() }
        defer { _ = second.stop() }
        let (_, health) = try await second.request("/v1/scenarios/NEW-1")
        #expect(health["id"] as? String == "NEW-1")
        // Started without a token this time: writes are refused.
        let (refused, _) = try await second.request("/v1/scenarios", method: "POST", body: WriteRouteTests.newScenario, token: ServerFixtures.token)
        #expect(refused == 401)
    }

    @Test("A bad registry file ends serve with one line naming file, line and field, and a non-zero status")
    func badRegistry() throws {
        let dir = ServerFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let registry = dir.appendingPathComponent("companies.jsonl").path
        try Data("{\"id\":\"C-1\",\"description\":\"d\"}\n".utf8).write(to: URL(fileURLWithPath: registry))
        let r = try ServerFixtures.run(ServerFixtures.binary, [
            "serve", "--port", "0", "--database", ":memory:", "--scenarios", ServerFixtures.catalog,
            "--companies", registry, "--models", try Self.untrainedModels(in: dir).path,
        ])
        #expect(r.status == 2)
        #expect(r.stderr.contains("error: \(registry):1: field 'name': missing required field"), "\(r.stderr)")
    }

    /// A models folder of the test's own (the package's lexicon, an untrained model), so the
    /// test does not depend on whether Models/ is being retrained.
    static func untrainedModels(in dir: URL) throws -> URL {
        let models = dir.appendingPathComponent("models")
        try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: models.appendingPathComponent("lexicon"),
                                                   withDestinationURL: ServerFixtures.root.appendingPathComponent("Models/lexicon"))
        try ModelFile.write(.untrained(lexicon: try LexiconFile.load(directory: models.appendingPathComponent("lexicon").path)), to: models.path)
        return models
    }

    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }
}
