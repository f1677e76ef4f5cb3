import Foundation
import ScenarioMatch
import Testing

/// What the evaluation tests share: fixture paths, a process runner for outside tools
/// (python3, chromium, the CLI) and pytrec_eval's reference figures.
enum EvalSupport {
    static func trec(_ name: String) -> String { Fixtures.path("trec/\(name)") }

    static let referenceScript = Fixtures.root.appendingPathComponent("scripts/trec_reference.py").path

    /// Every family at trec_eval's default cutoffs, i.e. what the reference script computes.
    static let allFamilies = "map,recip_rank,P,recall,ndcg,ndcg_cut,map_cut,success"

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    struct ProcessResult {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The full path of a program on PATH, or nil.
    static func which(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs a program to completion; output goes through files, so neither pipe can fill up and
    /// stall the child, and a hung child is killed after `timeout` seconds.
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 180) throws -> ProcessResult {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let outURL = dir.appendingPathComponent("stdout"), errURL = dir.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.root
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw Failure(description: "\(executable) \(arguments.joined(separator: " ")) did not finish in \(Int(timeout)) s")
        }
        process.waitUntilExit()
        try out.close(); try err.close()
        return ProcessResult(status: process.terminationStatus,
                             stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                             stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// pytrec_eval's figures, as printed by scripts/trec_reference.py.
    struct Reference: Decodable {
        var queries: [String: [String: Double]]
        var all: [String: Double]
        var order: [String]
    }

    /// Runs the reference script. A machine without python3 or pytrec_eval fails the calling
    /// test with a message saying what to install: a conformance test that silently skips
    /// would let the figures drift from trec_eval unnoticed.
    static func reference(qrels: String, run: String, relevanceLevel: Int = 1) throws -> Reference {
        let result = try referenceProcess(qrels: qrels, run: run, relevanceLevel: relevanceLevel)
        guard result.status == 0 else {
            throw Failure(description: "trec_reference.py exited \(result.status): \(result.stderr)")
        }
        return try JSONDecoder().decode(Reference.self, from: Data(result.stdout.utf8))
    }

    static func referenceProcess(qrels: String, run: String, relevanceLevel: Int = 1) throws -> ProcessResult {
        guard let python = which("python3") else {
            throw Failure(description: "python3 is not on PATH; the trec_eval conformance tests need python3 with pytrec_eval (scripts/setup.sh --test, or pip install pytrec-eval-terrier)")
        }
        let result = try EvalSupport.run(python, [referenceScript, qrels, run, "-l", String(relevanceLevel)])
        if result.status == 4 {
            throw Failure(description: "pytrec_eval is missing for \(python): pip install pytrec-eval-terrier (scripts/setup.sh --test). \(result.stderr)")
        }
        return result
    }

    /// Our figures for every family, from the library.
    static func ours(qrels: String, run: String, relevanceLevel: Int = 1) throws -> TRECEvaluation {
        TRECEvaluation(qrels: try TRECQrels.read(path: qrels), run: try TRECRun.read(path: run),
                       measures: try MetricRegistry.trecEval.measures(parsing: allFamilies), relevanceLevel: relevanceLevel)
    }

    /// Every disagreement beyond `tolerance` between our figures and the reference, per query
    /// and averaged, plus any difference in which queries or measures exist.
    static func differences(_ ours: TRECEvaluation, _ reference: Reference, tolerance: Double = 1e-4) -> [String] {
        var problems: [String] = []
        if ours.queries != reference.order {
            problems.append("queries: ours \(ours.queries), pytrec_eval \(reference.order)")
        }
        let names = Set(ours.measures.map(\.name))
        if names != Set(reference.all.keys) {
            problems.append("measures: only ours \(names.subtracting(reference.all.keys).sorted()), only pytrec_eval \(Set(reference.all.keys).subtracting(names).sorted())")
        }
        for (q, query) in ours.queries.enumerated() {
            for (m, measure) in ours.measures.enumerated() {
                guard let expected = reference.queries[query]?[measure.name] else { continue }
                if abs(ours.values[q][m] - expected) > tolerance {
                    problems.append("\(measure.name) \(query): ours \(ours.values[q][m]), pytrec_eval \(expected)")
                }
            }
        }
        for (m, measure) in ours.measures.enumerated() {
            guard let expected = reference.all[measure.name] else { continue }
            if abs(ours.averages[m] - expected) > tolerance {
                problems.append("\(measure.name) all: ours \(ours.averages[m]), pytrec_eval \(expected)")
            }
        }
        return problems
    }

    /// A line as trec_eval prints it, written out independently of the code under test.
    static func trecEvalLine(_ measure: String, _ query: String, _ value: Double) -> String {
        measure.padding(toLength: max(22, measure.count), withPad: " ", startingAt: 0) + "\t" + query + "\t" + String(format: "%6.4f", value)
    }
}
