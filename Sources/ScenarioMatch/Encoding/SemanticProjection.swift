/// Latent semantic analysis: the top right singular vectors of the weighted term matrix
/// (documents × terms). A text's TF-IDF vector x maps to P·x, where P is `rank × terms`.
public struct SemanticProjection: Sendable, Equatable {
    /// `rank × terms`, rows orthonormal.
    public let basis: Matrix

    public init(basis: Matrix) { self.basis = basis }

    public var rank: Int { basis.rows }
    public var inputDimension: Int { basis.columns }

    /// Fits on the rows of `documents` (already weighted and normalized), keeping `rank`
    /// components through LAPACK's SVD.
    public static func fit(documents: Matrix, rank: Int) throws -> SemanticProjection {
        let svd = try SingularValueDecomposition(documents)
        let r = min(rank, svd.singularValues.count)
        let basis = Matrix(rows: r, columns: documents.columns, storage: Array(svd.vt.storage.prefix(r * documents.columns)))
        return SemanticProjection(basis: basis)
    }

    /// P·x for a sparse x, L2-normalized.
    public func project(_ x: SparseVector) -> SparseVector {
        var z = [Float](repeating: 0, count: rank)
        for (i, v) in zip(x.indices, x.values) {
            let col = Int(i)
            for k in 0..<rank { z[k] += basis.storage[k * basis.columns + col] * v }
        }
        return SparseVector(indices: (0..<Int32(rank)).map { $0 }, values: z).normalized()
    }
}
