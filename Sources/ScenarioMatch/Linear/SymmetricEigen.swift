import CLAPACK

/// Eigen-decomposition of a symmetric matrix through LAPACK's `ssyevd`.
public struct SymmetricEigen: Sendable {
    /// Eigenvalues in ascending order.
    public let values: [Float]
    /// Eigenvectors as columns: `vectors[i, j]` is component `i` of the `j`-th eigenvector.
    public let vectors: Matrix

    public enum Failure: Error, Equatable { case notSquare, lapack(info: Int32) }

    public init(_ a: Matrix) throws(Failure) {
        guard a.rows == a.columns else { throw .notSquare }
        var n = Int32(a.rows)
        guard n > 0 else { values = []; vectors = a; return }
        // A symmetric row-major matrix is its own column-major layout; the column-major
        // eigenvector matrix LAPACK returns is therefore the row-major transpose.
        var work = a.storage
        var w = [Float](repeating: 0, count: Int(n))
        var lda = n
        var info: Int32 = 0
        var jobz = CChar(UInt8(ascii: "V")), uplo = CChar(UInt8(ascii: "U"))
        var lworkQuery: Float = 0, liworkQuery: Int32 = 0
        var minusOne: Int32 = -1
        ssyevd_(&jobz, &uplo, &n, &work, &lda, &w, &lworkQuery, &minusOne, &liworkQuery, &minusOne, &info, 1, 1)
        guard info == 0 else { throw .lapack(info: info) }
        var lwork = Int32(lworkQuery)
        var liwork = liworkQuery
        var scratch = [Float](repeating: 0, count: Int(lwork))
        var iscratch = [Int32](repeating: 0, count: Int(liwork))
        ssyevd_(&jobz, &uplo, &n, &work, &lda, &w, &scratch, &lwork, &iscratch, &liwork, &info, 1, 1)
        guard info == 0 else { throw .lapack(info: info) }
        values = w
        vectors = Matrix(rows: Int(n), columns: Int(n), storage: work).transposed
    }
}
