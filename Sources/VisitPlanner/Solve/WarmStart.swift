import MILP
import VisitDomain

/// The start of the first incumbent of a replan, built from the plan being replaced: every visit
/// that can keep exactly its baseline timing, resources and people is put back, visits under way
/// first, then by priority, each only if all rows it touches still hold. The construction
/// heuristic then places the other visits.
struct WarmStart: Sendable {
    let scenario: Scenario
    let model: PlanningModel

    /// The baseline put back as far as it still holds, and the visits it places; nil when a visit
    /// under way cannot be put back (the construction heuristic then starts from nothing).
    func start() -> (solution: PartialSolution, placed: Set<Int>)? {
        let baseline = model.baseline
        var solution = PartialSolution(model: model.milp)
        var placed = Set<Int>()
        let coversOf = Dictionary(grouping: model.coverLinks.flatMap { link in link.meetings.map { ($0, link.cover) } }, by: \.0)
            .mapValues { $0.map(\.1) }
        let order = baseline.scheduled.sorted { a, b in
            let ua = baseline.underway.contains(a), ub = baseline.underway.contains(b)
            if ua != ub { return ua }
            return (scenario.visits[a].priority, b) > (scenario.visits[b].priority, a)
        }
        for v in order {
            guard var group = assignment(for: v) else {
                if baseline.underway.contains(v) { return nil }
                continue
            }
            group += group.flatMap { coversOf[$0] ?? [] }
            if solution.tryAssign(group.map { ($0, 1) }) {
                placed.insert(v)
            } else if baseline.underway.contains(v) {
                return nil
            }
        }
        solution.commit()
        return (solution, placed)
    }

    /// The variables that place visit `v` exactly as in the baseline, if they all exist.
    func assignment(for v: Int) -> [Variable]? {
        let baseline = model.baseline
        let early = scenario.policies.hostArrivesEarlyMinutes
        guard let choice = model.timings.first(where: { t in
            t.visit == v && t.timing.items.enumerated().allSatisfy { baseline.items[ItemRef(visit: v, item: $0.offset)]?.start == $0.element.start }
        }) else { return nil }
        var group = [choice.variable]
        for (k, timing) in choice.timing.items.enumerated() {
            let ref = ItemRef(visit: v, item: k)
            guard let kept = baseline.items[ref] else { return nil }
            let resources = model.rooms + model.routes + model.caterers
            guard let resource = resources.first(where: { $0.item == ref && $0.timing == timing && $0.resource == kept.resource }) else {
                return nil
            }
            group.append(resource.variable)
            for (role, people) in [(DutyRole.technical, kept.technical), (.sales, kept.sales)] {
                for p in people {
                    guard let duty = model.duties.first(where: { $0.visit == v && $0.item == k && $0.role == role && $0.person == p && $0.start == timing.start })
                    else { return nil }
                    group.append(duty.variable)
                }
            }
            for p in kept.guides {
                guard let duty = model.duties.first(where: {
                    $0.visit == v && $0.item == k && $0.role == .guide(route: kept.resource ?? -1) && $0.person == p && $0.start == timing.start
                }) else { return nil }
                group.append(duty.variable)
            }
        }
        guard let host = baseline.hosts[v], let duty = model.duties.first(where: {
            $0.visit == v && $0.role == .host && $0.person == host && $0.start == choice.timing.start - early && $0.end == choice.timing.end
        }) else { return nil }
        group.append(duty.variable)
        if scenario.visits[v].stay != nil {
            // Its baseline hotel, else (an event changed what the stay needs) the cheapest candidate.
            let bookings = model.bookings.filter { $0.visit == v && $0.day == choice.timing.day }
            guard let booking = bookings.first(where: { $0.hotel == baseline.hotels[v] }) ?? bookings.first else { return nil }
            group.append(booking.variable)
        }
        return group
    }
}
