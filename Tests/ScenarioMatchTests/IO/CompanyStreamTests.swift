import Foundation
import Testing
@testable import ScenarioMatch

@Suite("Company stream")
struct CompanyStreamTests {
    static let csv = """
        id,name,description
        A,甲公司,巡检机器人
        B,乙公司,低空物流
        only-one-field
        A,丙公司,重复的编号
        C,丁公司,数据安全

        """

    @Test("Resuming mid-file still catches a duplicate of an id read before the checkpoint, and only rows after it come out")
    func resumeRemembersIDs() throws {
        let dir = Fixtures.temporaryDirectory()
        for (name, text) in [("r.csv", Self.csv),
                             ("r.jsonl", "{\"id\":\"A\",\"name\":\"甲\",\"description\":\"巡检\"}\n{\"id\":\"B\",\"name\":\"乙\",\"description\":\"物流\"}\n{\"id\":\"A\",\"name\":\"丙\",\"description\":\"重复\"}\n")] {
            let path = Fixtures.write(text, name: name, in: dir)
            let first = try CompanyStream(path: path)
            let head = first.next(upTo: 2)
            #expect(head.map(\.id) == ["A", "B"])
            let resumed = try CompanyStream(path: path, resumeAt: first.position)
            let rest = resumed.next(upTo: 100)
            let duplicate = rest.first { $0.id == "A" }
            #expect(duplicate != nil, "\(name)")
            if case .failure(let e)? = duplicate?.result {
                #expect(e.field == "id" && e.message.contains("duplicate id 'A'"), "\(name)")
            } else {
                Issue.record("\(name): the repeated A was accepted after resume")
            }
            // Nothing before the checkpoint comes out again, and B is not a duplicate of itself.
            #expect(!rest.contains { $0.id == "B" }, "\(name)")
            // The same file from the start: the same verdicts.
            let whole = try CompanyStream(path: path).next(upTo: 100)
            #expect(whole.suffix(rest.count).map(\.line) == rest.map(\.line))
        }
    }
}
