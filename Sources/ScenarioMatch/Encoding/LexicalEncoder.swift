/// The lexical block: character n-gram TF-IDF over both sides' text, one vocabulary.
public struct LexicalEncoder: Sendable {
    public let tokenizer: Tokenizer
    public let vectorizer: TFIDFVectorizer

    public init(tokenizer: Tokenizer, vectorizer: TFIDFVectorizer) {
        self.tokenizer = tokenizer
        self.vectorizer = vectorizer
    }

    /// Fits the vocabulary on the catalog (and, when given, company texts).
    public static func fit(scenarios: [Scenario], companies: [Company] = [], tokenizer: Tokenizer, maxTerms: Int = 1 << 15) -> LexicalEncoder {
        let docs = scenarios.map { RecordText.tokens(RecordText.scenarioParts($0), tokenizer: tokenizer) }
            + companies.map { RecordText.tokens(RecordText.companyParts($0), tokenizer: tokenizer) }
        return LexicalEncoder(tokenizer: tokenizer, vectorizer: .fit(documents: docs, maxTerms: maxTerms))
    }

    public func encode(_ s: Scenario) -> SparseVector {
        vectorizer.vector(RecordText.tokens(RecordText.scenarioParts(s), tokenizer: tokenizer))
    }

    public func encode(_ c: Company) -> SparseVector {
        vectorizer.vector(RecordText.tokens(RecordText.companyParts(c), tokenizer: tokenizer))
    }

    public var dimension: Int { vectorizer.dimension }
}
