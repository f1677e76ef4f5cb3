import ArgumentParser
import Foundation
import Logging
import ScenarioMatch
import ScenarioMatchServer

/// `scenario-match serve`: the HTTP API and the web page, over a catalog kept in SQLite.
/// A synchronous command (the root command is synchronous) that blocks on the async server.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API (POST /v1/match, /v1/scenarios, /healthz, /metrics) and a web page at /.",
        discussion: """
        The catalog lives in the SQLite file given by --database and survives restarts; an empty \
        database is seeded from --scenarios (default Datasets/scenarios.jsonl). Writes (POST and \
        PATCH /v1/scenarios) need 'Authorization: Bearer TOKEN' with the token of --token or of \
        the environment variable SCENARIO_MATCH_TOKEN.
        """
    )

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: Int = 8080

    @Option(help: "SQLite file holding the catalog, created if missing; ':memory:' keeps it in memory only.")
    var database: String = "scenario-match.sqlite"

    @Option(help: "Company registry (.csv or .jsonl) for GET /v1/scenarios/{id}/companies.")
    var companies: String?

    @Option(help: "Bearer token (8+ characters) for POST and PATCH /v1/scenarios (default: $SCENARIO_MATCH_TOKEN; without one, writes are refused).")
    var token: String?

    @Option(help: "Largest request body accepted, in bytes.")
    var maxBody: Int = ServerConfiguration.defaultMaxBodyBytes

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    @OptionGroup var catalog: CatalogOptions

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard maxBody >= 1 else { throw ValidationError("--max-body must be at least 1 byte") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level: unknown level '\(logLevel)'") }
        if let token = resolvedToken, token.count < 8 { throw ValidationError("the token must be at least 8 characters") }
    }

    var resolvedToken: String? {
        if let token, !token.isEmpty { return token }
        let env = ProcessInfo.processInfo.environment["SCENARIO_MATCH_TOKEN"]
        return env?.isEmpty == false ? env : nil
    }

    func run() throws {
        let (model, lexicon) = try failOnInputError { try catalog.loadModel() }
        let config = ServerConfiguration(
            host: host, port: port,
            storage: database == ":memory:" ? .inMemory : .sqlite(path: database),
            seedScenariosPath: catalog.scenarios, companiesPath: companies, token: resolvedToken, maxBodyBytes: maxBody,
            model: model, lexicon: lexicon, today: catalog.today,
            includeClosed: catalog.includeClosed, includeExpired: catalog.includeExpired,
            logLevel: Logger.Level(rawValue: logLevel) ?? .info)
        if resolvedToken == nil {
            FileHandle.standardError.write(Data("serve: no --token or SCENARIO_MATCH_TOKEN: POST and PATCH /v1/scenarios are refused\n".utf8))
        }
        try runBlocking {
            let app = try await failOnInputErrorAsync { try await buildApplication(config) }
            try await app.runService()
        }
    }
}

/// Runs async work to the end from synchronous code; the main thread waits outside Swift's
/// cooperative pool, so the work never competes with it for a thread.
func runBlocking(_ body: @escaping @Sendable () async throws -> Void) throws {
    final class Outcome: @unchecked Sendable { var error: (any Error)? }
    let outcome = Outcome()
    let done = DispatchSemaphore(value: 0)
    Task {
        do { try await body() } catch { outcome.error = error }
        done.signal()
    }
    done.wait()
    if let error = outcome.error { throw error }
}

/// `failOnInputError` for async work: bad seed or registry files end `serve` with one line.
func failOnInputErrorAsync<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as InputError {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        throw ExitCode(2)
    }
}
