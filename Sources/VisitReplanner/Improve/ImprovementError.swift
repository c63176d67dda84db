import VisitDomain

/// Why no improvement search could be made; nothing is proposed then.
public enum ImprovementError: Error, Sendable, CustomStringConvertible {
    /// The plan does not fit the scenario, or breaks its rules; each problem names its field.
    case invalid([ValidationIssue])
    /// A proposed plan failed the independent checker: a bug, and the plan is never returned.
    case invalidPlan([String])

    public var description: String {
        switch self {
        case .invalid(let issues):
            let header = issues.count == 1 ? "1 problem" : "\(issues.count) problems"
            return (["\(header) to fix; nothing was searched:"] + issues.map(\.description)).joined(separator: "\n")
        case .invalidPlan(let violations):
            return (["internal error: the proposed plan breaks the rules it must obey, so it is not offered:"]
                    + violations.map { "  - \($0)" }).joined(separator: "\n")
        }
    }

    /// The field-level problems (empty for internal errors).
    public var issues: [ValidationIssue] {
        if case .invalid(let issues) = self { issues } else { [] }
    }
}
