/// A sparse matrix stored by rows (CSR): row `i` holds the features
/// `indices[offsets[i] ..< offsets[i + 1]]` (ascending) with their `values`.
///
/// Transposed, it is an inverted index: one row per feature listing the items that have it,
/// which is how `FlatIndex` scores the sparse part of a query.
public struct SparseRows: Sendable, Equatable {
    public private(set) var rows: Int
    public let columns: Int
    public private(set) var offsets: [Int]
    public private(set) var indices: [Int32]
    public private(set) var values: [Float]

    /// An empty matrix of `columns` features, to append rows to.
    public init(columns: Int) {
        precondition(columns >= 0)
        self.rows = 0
        self.columns = columns
        self.offsets = [0]
        self.indices = []
        self.values = []
    }

    public init(_ vectors: [SparseVector], columns: Int) {
        var m = SparseRows(columns: columns)
        m.reserve(rows: vectors.count, entries: vectors.reduce(0) { $0 + $1.indices.count })
        for v in vectors { m.append(v) }
        self = m
    }

    init(rows: Int, columns: Int, offsets: [Int], indices: [Int32], values: [Float]) {
        precondition(offsets.count == rows + 1 && offsets.first == 0 && offsets.last == indices.count && indices.count == values.count)
        self.rows = rows; self.columns = columns
        self.offsets = offsets; self.indices = indices; self.values = values
    }

    public mutating func reserve(rows: Int, entries: Int) {
        offsets.reserveCapacity(offsets.count + rows)
        indices.reserveCapacity(indices.count + entries)
        values.reserveCapacity(values.count + entries)
    }

    /// Appends a row; its indices must be ascending and below `columns`.
    public mutating func append(_ v: SparseVector) {
        precondition(v.indices.allSatisfy { $0 >= 0 && Int($0) < columns }, "feature index out of range")
        indices.append(contentsOf: v.indices)
        values.append(contentsOf: v.values)
        offsets.append(indices.count)
        rows += 1
    }

    public var entryCount: Int { indices.count }

    public func row(_ i: Int) -> SparseVector {
        let r = offsets[i] ..< offsets[i + 1]
        return SparseVector(indices: Array(indices[r]), values: Array(values[r]))
    }

    /// Rows `range` as a matrix of their own.
    public func slice(_ range: Range<Int>) -> SparseRows {
        let lo = offsets[range.lowerBound], hi = offsets[range.upperBound]
        return SparseRows(rows: range.count, columns: columns,
                          offsets: offsets[range.lowerBound...range.upperBound].map { $0 - lo },
                          indices: Array(indices[lo..<hi]), values: Array(values[lo..<hi]))
    }

    /// The transpose, by a counting sort on the feature: row `f` lists, in increasing order,
    /// the rows that have feature `f`.
    public func transposed() -> SparseRows {
        var counts = [Int](repeating: 0, count: columns + 1)
        for f in indices { counts[Int(f) + 1] += 1 }
        for f in 0..<columns { counts[f + 1] += counts[f] }
        var next = counts
        var outIndices = [Int32](repeating: 0, count: indices.count)
        var outValues = [Float](repeating: 0, count: values.count)
        for i in 0..<rows {
            for e in offsets[i] ..< offsets[i + 1] {
                let f = Int(indices[e])
                outIndices[next[f]] = Int32(i)
                outValues[next[f]] = values[e]
                next[f] += 1
            }
        }
        return SparseRows(rows: columns, columns: rows, offsets: counts, indices: outIndices, values: outValues)
    }
}
