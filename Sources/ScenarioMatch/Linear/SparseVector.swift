/// A sparse vector as parallel arrays of feature indices (ascending) and values.
public struct SparseVector: Sendable, Equatable {
    public var indices: [Int32]
    public var values: [Float]

    public init(indices: [Int32] = [], values: [Float] = []) {
        precondition(indices.count == values.count)
        self.indices = indices
        self.values = values
    }

    public var isEmpty: Bool { indices.isEmpty }

    public var norm: Float {
        values.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }

    public func scaled(by s: Float) -> SparseVector {
        SparseVector(indices: indices, values: values.map { $0 * s })
    }

    public func normalized() -> SparseVector {
        let n = norm
        return n > 0 ? scaled(by: 1 / n) : self
    }

    public func dot(_ other: SparseVector) -> Float {
        // Both hold every feature 0..<n (the LSA block): a plain dot product. Ascending,
        // distinct indices that end at n − 1 after n entries can only be 0..<n.
        let n = indices.count
        if n > 0, other.indices.count == n, Int(indices[n - 1]) == n - 1, Int(other.indices[n - 1]) == n - 1 {
            return values.withUnsafeBufferPointer { a in
                other.values.withUnsafeBufferPointer { b in
                    var sum: Float = 0
                    for k in 0..<n { sum += a[k] * b[k] }
                    return sum
                }
            }
        }
        var i = 0, j = 0, sum: Float = 0
        while i < indices.count && j < other.indices.count {
            if indices[i] == other.indices[j] { sum += values[i] * other.values[j]; i += 1; j += 1 }
            else if indices[i] < other.indices[j] { i += 1 } else { j += 1 }
        }
        return sum
    }

    /// Per-feature products of the shared features, largest first.
    public func sharedContributions(_ other: SparseVector) -> [(index: Int32, value: Float)] {
        var out: [(Int32, Float)] = []
        var i = 0, j = 0
        while i < indices.count && j < other.indices.count {
            if indices[i] == other.indices[j] { out.append((indices[i], values[i] * other.values[j])); i += 1; j += 1 }
            else if indices[i] < other.indices[j] { i += 1 } else { j += 1 }
        }
        return out.sorted { $0.1 > $1.1 }.map { (index: $0.0, value: $0.1) }
    }

    /// Writes the vector into `row`, whose length is the feature count, at `offset`.
    public func scatter(into row: inout [Float], offset: Int = 0) {
        for (i, v) in zip(indices, values) { row[offset + Int(i)] = v }
    }
}
