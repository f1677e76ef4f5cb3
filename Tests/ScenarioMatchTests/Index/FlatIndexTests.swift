import Testing
@testable import ScenarioMatch

@Suite("Index search")
struct FlatIndexTests {
    @Test("Blocked search equals a naive scan with a filter, for block sizes that do and do not divide the queries")
    func matchesNaive() {
        var rng = SeededGenerator(seed: 5)
        let d = 6, n = 40, q = 23, k = 5
        let data = Matrix(rows: n, columns: d, storage: rng.floats(n * d))
        let queries = Matrix(rows: q, columns: d, storage: rng.floats(q * d))
        let allowed: (Int, Int) -> Bool = { qi, j in (qi + j) % 3 != 0 }
        for block in [1, 4, 7, 23, 4096] {
            let found = FlatIndex(vectors: data, queryBlock: block).search(queries, k: k, allowed: allowed)
            #expect(found.count == q)
            for qi in 0..<q {
                var naive: [(Int, Float)] = []
                for j in 0..<n where allowed(qi, j) {
                    naive.append((j, zip(queries.row(qi), data.row(j)).reduce(Float(0)) { $0 + $1.0 * $1.1 }))
                }
                naive.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
                let expectIDs = naive.prefix(k).map { Int32($0.0) }
                #expect(found[qi].map(\.id) == expectIDs, "block \(block) query \(qi)")
                for (e, nv) in zip(found[qi], naive) { #expect(abs(e.score - nv.1) < 1e-5) }
            }
        }
    }

    @Test("An empty index answers every query with nothing")
    func emptyIndex() {
        let found = FlatIndex(vectors: Matrix(rows: 0, columns: 3)).search(Matrix(rows: 2, columns: 3), k: 4)
        #expect(found.count == 2 && found.allSatisfy { $0.isEmpty })
    }
}
