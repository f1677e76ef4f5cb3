import Foundation
import Logging
import ScenarioMatch

/// Everything `buildApplication(_:)` needs, so that `serve` and the tests build the same app.
public struct ServerConfiguration: Sendable {
    /// Where the catalog lives between restarts.
    public enum Storage: Sendable, Equatable {
        /// Nothing survives a restart (tests, demos).
        case inMemory
        /// A SQLite file, created on first start.
        case sqlite(path: String)
    }

    public var host: String
    /// 0 picks a free port; `onServerRunning` is told which.
    public var port: Int
    public var storage: Storage
    /// Seeds an empty store on first start; ignored once the store holds scenarios.
    public var seedScenariosPath: String?
    /// Registry for `GET /v1/scenarios/{id}/companies` (.csv or .jsonl); nil disables that route's data.
    public var companiesPath: String?
    /// Bearer token for the writing routes; nil means writes are refused.
    public var token: String?
    /// Largest request body read, in bytes.
    public var maxBodyBytes: Int
    /// The trained model and its lexicon; nil matches with the untrained model.
    public var model: HybridModel?
    public var lexicon: Lexicon?
    /// A fixed "today" for deadlines (YYYY-MM-DD); nil means the day each request arrives.
    public var today: String?
    public var includeClosed: Bool
    public var includeExpired: Bool
    public var logLevel: Logger.Level
    /// Called with the bound port once the server listens.
    public var onServerRunning: (@Sendable (Int) async -> Void)?

    public static let defaultMaxBodyBytes = 1 << 20
    public static let defaultScenariosPath = "Datasets/scenarios.jsonl"

    public init(
        host: String = "127.0.0.1", port: Int = 8080, storage: Storage = .inMemory,
        seedScenariosPath: String? = nil, companiesPath: String? = nil, token: String? = nil,
        maxBodyBytes: Int = ServerConfiguration.defaultMaxBodyBytes,
        model: HybridModel? = nil, lexicon: Lexicon? = nil, today: String? = nil,
        includeClosed: Bool = false, includeExpired: Bool = false, logLevel: Logger.Level = .info,
        onServerRunning: (@Sendable (Int) async -> Void)? = nil
    ) {
        self.host = host; self.port = port; self.storage = storage
        self.seedScenariosPath = seedScenariosPath; self.companiesPath = companiesPath
        self.token = token; self.maxBodyBytes = maxBodyBytes
        self.model = model; self.lexicon = lexicon; self.today = today
        self.includeClosed = includeClosed; self.includeExpired = includeExpired
        self.logLevel = logLevel; self.onServerRunning = onServerRunning
    }

    /// The constraints in force for a request arriving now.
    func constraints(now: Date = Date()) -> Constraints {
        Constraints(today: today ?? DateText.today(now), includeClosed: includeClosed, includeExpired: includeExpired)
    }
}
