import Dispatch

/// Independent pieces of work run side by side on the machine's cores, results in order.
package enum Parallel {
    /// `transform` of each of `indices`, at most `width` at once (`DispatchQueue.concurrentPerform`), in the
    /// order of `indices`. `transform` must be safe to call from several threads at once: each call gets its
    /// own index and shares nothing it writes. One index, or a width of 1, runs on the calling thread.
    package static func map<T>(_ indices: Range<Int>, width: Int = 2, _ transform: (Int) -> T) -> [T] {
        let n = indices.count, workers = min(n, max(1, width))
        if workers <= 1 { return indices.map(transform) }
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: n)
        slots.initialize(repeating: nil)
        defer { slots.deinitialize().deallocate() }
        // Each worker writes only its own slots, and `transform` is thread-safe by contract.
        withoutActuallyEscaping(transform) { transform in
            nonisolated(unsafe) let (out, work) = (slots, transform)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for i in stride(from: worker, to: n, by: workers) { out[i] = work(indices.lowerBound + i) }
            }
        }
        return slots.map { $0! }
    }
}
