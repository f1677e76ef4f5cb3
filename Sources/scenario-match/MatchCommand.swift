import ArgumentParser
import Foundation
import ScenarioMatch

struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Rank the catalog's scenarios for one company profile and print JSON."
    )

    @Option(help: "Company profile (.json, one object).")
    var profile: String

    @Option(help: "How many scenarios to return.")
    var top: Int = 10

    @OptionGroup var catalog: CatalogOptions

    func validate() throws {
        guard top >= 1 else { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        let (company, matcher) = try failOnInputError {
            (try RecordFiles.profile(path: profile), try catalog.loadMatcher())
        }
        let matches = matcher.match(company, top: top, constraints: catalog.constraints)
        print(try MatchJSON.render(companyID: company.id, matches: matches))
    }
}
