import Foundation

/// Collects the best score and bound of a planning run from any thread and passes improvements
/// to `PlannerOptions.progress`, with the seconds since planning started.
final class ProgressReporter: @unchecked Sendable {
    let start: ContinuousClock.Instant
    private let callback: (@Sendable (PlannerProgress) -> Void)?
    private let lock = NSLock()
    private var bestScore: Double?
    private var bound: Double?

    init(start: ContinuousClock.Instant, callback: (@Sendable (PlannerProgress) -> Void)?) {
        self.start = start
        self.callback = callback
    }

    /// Seconds since planning started.
    var elapsed: Double { (ContinuousClock.now - start).seconds }

    /// Reports a plan with model objective `score` and/or a proven bound, when either improves.
    func report(score: Double? = nil, bound newBound: Double? = nil) {
        lock.lock()
        var improved = false
        if let score, bestScore.map({ score > $0 + 1e-9 }) ?? true {
            bestScore = score
            improved = true
        }
        if let newBound, bound.map({ newBound < $0 - 1e-9 }) ?? true {
            bound = newBound
            improved = true
        }
        let snapshot = PlannerProgress(bestScore: bestScore, bound: bound, seconds: elapsed)
        lock.unlock()
        if improved { callback?(snapshot) }
    }
}
