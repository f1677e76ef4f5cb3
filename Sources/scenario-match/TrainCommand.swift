import ArgumentParser
import Foundation
import ScenarioMatch

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Learn the semantic projection and block weights from the train split; write them to the models folder."
    )

    @Option(help: "Scenario catalog (.jsonl).")
    var scenarios: String = "Datasets/scenarios.jsonl"

    @Option(help: "Company profiles (.jsonl); only those judged in --qrels are used for weights.")
    var companies: String = "Datasets/companies.jsonl"

    @Option(help: "Training judgments (TREC qrels). Never the test split.")
    var qrels: String = "Datasets/qrels/train.txt"

    @Option(help: "Folder to write model.json and semantic.f32 to (the lexicon is read from its lexicon/ subfolder).")
    var models: String = "Models"

    @Option(help: "Date (YYYY-MM-DD) deadlines are judged against while fitting.")
    var today: String = "2026-11-23"

    @Option(help: "Components kept by the truncated SVD.")
    var rank: Int = 192

    func validate() throws {
        try TestSplitGuard.refuseTraining(on: qrels)
        guard DateText.isValid(today) else { throw ValidationError("--today must be YYYY-MM-DD") }
        guard rank >= 1 else { throw ValidationError("--rank must be at least 1") }
    }

    func run() throws {
        let (catalog, registry, judgments, lexicon) = try failOnInputError {
            (try RecordFiles.scenarios(path: scenarios), try CompanyFiles.read(path: companies),
             try TRECQrels.read(path: qrels), try LexiconFile.load(directory: (models as NSString).appendingPathComponent("lexicon")))
        }
        // Only the companies the training judgments name: test companies' texts stay unseen.
        let trainCompanies = registry.filter { judgments.grades[$0.id] != nil }
        var options = TrainingOptions(today: today)
        options.semanticRank = rank
        let trainer = ModelTrainer(catalog: catalog, companies: trainCompanies, judgments: judgments, lexicon: lexicon, options: options)
        var result = try trainer.train { FileHandle.standardError.write(Data("train: \($0)\n".utf8)) }
        result.model.provenance = [
            "scenarios": "\(scenarios) (\(catalog.count))",
            "companies": "\(companies) (\(trainCompanies.count) judged in the train split)",
            "qrels": qrels,
            "today": today,
            "train_ndcg_cut_10": String(format: "%.4f", result.trainNDCG),
            "lexicon_concepts": "\(lexicon.concepts.count)",
        ]
        try ModelFile.write(result.model, to: models)
        print("wrote \(models)/\(ModelFile.name): weights \(result.model.weights), link weight \(result.model.linkWeight), train nDCG@10 \(String(format: "%.4f", result.trainNDCG))")
    }
}
