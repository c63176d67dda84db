import MILP
import VisitDomain

/// Rule 5 (meeting) in the model: a running meeting takes one room that is large, equipped and
/// secure enough (only such rooms are candidates), exactly `technical.count` technical staff whose
/// expertise covers every topic, and exactly `sales` sales staff. The room is used for the meeting
/// plus `roomTurnoverMinutes`; rule 8 keeps uses apart. Identical rooms share one variable per
/// timing (see `RoomTypes`).
struct MeetingRule: Sendable {
    let scenario: Scenario
    let roomTypes: RoomTypes
    let eligibility: Eligibility
    let itCover: ITCoverRule
    let calendar: StaffCalendar

    func apply(to pm: inout PlanningModel) {
        // Whether a building has IT cover for a timing, asked for every equipped meeting's rooms.
        var coverPossible: [CoverKey: Bool] = [:]
        func hasCover(_ building: String?, _ timing: ItemTiming) -> Bool {
            let key = CoverKey(building: building, timing: timing)
            if let known = coverPossible[key] { return known }
            let answer = itCover.coverPossible(building: building, during: timing)
            coverPossible[key] = answer
            return answer
        }
        for (v, visit) in scenario.visits.enumerated() {
            for (i, item) in visit.agenda.enumerated() {
                guard case .meeting(let meeting) = item, let runsByTiming = pm.itemRuns[ItemRef(visit: v, item: i)] else { continue }
                let ref = ItemRef(visit: v, item: i)
                let technical = eligibility.technicalStaff(for: visit, meeting)
                let sales = meeting.salesCount > 0 ? eligibility.salesStaff(for: visit) : []
                let frozen = pm.baseline.frozen.contains(ref)
                let kept = pm.baseline.keepsAssignment(ref) ? pm.baseline.items[ref] : nil
                let technicalCount = frozen ? kept?.technical.count ?? 0 : meeting.technicalCount
                let salesCount = frozen ? kept?.sales.count ?? 0 : meeting.salesCount
                for (timing, runs) in runsByTiming {
                    let tag = "\(visit.id).\(i)@\(timing.start)"
                    var roomSum = LinearExpression()
                    for r in pm.candidates[v].options[i][timing] ?? []
                    where roomTypes.isRepresentative(r) && (frozen || meeting.equipment.isEmpty || !itCover.enforced
                        || hasCover(scenario.rooms[r].building, timing)) {
                        let type = roomTypes.count(r) > 1 ? "+\(roomTypes.count(r) - 1)" : ""
                        let y = pm.milp.addBinary("room[\(tag),\(scenario.rooms[r].id)\(type)]")
                        roomSum.add(y)
                        pm.rooms.append(ResourceChoice(item: ref, timing: timing, resource: r, variable: y))
                    }
                    pm.milp.addConstraint(roomSum - runs, .equal, 0, name: "meeting.room[\(tag)]")
                    if technicalCount > 0 {
                        let vars = staffDuties(kept?.technical ?? technical, role: .technical, v, i, timing, frozen: frozen, &pm)
                        pm.milp.addConstraint(sum(vars.map(\.1)) - Double(technicalCount) * runs, .equal, 0,
                                              name: "meeting.technical[\(tag)]")
                        pm.seats[SeatKey(item: ref, start: timing.start, role: .technical)] =
                            Seats(count: technicalCount, topics: frozen ? [] : meeting.technicalExpertise.sorted())
                        for topic in meeting.technicalExpertise.sorted() where !frozen {
                            let knowers = vars.filter { scenario.staff[$0.0].expertise.contains(topic) }.map(\.1)
                            pm.milp.addConstraint(sum(knowers) - runs, .greaterOrEqual, 0, name: "meeting.expertise[\(tag),\(topic)]")
                        }
                    }
                    if salesCount > 0 {
                        let vars = staffDuties(kept?.sales ?? sales, role: .sales, v, i, timing, frozen: frozen, &pm)
                        pm.milp.addConstraint(sum(vars.map(\.1)) - Double(salesCount) * runs, .equal, 0,
                                              name: "meeting.sales[\(tag)]")
                        pm.seats[SeatKey(item: ref, start: timing.start, role: .sales)] = Seats(count: salesCount, topics: [])
                    }
                }
            }
        }
    }

    private struct CoverKey: Hashable {
        var building: String?
        var timing: ItemTiming
    }

    private func staffDuties(_ people: [Int], role: DutyRole, _ v: Int, _ i: Int, _ timing: ItemTiming, frozen: Bool,
                             _ pm: inout PlanningModel) -> [(Int, Variable)] {
        people.filter { frozen || calendar.isAvailable($0, for: timing.interval) }.map { p in
            let z = pm.milp.addBinary("\(role == .technical ? "technical" : "sales")[\(scenario.visits[v].id).\(i)@\(timing.start),\(scenario.staff[p].id)]")
            pm.duties.append(DutyChoice(person: p, visit: v, item: i, role: role, start: timing.start, end: timing.end, variable: z))
            return (p, z)
        }
    }
}

func sum(_ variables: [Variable]) -> LinearExpression {
    var e = LinearExpression()
    for x in variables { e.add(x) }
    return e
}
