import ArgumentParser
import Foundation
import ScenarioMatch

/// Options every matching command shares: where the catalog and models are, and what
/// "today" is for deadlines.
struct CatalogOptions: ParsableArguments {
    @Option(help: "Scenario catalog (.jsonl). Defaults to the bundled Datasets/scenarios.jsonl.")
    var scenarios: String?

    @Option(help: "Folder of trained artifacts (model.json, semantic.f32, lexicon/). Defaults to Models/.")
    var models: String = "Models"

    @Option(help: "Date (YYYY-MM-DD) against which deadlines are checked. Defaults to today.")
    var today: String?

    @Flag(help: "Also match closed scenarios.")
    var includeClosed = false

    @Flag(help: "Also match scenarios whose deadline has passed.")
    var includeExpired = false

    func validate() throws {
        if let today, !DateText.isValid(today) {
            throw ValidationError("--today must be a date YYYY-MM-DD, got '\(today)'")
        }
    }

    var scenariosPath: String { scenarios ?? "Datasets/scenarios.jsonl" }

    var constraints: Constraints {
        Constraints(today: today ?? DateText.today(), includeClosed: includeClosed, includeExpired: includeExpired)
    }

    func loadCatalog() throws(InputError) -> [Scenario] {
        try RecordFiles.scenarios(path: scenariosPath)
    }

    var lexiconDirectory: String { (models as NSString).appendingPathComponent("lexicon") }

    func loadLexicon() throws(InputError) -> Lexicon {
        try LexiconFile.load(directory: lexiconDirectory)
    }

    /// The trained model and its lexicon; a model trained with another lexicon is refused.
    func loadModel() throws(InputError) -> (HybridModel, Lexicon) {
        let lexicon = try loadLexicon()
        let model = try ModelFile.load(from: models)
        guard model.lexiconChecksum == lexicon.checksum else {
            throw InputError(file: (models as NSString).appendingPathComponent(ModelFile.name), line: 2, field: "lexicon_checksum",
                             message: "the model was trained with another version of \(lexiconDirectory): run `scenario-match train`")
        }
        return (model, lexicon)
    }

    /// Catalog, model and lexicon, ready to match.
    func loadMatcher() throws(InputError) -> Matcher {
        let catalog = try loadCatalog()
        let (model, lexicon) = try loadModel()
        return Matcher(catalog: catalog, model: model, lexicon: lexicon)
    }
}

/// Prints a one-line error to stderr and exits non-zero: bad input never gets a stack trace.
func failOnInputError<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as InputError {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        throw ExitCode(2)
    }
}
