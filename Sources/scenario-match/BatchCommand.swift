import ArgumentParser
import Foundation
import ScenarioMatch

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Match a whole registry (CSV or JSONL) against the catalog; every row ends in the output or the errors file."
    )

    @Option(help: "Company registry (.csv or .jsonl), streamed.")
    var companies: String

    @Option(help: "Output CSV: company_id,rank,scenario_id,score,reasons.")
    var out: String

    @Option(name: .customLong("run"), help: "Also write a TREC run here.")
    var runPath: String?

    @Option(help: "Rows that cannot be read go here (line,id,reason). Default: OUT.errors.csv.")
    var errors: String?

    @Option(help: "Scenarios to keep per company.")
    var top: Int = 10

    @Option(name: .customLong("per-scenario"), help: "For each scenario, its K best companies (for inviting them to a docking event).")
    var perScenarioTop: Int?

    @Option(help: "Where --per-scenario writes (default: OUT.per-scenario.csv).")
    var perScenarioOut: String?

    @Option(help: "Companies per sgemm block.")
    var blockSize: Int = 4096

    @Flag(help: "Continue a run that was stopped midway, from its checkpoint.")
    var resume = false

    @Flag(help: "No progress output.")
    var quiet = false

    @OptionGroup var catalog: CatalogOptions

    func validate() throws {
        guard top >= 1 else { throw ValidationError("--top must be at least 1") }
        guard blockSize >= 1 else { throw ValidationError("--block-size must be at least 1") }
        if let k = perScenarioTop, k < 1 { throw ValidationError("--per-scenario must be at least 1") }
    }

    func run() throws {
        let matcher = try failOnInputError { try catalog.loadMatcher() }
        var options = BatchOptions(input: companies, output: out, run: runPath, errors: errors,
                                   perScenario: perScenarioTop.map { _ in perScenarioOut ?? out + ".per-scenario.csv" },
                                   perScenarioTop: perScenarioTop ?? 0, top: top, blockSize: blockSize, resume: resume)
        options.runTag = "scenario-match"
        let reporter = ProgressReporter(quiet: quiet)
        if !quiet {
            let layout = matcher.layout
            FileHandle.standardError.write(Data("batch: \(matcher.catalog.count) scenarios; index of \(layout.denseColumns) dense columns (sgemm) and \(layout.sparseColumns) sparse features (\(matcher.index.sparse?.entryCount ?? 0) entries)\n".utf8))
        }
        let summary = try failOnInputError {
            try BatchRunner(matcher: matcher, constraints: catalog.constraints, options: options).run(progress: reporter.update)
        }
        reporter.finish()
        if !quiet {
            let resumed = summary.resumedFromRow.map { ", resumed after row \($0)" } ?? ""
            FileHandle.standardError.write(Data("batch: \(summary.matched) companies matched, \(summary.failed) rows to \(options.errors)\(resumed)\n".utf8))
        }
    }
}
