import ArgumentParser
import Foundation
import ScenarioMatch

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write N synthetic companies and M synthetic scenarios from a seed, for benchmarks only (never for quality figures)."
    )

    @Option(help: "How many companies.") var companies: Int = 100_000
    @Option(help: "How many scenarios.") var scenarios: Int = 10_000
    @Option(help: "Seed; the same seed writes the same files.") var seed: UInt64 = 42
    @Option(help: "Folder to write companies.csv (or .jsonl) and scenarios.jsonl to.") var out: String
    @Flag(help: "Write companies as JSONL instead of CSV.") var jsonl = false

    func validate() throws {
        guard (0...1_000_000).contains(companies), (0...100_000).contains(scenarios) else {
            throw ValidationError("up to 1,000,000 companies and 100,000 scenarios")
        }
    }

    func run() throws {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let g = ScaleGenerator(seed: seed)
        let companyPath = (out as NSString).appendingPathComponent(jsonl ? "companies.jsonl" : "companies.csv")
        try g.writeCompanies(count: companies, to: companyPath, csv: !jsonl)
        try g.writeScenarios(count: scenarios, to: (out as NSString).appendingPathComponent("scenarios.jsonl"))
        print("wrote \(companies) companies to \(companyPath) and \(scenarios) scenarios to \(out)/scenarios.jsonl")
    }
}
