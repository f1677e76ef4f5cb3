/// Human-readable reasons, in Chinese, for one match: what carried the score and which
/// hard constraints the company passed.
public enum Reasons {
    public static func explain(
        company: Company, scenario: Scenario,
        companyVector: SparseVector, scenarioVector: SparseVector, vectorizer: TFIDFVectorizer
    ) -> [String] {
        var out: [String] = []
        let terms = sharedTerms(companyVector, scenarioVector, vectorizer: vectorizer, limit: 6)
        if !terms.isEmpty { out.append("共同关键词：" + terms.joined(separator: "、")) }
        let domains = scenario.domains.filter { company.industries.contains($0) }
        if !domains.isEmpty { out.append("领域一致：" + domains.joined(separator: "、")) }
        out.append(contentsOf: constraintsPassed(company: company, scenario: scenario))
        return out
    }

    /// The shared features that contributed most, longest first among near-equals: a
    /// bigram says more to a reader than its two characters.
    static func sharedTerms(_ a: SparseVector, _ b: SparseVector, vectorizer: TFIDFVectorizer, limit: Int) -> [String] {
        var picked: [String] = []
        for (index, _) in a.sharedContributions(b) {
            let term = vectorizer.terms[Int(index)]
            if term.count < 2 { continue }
            if picked.contains(where: { $0.contains(term) }) { continue }
            picked.append(term.hasPrefix(Lexicon.featurePrefix) ? String(term.dropFirst()) : term)
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
        if let deadline = scenario.deadline {
            out.append("场景开放中，截止 \(deadline)")
        } else {
            out.append("场景开放中")
        }
        return out
    }
}
