import VisitDomain

/// Why a replan could not be made; nothing is changed then.
public enum ReplanError: Error, Sendable, CustomStringConvertible {
    /// The events (or the plan) do not fit the scenario; each problem names its field.
    case invalid([ValidationIssue])
    /// The planner failed (see its message).
    case planner(PlannerErrorDescription)

    public var description: String {
        switch self {
        case .invalid(let issues):
            let header = issues.count == 1 ? "1 problem" : "\(issues.count) problems"
            return (["\(header) to fix; nothing was replanned:"] + issues.map(\.description)).joined(separator: "\n")
        case .planner(let error): return error.text
        }
    }

    /// The field-level problems (empty for planner failures).
    public var issues: [ValidationIssue] {
        if case .invalid(let issues) = self { issues } else { [] }
    }
}

/// A planner failure's message.
public struct PlannerErrorDescription: Sendable, Hashable {
    public var text: String
    /// The visits under way cannot go on (the replanner then ends them early).
    var underwayCannotGoOn = false
    /// Visits under way with no timing at all for what remains of them (see `PlannerError`).
    var noTimingLeft: [String] = []
}
