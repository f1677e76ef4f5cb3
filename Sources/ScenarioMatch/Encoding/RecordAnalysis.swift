/// The features one record's text yields, before any weighting: n-gram counts and
/// lexicon concept counts, each text part repeated by its weight.
public struct RecordAnalysis: Sendable {
    public var ngrams: [String: Float] = [:]
    public var concepts: [String: Float] = [:]
    /// Structured labels: a scenario's domains, a company's industries.
    public var declaredDomains: [String] = []
    public var district: String?

    public init(parts: [(text: String, repeats: Int)], tokenizer: Tokenizer, declaredDomains: [String], district: String?) {
        for part in parts where !part.text.isEmpty {
            let a = tokenizer.analyze(part.text)
            let r = Float(part.repeats)
            for t in a.ngrams { ngrams[t, default: 0] += r }
            for c in a.concepts { concepts[c, default: 0] += r }
        }
        self.declaredDomains = declaredDomains
        self.district = district
    }

    public init(_ s: Scenario, tokenizer: Tokenizer) {
        self.init(parts: RecordText.scenarioParts(s), tokenizer: tokenizer, declaredDomains: s.domains, district: s.district)
    }

    public init(_ c: Company, tokenizer: Tokenizer) {
        self.init(parts: RecordText.companyParts(c), tokenizer: tokenizer, declaredDomains: c.industries, district: c.district)
    }
}
