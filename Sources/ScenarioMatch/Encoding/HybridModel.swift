/// What `scenario-match train` learns and writes to `Models/`: the semantic vocabulary and
/// projection, concept IDF, block weights. The lexical vocabulary is not part of it: it is
/// fitted on whatever catalog is being matched, so no n-gram of a new catalog is lost.
public struct HybridModel: Sendable {
    public static let formatVersion = 1

    public var weights: BlockWeights
    public var linkWeight: Float
    /// Vocabulary and IDF of the text the semantic projection reads (n-grams and concepts).
    public var semanticVocabulary: TFIDFVectorizer
    public var projection: SemanticProjection?
    /// IDF of concept features, learned on the training corpus.
    public var conceptVocabulary: TFIDFVectorizer
    /// A checksum of the lexicon the model was trained with.
    public var lexiconChecksum: String
    /// Free-form facts about the training run (data, date, figures), kept for the model card.
    public var provenance: [String: String]

    public init(weights: BlockWeights, linkWeight: Float, semanticVocabulary: TFIDFVectorizer,
                projection: SemanticProjection?, conceptVocabulary: TFIDFVectorizer,
                lexiconChecksum: String, provenance: [String: String] = [:]) {
        self.weights = weights; self.linkWeight = linkWeight
        self.semanticVocabulary = semanticVocabulary; self.projection = projection
        self.conceptVocabulary = conceptVocabulary; self.lexiconChecksum = lexiconChecksum
        self.provenance = provenance
    }
}

extension HybridModel {
    /// A model with no training: every lexicon concept at IDF 1, no semantic block, and
    /// hand-set weights. Used where no trained artifact is wanted (tests, a new lexicon).
    public static func untrained(lexicon: Lexicon?, linkWeight: Float = 0.6) -> HybridModel {
        let ids = (lexicon?.concepts ?? []).filter { $0.kind != .generic }.map(\.id).sorted()
        var weights = BlockWeights.untrained
        weights[.semantic] = 0
        return HybridModel(
            weights: weights, linkWeight: linkWeight,
            semanticVocabulary: TFIDFVectorizer(terms: [], idf: []), projection: nil,
            conceptVocabulary: TFIDFVectorizer(terms: ids, idf: ids.map { _ in 1 }),
            lexiconChecksum: lexicon?.checksum ?? "")
    }
}
