import Foundation

/// Runs `count` independent jobs on up to `threads` threads and returns their results in job
/// order. Each job runs start to finish on one thread, so a job may create, solve and delete a
/// GLPK problem (GLPK keeps its environment per thread).
func parallelMap<T: Sendable>(_ count: Int, threads: Int, _ job: @Sendable (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    let results = ResultSlots<T>(count: count)
    let next = JobCounter()
    let workers = max(1, min(threads, count))
    if workers == 1 {
        for i in 0..<count { results.store(job(i), at: i) }
    } else {
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = next.take(below: count) { results.store(job(i), at: i) }
        }
    }
    return results.values()
}

/// One result slot per job, written once each from any thread.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: T, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func values() -> [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}

/// Hands out job numbers 0, 1, 2, ... to the worker threads.
private final class JobCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}

/// Jobs started one by one, each on a thread of its own, whose results come back as each
/// finishes: the large-neighbourhood search merges a result and starts the next job at once,
/// instead of waiting for the slowest job of a batch (`WeekSearch`). Each job runs start to
/// finish on one thread, as with `parallelMap`. Only one thread (the coordinator) starts jobs
/// and takes results.
final class JobPool<Result: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var finished: [(id: Int, result: Result)] = []
    /// Jobs started and not yet taken back (read and written by the coordinator only).
    private(set) var running = 0

    /// Starts `job` under the number `id`, on a thread of its own: a job never waits for a
    /// shared pool's thread (under load, GCD's global queue held a job back for minutes).
    func start(_ id: Int, _ job: @escaping @Sendable () -> Result) {
        running += 1
        let thread = Thread {
            let result = job()
            self.condition.lock()
            self.finished.append((id, result))
            self.condition.signal()
            self.condition.unlock()
        }
        // GLPK's branch-and-cut recurses: the stack of a process's main thread.
        thread.stackSize = Self.stackBytes
        thread.start()
    }

    /// Stack of each job's thread.
    static var stackBytes: Int { 8 << 20 }

    /// Waits for the next job to finish and returns its number and result (nil when none runs).
    func next() -> (id: Int, result: Result)? {
        guard running > 0 else { return nil }
        condition.lock()
        while finished.isEmpty { condition.wait() }
        let first = finished.removeFirst()
        condition.unlock()
        running -= 1
        return first
    }
}
