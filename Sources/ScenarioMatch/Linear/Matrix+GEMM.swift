import CBLAS

extension Matrix {
    /// `C = alpha · op(A) · op(B) + beta · C` through `cblas_sgemm`, all row-major.
    public static func gemm(
        _ a: Matrix, transposeA: Bool = false, _ b: Matrix, transposeB: Bool = false,
        alpha: Float = 1, beta: Float = 0, into c: inout Matrix
    ) {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let kb = transposeB ? b.columns : b.rows
        let n = transposeB ? b.rows : b.columns
        precondition(k == kb, "inner dimensions differ: \(k) vs \(kb)")
        precondition(c.rows == m && c.columns == n, "output is \(c.rows)×\(c.columns), expected \(m)×\(n)")
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            // BLAS leaves C untouched for k = 0 only when beta = 1; make the empty product explicit.
            for i in c.storage.indices { c.storage[i] *= beta }
            return
        }
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                c.storage.withUnsafeMutableBufferPointer { pc in
                    cblas_sgemm(
                        CblasRowMajor,
                        transposeA ? CblasTrans : CblasNoTrans,
                        transposeB ? CblasTrans : CblasNoTrans,
                        Int32(m), Int32(n), Int32(k), alpha,
                        pa.baseAddress, Int32(max(a.columns, 1)),
                        pb.baseAddress, Int32(max(b.columns, 1)),
                        beta, pc.baseAddress, Int32(max(n, 1)))
                }
            }
        }
    }

    /// `op(A) · op(B)` as a new matrix.
    public static func product(_ a: Matrix, transposeA: Bool = false, _ b: Matrix, transposeB: Bool = false) -> Matrix {
        let m = transposeA ? a.columns : a.rows
        let n = transposeB ? b.rows : b.columns
        var c = Matrix(rows: m, columns: n)
        gemm(a, transposeA: transposeA, b, transposeB: transposeB, into: &c)
        return c
    }

    /// Scores of `rowCount` rows of `self` starting at `firstRow` against every row of
    /// `other`: a `rowCount × other.rows` block of dot products, computed in place.
    public func dotProducts(rows firstRow: Int, count rowCount: Int, against other: Matrix, into c: inout Matrix) {
        precondition(columns == other.columns, "dimension mismatch: \(columns) vs \(other.columns)")
        precondition(firstRow >= 0 && firstRow + rowCount <= rows, "row block out of range")
        precondition(c.rows >= rowCount && c.columns == other.rows, "score block has the wrong shape")
        guard rowCount > 0, other.rows > 0 else { return }
        guard columns > 0 else {
            for i in 0..<(rowCount * other.rows) { c.storage[i] = 0 }
            return
        }
        storage.withUnsafeBufferPointer { pa in
            other.storage.withUnsafeBufferPointer { pb in
                c.storage.withUnsafeMutableBufferPointer { pc in
                    cblas_sgemm(
                        CblasRowMajor, CblasNoTrans, CblasTrans,
                        Int32(rowCount), Int32(other.rows), Int32(columns), 1,
                        pa.baseAddress! + firstRow * columns, Int32(columns),
                        pb.baseAddress, Int32(columns),
                        0, pc.baseAddress, Int32(other.rows))
                }
            }
        }
    }
}
