/// The IT person on call for each meeting that uses equipment (the procedure: IT reachable within
/// 5 minutes while equipment is in use), named from a plan.
///
/// Rule 9 only asks that at every slot of such a meeting some IT person of the room's building be
/// available and on no duty; it names nobody. This picks, slot by slot, one of those people and
/// keeps them as long as they stay free, so a meeting is covered by as few people as possible
/// (usually one); among equals, the one with the fewest on-call minutes so far, then by id, so the
/// same plan always names the same people. One person may be on call for several meetings at once,
/// as rule 9 allows. A stretch nobody can cover (a frozen meeting exempt from the rule after a
/// replan) is reported as uncovered.
public struct ITOnCall: Sendable {
    /// One person on call for part (usually all) of a meeting.
    public struct Shift: Sendable, Hashable {
        public var person: String
        public var interval: TimeInterval
    }

    /// Per equipped meeting of the plan: who is on call when, in time order.
    public private(set) var shifts: [ItemKey: [Shift]] = [:]
    /// Per equipped meeting: stretches with nobody free to call.
    public private(set) var uncovered: [ItemKey: [TimeInterval]] = [:]

    public init(scenario: Scenario, plan: Plan) {
        let context = CheckContext(scenario: scenario, replan: nil, plan: plan, score: ScoreBreakdown(), cateringCost: 0)
        let itStaff = scenario.staff.filter { $0.has(.it) }.sorted { $0.id < $1.id }
        let slot = max(1, scenario.calendar.slotMinutes)
        var load: [String: Int] = [:]
        let meetings = context.items.filter { $0.item.meeting.map { !$0.equipment.isEmpty } ?? false }
            .sorted { ($0.item.interval.start, $0.visit.id, $0.item.index) < ($1.item.interval.start, $1.visit.id, $1.item.index) }
        for (visit, item) in meetings {
            let key = ItemKey(visit: visit.id, agendaIndex: item.index)
            let building = item.planned.room.flatMap(scenario.room)?.building
            let people = itStaff.filter { building == nil || $0.building == building }
            func free(_ person: StaffMember, _ piece: TimeInterval) -> Bool {
                scenario.isAvailable(person, for: piece) && !context.duties(of: person.id).contains { $0.interval.overlaps(piece) }
            }
            let pieces = stride(from: item.interval.start.minutes, to: item.interval.end.minutes, by: slot).map {
                TimeInterval(startMinute: $0, endMinute: min($0 + slot, item.interval.end.minutes))
            }
            var current: StaffMember?
            for (p, piece) in pieces.enumerated() {
                if let person = current, free(person, piece) {
                    extend(key, person.id, piece)
                } else {
                    // Whoever stays free longest from here; then the least called; then by id.
                    func run(_ person: StaffMember) -> Int { pieces[p...].prefix { free(person, $0) }.count }
                    let best = people.filter { free($0, piece) }
                        .max { (run($0), -load[$0.id, default: 0], $1.id) < (run($1), -load[$1.id, default: 0], $0.id) }
                    current = best
                    if let best { extend(key, best.id, piece) } else { gap(key, piece) }
                }
                if let person = current { load[person.id, default: 0] += piece.minutes }
            }
        }
    }

    private mutating func extend(_ key: ItemKey, _ person: String, _ piece: TimeInterval) {
        if let last = shifts[key]?.last, last.person == person, last.interval.end == piece.start {
            shifts[key]![shifts[key]!.count - 1].interval.end = piece.end
        } else {
            shifts[key, default: []].append(Shift(person: person, interval: piece))
        }
    }

    private mutating func gap(_ key: ItemKey, _ piece: TimeInterval) {
        if let last = uncovered[key]?.last, last.end == piece.start {
            uncovered[key]![uncovered[key]!.count - 1].end = piece.end
        } else {
            uncovered[key, default: []].append(piece)
        }
    }

    /// Every shift of one person, with its meeting, in time order (their feed).
    public func shifts(of person: String) -> [(meeting: ItemKey, shift: Shift)] {
        shifts.flatMap { key, list in list.filter { $0.person == person }.map { (key, $0) } }
            .sorted { ($0.shift.interval.start, $0.meeting.visit, $0.meeting.agendaIndex) < ($1.shift.interval.start, $1.meeting.visit, $1.meeting.agendaIndex) }
    }
}
