/// Exhaustive inner-product search over a matrix of unit vectors, one row per item. It
/// knows vectors and row numbers only; what the rows stand for is the caller's business.
///
/// Queries are scored in blocks with one `sgemm` each (as FAISS's flat index does), and
/// every query keeps a bounded heap. Filters are applied to the score block after the
/// multiply, so they never take the BLAS path away.
public struct FlatIndex: Sendable {
    public let vectors: Matrix
    /// Queries per sgemm block.
    public var queryBlock: Int

    public init(vectors: Matrix, queryBlock: Int = 4096) {
        self.vectors = vectors
        self.queryBlock = max(1, queryBlock)
    }

    public var count: Int { vectors.rows }
    public var dimension: Int { vectors.columns }

    /// The `k` best rows for each query row. `allowed(query, row)` filters after scoring.
    public func search(
        _ queries: Matrix, k: Int,
        allowed: (Int, Int) -> Bool = { _, _ in true }
    ) -> [[TopKHeap.Entry]] {
        searchBothWays(queries, k: k, reverseK: 0, allowed: allowed).perQuery
    }

    /// Both directions from the same score blocks: the `k` best rows per query, and the
    /// `reverseK` best queries per row (entry ids are query numbers).
    public func searchBothWays(
        _ queries: Matrix, k: Int, reverseK: Int,
        allowed: (Int, Int) -> Bool = { _, _ in true }
    ) -> (perQuery: [[TopKHeap.Entry]], perRow: [[TopKHeap.Entry]]) {
        precondition(queries.columns == dimension, "query dimension \(queries.columns) ≠ index dimension \(dimension)")
        let n = count
        var results: [[TopKHeap.Entry]] = []
        results.reserveCapacity(queries.rows)
        var reverse = [TopKHeap](repeating: TopKHeap(capacity: reverseK), count: reverseK > 0 ? n : 0)
        guard queries.rows > 0, n > 0 else {
            return (Array(repeating: [], count: queries.rows), reverse.map { $0.sorted() })
        }
        let block = min(queryBlock, queries.rows)
        var scores = Matrix(rows: block, columns: n)
        var start = 0
        while start < queries.rows {
            let rows = min(block, queries.rows - start)
            queries.dotProducts(rows: start, count: rows, against: vectors, into: &scores)
            for q in 0..<rows {
                var heap = TopKHeap(capacity: min(k, n))
                let base = q * n
                for j in 0..<n {
                    let s = scores.storage[base + j]
                    let wanted = s >= heap.threshold || (reverseK > 0 && s >= reverse[j].threshold)
                    guard wanted, allowed(start + q, j) else { continue }
                    heap.insert(id: Int32(j), score: s)
                    if reverseK > 0 { reverse[j].insert(id: Int32(start + q), score: s) }
                }
                results.append(heap.sorted())
            }
            start += rows
        }
        return (results, reverse.map { $0.sorted() })
    }
}
