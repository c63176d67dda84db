import MILP
import Testing
@testable import VisitPlanner

/// Duties and resource choices keep their numbers compactly (32-bit), and read back exactly what
/// they were given: every role, hosting's missing item, the extremes a week can hold.
@Suite("Choice storage")
struct ChoiceStorageTests {
    static let variable: Variable = {
        var model = Model(keepsNames: false)
        _ = model.addBinary("")
        return model.addBinary("")
    }()

    @Test("a duty reads back its person, visit, item, role, span and variable", arguments: [
        (DutyRole.host, nil as Int?), (.technical, 3), (.sales, 0), (.guide(route: 0), 1), (.guide(route: 41), 7),
    ])
    func dutyRoundTrip(role: DutyRole, item: Int?) {
        let lastMinuteOfWeek = 7 * 24 * 60 - 1
        var duty = DutyChoice(person: 107, visit: 399, item: item, role: role, start: 0, end: lastMinuteOfWeek, variable: Self.variable)
        #expect(duty.person == 107 && duty.visit == 399)
        #expect(duty.item == item)
        #expect(duty.role == role)
        #expect(duty.start == 0 && duty.end == lastMinuteOfWeek && duty.minutes == lastMinuteOfWeek)
        #expect(duty.variable == Self.variable)
        duty.item = nil
        duty.role = .guide(route: 2)
        duty.start = 540
        #expect(duty.item == nil && duty.role == .guide(route: 2) && duty.start == 540)
        #expect(MemoryLayout<DutyChoice>.stride <= 32)
    }

    @Test("a resource choice reads back its item, timing, resource and variable")
    func resourceRoundTrip() {
        var choice = ResourceChoice(item: ItemRef(visit: 12, item: 4), timing: ItemTiming(start: 6_000, duration: 90),
                                    resource: 42, variable: Self.variable)
        #expect(choice.item == ItemRef(visit: 12, item: 4))
        #expect(choice.timing == ItemTiming(start: 6_000, duration: 90) && choice.timing.end == 6_090)
        #expect(choice.resource == 42 && choice.variable == Self.variable)
        choice.timing = ItemTiming(start: 600, duration: 30)
        #expect(choice.timing.end == 630)
        #expect(MemoryLayout<ResourceChoice>.stride <= 32)
    }
}
