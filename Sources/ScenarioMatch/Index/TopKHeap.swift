/// The `k` best (score, id) pairs seen so far, in a bounded min-heap: the root is the
/// weakest kept entry, so a candidate needs one comparison to be turned away.
/// Ties in score go to the smaller id, which makes every ranking deterministic.
public struct TopKHeap: Sendable {
    public struct Entry: Sendable, Equatable {
        public var id: Int32
        public var score: Float
    }

    public let capacity: Int
    private var heap: [Entry] = []

    public init(capacity: Int) {
        precondition(capacity >= 0)
        self.capacity = capacity
        heap.reserveCapacity(capacity)
    }

    public var count: Int { heap.count }

    /// `a` ranks below `b`.
    @inline(__always)
    static func worse(_ a: Entry, _ b: Entry) -> Bool {
        a.score < b.score || (a.score == b.score && a.id > b.id)
    }

    /// The score a new entry must reach once the heap is full (reaching it is necessary,
    /// not sufficient: an equal score also needs a smaller id). A zero-capacity heap admits
    /// nothing, so its threshold is +∞.
    public var threshold: Float {
        heap.count < capacity ? -.infinity : (capacity == 0 ? .infinity : heap[0].score)
    }

    public mutating func insert(id: Int32, score: Float) {
        guard capacity > 0 else { return }
        let e = Entry(id: id, score: score)
        if heap.count < capacity {
            heap.append(e)
            siftUp(heap.count - 1)
        } else if Self.worse(heap[0], e) {
            heap[0] = e
            siftDown(0)
        }
    }

    /// Entries best first.
    public func sorted() -> [Entry] {
        heap.sorted { Self.worse($1, $0) }
    }

    /// Entries in heap order, for merging heaps without sorting.
    var unordered: [Entry] { heap }

    private mutating func siftUp(_ i: Int) {
        heap.withUnsafeMutableBufferPointer { h in
            let e = h[i]
            var child = i
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.worse(e, h[parent]) else { break }
                h[child] = h[parent]
                child = parent
            }
            h[child] = e
        }
    }

    private mutating func siftDown(_ i: Int) {
        heap.withUnsafeMutableBufferPointer { h in
            let n = h.count, e = h[i]
            var parent = i
            while true {
                let l = 2 * parent + 1
                guard l < n else { break }
                // The weaker child moves up if it is weaker than the entry sinking down.
                let r = l + 1
                let child = r < n && Self.worse(h[r], h[l]) ? r : l
                guard Self.worse(h[child], e) else { break }
                h[parent] = h[child]
                parent = child
            }
            h[parent] = e
        }
    }

    /// Heap order holds at every node (for tests).
    public var isValidHeap: Bool {
        for i in 1..<max(heap.count, 1) where Self.worse(heap[i], heap[(i - 1) / 2]) { return false }
        return true
    }
}

/// The `k` best (score, id) pairs of many rows at once, each row a bounded min-heap in one
/// flat buffer, in the same order as `TopKHeap` (ties to the smaller id).
///
/// An entry is one 64-bit key that orders exactly as the ranking does: the score's bits
/// mapped to an unsigned order above, the complement of the id below. Every comparison in
/// a sift is then one integer comparison, which compiles to a conditional move rather than
/// the unpredictable branches of comparing score, then id.
struct TopKRows {
    let k: Int
    private(set) var keys: [UInt64]
    private(set) var counts: [Int]

    init(rows: Int, k: Int) {
        precondition(rows >= 0 && k >= 0)
        self.k = k
        keys = [UInt64](repeating: 0, count: rows * k)
        counts = [Int](repeating: 0, count: rows)
    }

    /// Row `r`, best first.
    func sorted(_ r: Int) -> [TopKHeap.Entry] {
        keys[r * k ..< r * k + counts[r]].sorted(by: >).map { TopKHeap.Entry(id: Self.id(of: $0), score: Self.score(of: $0)) }
    }

    // MARK: Keys

    /// Larger key, better entry. NaN has no place in the order and is never keyed; −0 is
    /// keyed as +0, since the two scores are equal.
    @inline(__always)
    static func key(id: Int32, score: Float) -> UInt64 {
        let bits = (score == 0 ? Float(0) : score).bitPattern
        let ordered = bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
        return UInt64(ordered) << 32 | UInt64(UInt32.max - UInt32(bitPattern: id))
    }

    @inline(__always)
    static func score(of key: UInt64) -> Float {
        let ordered = UInt32(truncatingIfNeeded: key >> 32)
        return Float(bitPattern: ordered & 0x8000_0000 != 0 ? ordered & 0x7FFF_FFFF : ~ordered)
    }

    @inline(__always)
    static func id(of key: UInt64) -> Int32 {
        Int32(bitPattern: UInt32.max - UInt32(truncatingIfNeeded: key))
    }

    // MARK: Hot loop

    /// Unsafe access for the hot loop; `body` may use rows from several threads as long as
    /// no two threads share a row. Needs `k > 0`.
    mutating func withRows<R>(_ body: (Handle) -> R) -> R {
        let k = self.k
        return keys.withUnsafeMutableBufferPointer { h in
            counts.withUnsafeMutableBufferPointer { c in
                body(Handle(k: k, keys: h.baseAddress, counts: c.baseAddress))
            }
        }
    }

    struct Handle: @unchecked Sendable {
        let k: Int
        let keys: UnsafeMutablePointer<UInt64>?
        let counts: UnsafeMutablePointer<Int>?

        /// One row's heap, held by the scan while it offers that row's scores.
        struct Row {
            let k: Int
            let heap: UnsafeMutablePointer<UInt64>
            var count: Int

            /// A score below this cannot enter; one equal to it enters only with a smaller
            /// id than the weakest kept entry. −∞ while the row is not full.
            @inline(__always)
            var threshold: Float { count < k ? -.infinity : TopKRows.score(of: heap[0]) }

            /// Keeps (id, score) if it ranks above the weakest kept entry or the row is not
            /// full. NaN scores are never kept.
            @inline(__always)
            mutating func insert(id: Int32, score: Float) {
                guard !score.isNaN else { return }
                let key = TopKRows.key(id: id, score: score)
                if count < k {
                    var child = count
                    count += 1
                    while child > 0 {
                        let parent = (child - 1) / 2
                        guard key < heap[parent] else { break }
                        heap[child] = heap[parent]
                        child = parent
                    }
                    heap[child] = key
                    return
                }
                guard key > heap[0] else { return }
                var parent = 0
                while true {
                    let l = 2 * parent + 1
                    guard l < k else { break }
                    let r = l + 1
                    let child = r < k && heap[r] < heap[l] ? r : l
                    let weaker = heap[child]
                    guard weaker < key else { break }
                    heap[parent] = weaker
                    parent = child
                }
                heap[parent] = key
            }
        }

        @inline(__always)
        func row(_ r: Int) -> Row {
            Row(k: k, heap: keys! + r * k, count: counts![r])
        }

        @inline(__always)
        func store(_ row: Row, at r: Int) {
            counts![r] = row.count
        }
    }
}
