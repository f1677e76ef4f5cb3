/// Surface forms as a trie over Unicode scalars: walking a text from one position finds
/// every form that starts there in one pass, without building a string per candidate
/// length. Edges live in one hash table keyed by (node, scalar).
struct FormTrie: Sendable {
    private var edges: [UInt64: Int32] = [:]
    /// Per node: the value of the form ending there, or −1.
    private var values: [Int32] = [-1]

    private static func key(_ node: Int32, _ s: Unicode.Scalar) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 32 | UInt64(s.value)
    }

    /// Adds `form` with `value`, replacing the value of an equal form.
    mutating func insert<S: Sequence>(_ form: S, value: Int) where S.Element == Unicode.Scalar {
        var node: Int32 = 0
        for s in form {
            let k = Self.key(node, s)
            if let next = edges[k] {
                node = next
            } else {
                let next = Int32(values.count)
                values.append(-1)
                edges[k] = next
                node = next
            }
        }
        values[Int(node)] = Int32(value)
    }

    /// `body(length, value)` for every form that `scalars[start...]` begins with, shortest first.
    func prefixes(of scalars: [Unicode.Scalar], from start: Int, _ body: (Int, Int) -> Void) {
        var node: Int32 = 0
        var i = start
        while i < scalars.count, let next = edges[Self.key(node, scalars[i])] {
            node = next
            i += 1
            let v = values[Int(node)]
            if v >= 0 { body(i - start, Int(v)) }
        }
    }
}
