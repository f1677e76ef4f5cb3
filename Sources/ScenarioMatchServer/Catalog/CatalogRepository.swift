import ScenarioMatch

/// Filters of `GET /v1/scenarios`; nil matches anything.
public struct ScenarioFilter: Sendable, Equatable {
    public var domain: String?
    public var district: String?
    public var status: Scenario.Status?

    public init(domain: String? = nil, district: String? = nil, status: Scenario.Status? = nil) {
        self.domain = domain; self.district = district; self.status = status
    }

    func accepts(_ s: Scenario) -> Bool {
        if let domain, !s.domains.contains(domain) { return false }
        if let district, s.district != district { return false }
        if let status, s.status != status { return false }
        return true
    }
}

/// One page of scenarios and how many match the filter in all.
public struct ScenarioPage: Sendable, Equatable {
    public var items: [Scenario]
    public var total: Int
}

/// How many scenarios a write added and how many it replaced.
public struct UpsertSummary: Sendable, Equatable {
    public var inserted: Int
    public var updated: Int
}

/// Where the catalog is kept. Order is first insertion; an upsert keeps a scenario's place.
/// The matcher never reads the repository per request: it is rebuilt from `all()` after
/// each write (see `MatcherHolder`).
public protocol CatalogRepository: Sendable {
    func count() async throws -> Int
    func all() async throws -> [Scenario]
    func scenario(id: String) async throws -> Scenario?
    /// `page` counts from 1.
    func list(_ filter: ScenarioFilter, page: Int, perPage: Int) async throws -> ScenarioPage
    /// Inserts new ids and replaces existing ones, all or nothing.
    func upsert(_ scenarios: [Scenario]) async throws -> UpsertSummary
    /// Changes status and/or deadline; `deadline: .some(nil)` clears it. Nil when the id is unknown.
    func update(id: String, status: Scenario.Status?, deadline: String??) async throws -> Scenario?
}
