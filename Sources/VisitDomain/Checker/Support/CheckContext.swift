/// One check of the plan: a hard rule, the structure or the score (checker-internal).
protocol PlanCheck: Sendable {
    func violations(in context: CheckContext) -> [RuleViolation]
}

/// What every check reads: the scenario, the plan, the replan context, the recomputed score and
/// the plan resolved against the scenario (checker-internal).
struct CheckContext: Sendable {
    let scenario: Scenario
    let replan: ReplanContext?
    let plan: Plan
    let score: ScoreBreakdown
    let cateringCost: Double
    /// Scheduled plan visits that name a scenario visit (first entry per id).
    let visits: [CheckedVisit]
    /// All items of all checked visits, with their visit (built once: every rule reads them).
    let items: [(visit: CheckedVisit, item: CheckedItem)]
    /// Every duty of every person: hosting (with the early minutes) and item places.
    let duties: [CheckedDuty]
    private let dutiesByPerson: [String: [CheckedDuty]]

    init(scenario: Scenario, replan: ReplanContext?, plan: Plan, score: ScoreBreakdown, cateringCost: Double) {
        self.scenario = scenario; self.replan = replan; self.plan = plan; self.score = score; self.cateringCost = cateringCost
        var seen: Set<String> = []
        let visits = plan.visits.compactMap { planned -> CheckedVisit? in
            guard seen.insert(planned.id).inserted, planned.scheduled, let visit = scenario.visit(planned.id) else { return nil }
            return CheckedVisit(visit: visit, planned: planned)
        }
        self.visits = visits
        self.items = visits.flatMap { v in v.items.map { (v, $0) } }
        let duties = visits.flatMap { CheckedDuty.duties(of: $0, hostEarlyMinutes: scenario.policies.hostArrivesEarlyMinutes) }
        self.duties = duties
        self.dutiesByPerson = Dictionary(grouping: duties, by: \.person)
    }

    /// Whether the item started before the replan's now and is kept as it was.
    func isFrozen(_ visit: String, _ index: Int) -> Bool {
        replan?.frozen.contains(ItemKey(visit: visit, agendaIndex: index)) == true
    }

    /// Whether the visit is under way (an item of it is frozen): it goes on with its host.
    func isUnderway(_ visit: String) -> Bool {
        replan?.frozen.contains { $0.visit == visit } == true
    }

    /// Whether an event cancelled the item.
    func isCancelled(_ visit: String, _ index: Int) -> Bool {
        replan?.cancelledItems.contains(ItemKey(visit: visit, agendaIndex: index)) == true
            || scenario.visit(visit)?.cancelledItems.contains(index) == true
    }

    /// The baseline plan's item for the same visit and agenda index.
    func baselineItem(_ visit: String, _ index: Int) -> PlannedItem? {
        guard let planned = replan?.baseline.visits.first(where: { $0.id == visit && $0.scheduled }) else { return nil }
        return PlanLookup.itemsByIndex(planned)[index]
    }


    /// Duties of one person.
    func duties(of person: String) -> [CheckedDuty] { dutiesByPerson[person] ?? [] }
}

/// A scheduled visit of the plan with its scenario visit and resolved items (checker-internal).
struct CheckedVisit: Sendable {
    let visit: Visit
    let planned: PlannedVisit
    let items: [CheckedItem]

    init(visit: Visit, planned: PlannedVisit) {
        self.visit = visit; self.planned = planned
        self.items = (planned.items ?? []).enumerated().map { position, item in
            let index = PlanLookup.agendaIndex(of: item, at: position)
            let agenda = visit.agenda.indices.contains(index) ? visit.agenda[index] : nil
            return CheckedItem(position: position, index: index, planned: item, agenda: agenda?.kind == item.kind ? agenda : nil)
        }
    }

    var id: String { visit.id }
    var start: LocalDateTime? { PlanLookup.start(of: planned) }
    var end: LocalDateTime? { PlanLookup.end(of: planned) }
}

/// A planned item with its scenario agenda item (nil when the index or kind does not match).
struct CheckedItem: Sendable {
    let position: Int
    let index: Int
    let planned: PlannedItem
    let agenda: AgendaItem?

    var interval: TimeInterval { planned.interval }
    var start: LocalDateTime { planned.start }
    var end: LocalDateTime { planned.end }
    var meeting: Meeting? { if case .meeting(let m)? = agenda { m } else { nil } }
    var tour: Tour? { if case .tour(let t)? = agenda { t } else { nil } }
    var meal: Meal? { if case .meal(let m)? = agenda { m } else { nil } }
    /// "item 1 (tour)".
    var label: String { CheckFormat.item(index, planned.kind) }
}

/// What a person does in a visit.
enum DutyRole: String, Sendable {
    case host, guide, technical, sales
}

/// One stretch of time a person is on duty (checker-internal).
struct CheckedDuty: Sendable {
    let person: String
    let visit: String
    /// Agenda index; nil for hosting.
    let item: Int?
    let role: DutyRole
    let interval: TimeInterval

    /// "host of V-1001", "guide in item 1 of V-1001".
    var label: String { item.map { "\(role.rawValue) in item \($0) of \(visit)" } ?? "host of \(visit)" }

    static func duties(of visit: CheckedVisit, hostEarlyMinutes: Int) -> [CheckedDuty] {
        var result: [CheckedDuty] = []
        if let host = visit.planned.host, let start = visit.start, let end = visit.end {
            result.append(CheckedDuty(person: host, visit: visit.id, item: nil, role: .host,
                                      interval: TimeInterval(start: start.adding(minutes: -hostEarlyMinutes), end: end)))
        }
        for item in visit.items {
            let places: [(DutyRole, [String]?)] = [(.technical, item.planned.technical), (.sales, item.planned.sales),
                                                   (.guide, item.planned.guides)]
            for (role, people) in places {
                for person in people ?? [] {
                    result.append(CheckedDuty(person: person, visit: visit.id, item: item.index, role: role, interval: item.interval))
                }
            }
        }
        return result
    }
}
