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

    /// The score a new entry must beat once the heap is full.
    public var threshold: Float { heap.count < capacity ? -.infinity : heap[0].score }

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

    private mutating func siftUp(_ i: Int) {
        var child = i
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.worse(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ i: Int) {
        var parent = i
        while true {
            let l = 2 * parent + 1, r = l + 1
            var smallest = parent
            if l < heap.count && Self.worse(heap[l], heap[smallest]) { smallest = l }
            if r < heap.count && Self.worse(heap[r], heap[smallest]) { smallest = r }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }

    /// Heap order holds at every node (for tests).
    public var isValidHeap: Bool {
        for i in 1..<max(heap.count, 1) where Self.worse(heap[i], heap[(i - 1) / 2]) { return false }
        return true
    }
}
