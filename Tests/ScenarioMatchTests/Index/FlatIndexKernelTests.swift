import Testing
@testable import ScenarioMatch

/// The fast paths of the index (tiles of queries × items, the plain loop for a few queries,
/// the 16-wide threshold tests, the keyed heaps, parallel selection) against naive loops.
/// Vectors hold small integers, so every dot product is exact whatever the order of the
/// sums, and ties are frequent.
@Suite("Index kernels")
struct FlatIndexKernelTests {
    static func integerMatrix(_ rows: Int, _ columns: Int, _ rng: inout SplitMix64) -> Matrix {
        Matrix(rows: rows, columns: columns, storage: (0..<rows * columns).map { _ in Float(Int.random(in: -2...2, using: &rng)) })
    }

    static func dot(_ a: Matrix, _ i: Int, _ b: Matrix, _ j: Int) -> Float {
        zip(a.row(i), b.row(j)).reduce(Float(0)) { $0 + $1.0 * $1.1 }
    }

    /// Best first, ties to the smaller id.
    static func naiveTop(_ scored: [(Int, Float)], _ k: Int) -> [TopKHeap.Entry] {
        scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(k).map { TopKHeap.Entry(id: Int32($0.0), score: $0.1) }
    }

    @Test("Tiled and direct search equal a naive scan, across tile shapes, threads, tails and filters")
    func tiledMatchesNaive() {
        var rng = SplitMix64(seed: 17)
        // (queries, items, dimension, k): dimensions and counts that are and are not multiples of 16 and 64.
        let shapes = [(3, 50, 7, 4), (9, 130, 19, 6), (40, 200, 32, 10), (70, 67, 16, 80), (20, 1, 5, 3), (5, 300, 48, 0)]
        for (m, n, d, k) in shapes {
            let data = Self.integerMatrix(n, d, &rng), queries = Self.integerMatrix(m, d, &rng)
            let filter: (Int, Int) -> Bool = { q, j in (q * 7 + j) % 5 != 0 }
            for filtered in [false, true] {
                var expected: [[TopKHeap.Entry]] = []
                for q in 0..<m {
                    let scored = (0..<n).filter { !filtered || filter(q, $0) }.map { ($0, Self.dot(queries, q, data, $0)) }
                    expected.append(Self.naiveTop(scored, k))
                }
                for (queryBlock, itemBlock, threads) in [(4096, 1024, 1), (7, 16, 2), (1, 33, 3), (16, 64, 2), (64, 1, 1)] {
                    let index = FlatIndex(vectors: data, queryBlock: queryBlock, itemBlock: itemBlock, threads: threads)
                    let found = filtered ? index.search(queries, k: k, allowed: filter) : index.search(queries, k: k)
                    #expect(found == expected, "m \(m) n \(n) d \(d) k \(k) tiles \(queryBlock)×\(itemBlock) threads \(threads) filtered \(filtered)")
                }
            }
        }
    }

    @Test("Both ways at once: each row's best queries equal a naive scan, with several workers' heaps merged")
    func reverseMatchesNaive() {
        var rng = SplitMix64(seed: 29)
        for (m, n, d, k, reverseK) in [(12, 40, 9, 3, 4), (100, 70, 20, 5, 7), (4, 33, 16, 0, 2), (30, 17, 3, 50, 40)] {
            let data = Self.integerMatrix(n, d, &rng), queries = Self.integerMatrix(m, d, &rng)
            let filter: (Int, Int) -> Bool = { q, j in (q + 3 * j) % 4 != 1 }
            let forward = (0..<m).map { q in Self.naiveTop((0..<n).filter { filter(q, $0) }.map { ($0, Self.dot(queries, q, data, $0)) }, k) }
            let backward = reverseK == 0 ? [] : (0..<n).map { j in Self.naiveTop((0..<m).filter { filter($0, j) }.map { ($0, Self.dot(queries, $0, data, j)) }, reverseK) }
            for (queryBlock, itemBlock, threads) in [(4096, 1024, 1), (5, 8, 3), (32, 16, 2)] {
                let index = FlatIndex(vectors: data, queryBlock: queryBlock, itemBlock: itemBlock, threads: threads)
                let (perQuery, perRow) = index.searchBothWays(queries, k: k, reverseK: reverseK, allowed: filter)
                #expect(perQuery == forward, "m \(m) n \(n) tiles \(queryBlock)×\(itemBlock) threads \(threads)")
                #expect(perRow == backward, "m \(m) n \(n) tiles \(queryBlock)×\(itemBlock) threads \(threads)")
            }
        }
    }

