import Foundation
import Testing
@testable import ScenarioMatch

@Suite("Batch", .serialized)
struct BatchRunnerTests {
    static func registry(_ n: Int, badEvery: Int = 0) -> String {
        var lines: [String] = []
        let words = ["巡检机器人 红外测温 变电站", "无人机 物流 配送 航线", "植保 飞防 农田 无人机", "康复 外骨骼 医院", "管廊 巡检 气体监测"]
        for i in 0..<n {
            if badEvery > 0, i % badEvery == 3 { lines.append(#"{"id":"X\#(i)","description":"no name"}"#); continue }
            lines.append(#"{"id":"C\#(i)","name":"公司\#(i)","description":"\#(words[i % words.count]) 第\#(i)号","district":"余杭区"}"#)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("Every input row ends in the output or the errors file; per-scenario lists come from the same scores")
    func accountsForEveryRow() throws {
        let dir = Fixtures.temporaryDirectory()
        let input = Fixtures.write(Self.registry(200, badEvery: 17) + "not json\n", name: "r.jsonl", in: dir)
        let out = dir.appendingPathComponent("out.csv").path
        let catalog = try RecordFiles.scenarios(path: Fixtures.path("catalog.jsonl"))
        let matcher = Matcher(catalog: catalog)
        let options = BatchOptions(input: input, output: out, run: dir.appendingPathComponent("r.trec").path,
                                   perScenario: dir.appendingPathComponent("ps.csv").path, perScenarioTop: 3, top: 2, blockSize: 16)
        let summary = try BatchRunner(matcher: matcher, constraints: Constraints(today: "2026-11-23"), options: options).run()
        let badRows = (0..<200).filter { $0 % 17 == 3 }.count + 1
        #expect(summary.failed == badRows && summary.matched == 201 - badRows)
        let outText = try String(contentsOfFile: out, encoding: .utf8)
        let matchedIDs = Set(outText.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) })
        let errors = try String(contentsOfFile: options.errors, encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(errors.count == badRows)
        #expect(errors.contains { $0.hasPrefix("201,,") })
        #expect(errors.contains { $0.hasPrefix("4,X3,field 'name'") })
        // Matched companies with no open scenario still count as matched; every matched one here has some.
        #expect(matchedIDs.count == summary.matched)
        #expect(!FileManager.default.fileExists(atPath: options.checkpointPath))
        #expect(!FileManager.default.fileExists(atPath: out + ".partial"))
        // The per-scenario best companies agree with a per-company view of the same scores.
        let perScenario = try String(contentsOfFile: options.perScenario!, encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(!perScenario.isEmpty)
        let all = matcher.match(try RecordFiles.companies(path: Fixtures.write(Self.registry(200, badEvery: 17).split(separator: "\n").filter { !$0.contains("no name") }.joined(separator: "\n"), name: "ok.jsonl", in: dir)), top: 8, constraints: Constraints(today: "2026-11-23"))
        let bestForF01 = all.enumerated().compactMap { q, ms in ms.first { $0.scenario.id == "F-01" }.map { (q, $0.score) } }.map(\.1).max()
        let row = try #require(perScenario.first { $0.hasPrefix("F-01,1,") })
        #expect(abs(Float(row.split(separator: ",")[3])! - bestForF01!) < 1e-5)
    }

    @Test("A run killed midway (kill -9) resumes to exactly the output of an uninterrupted run")
    func killAndResume() throws {
        let dir = Fixtures.temporaryDirectory()
        let input = Fixtures.write(Self.registry(6000, badEvery: 97), name: "big.jsonl", in: dir)
        let catalog = Fixtures.path("catalog.jsonl")
        func args(_ out: String, _ extra: [String] = []) -> [String] {
            ["batch", "--companies", input, "--scenarios", catalog, "--out", out, "--run", out + ".trec",
             "--block-size", "20", "--today", "2026-11-23", "--quiet"] + extra
        }
        let reference = dir.appendingPathComponent("ref.csv").path
        let r = try Fixtures.run(args(reference))
        #expect(r.status == 0, "\(r.stderr)")

        let out = dir.appendingPathComponent("killed.csv").path
        let p = Process()
        p.executableURL = Fixtures.binary
        p.arguments = args(out)
        p.currentDirectoryURL = Fixtures.root
        try p.run()
        let checkpoint = out + ".checkpoint.json"
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: checkpoint), Date() < deadline { usleep(2000) }
        usleep(30_000)
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal, "the run finished before it could be killed")
        #expect(!FileManager.default.fileExists(atPath: out), "no final output from a killed run")

        let resumed = try Fixtures.run(args(out, ["--resume"]))
        #expect(resumed.status == 0, "\(resumed.stderr)")
        for suffix in ["", ".trec", ".errors.csv"] {
            let a = try String(contentsOfFile: reference + suffix, encoding: .utf8)
            let b = try String(contentsOfFile: out + suffix, encoding: .utf8)
            #expect(a == b, "\(suffix) differs after resume")
        }
    }
}
