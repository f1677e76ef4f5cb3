import ScenarioMatch

extension Matcher {
    /// Like `match(_:top:constraints:)`, restricted to scenarios `keep` accepts (the web
    /// page's district and domain filters). The filter runs inside the index search, after the
    /// multiply, so the top `top` are the best of the kept scenarios rather than a trimmed
    /// top list. Without a filter the server calls `match` itself, the CLI's own path.
    func matchItems(_ company: Company, top: Int, constraints: Constraints, where keep: @escaping (Scenario) -> Bool) -> [MatchAnswer.Item] {
        let encoding = encoder.encode(company)
        let (query, sparse) = layout.matrices([encoding])
        let catalog = self.catalog
        let found = index.search(query, sparse: sparse, k: top) { _, j in
            keep(catalog[j]) && constraints.verdict(company: company, scenario: catalog[j]) == .passed
        }[0]
        return found.enumerated().map { r, e in
            let s = catalog[Int(e.id)]
            let reasons = explain(company, encoding: encoding, scenario: Int(e.id))
            return MatchAnswer.Item(rank: r + 1, scenarioID: s.id, title: s.title, score: e.score, reasons: reasons)
        }
    }
}
