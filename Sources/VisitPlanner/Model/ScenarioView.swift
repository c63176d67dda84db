import VisitDomain

/// The scenario as the model sees it: agenda items cancelled by change events are left out, and
/// `agendaIndex` maps each remaining item back to its index in the scenario's agenda (the index
/// plans and events use).
struct ScenarioView: Sendable {
    let full: Scenario
    let scenario: Scenario
    /// Per visit, model item position → scenario agenda index.
    let agendaIndex: [[Int]]

    init(_ full: Scenario) {
        self.full = full
        var view = full
        var maps: [[Int]] = []
        for v in view.visits.indices {
            let active = full.visits[v].activeItemIndexes
            maps.append(active)
            view.visits[v].agenda = active.map { full.visits[v].agenda[$0] }
            view.visits[v].cancelledItems = []
        }
        self.scenario = view
        self.agendaIndex = maps
    }

    /// The model position of scenario agenda index `index` of visit `v`, if the item is active.
    func position(visit v: Int, agendaIndex index: Int) -> Int? { agendaIndex[v].firstIndex(of: index) }
}