    @Test("Random unit vectors: every path returns the same lists as a naive scan, scores within 1e-5")
    func unitVectorsMatchNaive() {
        var rng = SplitMix64(seed: 3)
        let n = 500, d = 40, k = 10
        var data = Matrix(rows: n, columns: d, storage: (0..<n * d).map { _ in Float.random(in: -1...1, using: &rng) })
        data.normalizeRows()
        for m in [1, 7, 8, 50] {
            var queries = Matrix(rows: m, columns: d, storage: (0..<m * d).map { _ in Float.random(in: -1...1, using: &rng) })
            queries.normalizeRows()
            let found = FlatIndex(vectors: data, itemBlock: 128, threads: 2).search(queries, k: k)
            for q in 0..<m {
                let naive = Self.naiveTop((0..<n).map { ($0, Self.dot(queries, q, data, $0)) }, k)
                #expect(found[q].map(\.id) == naive.map(\.id), "m \(m) query \(q)")
                for (e, v) in zip(found[q], naive) { #expect(abs(e.score - v.score) < 1e-5) }
            }
        }
    }

    @Test("The plain loop's dot products equal naive sums, for dimensions around multiples of 8")
    func dotProductsMatchNaive() {
        var rng = SplitMix64(seed: 8)
        for d in [1, 7, 8, 9, 15, 16, 17, 33, 64, 100] {
            let n = 11
            let data = Self.integerMatrix(n, d, &rng), query = Self.integerMatrix(1, d, &rng)
            var out = [Float](repeating: .nan, count: n)
            query.storage.withUnsafeBufferPointer { q in
                data.storage.withUnsafeBufferPointer { v in
                    out.withUnsafeMutableBufferPointer { o in
                        FlatIndex.dotProducts(q.baseAddress!, v.baseAddress!, dimension: d, rows: 2..<n, into: o.baseAddress!)
                    }
                }
            }
            #expect(out[0].isNaN && out[1].isNaN, "rows outside the range stay untouched")
            for j in 2..<n { #expect(out[j] == Self.dot(query, 0, data, j), "d \(d) row \(j)") }
        }
    }

    @Test("The 16-wide threshold tests flag exactly the lanes a scalar comparison keeps, infinities included")
    func simdScanMatchesScalar() {
        var rng = SplitMix64(seed: 99)
        let specials: [Float] = [0, -0.0, .infinity, -.infinity, 1, -1, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude]
        func pick() -> Float {
            Int.random(in: 0..<4, using: &rng) == 0 ? specials.randomElement(using: &rng)! : Float(Int.random(in: -4...4, using: &rng)) / 2
        }
        for _ in 0..<3000 {
            let v = SIMD16<Float>((0..<16).map { _ in pick() }), r = SIMD16<Float>((0..<16).map { _ in pick() })
            let t = pick()
            var atLeast = 0, either = 0
            for l in 0..<16 {
                if v[l] >= t { atLeast |= 1 << l }
                if v[l] >= t || v[l] >= r[l] { either |= 1 << l }
            }
            if t.isFinite {
                #expect(SIMDScan.lanesAtLeast(v, t, SIMDScan.laneBits) == atLeast, "v \(v) t \(t)")
                let below = SIMDScan.allBelow(v, v, v, v, t)
                #expect(below == (atLeast == 0))
            }
            // May flag more lanes (∞ − ∞), never fewer.
            let flagged = SIMDScan.lanesMayReach(v, SIMD16(repeating: SIMDScan.subtrahend(t)),
                                                 orReach: SIMD16((0..<16).map { SIMDScan.subtrahend(r[$0]) }), SIMDScan.laneBits)
            #expect(flagged & either == either, "v \(v) t \(t) r \(r)")
        }
    }

    @Test("Keyed rows keep exactly what TopKHeap keeps, ties to the smaller id, signed zeros and infinities included")
    func keyedRowsMatchHeap() {
        var rng = SplitMix64(seed: 123)
        let values: [Float] = [-.infinity, -1, -0.5, -0.0, 0, 0.25, 0.5, 1, .infinity]
        for trial in 0..<2000 {
            let n = Int.random(in: 0...60, using: &rng), k = Int.random(in: 1...12, using: &rng)
            let scores = (0..<n).map { _ in values.randomElement(using: &rng)! }
            var rows = TopKRows(rows: 2, k: k)
            rows.withRows { h in
                var row = h.row(1)
                for (i, s) in scores.enumerated() { row.insert(id: Int32(i), score: s) }
                h.store(row, at: 1)
            }
            var heap = TopKHeap(capacity: k)
            for (i, s) in scores.enumerated() { heap.insert(id: Int32(i), score: s) }
            #expect(rows.sorted(1) == heap.sorted(), "trial \(trial)")
            #expect(rows.sorted(0).isEmpty)
        }
        for s: Float in [-3, -0.0, 0, 1e-30, 7, .infinity, -.infinity] {
            let key = TopKRows.key(id: 42, score: s)
            #expect(TopKRows.score(of: key) == s && TopKRows.id(of: key) == 42)
        }
        #expect(TopKRows.key(id: 1, score: -1) < TopKRows.key(id: 1, score: 0))
        #expect(TopKRows.key(id: 2, score: 0.5) < TopKRows.key(id: 1, score: 0.5), "the larger id ranks lower")
    }

    @Test("A zero-capacity heap has an infinite threshold, so nothing is ever offered to it")
    func zeroCapacityThreshold() {
        #expect(TopKHeap(capacity: 0).threshold == .infinity)
        #expect(TopKHeap(capacity: 2).threshold == -.infinity)
        #expect(FlatIndex.availableThreads >= 1)
    }
}

@Suite("Index sparse part")
struct FlatIndexSparseTests {
    /// Dense and sparse parts side by side make one wider dense matrix: the index must rank
    /// exactly as a naive scan of that matrix does.
    @Test("Dense plus sparse parts rank as a naive scan of the two laid side by side, every path")
    func sparseMatchesNaive() {
        var rng = SplitMix64(seed: 41)
        for (m, n, d, s, k, reverseK) in [(3, 50, 4, 30, 5, 0), (40, 130, 8, 70, 7, 3), (20, 300, 0, 40, 10, 2), (9, 17, 5, 0, 20, 4)] {
            let dense = FlatIndexKernelTests.integerMatrix(n, d, &rng), queries = FlatIndexKernelTests.integerMatrix(m, d, &rng)
            let itemSparse = SparseRowsTests.random(n, s, density: 0.1, &rng), querySparse = SparseRowsTests.random(m, s, density: 0.2, &rng)
            func wide(_ a: Matrix, _ b: [SparseVector]) -> Matrix {
                var out = Matrix(rows: a.rows, columns: d + s)
                for i in 0..<a.rows {
                    for j in 0..<d { out[i, j] = a[i, j] }
                    for (f, v) in zip(b[i].indices, b[i].values) { out[i, d + Int(f)] = v }
                }
                return out
            }
            let (wideItems, wideQueries) = (wide(dense, itemSparse), wide(queries, querySparse))
            let filter: (Int, Int) -> Bool = { q, j in (q + 2 * j) % 7 != 3 }
            let forward = (0..<m).map { q in
                FlatIndexKernelTests.naiveTop((0..<n).filter { filter(q, $0) }.map { ($0, FlatIndexKernelTests.dot(wideQueries, q, wideItems, $0)) }, k)
            }
            let backward = reverseK == 0 ? [] : (0..<n).map { j in
                FlatIndexKernelTests.naiveTop((0..<m).filter { filter($0, j) }.map { ($0, FlatIndexKernelTests.dot(wideQueries, $0, wideItems, j)) }, reverseK)
            }
            for (queryBlock, itemBlock, threads) in [(4096, 1024, 1), (7, 16, 2), (16, 33, 3)] {
                let index = FlatIndex(vectors: dense, sparse: SparseRows(itemSparse, columns: s),
                                      queryBlock: queryBlock, itemBlock: itemBlock, threads: threads)
                let (perQuery, perRow) = index.searchBothWays(queries, sparse: SparseRows(querySparse, columns: s),
                                                              k: k, reverseK: reverseK, allowed: filter)
                #expect(perQuery == forward, "m \(m) n \(n) d \(d) s \(s) tiles \(queryBlock)×\(itemBlock) threads \(threads)")
                #expect(perRow == backward, "m \(m) n \(n) tiles \(queryBlock)×\(itemBlock) threads \(threads)")
            }
        }
    }
}
