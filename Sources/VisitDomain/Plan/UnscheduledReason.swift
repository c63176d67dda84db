/// Why a visit is not in the plan, as facts (FORMAT.md "Plan", `reasonDetails`): whether it is
/// impossible on its own or crowded out, the rule, the resources, dates and visits involved, and
/// the sentence in parts, where money is its own part. The sentence in `reasons` is rendered from
/// this at the edges; code that decides (bottlenecks, replanning, redaction) reads the fields.
public struct UnscheduledReason: Sendable, Hashable, Codable {
    /// Impossible even alone, crowded out by other visits, or cancelled by a change event.
    public enum Kind: String, Sendable, Hashable, Codable {
        case impossible
        case crowdedOut
        case cancelled
    }

    /// A limit of the week that a crowded-out visit runs into.
    public enum Limit: String, Sendable, Hashable, Codable {
        case weeklyHospitalityBudget
        case hostDailyLimits
    }

    public var kind: Kind
    /// The title of the hard rule that blocks the visit (`HardRule.title`), when one rule does.
    public var rule: String?
    /// Ids of the rooms, routes, caterers and people the reason is about.
    public var resources: [String]?
    /// The planned visits that hold those resources.
    public var visits: [String]?
    /// The dates (YYYY-MM-DD) the reason is about.
    public var dates: [String]?
    /// Of the times the visit could take (`examinedTimes`), how many this blocker blocks.
    public var blockedTimes: Int?
    public var examinedTimes: Int?
    public var limit: Limit?
    /// The sentence after the rule, in parts.
    public var text: [ReasonPart]

    public init(kind: Kind, rule: String?, resources: [String]? = nil, visits: [String]? = nil, dates: [String]? = nil,
                blockedTimes: Int? = nil, examinedTimes: Int? = nil, limit: Limit? = nil, text: [ReasonPart]) {
        self.kind = kind; self.rule = rule; self.resources = resources; self.visits = visits; self.dates = dates
        self.blockedTimes = blockedTimes; self.examinedTimes = examinedTimes; self.limit = limit; self.text = text
    }

    public init(kind: Kind, rule: HardRule?, _ words: String, resources: [String]? = nil, visits: [String]? = nil) {
        self.init(kind: kind, rule: rule?.title, resources: resources, visits: visits, text: [.words(words)])
    }

    /// The sentence as in the plan's `reasons`; without money, amounts give way to their host wording.
    public func sentence(showingMoney: Bool = true) -> String {
        let start = switch kind {
        case .impossible: "impossible on its own: "
        case .crowdedOut: "crowded out by other visits: "
        case .cancelled: ""
        }
        let body = text.map { $0.rendered(showingMoney: showingMoney) }.joined()
        return start + (rule.map { "\($0): " } ?? "") + body
    }

    /// This reason with every amount of money taken out (for a host).
    public var withoutMoney: UnscheduledReason {
        var copy = self
        copy.text = text.map { part in part.amount == nil ? part : .words(part.rendered(showingMoney: false)) }
        return copy
    }

    /// Whether any part carries an amount of money.
    public var mentionsMoney: Bool { text.contains { $0.amount != nil } }

    /// The share of the visit's candidate times this reason blocks (1 when not counted).
    public var blockedShare: Double {
        guard let blocked = blockedTimes, let examined = examinedTimes, examined > 0 else { return 1 }
        return Double(blocked) / Double(examined)
    }
}

/// One part of a reason's sentence: words, or an amount of money with the words around it
/// (`shown`, e.g. " of 300") and the words a host sees instead (`host`, often empty).
public struct ReasonPart: Sendable, Hashable, Codable {
    public var words: String?
    public var money: String?
    public var amount: Double?
    public var shown: String?
    public var host: String?

    public static func words(_ text: String) -> ReasonPart { ReasonPart(words: text) }

    /// `name` says what the amount is ("budgetPerHead", "pricePerHead", "weeklyBudget", ...).
    public static func money(_ name: String, _ amount: Double, shown: String, host: String = "") -> ReasonPart {
        ReasonPart(money: name, amount: amount, shown: shown, host: host)
    }

    func rendered(showingMoney: Bool) -> String {
        if let words { return words }
        return (showingMoney ? shown : host) ?? ""
    }
}
