import Foundation
import ScenarioMatch
import Testing

@Suite("Evaluation: TREC qrels and run files")
struct EvalReaderTests {
    func file(_ text: String, _ name: String) -> (path: String, dir: URL) {
        let dir = Fixtures.temporaryDirectory()
        return (Fixtures.write(text, name: name, in: dir), dir)
    }

    @Test("Qrels: tabs, CRLF, blank and comment lines; negative grades kept")
    func qrelsLexical() throws {
        let (path, dir) = file("# judged by hand\r\nc1\t0\ts1\t3\r\n\r\n  c1 0 s2 -1\nc2 0 s1 0", "a.qrels")
        defer { try? FileManager.default.removeItem(at: dir) }
        let qrels = try TRECQrels.read(path: path)
        #expect(qrels.grades == ["c1": ["s1": 3, "s2": -1], "c2": ["s1": 0]])
        #expect(qrels.queries == ["c1", "c2"])
    }

    @Test("Qrels errors name file, line and field", arguments: [
        ("c1 0 s1 1\nc1 0 s2\n", 2, nil as String?),
        ("c1 0 s1 1 extra\n", 1, nil),
        ("c1 0 s1 2.5\n", 1, "grade"),
        ("c1 0 s1 1\nc2 0 s1 1\nc1 0 s1 0\n", 3, "document"),
    ])
    func qrelsErrors(text: String, line: Int, field: String?) throws {
        let (path, dir) = file(text, "bad.qrels")
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            _ = try TRECQrels.read(path: path)
            Issue.record("accepted a bad qrels file")
        } catch {
            #expect(error.line == line && error.field == field, "\(error)")
            #expect(error.description.hasPrefix("\(path):\(line):"))
        }
    }

    @Test("Run errors name file, line and field", arguments: [
        ("c1 Q0 s1 1 0.5\n", 1, nil as String?),
        ("c1 Q0 s1 one 0.5 t\n", 1, "rank"),
        ("c1 Q0 s1 1 0.5 t\nc1 Q0 s2 2 nan t\n", 2, "score"),
        ("c1 Q0 s1 1 0.5 t\nc1 Q0 s2 2 0,4 t\n", 2, "score"),
        ("c1 Q0 s1 1 0.5 t\nc2 Q0 s1 1 0.5 t\n\nc1 Q0 s1 3 0.1 t\n", 4, "document"),
    ])
    func runErrors(text: String, line: Int, field: String?) throws {
        let (path, dir) = file(text, "bad.run")
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            _ = try TRECRun.read(path: path)
            Issue.record("accepted a bad run file")
        } catch {
            #expect(error.line == line && error.field == field, "\(error)")
        }
    }

    @Test("A missing file is an input error, not a crash")
    func missingFile() {
        #expect(throws: InputError.self) { try TRECRun.read(path: "/nonexistent/x.run") }
        #expect(throws: InputError.self) { try TRECQrels.read(path: "/nonexistent/x.qrels") }
    }

    @Test("Ranking order: score descending, ties by document id descending (bytes), rank column ignored")
    func rankingOrder() {
        let run = TRECRun(entries: [
            .init(query: "q", document: "sa", rank: 1, score: 1, tag: "t"),
            .init(query: "q", document: "sB", rank: 2, score: 1, tag: "t"),
            .init(query: "q", document: "z", rank: 3, score: 0.5, tag: "t"),
            .init(query: "q", document: "top", rank: 4, score: 2, tag: "t"),
            .init(query: "q", document: "s10", rank: 5, score: 1, tag: "t"),
        ])
        #expect(run.ranking(of: "q").map(\.document) == ["top", "sa", "sB", "s10", "z"])
    }

    @Test("The writer's file reads back to the same entries, scores bit for bit")
    func roundTrip() throws {
        var rng = SplitMix64(seed: 9)
        let entries = (0..<200).map { i in
            TRECRun.Entry(query: "c\(i % 7)", document: "s\(i)", rank: i + 1,
                          score: Double.random(in: -1e3...1e3, using: &rng) * (i % 5 == 0 ? 1e-9 : 1), tag: "sm")
        }
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.run").path
        try TRECRun(entries: entries).write(to: path)
        let back = try TRECRun.read(path: path)
        #expect(back.entries == entries)
    }
}
