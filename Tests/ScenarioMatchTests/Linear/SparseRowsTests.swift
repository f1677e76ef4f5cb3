import Testing
@testable import ScenarioMatch

@Suite("Sparse rows")
struct SparseRowsTests {
    static func random(_ rows: Int, _ columns: Int, density: Double, _ rng: inout SplitMix64) -> [SparseVector] {
        (0..<rows).map { _ in
            let picked = (0..<columns).filter { _ in Double.random(in: 0..<1, using: &rng) < density }
            return SparseVector(indices: picked.map(Int32.init), values: picked.map { _ in Float(Int.random(in: -3...3, using: &rng)) })
        }
    }

    @Test("Transpose swaps rows and columns entry for entry, rows ascending in each feature, twice gives back the matrix")
    func transpose() {
        var rng = SplitMix64(seed: 5)
        for (r, c, density) in [(7, 5, 0.4), (30, 60, 0.05), (1, 9, 1.0), (12, 3, 0.0), (0, 4, 0.5)] {
            let vectors = Self.random(r, c, density: density, &rng)
            let m = SparseRows(vectors, columns: c)
            let t = m.transposed()
            #expect(t.rows == c && t.columns == r && t.entryCount == m.entryCount)
            for f in 0..<c {
                let row = t.row(f)
                #expect(row.indices == row.indices.sorted())
                for (i, v) in zip(row.indices, row.values) {
                    let original = vectors[Int(i)]
                    let at = original.indices.firstIndex(of: Int32(f))
                    #expect(at.map { original.values[$0] } == v)
                }
            }
            #expect(t.transposed() == m)
            #expect((0..<r).map { m.row($0) } == vectors)
        }
    }

    @Test("A slice keeps its rows and renumbers nothing but the offsets")
    func slice() {
        var rng = SplitMix64(seed: 9)
        let vectors = Self.random(20, 10, density: 0.3, &rng)
        let m = SparseRows(vectors, columns: 10)
        let s = m.slice(5..<12)
        #expect(s.rows == 7)
        #expect((0..<7).map { s.row($0) } == Array(vectors[5..<12]))
        #expect(m.slice(3..<3).rows == 0)
    }

    @Test("Sparse dot products, full vectors (the fast path) and partial ones, equal a dense dot product")
    func dot() {
        var rng = SplitMix64(seed: 13)
        func dense(_ v: SparseVector, _ n: Int) -> [Float] {
            var out = [Float](repeating: 0, count: n)
            for (i, x) in zip(v.indices, v.values) { out[Int(i)] = x }
            return out
        }
        for density in [1.0, 0.9, 0.3] {
            for _ in 0..<20 {
                let n = Int.random(in: 1...40, using: &rng)
                let pair = Self.random(2, n, density: density, &rng)
                let expected = zip(dense(pair[0], n), dense(pair[1], n)).reduce(Float(0)) { $0 + $1.0 * $1.1 }
                #expect(pair[0].dot(pair[1]) == expected, "n \(n) density \(density)")
                #expect(pair[1].dot(pair[0]) == expected)
            }
        }
        // Same count, both ending at n − 1, yet not full: must not take the fast path.
        let a = SparseVector(indices: [1, 3], values: [2, 5]), b = SparseVector(indices: [2, 3], values: [7, 1])
        #expect(a.dot(b) == 5)
    }
}
