/// Knobs of `scenario-match train`. Defaults are what the shipped model was trained with.
public struct TrainingOptions: Sendable {
    /// Components kept by the truncated SVD.
    public var semanticRank = 192
    /// Largest semantic vocabulary (most frequent n-grams and concepts first).
    public var semanticTerms = 12000
    /// Add the lexicon's concepts and links to the SVD's corpus as pseudo-documents.
    public var lexiconDocuments = true
    /// Candidate weights of a product's link to the applications it serves.
    public var linkWeights: [Float] = [0.3, 0.6, 1.0]
    /// Candidate values for each block weight in coordinate ascent (lexical stays at 1).
    public var weightGrid: [Float] = [0, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6]
    public var rounds = 3
    /// Cut-off of the nDCG the weights are fitted for.
    public var cutoff = 10
    /// Deadlines are judged as of this date while fitting.
    public var today: String
    /// Blocks the model may use; the others are held at weight 0 (for ablations).
    public var blocks: Set<FeatureBlock> = Set(FeatureBlock.allCases)

    public init(today: String) { self.today = today }
}
