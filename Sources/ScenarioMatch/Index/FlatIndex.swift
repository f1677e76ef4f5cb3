import Foundation

/// Exhaustive inner-product search over a matrix of unit vectors, one row per item. It
/// knows vectors and row numbers only; what the rows stand for is the caller's business.
///
/// Many queries are scored in tiles (a block of queries × a block of items) with one
/// `sgemm` each, as FAISS's flat index does, and every query keeps a bounded heap across
/// the item blocks. A handful of queries is scored by a plain loop instead, which spares
/// sgemm's packing of the whole index for one row. Filters are applied after scoring, so
/// they never take the BLAS path away.
///
/// Items may also carry a sparse part (features most items lack, such as rare n-grams):
/// it is scored through an inverted index and added to each row of a tile before
/// selection, so a score is always the dense dot product plus the sparse one.
public struct FlatIndex: Sendable {
    public let vectors: Matrix
    /// The items' sparse part (`nil`: dense only).
    public let sparse: SparseRows?
    /// Queries per sgemm tile.
    public var queryBlock: Int
    /// Items per sgemm tile. A tile of scores (queryBlock × itemBlock floats) is written by
    /// sgemm and read back once, row by row, by the heaps.
    public let itemBlock: Int
    /// Threads for the index's own work (heap selection, the plain loop). BLAS has its
    /// own setting (OPENBLAS_NUM_THREADS).
    public var threads: Int
    /// `vectors` cut into row blocks of `itemBlock`, each a matrix sgemm can take whole.
    let itemBlocks: [Matrix]
    /// For each item block, the transpose of its sparse rows: feature → (item within the
    /// block, value).
    let postings: [SparseRows]

    /// Measured on 20,000 × 10,000 × 256 (Benchmarks/RESULTS.md): 1024 queries against
    /// whole rows of 10,000 items beat FAISS's 4096 × 1024 tiles by a few percent, since
    /// each query's scores are then scanned in one run. Larger indexes are cut into blocks
    /// of 16,384 items so that a tile stays within 64 MiB.
    public static let defaultQueryBlock = 1024
    public static let defaultItemBlock = 16384
    /// Fewer queries than this go through the plain loop rather than sgemm.
    public static let directQueryLimit = 8
    /// About this many multiply-adds (or scores to select from) per thread before a second thread pays.
    static let workPerThread = 1 << 16

    public init(vectors: Matrix, sparse: SparseRows? = nil, queryBlock: Int = FlatIndex.defaultQueryBlock,
                itemBlock: Int = FlatIndex.defaultItemBlock, threads: Int = FlatIndex.availableThreads) {
        precondition(sparse.map { $0.rows == vectors.rows } ?? true, "sparse part has \(sparse?.rows ?? 0) rows, dense part \(vectors.rows)")
        self.vectors = vectors
        self.sparse = sparse
        self.queryBlock = max(1, queryBlock)
        self.itemBlock = max(1, itemBlock)
        self.threads = max(1, threads)
        let n = vectors.rows, d = vectors.columns, step = self.itemBlock
        if n <= step {
            itemBlocks = n > 0 ? [vectors] : []
        } else {
            itemBlocks = stride(from: 0, to: n, by: step).map { lo in
                let hi = min(n, lo + step)
                return Matrix(rows: hi - lo, columns: d, storage: Array(vectors.storage[lo * d ..< hi * d]))
            }
        }
        if let sparse, n > 0 {
            postings = stride(from: 0, to: n, by: step).map { lo in sparse.slice(lo ..< min(n, lo + step)).transposed() }
        } else {
            postings = []
        }
    }

    public var count: Int { vectors.rows }
    public var dimension: Int { vectors.columns }
    public var sparseDimension: Int { sparse?.columns ?? 0 }

