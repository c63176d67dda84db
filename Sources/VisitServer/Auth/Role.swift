/// What a token lets its holder do.
///
/// - `coordinator`: everything: scenarios, plans, events, what-ifs, budgets and costs.
/// - `host`: reads the calendar (without budgets or catering costs) and reports change events
///   for the visits they host.
/// - `planner`: reads everything, runs what-ifs on copies, never changes the live plan.
/// - `business`: the sales or business person who invites clients: submits visit requests, reads
///   the calendar (without costs) and follows its own requests and visits, with their client details.
/// - `logistics`: rooms, catering orders and setup: reads the calendar without the clients'
///   commercial details (contact, tier, industry, purpose, guests) or any price.
public enum Role: String, Sendable, Hashable, CaseIterable, Codable {
    case coordinator, host, planner, business, logistics

    /// Budgets and catering costs are shown to coordinators and planners only.
    var seesCosts: Bool { self == .coordinator || self == .planner }

    /// The roles, for messages: "coordinator, host, planner, business or logistics".
    static var listed: String {
        allCases.dropLast().map(\.rawValue).joined(separator: ", ") + " or " + (allCases.last?.rawValue ?? "")
    }
}

/// Who is making a request: the token's name, role and, for a host, the staff id they are.
public struct Identity: Sendable, Hashable {
    /// Names the token holder in the event log (`li.wei`, `front-desk`, ...).
    public var name: String
    public var role: Role
    /// The staff member a host token belongs to; for a business token, the person (staff id or
    /// name) its requests name as `owner`.
    public var person: String?

    public init(name: String, role: Role, person: String? = nil) {
        self.name = name; self.role = role; self.person = person
    }
}
