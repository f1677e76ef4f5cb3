/// A dense, row-major matrix of `Float`: row `i` occupies `storage[i*columns ..< (i+1)*columns]`.
public struct Matrix: Sendable, Equatable {
    public private(set) var rows: Int
    public let columns: Int
    public var storage: [Float]

    public init(rows: Int, columns: Int, repeating value: Float = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.storage = [Float](repeating: value, count: rows * columns)
    }

    public init(rows: Int, columns: Int, storage: [Float]) {
        precondition(storage.count == rows * columns, "storage size \(storage.count) ≠ \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    public init(rowVectors: [[Float]], columns: Int) {
        var storage: [Float] = []
        storage.reserveCapacity(rowVectors.count * columns)
        for row in rowVectors {
            precondition(row.count == columns, "row of length \(row.count) in a matrix of \(columns) columns")
            storage.append(contentsOf: row)
        }
        self.init(rows: rowVectors.count, columns: columns, storage: storage)
    }

    public subscript(row: Int, column: Int) -> Float {
        get { storage[row * columns + column] }
        set { storage[row * columns + column] = newValue }
    }

    public func row(_ i: Int) -> ArraySlice<Float> {
        storage[i * columns ..< (i + 1) * columns]
    }

    public mutating func appendRow<C: Collection>(_ values: C) where C.Element == Float {
        precondition(values.count == columns, "row of length \(values.count) in a matrix of \(columns) columns")
        storage.append(contentsOf: values)
        rows += 1
    }

    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for i in 0..<rows { for j in 0..<columns { t[j, i] = self[i, j] } }
        return t
    }

    /// Scales every row to unit L2 norm; all-zero rows stay zero.
    public mutating func normalizeRows() {
        for i in 0..<rows {
            var sum: Float = 0
            for j in 0..<columns { let v = self[i, j]; sum += v * v }
            guard sum > 0 else { continue }
            let scale = 1 / sum.squareRoot()
            for j in 0..<columns { self[i, j] *= scale }
        }
    }
}
