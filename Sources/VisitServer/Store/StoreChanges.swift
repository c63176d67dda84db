import Foundation

/// Something a writer committed to the store: this instance or, with PostgreSQL, any instance
/// sharing the database (`LISTEN/NOTIFY`).
enum StoreChange: Sendable, Equatable {
    /// A plan run is waiting for a solve worker.
    case runWaiting
    /// Scenario `scenarioId` has a new current plan, version `version`.
    case planCommitted(scenarioId: String, version: Int)

    /// As sent in a notification: `run`, or `plan VERSION SCENARIO`.
    var payload: String {
        switch self {
        case .runWaiting: "run"
        case .planCommitted(let scenarioId, let version): "plan \(version) \(scenarioId)"
        }
    }

    init?(payload: String) {
        let parts = payload.split(separator: " ", maxSplits: 2).map(String.init)
        switch parts.first {
        case "run": self = .runWaiting
        case "plan" where parts.count == 3: guard let version = Int(parts[1]) else { return nil }
            self = .planCommitted(scenarioId: parts[2], version: version)
        default: return nil
        }
    }
}

/// Hands each change to every subscriber; `finish()` ends every stream (the store is closing).
final class StoreChangeHub: Sendable {
    private let subscribers = LockedValue<[UUID: AsyncStream<StoreChange>.Continuation]>([:])
    private let finished = LockedValue(false)

    func subscribe() -> AsyncStream<StoreChange> {
        let (stream, continuation) = AsyncStream<StoreChange>.makeStream(bufferingPolicy: .bufferingNewest(256))
        let id = UUID()
        let added = subscribers.update { subscribers -> Bool in
            guard !finished.get() else { return false }
            subscribers[id] = continuation
            return true
        }
        guard added else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [subscribers] _ in subscribers.update { $0[id] = nil } }
        return stream
    }

    func publish(_ change: StoreChange) {
        for continuation in subscribers.get().values { continuation.yield(change) }
    }

    func finish() {
        finished.set(true)
        for continuation in subscribers.update({ subscribers in defer { subscribers = [:] }; return Array(subscribers.values) }) {
            continuation.finish()
        }
    }
}
