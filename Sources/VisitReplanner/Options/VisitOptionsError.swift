import VisitDomain

/// Why no options could be given for a visit; each case says what to fix.
public enum VisitOptionsError: Error, Sendable, CustomStringConvertible {
    /// The scenario has no visit with this id (`scenarioFile` names the file).
    case unknownVisit(id: String, scenarioFile: String)
    /// The visit is already scheduled in the plan: options are for visits not yet placed
    /// (moving a scheduled visit is a change event, `arrivalShift`, or `improve`).
    case alreadyScheduled(id: String, span: String, host: String?, planFile: String)
    /// The plan does not fit the scenario or breaks its rules; each problem names its field.
    case invalid([ValidationIssue])
    /// The planner failed outright (see its message), or an option failed the checker (a bug; it
    /// is never offered).
    case planner(String)

    public var description: String {
        switch self {
        case .unknownVisit(let id, let file):
            return "\(file): there is no visit \"\(id)\" in the scenario"
        case .alreadyScheduled(let id, let span, let host, let file):
            return "\(file): \(id) is already scheduled (\(span)\(host.map { ", host \($0)" } ?? "")); options are offered for "
                + "visits not yet in the plan (to move it, report an arrivalShift event or run `visitplan improve`)"
        case .invalid(let issues):
            let header = issues.count == 1 ? "1 problem" : "\(issues.count) problems"
            return (["\(header) to fix; no options were looked for:"] + issues.map(\.description)).joined(separator: "\n")
        case .planner(let message):
            return message
        }
    }

    /// The field-level problems (empty otherwise).
    public var issues: [ValidationIssue] {
        if case .invalid(let issues) = self { issues } else { [] }
    }
}
