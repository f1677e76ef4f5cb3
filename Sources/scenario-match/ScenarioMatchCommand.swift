import ArgumentParser

@main
struct ScenarioMatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario-match",
        abstract: "Match companies to Hangzhou's city opportunity scenarios (城市机会场景).",
        subcommands: [MatchCommand.self, ServeCommand.self, TrainCommand.self, EvaluateCommand.self, BatchCommand.self, GenerateCommand.self, EvalCommand.self, BenchCommand.self]
    )
}
