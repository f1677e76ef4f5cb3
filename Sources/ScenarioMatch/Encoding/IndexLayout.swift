/// Where each feature of the encoder's blocks goes in the index: into the dense matrix that
/// sgemm multiplies, or into the sparse part scored through an inverted index.
///
/// A dense column costs a multiply-add for every company × scenario pair; a sparse feature
/// costs one for every pair that both have it. So features that many catalog records share
/// (common n-grams, the LSA dimensions, domains, districts) are dense, and the long tail of
/// rarer n-grams and concepts is sparse. Features no catalog record has can add nothing and
/// are dropped. Either way block b is scaled by √wᵦ, so a score stays the exact Σ wᵦ·sᵦ.
public struct IndexLayout: Sendable {
    public let denseColumns: Int
    public let sparseColumns: Int
    /// Per block, per feature: a dense column (≥ 0), a sparse column `c` stored as −1 − c,
    /// or `Self.absent`.
    let slots: [[Int32]]
    let scales: [Float]
    static let absent = Int32.min

    /// Lexical and concept features found in at least this share of the catalog are dense.
    /// Chosen on 10,000 generated companies × 10,000 scenarios (0.05, 0.15, 0.4 within noise of
    /// each other; Benchmarks/RESULTS.md, second session).
    public static let defaultDenseShare = 0.15

    public init(encoder: HybridEncoder, catalog: [HybridEncoder.Encoded], denseShare: Double = IndexLayout.defaultDenseShare) {
        let widths = encoder.blockDimensions
        let threshold = max(1, Int((denseShare * Double(catalog.count)).rounded(.up)))
        var dense: Int32 = 0, sparse: Int32 = 0
        var slots: [[Int32]] = []
        for (b, block) in FeatureBlock.allCases.enumerated() {
            var df = [Int](repeating: 0, count: widths[b])
            for e in catalog { for i in e.blocks[b].indices { df[Int(i)] += 1 } }
            let tailed = block == .lexical || block == .concept
            slots.append(df.map { count in
                if count == 0 { return Self.absent }
                if tailed && count < threshold { defer { sparse += 1 }; return -1 - sparse }
                defer { dense += 1 }
                return dense
            })
        }
        self.slots = slots
        self.denseColumns = Int(dense)
        self.sparseColumns = Int(sparse)
        self.scales = FeatureBlock.allCases.map { encoder.model.weights[$0].squareRoot() }
    }

    /// The records' vectors as the index takes them: a dense matrix and its sparse part.
    public func matrices(_ encodings: [HybridEncoder.Encoded]) -> (dense: Matrix, sparse: SparseRows) {
        var dense = Matrix(rows: encodings.count, columns: denseColumns)
        var sparse = SparseRows(columns: sparseColumns)
        var indices: [Int32] = [], values: [Float] = []
        dense.storage.withUnsafeMutableBufferPointer { storage in
            for (r, e) in encodings.enumerated() {
                indices.removeAll(keepingCapacity: true)
                values.removeAll(keepingCapacity: true)
                let row = r * denseColumns
                for (b, v) in e.blocks.enumerated() {
                    let slot = slots[b], scale = scales[b]
                    for (i, x) in zip(v.indices, v.values) {
                        let s = slot[Int(i)]
                        if s >= 0 {
                            storage[row + Int(s)] = x * scale
                        } else if s != Self.absent {
                            indices.append(-1 - s)
                            values.append(x * scale)
                        }
                    }
                }
                // Sparse columns are numbered in block and feature order, so they ascend already.
                sparse.append(SparseVector(indices: indices, values: values))
            }
        }
        return (dense, sparse)
    }
}
