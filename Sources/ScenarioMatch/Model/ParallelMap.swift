import Foundation

/// Maps on all cores. Each worker writes only its own contiguous slots of the result.
func parallelMap<T: Sendable, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    guard items.count > 1 else { return items.map(transform) }
    var values = [R?](repeating: nil, count: items.count)
    let workers = min(ProcessInfo.processInfo.activeProcessorCount, items.count)
    let per = (items.count + workers - 1) / workers
    values.withUnsafeMutableBufferPointer { buffer in
        nonisolated(unsafe) let out = buffer
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let lo = w * per, hi = min(items.count, lo + per)
            guard lo < hi else { return }
            for i in lo..<hi { out[i] = transform(items[i]) }
        }
    }
    return values.map { $0! }
}
