import ScenarioMatch

/// The catalog in memory: nothing survives a restart. For tests and `--database :memory:`.
public actor InMemoryCatalogRepository: CatalogRepository {
    private var order: [String] = []
    private var byID: [String: Scenario] = [:]

    public init(_ scenarios: [Scenario] = []) {
        for s in scenarios {
            if byID[s.id] == nil { order.append(s.id) }
            byID[s.id] = s
        }
    }

    public func count() -> Int { order.count }

    public func all() -> [Scenario] { order.map { byID[$0]! } }

    public func scenario(id: String) -> Scenario? { byID[id] }

    public func list(_ filter: ScenarioFilter, page: Int, perPage: Int) -> ScenarioPage {
        let matching = all().filter(filter.accepts)
        let start = min(matching.count, (page - 1) * perPage)
        return ScenarioPage(items: Array(matching[start..<min(matching.count, start + perPage)]), total: matching.count)
    }

    public func upsert(_ scenarios: [Scenario]) -> UpsertSummary {
        var summary = UpsertSummary(inserted: 0, updated: 0)
        for s in scenarios {
            if byID[s.id] == nil {
                order.append(s.id)
                summary.inserted += 1
            } else {
                summary.updated += 1
            }
            byID[s.id] = s
        }
        return summary
    }

    public func update(id: String, status: Scenario.Status?, deadline: String??) -> Scenario? {
        guard var s = byID[id] else { return nil }
        if let status { s.status = status }
        if let deadline { s.deadline = deadline }
        byID[id] = s
        return s
    }
}
