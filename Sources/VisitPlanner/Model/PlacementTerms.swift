import MILP
import VisitDomain

/// What a search for a visit's options adds to the model (`PlanBaseline.wanted`,
/// `PlanBaseline.excludedPlacements`): a bonus on every timing of a wanted visit, larger than all
/// the rest of the week could lose to make room for it, and one row per excluded placement that
/// keeps the solver from choosing it again (a no-good cut on start, meeting rooms and host).
struct PlacementTerms: Sendable {
    let scenario: Scenario

    func apply(to pm: inout PlanningModel) {
        let baseline = pm.baseline
        if !baseline.wanted.isEmpty {
            let bonus = Self.wantedBonus(scenario)
            for choice in pm.timings where baseline.wanted.contains(choice.visit) {
                pm.objective.add(choice.variable, coefficient: bonus)
            }
        }
        for (n, placement) in baseline.excludedPlacements.enumerated() { exclude(placement, number: n, in: &pm) }
    }

    /// The bonus of a wanted visit: more than every other visit's whole value (its visit term, the
    /// dropped-visit penalty, every soft term of its items and people) and the whole catering
    /// cost together, so that no placement of the wanted visit is ever worth less than leaving it out.
    static func wantedBonus(_ scenario: Scenario) -> Double {
        let w = scenario.objective
        let perItem = abs(w.movedItem) + abs(w.changedResource) + abs(w.industryMatch)
        let maxPricePerHead = scenario.caterers.flatMap { $0.services.values.map(\.pricePerHead) }.max() ?? 0
        let slot = Double(max(1, scenario.calendar.slotMinutes))
        var total = 1000.0
        for visit in scenario.visits {
            let people = visit.agenda.reduce(1) { sum, item in
                switch item {
                case .meeting(let m): sum + m.technicalCount + m.salesCount
                case .tour: sum + 1 + visit.headcount
                case .meal: sum
                }
            }
            total += abs(w.visit) * Double(visit.priority) + abs(w.droppedVisit) + abs(w.preferredHost) + abs(w.industryMatch)
            total += Double(visit.agenda.count) * perItem + Double(2 * people) * abs(w.changedPerson)
            total += abs(w.preferredStartPerSlot) * Double(max(1, visit.window.end.minutes - visit.window.start.minutes)) / slot
            total += abs(w.cateringCost) * Double(visit.headcount + 1) * maxPricePerHead
        }
        return total
    }

    /// Σ start indicator + Σ meeting-room indicators + host indicator ≤ count − 1: each sum is 0 or
    /// 1 (one timing, one room per meeting, one host), so the row forbids exactly this combination.
    private func exclude(_ placement: ModelPlacement, number n: Int, in pm: inout PlanningModel) {
        let v = placement.visit
        var row = LinearExpression()
        var parts = 0
        let starts = pm.timings.filter { $0.visit == v && $0.timing.start == placement.start }
        guard !starts.isEmpty else { return }   // this start is not even a candidate: nothing to exclude
        for choice in starts { row.add(choice.variable) }
        parts += 1
        for (k, room) in placement.rooms.sorted(by: { $0.key < $1.key }) {
            let rooms = pm.rooms.filter { $0.item == ItemRef(visit: v, item: k) && $0.resource == room }
            guard !rooms.isEmpty else { return }
            for choice in rooms { row.add(choice.variable) }
            parts += 1
        }
        let hosts = pm.duties.filter { $0.visit == v && $0.role == .host && $0.person == placement.host }
        guard !hosts.isEmpty else { return }
        for duty in hosts { row.add(duty.variable) }
        parts += 1
        pm.milp.addConstraint(row, .lessOrEqual, Double(parts - 1), name: "options.excluded[\(scenario.visits[v].id)]#\(n)")
    }
}
