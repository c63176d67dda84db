import ScenarioGenerator
import Testing
import VisitDomain
@testable import VisitPlanner

/// Identical rooms as one type in the model, then concrete rooms by interval partitioning: fewer
/// variables, the same plans, and never two meetings in one room at once.
@Suite("Room types")
struct RoomTypeTests {
    @Test("rooms that differ only in id form one type; a larger room, or a replan, keeps rooms apart")
    func typesGroupIdenticalRooms() throws {
        let scenario = try TestScenarios.load("identical-rooms.yaml")
        let types = RoomTypes(scenario: scenario, aggregate: true)
        #expect(types.representative == [0, 0, 0, 3])
        #expect(types.count(0) == 3 && types.count(3) == 1)
        #expect(RoomTypes(scenario: scenario, aggregate: false).representative == [0, 1, 2, 3])
        // The model has one room variable per meeting timing and type: two types, not four rooms.
        let model = ModelBuilder(scenario: scenario).build()
        let timings = Set(model.rooms.map { RoomUse(item: $0.item, start: $0.timing.start) })
        #expect(model.rooms.count == 2 * timings.count)
        #expect(Set(model.rooms.map(\.resource)) == [0, 3])
    }

    @Test("six meetings at once for four rooms: four meet, each in its own room, two are crowded out")
    func partitionedRoomsAreNeverDoubleBooked() throws {
        let result = try TestScenarios.plan("identical-rooms.yaml")
        let meetings = result.plan.visits.filter(\.scheduled).flatMap { $0.items ?? [] }
        #expect(meetings.count == 4)
        #expect(Set(meetings.compactMap(\.room)) == ["A-101", "A-102", "A-103", "A-201"])
        for visit in result.plan.visits where !visit.scheduled {
            #expect(visit.reasons?.first?.hasPrefix("crowded out") == true, "\(visit.id): \(visit.reasons ?? [])")
        }
    }

    @Test("on generated weeks, no room holds two meetings (turnover included) after partitioning",
          arguments: [(60, UInt64(1), false), (60, 2, false), (100, 3, true)])
    func generatedWeeksHaveNoDoubleBooking(week: (visits: Int, seed: UInt64, tight: Bool)) throws {
        let scenario = ScenarioGenerator(visits: week.visits, seed: week.seed, tight: week.tight).scenario()
        let types = RoomTypes(scenario: scenario, aggregate: true)
        #expect(types.members.values.contains { $0.count > 1 }, "the week needs identical rooms to test them")
        let plan = try Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: 5)).plan
        #expect(PlanChecker(scenario: scenario).check(plan).isValid)
        let turnover = scenario.policies.roomTurnoverMinutes
        let uses = plan.visits.flatMap { $0.items ?? [] }.compactMap { item in
            item.room.map { (room: $0, start: item.start.minutes, end: item.end.minutes + turnover) }
        }
        for (room, inRoom) in Dictionary(grouping: uses, by: \.room) {
            let sorted = inRoom.sorted { $0.start < $1.start }
            for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(a.end <= b.start, "\(room) is double-booked") }
        }
    }

    @Test("interval partitioning needs no more rooms than the most uses at once", arguments: 1...40)
    func partitionUsesTheMaximumOverlap(seed: Int) {
        var random = SplitMix(state: UInt64(seed))
        let uses = (0..<30).map { i -> RoomPartition.Use in
            let start = random.next(upTo: 600)
            return RoomPartition.Use(visit: i, item: 0, start: start, end: start + 15 + random.next(upTo: 180))
        }
        let most = uses.map { u in uses.filter { $0.start <= u.start && u.start < $0.end }.count }.max() ?? 0
        let rooms = Array(100..<(100 + most))
        let assigned = RoomPartition.assign(uses, rooms: rooms)
        #expect(assigned != nil)
        guard let assigned else { return }
        for room in rooms {
            let held = uses.indices.filter { assigned[$0] == room }.map { uses[$0] }.sorted { $0.start < $1.start }
            for (a, b) in zip(held, held.dropFirst()) { #expect(a.end <= b.start) }
        }
        // One room fewer than the peak cannot work.
        if most > 1 { #expect(RoomPartition.assign(uses, rooms: Array(rooms.dropLast())) == nil) }
    }
}

private struct RoomUse: Hashable {
    var item: ItemRef
    var start: Int
}

/// A small deterministic generator for the property test (SplitMix64).
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func next(upTo n: Int) -> Int { Int(next() % UInt64(n)) }
}
