import Foundation

/// Runs blocking solver work (a GLPK solve) on threads of its own, never on the event loop nor on
/// NIO's shared thread pool (which serves files), at most `limit` at once; callers beyond that
/// wait their turn. Each piece of work starts and ends on one thread, as GLPK requires.
actor SolverThreads {
    private let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = max(1, limit) }

    /// Runs `work` on a fresh thread once a slot is free and returns its result.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        await acquire()
        defer { release() }
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try work() })
            }
            thread.stackSize = 16 << 20
            thread.name = "visitplan-solver"
            thread.start()
        }
    }

    private func acquire() async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()   // the slot passes straight to the next caller
        }
    }
}

/// A value shared between a solver thread (which writes progress) and request handlers.
final class LockedValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func get() -> Value { lock.withLock { value } }
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
    func update<R>(_ body: (inout Value) -> R) -> R { lock.withLock { body(&value) } }
}
