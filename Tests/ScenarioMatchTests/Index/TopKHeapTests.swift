import Testing
@testable import ScenarioMatch

@Suite("Index")
struct TopKHeapTests {
    @Test("The heap keeps exactly the k best of a full sort, ties to the smaller id, over many random cases")
    func matchesSort() {
        var rng = SeededGenerator(seed: 42)
        for trial in 0..<2000 {
            let n = Int.random(in: 0...60, using: &rng), k = Int.random(in: 0...12, using: &rng)
            // Few distinct values so that ties are common.
            let scores = (0..<n).map { _ in Float(Int.random(in: 0...6, using: &rng)) / 4 }
            var heap = TopKHeap(capacity: k)
            for (i, s) in scores.enumerated() {
                heap.insert(id: Int32(i), score: s)
                #expect(heap.isValidHeap)
            }
            let expected = scores.enumerated().sorted { $0.element != $1.element ? $0.element > $1.element : $0.offset < $1.offset }
                .prefix(k).map { TopKHeap.Entry(id: Int32($0.offset), score: $0.element) }
            #expect(heap.sorted() == Array(expected), "trial \(trial)")
        }
    }

    @Test("A zero-capacity heap stays empty")
    func zeroCapacity() {
        var heap = TopKHeap(capacity: 0)
        heap.insert(id: 1, score: 1)
        #expect(heap.count == 0)
    }
}
