import Testing
import VisitDomain

/// Every change to a meal reaches its caterer (issue 12, finding 16): cancelled with the visit or
/// alone, resized, moved at the same caterer. V-1's working meal is at the canteen.
@Suite struct CatererNotificationTests {
    let fixture = ReplanFixture.shared

    @Test(arguments: [
        ("- {type: cancelVisit, at: '2026-12-08T08:00', visit: V-1}", "is cancelled"),
        ("- {type: cancelItem, at: '2026-12-08T08:00', visit: V-1, item: 2}", "is cancelled"),
        ("- {type: headcountChange, at: '2026-12-08T08:00', visit: V-1, headcount: 8}", "changes: 9 diners"),
        ("- {type: arrivalShift, at: '2026-12-08T08:00', visit: V-1, minutes: 120}", "changes: 7 diners"),
    ])
    func theCatererIsTold(_ events: String, _ words: String) throws {
        #expect(fixture.item(fixture.plan, "V-1", 2)?.caterer == "canteen")
        let outcome = try fixture.replan(events)
        let message = outcome.plan.notify?.first { $0.person == "canteen" }?.message
        #expect(message?.contains("order for V-1 (Contoso)") == true, "notify: \(outcome.plan.notify ?? [])")
        #expect(message?.contains(words) == true, "canteen is told: \(message ?? "nothing")")
    }

    @Test func anUnchangedMealTellsTheCatererNothing() throws {
        let outcome = try fixture.replan("- {type: cancelVisit, at: '2026-12-08T08:00', visit: V-2}")
        #expect(outcome.plan.notify?.contains { $0.person == "canteen" } == false)
    }
}
