/// Lookups over a plan shared by the score and the checks (checker-internal).
enum PlanLookup {
    /// The plan's visits by id; the first occurrence wins (repeats are a structure violation).
    static func visitsByID(_ plan: Plan) -> [String: PlannedVisit] {
        var result: [String: PlannedVisit] = [:]
        for visit in plan.visits where result[visit.id] == nil { result[visit.id] = visit }
        return result
    }

    /// An item's index in the scenario's agenda: its `agendaIndex`, else its position.
    static func agendaIndex(of item: PlannedItem, at position: Int) -> Int { item.agendaIndex ?? position }

    /// A scheduled visit's items by agenda index; the first occurrence wins.
    static func itemsByIndex(_ visit: PlannedVisit) -> [Int: PlannedItem] { visit.itemsByAgendaIndex }

    /// A visit's start: the reported one, else its first item's.
    static func start(of visit: PlannedVisit) -> LocalDateTime? { visit.start ?? visit.items?.first?.start }

    /// A visit's end: the reported one, else its last item's.
    static func end(of visit: PlannedVisit) -> LocalDateTime? { visit.end ?? visit.items?.last?.end }
}
