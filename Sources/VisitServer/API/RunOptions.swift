import VisitDomain

/// The settings of a solve started through the API: `{"timeLimit": 60, "relativeGap": 0.0001}`,
/// both optional. An empty body takes the defaults.
struct RunOptions: Sendable, Equatable {
    var timeLimit: Double = 60
    var relativeGap: Double = 1e-4

    /// The longest solve the API starts.
    static let maximumTimeLimit: Double = 3600

    /// The options of `text`; fields left out take `defaults`' values.
    static func parse(_ text: String, format: DocumentFormat, defaults: RunOptions = RunOptions()) throws(APIError) -> RunOptions {
        var options = defaults
        guard !text.allSatisfy(\.isWhitespace) else { return options }
        let file = DocumentBody.fileName(format)
        let document = try DocumentBody.parse(text, format: format, file: file)
        guard let fields = document.objectValue else {
            throw .invalid(.invalid([ValidationIssue(file: file, path: "", message: "expected {timeLimit, relativeGap}, found \(document.shortDescription)")]))
        }
        var issues: [ValidationIssue] = []
        for key in fields.keys where !["timeLimit", "relativeGap"].contains(key) {
            issues.append(ValidationIssue(file: file, path: key, message: "unknown field; the options are timeLimit and relativeGap"))
        }
        if let value = fields["timeLimit"] {
            if let seconds = value.numberValue, seconds > 0, seconds <= maximumTimeLimit {
                options.timeLimit = seconds
            } else {
                issues.append(ValidationIssue(file: file, path: "timeLimit",
                                              message: "must be a number of seconds above 0 and at most \(Int(maximumTimeLimit)), found \(value.shortDescription)"))
            }
        }
        if let value = fields["relativeGap"] {
            if let gap = value.numberValue, gap >= 0, gap < 1 {
                options.relativeGap = gap
            } else {
                issues.append(ValidationIssue(file: file, path: "relativeGap",
                                              message: "must be a number from 0 up to (not including) 1, found \(value.shortDescription)"))
            }
        }
        guard issues.isEmpty else { throw .invalid(.invalid(issues)) }
        return options
    }
}
