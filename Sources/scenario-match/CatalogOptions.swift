import ArgumentParser
import Foundation
import ScenarioMatch

/// Options every matching command shares: where the catalog and models are, and what
/// "today" is for deadlines.
struct CatalogOptions: ParsableArguments {
    @Option(help: "Scenario catalog (.jsonl). Defaults to the bundled Datasets/scenarios.jsonl.")
    var scenarios: String?

    @Option(help: "Folder of trained artifacts. Defaults to Models/ under the current directory.")
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

    func loadCatalog() throws -> [Scenario] {
        try RecordFiles.scenarios(path: scenariosPath)
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