    /// The CPUs this process may run on: its affinity mask where Linux tells it (so that
    /// `taskset` is honoured), else every active core.
    public static let availableThreads: Int = {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") }) {
            let bits = line.dropFirst("Cpus_allowed:".count).reduce(0) { $0 + ($1.hexDigitValue?.nonzeroBitCount ?? 0) }
            if bits > 0 { return bits }
        }
        return ProcessInfo.processInfo.activeProcessorCount
    }()

    /// The `k` best rows for each query row. `allowed(query, row)` filters after scoring; it
    /// is asked only about rows good enough to enter a heap, possibly from several threads
    /// at once, so it must only read.
    public func search(
        _ queries: Matrix, sparse: SparseRows? = nil, k: Int,
        allowed: ((Int, Int) -> Bool)? = nil
    ) -> [[TopKHeap.Entry]] {
        searchBothWays(queries, sparse: sparse, k: k, reverseK: 0, allowed: allowed).perQuery
    }

    /// Both directions from the same scores: the `k` best rows per query, and the
    /// `reverseK` best queries per row (entry ids are query numbers).
    public func searchBothWays(
        _ queries: Matrix, sparse sparseQueries: SparseRows? = nil, k: Int, reverseK: Int,
        allowed: ((Int, Int) -> Bool)? = nil
    ) -> (perQuery: [[TopKHeap.Entry]], perRow: [[TopKHeap.Entry]]) {
        precondition(queries.columns == dimension, "query dimension \(queries.columns) ≠ index dimension \(dimension)")
        if let sparseQueries {
            precondition(sparseQueries.rows == queries.rows && sparseQueries.columns == sparseDimension,
                         "sparse queries are \(sparseQueries.rows)×\(sparseQueries.columns), expected \(queries.rows)×\(sparseDimension)")
        }
        // Without a sparse part in the index, a query's sparse part scores nothing.
        let sparseQueries = postings.isEmpty ? nil : sparseQueries
        precondition(k >= 0 && reverseK >= 0, "k and reverseK must not be negative")
        let n = count, m = queries.rows
        guard m > 0, n > 0 else {
            return (Array(repeating: [], count: m), Array(repeating: [], count: reverseK > 0 ? n : 0))
        }
        let kept = min(k, n)
        guard kept > 0 || reverseK > 0 else {
            return (Array(repeating: [], count: m), [])
        }
        var best = TopKRows(rows: m, k: kept)
        // One set of reverse heaps per worker, merged at the end: workers never share a heap.
        var reverse = reverseK > 0 ? (0..<threads).map { _ in ReverseHeaps(rows: n, capacity: reverseK) } : []
        best.withRows { rows in
            reverse.withUnsafeMutableBufferPointer { rev in
                let selector = Selector(rows: rows, reverse: reverseK > 0 ? rev.baseAddress : nil, allowed: allowed)
                if m < Self.directQueryLimit {
                    searchDirect(queries, sparseQueries, into: selector)
                } else {
                    searchTiled(queries, sparseQueries, into: selector)
                }
            }
        }
        let perQuery = (0..<m).map { best.sorted($0) }
        guard reverseK > 0 else { return (perQuery, []) }
        let perRow = (0..<n).map { j in
            var heap = reverse[0].heaps[j]
            for w in reverse.indices.dropFirst() {
                for e in reverse[w].heaps[j].unordered { heap.insert(id: e.id, score: e.score) }
            }
            return heap.sorted()
        }
        return (perQuery, perRow)
    }

    // MARK: - Scoring

    /// Tiles of queryBlock × itemBlock scores, one sgemm each; the rows of a tile are
    /// offered to their heaps in parallel.
    private func searchTiled(_ queries: Matrix, _ sparseQueries: SparseRows?, into selector: Selector) {
        let m = queries.rows
        let rowsPerTile = min(queryBlock, m)
        var tiles: [Int: Matrix] = [:]
        var start = 0
        while start < m {
            let rows = min(rowsPerTile, m - start)
            var first = 0
            for (b, items) in itemBlocks.enumerated() {
                let columns = items.rows
                var tile = tiles.removeValue(forKey: columns) ?? Matrix(rows: rowsPerTile, columns: columns)
                queries.dotProducts(rows: start, count: rows, against: items, into: &tile)
                let workers = workerCount(work: rows * columns, parts: rows)
                let (queryStart, itemStart) = (start, first)
                let blockPostings = sparseQueries == nil ? nil : postings[b]
                tile.storage.withUnsafeMutableBufferPointer { s in
                    nonisolated(unsafe) let base = s.baseAddress!
                    Self.inChunks(rows, workers: workers) { w, range in
                        for q in range {
                            if let sparseQueries, let blockPostings {
                                Self.addSparse(sparseQueries, row: queryStart + q, postings: blockPostings, into: base + q * columns)
                            }
                            selector.offer(base + q * columns, count: columns, firstItem: itemStart, query: queryStart + q, worker: w)
                        }
                    }
                }
                tiles[columns] = tile
                first += columns
            }
            start += rows
        }
    }

    /// One query at a time through a plain loop; a large index is split between threads.
    private func searchDirect(_ queries: Matrix, _ sparseQueries: SparseRows?, into selector: Selector) {
        let n = count, d = dimension
        let workers = workerCount(work: n * d, parts: n)
        var scores = [Float](repeating: 0, count: n)
        queries.storage.withUnsafeBufferPointer { qs in
            vectors.storage.withUnsafeBufferPointer { vs in
                scores.withUnsafeMutableBufferPointer { s in
                    nonisolated(unsafe) let (query0, items, out) = (qs.baseAddress!, vs.baseAddress!, s.baseAddress!)
                    for q in 0..<queries.rows {
                        Self.inChunks(n, workers: workers) { _, range in
                            Self.dotProducts(query0 + q * d, items, dimension: d, rows: range, into: out)
                        }
                        if let sparseQueries {
                            for (b, p) in postings.enumerated() {
                                Self.addSparse(sparseQueries, row: q, postings: p, into: out + b * itemBlock)
                            }
                        }
                        selector.offer(out, count: n, firstItem: 0, query: q, worker: 0)
                    }
                }
            }
        }
    }

    private func workerCount(work: Int, parts: Int) -> Int {
        max(1, min(threads, parts, work / Self.workPerThread))
    }

    /// `body(worker, range)` over `count` items cut into `workers` contiguous ranges.
    private static func inChunks(_ count: Int, workers: Int, _ body: (Int, Range<Int>) -> Void) {
        guard workers > 1 else { return body(0, 0..<count) }
        let per = (count + workers - 1) / workers
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let body = body
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                let lo = w * per, hi = min(count, lo + per)
                if lo < hi { body(w, lo..<hi) }
            }
        }
    }

    /// `scores[j] += Σ_f query[f] · postings[f][j]` for query row `q`: each of the query's
    /// features adds its value times the item's to the items that have it.
    static func addSparse(_ queries: SparseRows, row q: Int, postings: SparseRows, into scores: UnsafeMutablePointer<Float>) {
        queries.indices.withUnsafeBufferPointer { qi in
            queries.values.withUnsafeBufferPointer { qv in
                postings.offsets.withUnsafeBufferPointer { po in
                    postings.indices.withUnsafeBufferPointer { pi in
                        postings.values.withUnsafeBufferPointer { pv in
                            for e in queries.offsets[q] ..< queries.offsets[q + 1] {
                                let f = Int(qi[e]), x = qv[e]
                                var p = po[f]
                                let end = po[f + 1]
                                while p < end {
                                    scores[Int(pi[p])] += x * pv[p]
                                    p += 1
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// `out[j] = ⟨query, items[j]⟩` for `j` in `rows`, six rows per pass over the query.
    /// Eight-wide accumulators: six rows of them and the query fit the sixteen vector
    /// registers of baseline x86-64 (four rows of sixteen-wide ones spill, and measured
    /// 20–25% slower on one query against 10,000 × 256).
    static func dotProducts(_ query: UnsafePointer<Float>, _ items: UnsafePointer<Float>, dimension d: Int,
                            rows: Range<Int>, into out: UnsafeMutablePointer<Float>) {
        let q = UnsafeRawPointer(query)
        let wide = d & ~7
        @inline(__always) func load(_ p: UnsafeRawPointer, _ c: Int) -> SIMD8<Float> {
            p.loadUnaligned(fromByteOffset: c * 4, as: SIMD8<Float>.self)
        }
        @inline(__always) func row(_ j: Int) -> UnsafeRawPointer { UnsafeRawPointer(items + j * d) }
        var j = rows.lowerBound
        while j + 6 <= rows.upperBound {
            let r0 = row(j), r1 = row(j + 1), r2 = row(j + 2), r3 = row(j + 3), r4 = row(j + 4), r5 = row(j + 5)
            var a0 = SIMD8<Float>(), a1 = SIMD8<Float>(), a2 = SIMD8<Float>()
            var a3 = SIMD8<Float>(), a4 = SIMD8<Float>(), a5 = SIMD8<Float>()
            var c = 0
            while c < wide {
                let x = load(q, c)
                a0 += x * load(r0, c); a1 += x * load(r1, c); a2 += x * load(r2, c)
                a3 += x * load(r3, c); a4 += x * load(r4, c); a5 += x * load(r5, c)
                c += 8
            }
            var s0 = a0.sum(), s1 = a1.sum(), s2 = a2.sum(), s3 = a3.sum(), s4 = a4.sum(), s5 = a5.sum()
            while c < d {
                let x = query[c], at = j * d + c
                s0 += x * items[at]; s1 += x * items[at + d]; s2 += x * items[at + 2 * d]
                s3 += x * items[at + 3 * d]; s4 += x * items[at + 4 * d]; s5 += x * items[at + 5 * d]
                c += 1
            }
            out[j] = s0; out[j + 1] = s1; out[j + 2] = s2; out[j + 3] = s3; out[j + 4] = s4; out[j + 5] = s5
            j += 6
        }
        while j < rows.upperBound {
            let r = UnsafeRawPointer(items + j * d)
            var a = SIMD8<Float>()
            var c = 0
            while c < wide { a += load(q, c) * load(r, c); c += 8 }
            var s = a.sum()
            while c < d { s += query[c] * items[j * d + c]; c += 1 }
            out[j] = s
            j += 1
        }
    }
}

// MARK: - Selection

extension FlatIndex {
    /// Each item's heap of its best queries, with the heaps' thresholds kept in one array
    /// so that sixteen of them are compared at once.
    struct ReverseHeaps {
        var heaps: [TopKHeap]
        var thresholds: [Float]

        init(rows: Int, capacity: Int) {
            heaps = (0..<rows).map { _ in TopKHeap(capacity: capacity) }
            thresholds = Array(repeating: -.infinity, count: rows)
        }
    }

    /// Offers rows of scores to the kept lists: one per query, and one set of reverse heaps
    /// per worker. Workers offer disjoint queries and touch their own reverse heaps only.
    struct Selector: @unchecked Sendable {
        let rows: TopKRows.Handle
        let reverse: UnsafeMutablePointer<ReverseHeaps>?
        let allowed: ((Int, Int) -> Bool)?

        /// Offers query `q`'s scores for items `firstItem ..< firstItem + n`; items reach a
        /// query in increasing order. A test of 64 (then 16) scores at once against the
        /// threshold turns away almost every score before any other work, and the filter is
        /// asked only about scores that would be kept.
        @inline(__always)
        func offer(_ scores: UnsafePointer<Float>, count n: Int, firstItem: Int, query q: Int, worker: Int) {
            if let reverse {
                offerBothWays(scores, count: n, firstItem: firstItem, query: q, reverse: &reverse[worker])
            } else if rows.k > 0 {
                offerForward(scores, count: n, firstItem: firstItem, query: q)
            }
        }

        @inline(__always)
        private func admit(_ q: Int, _ j: Int) -> Bool {
            guard let allowed else { return true }
            return allowed(q, j)
        }

        private func offerForward(_ scores: UnsafePointer<Float>, count n: Int, firstItem: Int, query q: Int) {
            let raw = UnsafeRawPointer(scores), laneBits = SIMDScan.laneBits
            var row = rows.row(q)
            defer { rows.store(row, at: q) }
            var t = row.threshold

            /// The lanes of 16 scores from `j` that may be kept, one at a time.
            @inline(__always) func offer16(_ j: Int, _ v: SIMD16<Float>) {
                // Until the row is full t is -∞ and every lane goes in.
                var lanes = t == -.infinity ? 0xFFFF : SIMDScan.lanesAtLeast(v, t, laneBits)
                while lanes != 0 {
                    let l = lanes.trailingZeroBitCount
                    lanes &= lanes - 1
                    offer1(j + l)
                }
            }
            @inline(__always) func offer1(_ j: Int) {
                let s = scores[j]
                guard s >= t, admit(q, firstItem + j) else { return }
                row.insert(id: Int32(firstItem + j), score: s)
                t = row.threshold
            }
            @inline(__always) func load(_ j: Int) -> SIMD16<Float> {
                raw.loadUnaligned(fromByteOffset: j * 4, as: SIMD16<Float>.self)
            }

            var j = 0
            while j + 64 <= n {
                let v0 = load(j), v1 = load(j + 16), v2 = load(j + 32), v3 = load(j + 48)
                if t == -.infinity || !SIMDScan.allBelow(v0, v1, v2, v3, t) {
                    offer16(j, v0); offer16(j + 16, v1); offer16(j + 32, v2); offer16(j + 48, v3)
                }
                j += 64
            }
            while j + 16 <= n { offer16(j, load(j)); j += 16 }
            while j < n { offer1(j); j += 1 }
        }

        private func offerBothWays(_ scores: UnsafePointer<Float>, count n: Int, firstItem: Int, query q: Int,
                                   reverse: inout ReverseHeaps) {
            let raw = UnsafeRawPointer(scores), laneBits = SIMDScan.laneBits
            let forward = rows.k > 0
            var row = forward ? rows.row(q) : nil
            defer { if let row { rows.store(row, at: q) } }
            // A query that keeps nothing (k = 0) has +∞ as its threshold.
            var t = row?.threshold ?? .infinity
            reverse.thresholds.withUnsafeMutableBufferPointer { rt in
                reverse.heaps.withUnsafeMutableBufferPointer { rh in
                    @inline(__always) func offer(_ j: Int, _ s: Float) {
                        let item = firstItem + j
                        let keep = s >= t
                        guard keep || s >= rt[item], admit(q, item) else { return }
                        if keep {
                            row!.insert(id: Int32(item), score: s)
                            t = row!.threshold
                        }
                        rh[item].insert(id: Int32(q), score: s)
                        rt[item] = SIMDScan.subtrahend(rh[item].threshold)
                    }
                    let thresholds = UnsafeRawPointer(rt.baseAddress! + firstItem)
                    var j = 0
                    while j + 16 <= n {
                        let v = raw.loadUnaligned(fromByteOffset: j * 4, as: SIMD16<Float>.self)
                        let r = thresholds.loadUnaligned(fromByteOffset: j * 4, as: SIMD16<Float>.self)
                        var lanes = SIMDScan.lanesMayReach(v, SIMD16(repeating: SIMDScan.subtrahend(t)), orReach: r, laneBits)
                        while lanes != 0 {
                            let l = lanes.trailingZeroBitCount
                            lanes &= lanes - 1
                            offer(j + l, scores[j + l])
                        }
                        j += 16
                    }
                    while j < n { offer(j, scores[j]); j += 1 }
                }
            }
        }
    }
}

/// Threshold tests on sixteen scores at once, answered as a bit mask of lanes. Swift's
/// SIMD comparisons compile to one lane at a time; subtraction and integer bit operations
/// compile to vector instructions, and `v − t` has a clear sign bit exactly where `v ≥ t`
/// (for finite `t`, taken as −0 when it is zero: +0 − +0 is +0 but −0 − +0 is −0).
enum SIMDScan {
    static let laneBits = SIMD16<Int32>(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768)

    /// `t` as the tests subtract it: a zero threshold becomes −0, so that a −0 score still
    /// reaches it.
    @inline(__always)
    static func subtrahend(_ t: Float) -> Float { t == 0 ? -0.0 : t }

    /// Every lane of the four vectors falls short of the finite `t`.
    @inline(__always)
    static func allBelow(_ v0: SIMD16<Float>, _ v1: SIMD16<Float>, _ v2: SIMD16<Float>, _ v3: SIMD16<Float>, _ t: Float) -> Bool {
        let tv = SIMD16(repeating: subtrahend(t))
        let w = unsafeBitCast(v0 - tv, to: SIMD16<Int32>.self) & unsafeBitCast(v1 - tv, to: SIMD16<Int32>.self)
            & unsafeBitCast(v2 - tv, to: SIMD16<Int32>.self) & unsafeBitCast(v3 - tv, to: SIMD16<Int32>.self)
        let a = w.lowHalf & w.highHalf, b = a.lowHalf & a.highHalf
        return (b[0] & b[1] & b[2] & b[3]) < 0
    }

    /// Lanes of `v` that reach the finite `t`.
    @inline(__always)
    static func lanesAtLeast(_ v: SIMD16<Float>, _ t: Float, _ laneBits: SIMD16<Int32>) -> Int {
        let x = unsafeBitCast(v - SIMD16(repeating: subtrahend(t)), to: SIMD16<Int32>.self)
        return mask(~x, laneBits)
    }

    /// Lanes of `v` that may reach `t` or `r` (either may be infinite; zeros must be passed
    /// as −0, see `subtrahend`): a difference with a clear sign bit, or a NaN one (∞ − ∞),
    /// which the caller's scalar test settles.
    @inline(__always)
    static func lanesMayReach(_ v: SIMD16<Float>, _ t: SIMD16<Float>, orReach r: SIMD16<Float>, _ laneBits: SIMD16<Int32>) -> Int {
        let x = unsafeBitCast(v - t, to: SIMD16<Int32>.self), y = unsafeBitCast(v - r, to: SIMD16<Int32>.self)
        let infinity = SIMD16<Int32>(repeating: 0x7F80_0000)
        // A NaN's magnitude bits exceed those of ∞, so `∞ − magnitude` turns negative.
        return mask(~x | ~y | (infinity &- (x & 0x7FFF_FFFF)) | (infinity &- (y & 0x7FFF_FFFF)), laneBits)
    }

    /// Bit `l` set where lane `l` of `w` has its sign bit set (`laneBits` is passed in so
    /// that hot loops load it once).
    @inline(__always)
    static func mask(_ w: SIMD16<Int32>, _ laneBits: SIMD16<Int32>) -> Int {
        let bits = (w &>> 31) & laneBits
        let a = bits.lowHalf | bits.highHalf, b = a.lowHalf | a.highHalf
        return Int(b[0] | b[1] | b[2] | b[3])
    }
}
