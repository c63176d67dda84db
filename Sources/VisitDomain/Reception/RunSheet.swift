/// One visit's reception day on one page, for the host and everyone who takes part: where and
/// when the host meets the guests, each step with its owner, the rooms, guides and meal order
/// (with dietary counts), the IT person on call and the fallback if the equipment fails, and where
/// the confidentiality boundary lies. Built from a scenario and a plan; it names no prices or
/// budgets (it goes to hosts).
public struct RunSheet: Sendable, Hashable {
    /// One line of the day.
    public struct Step: Sendable, Hashable {
        public var interval: TimeInterval
        /// "Welcome", "Meeting", "Tour: showroom", "Working meal", "Farewell".
        public var title: String
        /// Where: a room, a route, "lobby of building A".
        public var place: String?
        /// Who owns the step, with their part ("Ann Host (host)", "Li Wei (presentation)").
        public var owners: [String]
        /// Further lines: equipment, IT on call, fallback, meal order, confidentiality.
        public var notes: [String]
        /// Whether the step is under the NDA (confidential content).
        public var confidential: Bool
    }

    public var visit: String
    public var client: String
    /// "technology, key tier" where known.
    public var clientDetails: String?
    public var contact: String?
    public var date: LocalDate
    public var guests: Int
    public var language: String?
    public var ndaSigned: Bool
    public var purpose: VisitPurpose?
    /// The guests by name and title, as far as the request names them.
    public var guestList: [Guest]
    public var host: String?
    /// When and where the host meets the guests (the early-arrival minutes before the first item).
    public var meetingAt: LocalDateTime
    public var meetingPlace: String
    public var steps: [Step]
    /// The confidentiality boundary in one sentence (nil when nothing is confidential).
    public var confidentiality: String?

    /// The run sheet of visit `id` in `plan`, or nil when the plan does not schedule it.
    public init?(scenario: Scenario, plan: Plan, visit id: String, onCall: ITOnCall? = nil) {
        guard let visit = scenario.visit(id), let planned = plan.visit(id), planned.scheduled,
              let items = planned.items, let first = items.first, let start = planned.start, let end = planned.end else { return nil }
        let onCall = onCall ?? ITOnCall(scenario: scenario, plan: plan)
        func name(_ person: String) -> String { scenario.staffMember(person)?.displayName ?? person }
        self.visit = id
        client = visit.client.name ?? id
        let details = [visit.client.industry, visit.client.tier.map { "\($0) tier" }].compactMap { $0 }
        clientDetails = details.isEmpty ? nil : details.joined(separator: ", ")
        contact = visit.client.contact
        date = start.date
        guests = visit.headcount
        language = visit.language
        ndaSigned = visit.ndaSigned
        purpose = visit.purpose
        guestList = visit.guests
        host = planned.host.map(name)
        let place = visit.meetingPoint ?? Self.meetingPlace(scenario, first)
        let early = scenario.policies.hostArrivesEarlyMinutes
        meetingAt = start.adding(minutes: -early)
        meetingPlace = place
        var steps: [Step] = []
        let hostLine = planned.host.map { "\(name($0)) (host)" }
        steps.append(Step(interval: TimeInterval(start: start.adding(minutes: -early), end: start), title: "Welcome", place: place,
                          owners: hostLine.map { [$0] } ?? [], notes: early > 0 ? ["the host is there \(early) minutes before the guests' first item"] : [],
                          confidential: false))
        for (position, item) in items.enumerated() {
            let index = item.agendaIndex ?? position
            guard visit.agenda.indices.contains(index) else { continue }
            steps.append(Self.step(scenario, visit, item, index: index, host: hostLine, name: name, onCall: onCall))
        }
        steps.append(Step(interval: TimeInterval(start: end, end: end), title: "Farewell", place: place,
                          owners: hostLine.map { [$0] } ?? [], notes: [], confidential: false))
        self.steps = steps
        let secret = steps.filter(\.confidential)
        if secret.isEmpty {
            confidentiality = nil
        } else {
            let spans = secret.map { "\($0.title) \($0.interval.start.timeOfDay)–\($0.interval.end.timeOfDay)" }.joined(separator: ", ")
            confidentiality = "Confidential content only in \(spans), under the NDA \(visit.ndaSigned ? "signed" : "NOT signed: stop and ask the coordinator")"
                + "; nothing of it in the other steps, and no photos or copies leave the secure room."
        }
    }

    /// Where the host meets the guests: the lobby of the first item's building, else reception.
    static func meetingPlace(_ scenario: Scenario, _ first: PlannedItem) -> String {
        let building = first.room.flatMap(scenario.room)?.building ?? first.route.flatMap(scenario.route)?.building
        return building.map { "lobby of building \($0)" } ?? "reception"
    }

