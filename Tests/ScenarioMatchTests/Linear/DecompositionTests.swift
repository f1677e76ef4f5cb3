import Testing
@testable import ScenarioMatch

@Suite("Linear decompositions")
struct DecompositionTests {
    @Test("SVD reconstructs A, with orthonormal factors and descending values", arguments: [(6, 4), (4, 6), (5, 5), (1, 3)])
    func svdReconstructs(shape: (Int, Int)) throws {
        var rng = SeededGenerator(seed: UInt64(shape.0 * 31 + shape.1))
        let a = Matrix(rows: shape.0, columns: shape.1, storage: rng.floats(shape.0 * shape.1))
        let svd = try SingularValueDecomposition(a)
        let r = min(shape.0, shape.1)
        #expect(svd.u.rows == shape.0 && svd.u.columns == r && svd.vt.rows == r && svd.vt.columns == shape.1)
        #expect(zip(svd.singularValues, svd.singularValues.dropFirst()).allSatisfy { $0 >= $1 })
        var us = svd.u
        for i in 0..<us.rows { for j in 0..<r { us[i, j] *= svd.singularValues[j] } }
        let back = Matrix.product(us, svd.vt)
        let err = zip(back.storage, a.storage).map { abs($0 - $1) }.max() ?? 0
        #expect(err < 1e-4)
        let utu = Matrix.product(svd.u, transposeA: true, svd.u)
        for i in 0..<r { for j in 0..<r { #expect(abs(utu[i, j] - (i == j ? 1 : 0)) < 1e-4) } }
    }

    @Test("Symmetric eigen-decomposition: A·v = λ·v for every pair, ascending λ")
    func eigenPairs() throws {
        var rng = SeededGenerator(seed: 3)
        let x = Matrix(rows: 8, columns: 5, storage: rng.floats(40))
        let a = Matrix.product(x, transposeA: true, x)  // symmetric positive semi-definite
        let e = try SymmetricEigen(a)
        #expect(zip(e.values, e.values.dropFirst()).allSatisfy { $0 <= $1 })
        for j in 0..<5 {
            for i in 0..<5 {
                var av: Float = 0
                for k in 0..<5 { av += a[i, k] * e.vectors[k, j] }
                #expect(abs(av - e.values[j] * e.vectors[i, j]) < 1e-3)
            }
        }
    }

    @Test("A non-square matrix is refused by the eigen-solver")
    func eigenNonSquare() {
        #expect(throws: SymmetricEigen.Failure.notSquare) { try SymmetricEigen(Matrix(rows: 2, columns: 3)) }
    }
}
