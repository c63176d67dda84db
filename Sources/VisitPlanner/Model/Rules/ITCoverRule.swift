import MILP
import VisitDomain

/// Rule 9 (IT cover) in the model: while a meeting with equipment runs, at least one IT person of
/// the room's building is available and on no duty. Rooms whose building has no IT person
/// available at some slot of the meeting are never candidates; for the rest, at each slot and
/// building, `cover ≥ each equipped meeting running` and `cover + Σ IT duties ≤ IT people free`.
struct ITCoverRule: Sendable {
    let scenario: Scenario
    /// False only to diagnose whether IT cover is what keeps a visit out (never for a plan).
    var enforced = true
    private let itStaff: [Int]

    init(scenario: Scenario) {
        self.scenario = scenario
        self.itStaff = scenario.staff.indices.filter { scenario.staff[$0].has(.it) }
    }

    var slot: Int { scenario.calendar.slotMinutes }

    /// IT people who may cover a room of `building` (any IT person when the room has no
    /// building: a missing field adds no constraint), available for the whole slot at `minute`.
    func itPeople(building: String?, slotStart minute: Int) -> [Int] {
        let interval = VisitDomain.TimeInterval(startMinute: minute, endMinute: minute + slot)
        return itStaff.filter {
            (building == nil || scenario.staff[$0].building == building) && scenario.isAvailable(scenario.staff[$0], for: interval)
        }
    }

    func coverPossible(building: String?, during timing: ItemTiming) -> Bool {
        stride(from: timing.start, to: timing.end, by: slot).allSatisfy { !itPeople(building: building, slotStart: $0).isEmpty }
    }

    func apply(to pm: inout PlanningModel) {
        guard enforced else { return }
        // Equipped meetings running at each (building, slot).
        var running: [String: [Int: [Variable]]] = [:]
        for choice in pm.rooms where !pm.baseline.frozen.contains(choice.item) {
            guard case .meeting(let m) = scenario.visits[choice.item.visit].agenda[choice.item.item], !m.equipment.isEmpty else { continue }
            let building = scenario.rooms[choice.resource].building ?? ""
            for minute in stride(from: choice.timing.start, to: choice.timing.end, by: slot) {
                running[building, default: [:]][minute, default: []].append(choice.variable)
            }
        }
        let dutiesByPerson = Dictionary(grouping: pm.duties, by: \.person)
        for building in running.keys.sorted() {
            for minute in running[building]!.keys.sorted() {
                let meetings = running[building]![minute]!
                let people = itPeople(building: building.isEmpty ? nil : building, slotStart: minute)
                // Duties of each IT person overlapping this slot; a person with none is always free.
                var busy = LinearExpression()
                var alwaysFree = false
                for p in people {
                    let overlapping = (dutiesByPerson[p] ?? []).filter { $0.start < minute + slot && minute < $0.end }
                    if overlapping.isEmpty { alwaysFree = true; break }
                    for d in overlapping { busy.add(d.variable) }
                }
                if alwaysFree { continue }
                let tag = "\(building)@\(minute)"
                if meetings.count == 1 {
                    pm.milp.addConstraint(busy + meetings[0], .lessOrEqual, Double(people.count), name: "itCover.free[\(tag)]")
                } else {
                    let cover = pm.milp.addVariable("itCover[\(tag)]", kind: .continuous, lowerBound: 0, upperBound: 1)
                    pm.coverLinks.append((cover, meetings))
                    for y in meetings {
                        pm.milp.addConstraint(LinearExpression(y) - cover, .lessOrEqual, 0, name: "itCover.needed[\(tag)]")
                    }
                    pm.milp.addConstraint(busy + cover, .lessOrEqual, Double(people.count), name: "itCover.free[\(tag)]")
                }
            }
        }
    }
}
