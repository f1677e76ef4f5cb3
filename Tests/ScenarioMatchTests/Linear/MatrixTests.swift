import Testing
@testable import ScenarioMatch

@Suite("Linear")
struct MatrixTests {
    func naiveProduct(_ a: Matrix, _ b: Matrix) -> Matrix {
        var c = Matrix(rows: a.rows, columns: b.columns)
        for i in 0..<a.rows { for j in 0..<b.columns {
            var s: Float = 0
            for k in 0..<a.columns { s += a[i, k] * b[k, j] }
            c[i, j] = s
        } }
        return c
    }

    func maxDifference(_ x: Matrix, _ y: Matrix) -> Float {
        zip(x.storage, y.storage).map { abs($0 - $1) }.max() ?? 0
    }

    @Test("sgemm equals the naive triple loop, all transposes, many shapes")
    func gemmMatchesNaive() {
        var rng = SeededGenerator(seed: 7)
        for trial in 0..<60 {
            let m = Int.random(in: 1...17, using: &rng), n = Int.random(in: 1...13, using: &rng), k = Int.random(in: 1...19, using: &rng)
            let a = Matrix(rows: m, columns: k, storage: rng.floats(m * k))
            let b = Matrix(rows: k, columns: n, storage: rng.floats(k * n))
            let expected = naiveProduct(a, b)
            let ta = trial % 2 == 1, tb = trial % 3 == 1
            let got = Matrix.product(ta ? a.transposed : a, transposeA: ta, tb ? b.transposed : b, transposeB: tb)
            #expect(got.rows == m && got.columns == n)
            #expect(maxDifference(got, expected) < 1e-4, "trial \(trial)")
        }
    }

    @Test("row-block dot products equal per-row dot products")
    func dotProductBlocks() {
        var rng = SeededGenerator(seed: 11)
        let q = Matrix(rows: 9, columns: 5, storage: rng.floats(45))
        let d = Matrix(rows: 7, columns: 5, storage: rng.floats(35))
        var block = Matrix(rows: 4, columns: 7)
        q.dotProducts(rows: 3, count: 4, against: d, into: &block)
        for i in 0..<4 { for j in 0..<7 {
            let naive = zip(q.row(3 + i), d.row(j)).reduce(Float(0)) { $0 + $1.0 * $1.1 }
            #expect(abs(block[i, j] - naive) < 1e-5)
        } }
    }

    @Test("empty inner dimension gives zeros, not garbage")
    func emptyInner() {
        let a = Matrix(rows: 3, columns: 0), b = Matrix(rows: 0, columns: 2)
        var c = Matrix(rows: 3, columns: 2, repeating: 5)
        Matrix.gemm(a, b, into: &c)
        #expect(c.storage.allSatisfy { $0 == 0 })
    }

    @Test("normalizeRows gives unit rows and leaves zero rows alone")
    func normalize() {
        var m = Matrix(rowVectors: [[3, 4], [0, 0]], columns: 2)
        m.normalizeRows()
        #expect(abs(m[0, 0] - 0.6) < 1e-6 && abs(m[0, 1] - 0.8) < 1e-6)
        #expect(m[1, 0] == 0 && m[1, 1] == 0)
    }
}
