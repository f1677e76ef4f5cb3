import ArgumentParser
import Foundation
import ScenarioMatch

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Run the engine over judged companies and score it, trec_eval's way.",
        discussion: """
        By default the trained model in --models ranks the companies judged in --qrels. With \
        --train-on, a model is trained in memory on those judgments first (for ablations). With \
        --folds K, the companies of --qrels are cut into K folds and each fold is ranked by a \
        model trained on the other K−1, so a change can be judged without the test split.
        """
    )

    @Option(help: "Company profiles (.jsonl or .csv).")
    var companies: String = "Datasets/companies.jsonl"

    @Option(help: "Judgments to score against (TREC qrels).")
    var qrels: String

    @Option(help: "Train in memory on these judgments instead of loading the trained model.")
    var trainOn: String?

    @Option(help: "Cross-validate within --qrels with K folds of companies (K ≥ 2).")
    var folds: Int?

    @Option(help: "Blocks the in-memory model may use (comma-separated: lexical,concept,semantic,domain,district).")
    var blocks: String?

    @Flag(help: "Train without the domain lexicon (n-grams only).")
    var noLexicon = false

    @Option(help: "trec_eval measures to report.")
    var metrics: String = "ndcg_cut_10,map,recall_20,P_5,recip_rank"

    @Option(help: "How many scenarios to rank per company.")
    var depth: Int = 100

    @Option(help: "Also write the run (TREC format) here.")
    var runOut: String?

    @OptionGroup var catalog: CatalogOptions

    func validate() throws {
        if let folds, folds < 2 { throw ValidationError("--folds must be at least 2") }
        if let trainOn { try TestSplitGuard.refuseTraining(on: trainOn) }
        if folds != nil { try TestSplitGuard.refuseTraining(on: qrels, message: "--folds trains on --qrels; refusing the test split") }
        _ = try parsedBlocks()
    }

    func parsedBlocks() throws -> Set<FeatureBlock> {
        guard let blocks else { return Set(FeatureBlock.allCases) }
        return Set(try blocks.split(separator: ",").map { name in
            guard let b = FeatureBlock(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("unknown block '\(name)'; known: \(FeatureBlock.allCases.map(\.rawValue).joined(separator: ","))")
            }
            return b
        })
    }

    func run() throws {
        let (scenarios, registry, judgments) = try failOnInputError {
            (try catalog.loadCatalog(), try CompanyFiles.read(path: companies), try TRECQrels.read(path: qrels))
        }
        let measures = try MetricRegistry.trecEval.measures(parsing: metrics)
        let today = catalog.today ?? "2026-11-23"
        let constraints = Constraints(today: today, includeClosed: catalog.includeClosed, includeExpired: catalog.includeExpired)
        let judged = registry.filter { judgments.grades[$0.id] != nil }
        var run = TRECRun()

        if let folds {
            let lexicon = noLexicon ? nil : try failOnInputError { try catalog.loadLexicon() }
            let ids = judged.map(\.id).sorted()
            for fold in 0..<folds {
                let heldOut = Set(ids.enumerated().filter { $0.offset % folds == fold }.map(\.element))
                let trainJudgments = TRECQrels(grades: judgments.grades.filter { !heldOut.contains($0.key) })
                let model = try train(scenarios, registry.filter { trainJudgments.grades[$0.id] != nil }, trainJudgments, lexicon, today)
                let matcher = Matcher(catalog: scenarios, model: model, lexicon: lexicon)
                append(&run, matcher.match(judged.filter { heldOut.contains($0.id) }, top: depth, constraints: constraints), judged.filter { heldOut.contains($0.id) })
            }
        } else if let trainOn {
            let (trainJudgments, lexicon) = try failOnInputError {
                (try TRECQrels.read(path: trainOn), noLexicon ? nil : try catalog.loadLexicon())
            }
            let model = try train(scenarios, registry.filter { trainJudgments.grades[$0.id] != nil }, trainJudgments, lexicon, today)
            let matcher = Matcher(catalog: scenarios, model: model, lexicon: lexicon)
            append(&run, matcher.match(judged, top: depth, constraints: constraints), judged)
        } else {
            let matcher = try failOnInputError { try catalog.loadMatcher() }
            append(&run, matcher.match(judged, top: depth, constraints: constraints), judged)
        }
        if let runOut { try run.write(to: runOut) }
        let evaluation = TRECEvaluation(qrels: judgments, run: run, measures: measures)
        print(evaluation.trecEvalText(perQuery: false), terminator: "")
    }

    func train(_ scenarios: [Scenario], _ companies: [Company], _ judgments: TRECQrels, _ lexicon: Lexicon?, _ today: String) throws -> HybridModel {
        var options = TrainingOptions(today: today)
        options.blocks = try parsedBlocks()
        if noLexicon { options.blocks.remove(.concept) }
        let trainer = ModelTrainer(catalog: scenarios, companies: companies, judgments: judgments, lexicon: lexicon, options: options)
        return try trainer.train { FileHandle.standardError.write(Data("train: \($0)\n".utf8)) }.model
    }

    func append(_ run: inout TRECRun, _ results: [[Match]], _ companies: [Company]) {
        for (company, matches) in zip(companies, results) {
            for m in matches {
                run.append(.init(query: company.id, document: m.scenario.id, rank: m.rank, score: Double(m.score), tag: "scenario-match"))
            }
        }
    }
}
