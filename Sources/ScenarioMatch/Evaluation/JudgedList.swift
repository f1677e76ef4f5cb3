/// One query's retrieved documents turned into the list of relevance values every measure reads,
/// built exactly as trec_eval's `form_res_rels.c` builds its `RES_RELS`:
///
/// - documents are ordered by score descending, ties by document id descending (byte order);
///   the run's rank column is ignored;
/// - a judged document carries its grade; a document absent from the qrels carries
///   `notJudged` (trec_eval's `RELVALUE_NONPOOL`, −1) and one judged with a negative grade carries
///   `judgedNegative` (`RELVALUE_UNJUDGED`, −2); both are simply non-relevant for every measure here;
/// - a document is relevant when its value is ≥ the relevance level (trec_eval's `-l`, default 1);
/// - `relevantCount` (trec_eval's `num_rel`) counts judged documents at or above the level,
///   retrieved or not, and `gradeCounts` (`rel_levels`) counts judged documents per grade ≥ 0,
///   which is what the ideal ranking of nDCG is made of.
public struct JudgedList: Sendable, Equatable {
    public static let notJudged = -1
    public static let judgedNegative = -2

    public let query: String
    /// Relevance value at each rank, rank 1 first.
    public let relevance: [Int]
    public let relevantCount: Int
    /// `gradeCounts[g]` = judged documents of grade g, for g in 0...max grade.
    public let gradeCounts: [Int]
    public let relevanceLevel: Int

    public init(query: String, relevance: [Int], gradeCounts: [Int], relevanceLevel: Int = 1) {
        precondition(relevanceLevel >= 1, "trec_eval's measures assume a relevance level of at least 1")
        self.query = query
        self.relevance = relevance
        self.gradeCounts = gradeCounts
        self.relevanceLevel = relevanceLevel
        self.relevantCount = gradeCounts.indices.reduce(0) { $1 >= relevanceLevel ? $0 + gradeCounts[$1] : $0 }
    }

    public var retrievedCount: Int { relevance.count }

    public func isRelevant(at index: Int) -> Bool { relevance[index] >= relevanceLevel }

    /// Builds the list for one query from its judgments and its run entries.
    public init(query: String, judgments: [String: Int], ranking: [TRECRun.Entry], relevanceLevel: Int = 1) {
        let relevance = ranking.map { entry -> Int in
            guard let grade = judgments[entry.document] else { return JudgedList.notJudged }
            return grade < 0 ? JudgedList.judgedNegative : grade
        }
        let maxGrade = judgments.values.max() ?? 0
        var counts = Array(repeating: 0, count: max(maxGrade, 0) + 1)
        for grade in judgments.values where grade >= 0 { counts[grade] += 1 }
        self.init(query: query, relevance: relevance, gradeCounts: counts, relevanceLevel: relevanceLevel)
    }

    /// The lists trec_eval evaluates without `-c`: queries that have both judgments and run
    /// entries, in the qrels' byte order (the order of trec_eval's `-q` lines). Queries only in
    /// the run are ignored; queries only in the qrels are left out of the averages.
    public static func build(qrels: TRECQrels, run: TRECRun, relevanceLevel: Int = 1) -> [JudgedList] {
        qrels.queries.compactMap { query in
            guard run.contains(query: query) else { return nil }
            return JudgedList(query: query, judgments: qrels.grades[query] ?? [:],
                              ranking: run.ranking(of: query), relevanceLevel: relevanceLevel)
        }
    }
}
