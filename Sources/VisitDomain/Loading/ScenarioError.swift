import Foundation

/// One problem in an input file, pinned to the field that has it so a coordinator can fix it:
/// `week-50.yaml: visits[3].agenda[1].routes[0]: unknown tour route "showrom" (did you mean "showroom"?)`.
public struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// The field, as a `DocumentPath` renders it (`visits[3].agenda[1]`); empty for the whole document.
    public var path: String
    public var message: String

    public init(file: String, path: String, message: String) {
        self.file = file; self.path = path; self.message = message
    }

    /// `FILE: PATH: MESSAGE` (`FILE: MESSAGE` for the whole document).
    public var description: String { path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)" }
}

/// Why a scenario could not be loaded.
public enum ScenarioError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The file is missing, unreadable, or not well-formed YAML/JSON (the reason names the line and column).
    case unreadable(file: String, reason: String)
    /// The document was read but breaks the format; every problem found is listed, in file order.
    case invalid([ValidationIssue])

    /// One line per problem.
    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read the file: \(reason)"
        case .invalid(let issues):
            let header = issues.count == 1 ? "1 problem" : "\(issues.count) problems"
            return (["\(header) to fix:"] + issues.map(\.description)).joined(separator: "\n")
        }
    }

    public var errorDescription: String? { description }

    /// The issues of an `invalid` error (empty for `unreadable`).
    public var issues: [ValidationIssue] {
        if case .invalid(let issues) = self { issues } else { [] }
    }
}
