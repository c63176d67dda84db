import VisitDomain

/// Rooms that no rule can tell apart (same building, site, capacity, equipment, security and closures)
/// grouped into one type. The model then has one room variable per meeting timing and type, not
/// per room, and rule 8 limits a type to as many meetings at once as it has rooms; `RoomPartition`
/// gives each meeting a concrete room afterwards. A replan keeps rooms apart (its baseline and
/// events name concrete rooms), so there every room is its own type.
struct RoomTypes: Sendable {
    /// For each room, the first room of its type (its representative in the model).
    let representative: [Int]
    /// For each representative, the rooms of its type in scenario order.
    let members: [Int: [Int]]

    init(scenario: Scenario, aggregate: Bool) {
        guard aggregate else {
            representative = Array(scenario.rooms.indices)
            members = Dictionary(uniqueKeysWithValues: scenario.rooms.indices.map { ($0, [$0]) })
            return
        }
        var first: [RoomKind: Int] = [:]
        var representative: [Int] = []
        var members: [Int: [Int]] = [:]
        for (r, room) in scenario.rooms.enumerated() {
            let rep = first[RoomKind(room), default: r]
            first[RoomKind(room)] = rep
            representative.append(rep)
            members[rep, default: []].append(r)
        }
        self.representative = representative
        self.members = members
    }

    /// Whether room `r` stands for its type in the model.
    func isRepresentative(_ r: Int) -> Bool { representative[r] == r }

    /// How many rooms the type of representative `r` has.
    func count(_ r: Int) -> Int { members[r]?.count ?? 1 }
}

/// What rules see of a room: everything but its id.
private struct RoomKind: Hashable {
    var building: String?
    var site: String?
    var capacity: Int
    var equipment: Set<String>
    var secure: Bool
    var unavailable: [VisitDomain.TimeInterval]

    init(_ room: Room) {
        building = room.building
        site = room.site
        capacity = room.capacity
        equipment = room.equipment
        secure = room.secure
        unavailable = room.unavailable.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }
}
