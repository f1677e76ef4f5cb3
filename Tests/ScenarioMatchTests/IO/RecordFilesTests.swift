import Testing
@testable import ScenarioMatch

@Suite("IO")
struct RecordFilesTests {
    @Test("A bad catalog line is reported with file, line and field; blank lines still count")
    func badLine() {
        let path = Fixtures.path("bad-catalog.jsonl")
        do {
            _ = try RecordFiles.scenarios(path: path)
            Issue.record("accepted a negative budget")
        } catch {
            #expect(error.line == 3 && error.field == "budget_wan")
            #expect(error.description.hasPrefix("\(path):3: field 'budget_wan'"))
        }
    }

    @Test("Duplicate ids are refused on the second line")
    func duplicates() {
        let dir = Fixtures.temporaryDirectory()
        let path = Fixtures.write("""
        {"id":"A","title":"t","description":"d"}
        {"id":"A","title":"t","description":"d"}
        """, name: "dup.jsonl", in: dir)
        #expect(throws: InputError(file: path, line: 2, field: "id", message: "duplicate id 'A' (first on line 1)")) {
            try RecordFiles.scenarios(path: path)
        }
    }

    @Test("A missing file is an input error, not a crash")
    func missing() {
        #expect(throws: InputError.self) { try RecordFiles.profile(path: "/nonexistent/p.json") }
    }

    @Test("LineReader keeps line numbers across chunk borders and strips CR")
    func lineReader() throws {
        let dir = Fixtures.temporaryDirectory()
        let path = Fixtures.write("一行\r\n第二行\n\nlast", name: "l.txt", in: dir)
        let lines = try LineReader(path: path, chunkSize: 3).map { ($0.line, String(decoding: $0.text, as: UTF8.self)) }
        #expect(lines.map(\.0) == [1, 2, 3, 4])
        #expect(lines.map(\.1) == ["一行", "第二行", "", "last"])
    }
}
