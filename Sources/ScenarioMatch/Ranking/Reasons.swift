/// Human-readable reasons, in Chinese, for one match: which blocks carried the score and
/// by how much, the concepts and words both sides share (with the lexicon link that joined
/// them), and the hard constraints the company passed.
public enum Reasons {
    public static func explain(
        company: Company, scenario: Scenario,
        companyEncoding c: HybridEncoder.Encoded, scenarioEncoding s: HybridEncoder.Encoded, encoder: HybridEncoder,
        companyText: SharedPhrases.Text? = nil, scenarioText: SharedPhrases.Text? = nil
    ) -> [String] {
        var out: [String] = []
        let parts = encoder.contributions(c, s)
        let total = parts.values.reduce(0, +)
        if total > 0 {
            let shown = FeatureBlock.allCases.filter { (parts[$0] ?? 0) > 0.0005 }
                .map { "\($0.label) \(format(parts[$0]!))（\(Int((100 * parts[$0]! / total).rounded()))%）" }
            out.append("得分构成：" + shown.joined(separator: "，"))
        }
        let concepts = conceptLinks(c, s, encoder: encoder, limit: 5)
        if !concepts.isEmpty { out.append("关键概念：" + concepts.joined(separator: "；")) }
        let terms = SharedPhrases.longest(
            seeds: sharedTerms(c[.lexical], s[.lexical], vectorizer: encoder.lexical, limit: 12),
            company: companyText ?? SharedPhrases.Text(company.text), scenario: scenarioText ?? SharedPhrases.Text(scenario.text), limit: 6)
        if !terms.isEmpty { out.append("共同关键词：" + terms.joined(separator: "、")) }
        let domains = scenario.domains.filter { company.industries.contains($0) }
        if !domains.isEmpty { out.append("领域一致：" + domains.joined(separator: "、")) }
        out.append(contentsOf: constraintsPassed(company: company, scenario: scenario))
        return out
    }

    static func format(_ x: Float) -> String {
        let r = (Double(x) * 1000).rounded() / 1000
        return String(r)
    }

    /// Concepts the scenario names that the company covers, strongest first: by name
    /// ("电力设施巡检"), or through a product or technology it names that serves the
    /// application ("四足机器人 → 电力设施巡检"). Only what the scenario's text names is shown,
    /// so a reader can find every concept in it.
    static func conceptLinks(_ c: HybridEncoder.Encoded, _ s: HybridEncoder.Encoded, encoder: HybridEncoder, limit: Int) -> [String] {
        guard let lexicon = encoder.expansion?.lexicon else { return [] }
        let shared = s.named.filter { c.concepts[$0] != nil }
            .sorted { (c.concepts[$0]! * s.concepts[$0]!, $1) > (c.concepts[$1]! * s.concepts[$1]!, $0) }
        var out: [String] = []
        var seen: Set<String> = []
        // What the company names itself, looked up once: the sources of linked concepts.
        lazy var named = c.named.sorted().compactMap { lexicon.concept($0) }
        for id in shared {
            guard let concept = lexicon.concept(id), !seen.contains(concept.label) else { continue }
            seen.insert(concept.label)
            if c.named.contains(id) {
                out.append(concept.label)
            } else if let source = named.first(where: { $0.serves.contains(id) }) {
                out.append("\(source.label) → \(concept.label)")
            } else {
                continue
            }
            if out.count == limit { break }
        }
        return out
    }

    /// The shared n-grams that contributed most; a bigram says more to a reader than its
    /// two characters, so single characters are left out.
    static func sharedTerms(_ a: SparseVector, _ b: SparseVector, vectorizer: TFIDFVectorizer, limit: Int) -> [String] {
        var picked: [String] = []
        for (index, _) in a.sharedContributions(b) {
            let term = vectorizer.terms[Int(index)]
            if term.unicodeScalars.count < 2 || picked.contains(where: { SharedPhrases.occurs(term, in: $0) }) { continue }
            picked.append(term)
            if picked.count == limit { break }
        }
        return picked
    }

    static func constraintsPassed(company: Company, scenario: Scenario) -> [String] {
        var out: [String] = []
        if !scenario.eligibleDistricts.isEmpty, let d = company.district {
            out.append("符合区县要求：\(d)（限 \(scenario.eligibleDistricts.joined(separator: "、"))）")
        }
        if !scenario.qualifications.isEmpty {
            out.append("具备所需资质：" + scenario.qualifications.joined(separator: "、"))
        }
        out.append(scenario.deadline.map { "场景开放中，截止 \($0)" } ?? "场景开放中")
        return out
    }
}
