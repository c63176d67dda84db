import VisitDomain

/// Gives every meeting placed in a room type (see `RoomTypes`) a concrete room of that type, by
/// interval partitioning: meetings in order of start, each to the first room of the type that is
/// free again (its last use plus turnover has ended). Rule 8's rows keep a type to as many
/// overlapping uses as it has rooms, and for intervals that is enough for this greedy order never
/// to run out of rooms.
struct RoomPartition: Sendable {
    let scenario: Scenario
    let types: RoomTypes

    /// One use of a type: which item, and the minutes it holds a room (turnover included).
    struct Use: Sendable {
        var visit: Int
        var item: Int
        var start: Int
        var end: Int
    }

    /// Each use's room (a member of its type), by position in `uses`; nil if the uses overlap
    /// more than the type has rooms (a bug in the model, never expected).
    static func assign(_ uses: [Use], rooms: [Int]) -> [Int]? {
        var freeFrom = [Int](repeating: Int.min, count: rooms.count)
        var result = [Int](repeating: -1, count: uses.count)
        let order = uses.indices.sorted {
            (uses[$0].start, uses[$0].end, uses[$0].visit, uses[$0].item) < (uses[$1].start, uses[$1].end, uses[$1].visit, uses[$1].item)
        }
        for u in order {
            guard let slot = freeFrom.indices.first(where: { freeFrom[$0] <= uses[u].start }) else { return nil }
            freeFrom[slot] = uses[u].end
            result[u] = rooms[slot]
        }
        return result
    }

    /// `scheduled` with each meeting's room made concrete; throws if a type is overbooked.
    func assigned(_ scheduled: [Int: PlannedVisit]) throws(PlannerError) -> [Int: PlannedVisit] {
        let index = Dictionary(uniqueKeysWithValues: scenario.rooms.enumerated().map { ($1.id, $0) })
        let turnover = scenario.policies.roomTurnoverMinutes
        var uses: [Int: [Use]] = [:]
        for (v, visit) in scheduled {
            for (i, item) in (visit.items ?? []).enumerated() {
                guard let id = item.room, let r = index[id], types.count(r) > 1 else { continue }
                uses[r, default: []].append(Use(visit: v, item: i, start: item.start.minutes, end: item.end.minutes + turnover))
            }
        }
        var result = scheduled
        for (r, typeUses) in uses {
            let members = types.members[r] ?? [r]
            guard let rooms = Self.assign(typeUses, rooms: members) else {
                throw .invalidPlan(["rule 8 (availability): more meetings at once than rooms of type \(scenario.rooms[r].id)"])
            }
            for (use, room) in zip(typeUses, rooms) {
                result[use.visit]?.items?[use.item].room = scenario.rooms[room].id
            }
        }
        return result
    }
}
