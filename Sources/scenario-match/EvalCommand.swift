import ArgumentParser
import Foundation
import ScenarioMatch

/// `scenario-match eval`: trec_eval's figures for a run against qrels, optionally compared with a
/// second run, with market-level measures over a catalog, and as an HTML report.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a TREC run against TREC qrels and print trec_eval's figures.",
        discussion: """
        Figures equal trec_eval's (no -c: averages over queries with both judgments and results). \
        Measures: map, recip_rank, P[_k], recall[_k], ndcg, ndcg_cut[_k], map_cut[_k], success[_k]; \
        a bare family name means trec_eval's default cutoffs.
        """
    )

    @Option(help: "Relevance judgments, TREC qrels: 'query 0 document grade'.")
    var qrels: String

    @Option(name: .customLong("run"), help: "Ranking to evaluate, TREC run: 'query Q0 document rank score tag'.")
    var runPath: String

    @Option(help: "Comma-separated trec_eval measure names (default: \(MetricRegistry.defaultList)).")
    var metrics: String?

    @Flag(name: [.customShort("q"), .customLong("per-query")], help: "Also print every query's figures, before the 'all' lines.")
    var perQuery = false

    @Flag(help: "Print the same figures as JSON.")
    var json = false

    @Option(name: [.customShort("l"), .customLong("level-for-rel")], help: "Minimum grade that counts as relevant (trec_eval -l).")
    var levelForRel: Int = 1

    @Option(help: "A second run B: report B − A per measure with paired randomization and t-tests.")
    var compare: String?

    @Option(help: "Random sign flips for the randomization test.")
    var permutations: Int = 10_000

    @Option(help: "Seed of the randomization test.")
    var seed: UInt64 = 20_250_101

    @Option(help: "Scenario catalog (.jsonl): also print market-level measures of the run.")
    var catalog: String?

    @Option(help: "Top k of each company counted by the market measures.")
    var coverageK: Int = 10

    @Option(help: "A scenario is covered when it is in the top k of at least this many companies.")
    var coverageM: Int = 1

    @Option(help: "Also write a self-contained HTML report to this file.")
    var html: String?

    func validate() throws {
        do { _ = try measures() } catch { throw ValidationError("--metrics: \(error)") }
        guard levelForRel >= 1 else { throw ValidationError("--level-for-rel must be at least 1") }
        guard permutations >= 1 else { throw ValidationError("--permutations must be at least 1") }
        guard coverageK >= 1, coverageM >= 1 else { throw ValidationError("--coverage-k and --coverage-m must be at least 1") }
    }

    func measures() throws(MeasureNameError) -> [Measure] {
        try MetricRegistry.trecEval.measures(parsing: metrics ?? MetricRegistry.defaultList)
    }

    func run() throws {
        let measures = try measures()
        let (judgments, runA, runB, scenarios) = try failOnInputError {
            (try TRECQrels.read(path: qrels), try TRECRun.read(path: runPath),
             try compare.map { path throws(InputError) in try TRECRun.read(path: path) },
             try catalog.map { path throws(InputError) in try RecordFiles.scenarios(path: path) })
        }

        let evaluationA = try evaluate(runA, path: runPath, judgments: judgments, measures: measures)
        let evaluationB = try runB.map { try evaluate($0, path: compare!, judgments: judgments, measures: measures) }
        let comparisons = evaluationB.map {
            PairedComparison.compare(evaluationA, $0, permutations: permutations, seed: seed)
        } ?? []
        let market = scenarios.map { MarketMeasures(run: runA, catalog: $0, k: coverageK, minimumCompanies: coverageM) }

        if json {
            print(try EvalJSON.render(EvalJSON.Report(
                qrels: qrels, run: runPath, perQuery: perQuery, evaluation: evaluationA,
                compare: compare, evaluationB: evaluationB, comparisons: comparisons,
                permutations: permutations, seed: seed, market: market)))
        } else {
            var out = evaluationA.trecEvalText(perQuery: perQuery)
            if let market { out += EvalText.market(market) }
            if let evaluationB, let compare {
                out += EvalText.comparison(comparisons, runA: runPath, runB: compare,
                                           queriesA: evaluationA.queries.count, queriesB: evaluationB.queries.count,
                                           permutations: permutations, seed: seed)
            }
            print(out, terminator: "")
        }

        if let html { try writeReport(to: html, judgments: judgments, runA: runA, runB: runB, measures: measures,
                                      comparisons: comparisons, market: market) }
    }

    private func evaluate(_ ranking: TRECRun, path: String, judgments: TRECQrels, measures: [Measure]) throws -> TRECEvaluation {
        let evaluation = TRECEvaluation(qrels: judgments, run: ranking, measures: measures, relevanceLevel: levelForRel)
        guard !evaluation.queries.isEmpty else {
            // trec_eval stops here too ("No queries with both results and relevance info").
            FileHandle.standardError.write(Data("error: \(path): no query has both results and judgments in \(qrels)\n".utf8))
            throw ExitCode(2)
        }
        return evaluation
    }

    /// The report needs every cutoff of the curve families and nDCG@10 per query, whatever
    /// `--metrics` asked for, so it evaluates once more with those added.
    private func writeReport(to path: String, judgments: TRECQrels, runA: TRECRun, runB: TRECRun?, measures: [Measure],
                             comparisons: [PairedComparison], market: MarketMeasures?) throws {
        var all = measures
        for extra in MetricRegistry.trecEval.allMeasures(of: HTMLReport.curveFamilies)
        where !all.contains(where: { $0.name == extra.name }) {
            all.append(extra)
        }
        func reportRun(_ name: String, _ ranking: TRECRun) -> HTMLReport.Run {
            HTMLReport.Run(name: name, evaluation: TRECEvaluation(qrels: judgments, run: ranking, measures: all, relevanceLevel: levelForRel))
        }
        let report = HTMLReport(
            runA: reportRun(runPath, runA), runB: runB.map { reportRun(compare!, $0) },
            headline: measures.map(\.name), comparisons: comparisons, market: market)
        try AtomicFile.write(report.render(), to: path)
    }
}
