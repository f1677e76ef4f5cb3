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
}
