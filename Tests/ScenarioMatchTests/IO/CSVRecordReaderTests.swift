import Foundation
import Testing
@testable import ScenarioMatch

@Suite("CSV")
struct CSVRecordReaderTests {
    @Test("RFC 4180: commas, doubled quotes and line breaks inside quoted fields; BOM skipped; start lines reported")
    func quoting() throws {
        let dir = Fixtures.temporaryDirectory()
        let path = Fixtures.write("\u{FEFF}id,name,description\r\nC1,\"甲,乙\",\"他说\"\"好\"\"\"\r\nC2,丙,\"第一行\n第二行\"\nC3,丁,戊\n", name: "q.csv", in: dir)
        let records = Array(try CSVRecordReader(path: path))
        #expect(records.map(\.line) == [1, 2, 3, 5])
        #expect(records[0].fields == ["id", "name", "description"])
        #expect(records[1].fields == ["C1", "甲,乙", "他说\"好\""])
        #expect(records[2].fields == ["C2", "丙", "第一行\n第二行"])
        #expect(records[3].fields == ["C3", "丁", "戊"])
    }

    @Test("A stray quote and an unclosed quote are reported, not guessed at")
    func malformed() throws {
        let dir = Fixtures.temporaryDirectory()
        let path = Fixtures.write("a,b\nx,y\"z\n\"open,end\n", name: "m.csv", in: dir)
        let records = Array(try CSVRecordReader(path: path))
        #expect(records[1].fields == nil && records[1].problem?.contains("quote") == true)
        #expect(records[2].fields == nil && records[2].line == 3)
    }

    @Test("Company rows: any column order, unknown columns ignored, list cells split on every separator")
    func companyRows() throws {
        let dir = Fixtures.temporaryDirectory()
        let path = Fixtures.write("extra,description,name,id,products\n1,做无人机,云鹊,C1,植保无人机；测绘无人机|巡检无人机、吊舱\n", name: "c.csv", in: dir)
        let companies = try CompanyCSV.readAll(path: path)
        #expect(companies == [Company(id: "C1", name: "云鹊", description: "做无人机", products: ["植保无人机", "测绘无人机", "巡检无人机", "吊舱"])])
    }

    @Test("A header without a required column names it")
    func missingColumn() {
        let dir = Fixtures.temporaryDirectory()
        let path = Fixtures.write("id,description\nC1,x\n", name: "h.csv", in: dir)
        #expect(throws: InputError(file: path, line: 1, field: "name", message: "the header has no 'name' column")) {
            try CompanyCSV.readAll(path: path)
        }
    }

    @Test("CompanyStream keeps going past bad rows and can restart at a saved position")
    func stream() throws {
        let dir = Fixtures.temporaryDirectory()
        let path = Fixtures.write("""
        {"id":"A","name":"a","description":"d"}
        {"id":"B","description":"no name"}
        not json
        {"id":"A","name":"again","description":"d"}
        {"id":"C","name":"c","description":"d"}
        """, name: "s.jsonl", in: dir)
        let s = try CompanyStream(path: path)
        let items = Array(s)
        #expect(items.map(\.line) == [1, 2, 3, 4, 5])
        #expect(items.map { (try? $0.result.get())?.id } == ["A", nil, nil, nil, "C"])
        if case .failure(let e) = items[1].result { #expect(e.field == "name" && e.line == 2) } else { Issue.record("row 2 accepted") }
        #expect(items[1].id == "B")
        if case .failure(let e) = items[3].result { #expect(e.field == "id") } else { Issue.record("duplicate accepted") }
        // Restart after line 2.
        let first = try CompanyStream(path: path)
        _ = first.next(); _ = first.next()
        let rest = Array(try CompanyStream(path: path, resumeAt: first.position))
        #expect(rest.map(\.line) == [3, 4, 5])
    }
}
