/// The checker's verdict on one plan: every broken rule, and the score recomputed from the
/// scenario and the plan alone.
public struct CheckReport: Sendable, Hashable {
    public var violations: [RuleViolation]
    /// Recomputed per FORMAT.md "Objective" (with the replanning terms when checked with a `ReplanContext`).
    public var score: Double
    /// `score`, term by term.
    public var scoreBreakdown: ScoreBreakdown
    /// Recomputed total catering cost of the plan's meals.
    public var cateringCost: Double

    public init(violations: [RuleViolation], score: Double, scoreBreakdown: ScoreBreakdown, cateringCost: Double) {
        self.violations = violations; self.score = score; self.scoreBreakdown = scoreBreakdown; self.cateringCost = cateringCost
    }

    public var isValid: Bool { violations.isEmpty }

    /// The violations of one hard rule.
    public func violations(of rule: HardRule) -> [RuleViolation] { violations.filter { $0.rule == rule } }
}

/// What a violation is about: one of the nine hard rules, the plan's own shape (missing visits,
/// fields, totals, grid), or its reported score.
public enum CheckCategory: Sendable, Hashable, CustomStringConvertible {
    case rule(HardRule)
    /// The plan is malformed: a visit missing or repeated, a required field absent, totals wrong,
    /// a time off the slot grid, an item that names no agenda item of its kind.
    case structure
    /// The plan's reported score differs from the recomputed one.
    case score

    public var description: String {
        switch self {
        case .rule(let rule): rule.description
        case .structure: "plan structure"
        case .score: "score"
        }
    }
}

/// One thing wrong with a plan, with a sentence naming the resource or person and the time.
public struct RuleViolation: Sendable, Hashable, CustomStringConvertible {
    public var category: CheckCategory
    public var visit: String?
    /// The agenda index of the item concerned.
    public var item: Int?
    /// E.g. "room R-301 is used by V-1001 and V-1003 at 2026-12-08T10:00–11:15".
    public var message: String

    public init(_ category: CheckCategory, visit: String? = nil, item: Int? = nil, message: String) {
        self.category = category; self.visit = visit; self.item = item; self.message = message
    }

    public init(rule: HardRule, visit: String? = nil, item: Int? = nil, message: String) {
        self.init(.rule(rule), visit: visit, item: item, message: message)
    }

    /// The hard rule broken, or nil for a structure or score violation.
    public var rule: HardRule? {
        if case .rule(let rule) = category { return rule }
        return nil
    }

    public var description: String { "\(category): \(message)" }
}