    static func placeOf(_ scenario: Scenario, _ item: PlannedItem) -> String? {
        if let room = item.room { return "room \(room)" + (scenario.room(room)?.building.map { ", building \($0)" } ?? "") }
        if let route = item.route { return "route \(route)" + (scenario.route(route)?.building.map { ", building \($0)" } ?? "") }
        if let caterer = item.caterer { return "served by \(scenario.caterer(caterer)?.id ?? caterer)" }
        return nil
    }

    private static func step(_ scenario: Scenario, _ visit: Visit, _ item: PlannedItem, index: Int, host: String?,
                             name: (String) -> String, onCall: ITOnCall) -> Step {
        var step = Step(interval: item.interval, title: "", place: placeOf(scenario, item), owners: [], notes: [], confidential: false)
        switch visit.agenda[index] {
        case .meeting(let meeting):
            step.title = "Meeting"
            let sales = (item.sales ?? []).map(name), technical = (item.technical ?? []).map(name)
            // Presentation by sales (else the technical staff, else the host); Q&A by the technical staff.
            if !sales.isEmpty {
                step.owners = sales.map { "\($0) (presentation)" } + technical.map { "\($0) (Q&A)" }
            } else if !technical.isEmpty {
                step.owners = technical.map { "\($0) (presentation, Q&A)" }
            } else if let host {
                step.owners = [host.replacingOccurrences(of: "(host)", with: "(host: presentation, Q&A)")]
            }
            if !meeting.equipment.isEmpty {
                step.notes.append("equipment: " + meeting.equipment.sorted().joined(separator: ", "))
                let key = ItemKey(visit: visit.id, agendaIndex: index)
                let shifts = onCall.shifts[key] ?? []
                if shifts.count == 1 {
                    step.notes.append("IT on call: \(name(shifts[0].person)), reachable within 5 minutes")
                } else if !shifts.isEmpty {
                    step.notes.append("IT on call: " + shifts.map { "\(name($0.person)) \($0.interval.start.timeOfDay)–\($0.interval.end.timeOfDay)" }
                        .joined(separator: ", then ") + ", each reachable within 5 minutes")
                }
                for gap in onCall.uncovered[key] ?? [] {
                    step.notes.append("no IT person free \(gap.start.timeOfDay)–\(gap.end.timeOfDay): ask the coordinator")
                }
                step.notes.append("if the equipment fails: Q&A + tea break while IT repairs it")
            }
            if meeting.confidential {
                step.confidential = true
                step.notes.append("confidential: secure room, NDA \(visit.ndaSigned ? "signed" : "not signed")")
            }
        case .tour:
            let route = item.route.flatMap(scenario.route)
            step.title = "Tour" + (route.map { ": \($0.id)" } ?? "")
            let guides = (item.guides ?? []).map(name)
            step.owners = guides.enumerated().map { guides.count > 1 ? "\($0.element) (guide, group \($0.offset + 1))" : "\($0.element) (guide)" }
            if route?.confidential == true {
                step.confidential = true
                step.notes.append("confidential route: NDA \(visit.ndaSigned ? "signed" : "not signed")")
            }
        case .meal(let meal):
            step.title = Self.serviceTitle(meal.service)
            if let caterer = item.caterer { step.owners = ["\(caterer) (caterer)"] }
            if let host { step.owners.append(host) }
            step.notes.append("order: " + MealOrder(visit: visit, diners: item.diners ?? scenario.diners(visit)).description)
        }
        return step
    }

    /// "teaBreak" → "Tea break".
    static func serviceTitle(_ service: String) -> String {
        var words: [String] = []
        var current = ""
        for ch in service {
            if ch.isUppercase, !current.isEmpty { words.append(current); current = "" }
            current.append(ch)
        }
        if !current.isEmpty { words.append(current) }
        let text = words.map { $0.lowercased() }.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst()
    }
}

/// What a caterer cooks for one meal: diners and how many of them have each dietary need.
public struct MealOrder: Sendable, Hashable, CustomStringConvertible {
    public var diners: Int
    /// Dietary need → guests with it, in the scenario's order.
    public var dietary: [(need: String, count: Int)]

    public init(visit: Visit, diners: Int) {
        self.diners = diners
        dietary = visit.dietary.filter { $0.value > 0 }.map { ($0.key, min($0.value, diners)) }
    }

    /// Diners without a listed need.
    public var standard: Int { max(0, diners - dietary.reduce(0) { $0 + $1.count }) }

    /// "7 diners: 2 vegetarian, 1 halal, 4 standard".
    public var description: String {
        let parts = dietary.map { "\($0.count) \($0.need)" } + (dietary.isEmpty ? [] : ["\(standard) standard"])
        return "\(diners) diners" + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", "))
    }

    public static func == (a: MealOrder, b: MealOrder) -> Bool {
        a.diners == b.diners && a.dietary.map(\.need) == b.dietary.map(\.need) && a.dietary.map(\.count) == b.dietary.map(\.count)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(diners)
        for d in dietary { hasher.combine(d.need); hasher.combine(d.count) }
    }
}
