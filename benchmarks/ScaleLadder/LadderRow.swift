/// One line of the ladder: how planning one week went. Children print it as JSON to their parent.
struct LadderRow: Codable, Sendable {
    /// The size (`100`) or the file name (`week-40.yaml`).
    var label: String
    var visits: Int
    var timings: Int?
    var variables: Int?
    var rows: Int?
    /// `optimal`, `feasible`, `error`, `input error`, `crashed`, `timed out`.
    var status: String
    var scheduled: Int?
    var score: Double?
    var bound: Double?
    /// The solver's own objective, which should equal the checker's `score`.
    var modelObjective: Double?
    /// Seconds from the start of planning to the first plan reported (the planner's own
    /// construction or the solver's first incumbent).
    var firstPlanSeconds: Double?
    /// Seconds for the whole planning call: model, solve, reasons and check.
    var finalSeconds: Double?
    /// CPU seconds of the planning process (generating or loading the week included).
    var cpuSeconds: Double?
    /// The planning process's peak resident memory (VmHWM), in MiB.
    var peakMemoryMiB: Double?
    /// Whether `PlanChecker` accepted the plan; nil when there is no plan.
    var accepted: Bool?
    var violations: Int?
    /// What went wrong, when something did.
    var message: String?
    /// The planning strategy (`automatic`, `monolithic`, `decomposed`).
    var strategy: String?
    /// Every better plan or bound reported while planning (the model objective and the proven
    /// bound at that moment), in time order.
    var trace: [TracePoint]?

    /// A progress report during planning: the best plan's score and the best bound so far.
    struct TracePoint: Codable, Sendable {
        var seconds: Double
        var score: Double
        var bound: Double?
    }

    /// Seconds until the first plan scoring at least `target` (within 1e-6 relative), or the
    /// final time when only the final plan does.
    func secondsToReach(_ target: Double) -> Double? {
        let tolerance = 1e-6 * max(1, abs(target))
        if let point = trace?.first(where: { $0.score >= target - tolerance }) { return point.seconds }
        if let score, score >= target - tolerance { return finalSeconds }
        return nil
    }

    /// Seconds until score and bound were first within `percent` % of the bound (the gap the
    /// issue's targets name), or the final time when only the final plan is; nil when never.
    func secondsToGap(_ percent: Double) -> Double? {
        func within(_ score: Double, _ bound: Double) -> Bool { (bound - score) / max(abs(bound), 1e-9) * 100 <= percent + 1e-9 }
        if let point = trace?.first(where: { point in point.bound.map { within(point.score, $0) } == true }) { return point.seconds }
        if let score, let bound, within(score, bound) { return finalSeconds }
        return nil
    }

    /// The relative gap between bound and score, in %.
    var gapPercent: Double? {
        guard let score, let bound else { return nil }
        return abs(bound - score) / max(abs(bound), 1e-9) * 100
    }

    /// Whether the solver stopped at the limit without any plan (the empty plan was returned).
    var foundNoPlan: Bool { status == "feasible" && firstPlanSeconds == nil && (scheduled ?? 0) == 0 && visits > 0 }

    static func failed(_ label: String, visits: Int, status: String, message: String) -> LadderRow {
        LadderRow(label: label, visits: visits, status: status, message: message)
    }
}
