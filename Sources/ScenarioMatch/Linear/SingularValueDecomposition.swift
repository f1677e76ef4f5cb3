import CLAPACK

/// Thin SVD `A = U · diag(S) · Vᵀ` through LAPACK's divide-and-conquer `sgesdd`.
public struct SingularValueDecomposition: Sendable {
    /// `rows × r`, orthonormal columns.
    public let u: Matrix
    /// Singular values, descending, `r = min(rows, columns)` of them.
    public let singularValues: [Float]
    /// `r × columns`, orthonormal rows.
    public let vt: Matrix

    public enum Failure: Error, Equatable { case lapack(info: Int32) }

    public init(_ a: Matrix) throws(Failure) {
        let rows = a.rows, cols = a.columns, r = min(rows, cols)
        guard r > 0 else {
            u = Matrix(rows: rows, columns: 0); singularValues = []; vt = Matrix(rows: 0, columns: cols)
            return
        }
        // Row-major A (rows × cols) is column-major Aᵀ (cols × rows). With Aᵀ = U'·S·V'ᵀ we
        // have A = V'·S·U'ᵀ, so LAPACK's U' (column-major, cols × r) read row-major is Vᵀ,
        // and its V'ᵀ (column-major, r × rows) read row-major is U.
        var m = Int32(cols), n = Int32(rows)
        var data = a.storage
        var s = [Float](repeating: 0, count: r)
        var uPrime = [Float](repeating: 0, count: cols * r)
        var vtPrime = [Float](repeating: 0, count: r * rows)
        var lda = m, ldu = m, ldvt = Int32(r)
        var iwork = [Int32](repeating: 0, count: 8 * r)
        var info: Int32 = 0
        var jobz = CChar(UInt8(ascii: "S"))
        var query: Float = 0
        var minusOne: Int32 = -1
        sgesdd_(&jobz, &m, &n, &data, &lda, &s, &uPrime, &ldu, &vtPrime, &ldvt, &query, &minusOne, &iwork, &info, 1)
        guard info == 0 else { throw .lapack(info: info) }
        var lwork = Int32(query) + 1
        var work = [Float](repeating: 0, count: Int(lwork))
        sgesdd_(&jobz, &m, &n, &data, &lda, &s, &uPrime, &ldu, &vtPrime, &ldvt, &work, &lwork, &iwork, &info, 1)
        guard info == 0 else { throw .lapack(info: info) }
        singularValues = s
        vt = Matrix(rows: r, columns: cols, storage: uPrime)
        u = Matrix(rows: rows, columns: r, storage: vtPrime)
    }
}
