import Testing
@testable import ScenarioMatch

@Suite("Reasons")
struct SharedPhrasesTests {
    @Test("Shared bigrams grow into the longest phrase both texts contain, without crossing punctuation")
    func grow() {
        let phrases = SharedPhrases.longest(seeds: ["大模", "政务"], company: "政务大模型，问答", scenario: "建设政务大模型应用", limit: 5)
        #expect(phrases == ["政务大模型"])
        #expect(SharedPhrases.longest(seeds: ["巡检"], company: "巡检，机器人", scenario: "巡检机器人", limit: 5) == ["巡检"])
    }

    @Test("Containment by bytes agrees with containment by scalars, Han, Latin and mixed")
    func occurs() {
        let hays = ["政务大模型", "ai巡检 5g", "无人机", "", "机器狗巡检机器人"]
        let needles = ["大模", "模型", "政务大模型政", "5g", "g 5", "", "机器人", "巡检机", "人"]
        for h in hays {
            for n in needles {
                let byScalars = n.isEmpty || h.unicodeScalars.count >= n.unicodeScalars.count
                    && (0...(h.unicodeScalars.count - n.unicodeScalars.count)).contains { i in
                        Array(h.unicodeScalars).dropFirst(i).prefix(n.unicodeScalars.count).elementsEqual(n.unicodeScalars)
                    }
                #expect(SharedPhrases.occurs(n, in: h) == byScalars, "'\(n)' in '\(h)'")
            }
        }
    }
}
