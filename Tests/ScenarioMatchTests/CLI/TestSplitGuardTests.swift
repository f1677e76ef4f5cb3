import Testing

@Suite("CLI test-split guard")
struct TestSplitGuardTests {
    @Test("train, evaluate --train-on and evaluate --folds refuse the test split", arguments: [
        ["train", "--qrels", "Datasets/qrels/test.txt"],
        ["evaluate", "--qrels", "Datasets/qrels/train.txt", "--train-on", "Datasets/qrels/test.txt"],
        ["evaluate", "--qrels", "Datasets/qrels/test.txt", "--folds", "3"],
    ])
    func refuses(arguments: [String]) throws {
        let r = try Fixtures.run(arguments)
        #expect(r.status != 0)
        #expect(r.stderr.contains("test split"))
    }
}
