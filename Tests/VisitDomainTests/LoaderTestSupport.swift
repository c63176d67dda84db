import Foundation
@testable import VisitDomain

/// Fixture files and a small valid scenario for the loader tests.
enum LoaderFixtures {
    /// The path of `Fixtures/<name>` in the test bundle.
    static func path(_ name: String) -> String {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOfFile: path(name), encoding: .utf8)
    }

    static let fixedNow = LocalDateTime(iso: "2026-12-03T17:00")!

    /// A valid scenario with two of everything, so that one edit breaks one rule.
    static let base = """
        name: validation-base
        now: 2026-12-03T17:00
        horizon: {start: 2026-12-07, end: 2026-12-11}
        calendar: {workingDays: [mon, tue, wed, thu, fri], workingHours: {start: "08:30", end: "18:00"}, holidays: [2026-12-09], slotMinutes: 15}
        policies:
          leadTime: {standardWorkingDays: 3, urgentHours: 24}
          hostArrivesEarlyMinutes: 10
          roomTurnoverMinutes: 15
          maxGapMinutes: 30
          mealBudgetPerHead: {workingMeal: 80, banquet: 300}
          tierBudgetPerHead: {vip: {banquet: 500}}
          weeklyHospitalityBudget: 20000
          maxVisitsPerHostPerDay: 2
          maxDutyMinutesPerStaffPerDay: 480
        objective: {visit: 1000}
        rooms:
          - {id: R-301, building: A, capacity: 12, equipment: [projector], unavailable: [{start: 2026-12-08T08:30, end: 2026-12-08T12:00}]}
          - {id: R-105, building: B, capacity: 8}
        tourRoutes:
          - {id: showroom, durationMinutes: 45, maxGroupSize: 15, openHours: {start: "09:00", end: "17:00"}}
          - {id: lab, durationMinutes: 30, maxGroupSize: 6, concurrentGroups: 2}
        staff:
          - {id: li.wei, roles: [host, guide], languages: [en], routes: [showroom], availability: [{days: [mon, tue], from: "08:30", to: "18:00"}]}
          - {id: zhang.san, roles: [technical], expertise: [robotics]}
        caterers:
          - {id: canteen, approved: true, leadTimeHours: 24, capacity: 60, services: {workingMeal: {pricePerHead: 60, hours: {start: "11:30", end: "13:30"}}}}
          - {id: golden-hall, services: {banquet: {pricePerHead: 400}}}
        visits:
          - id: V-1
            client: {name: Contoso, tier: standard}
            headcount: 6
            priority: 3
            requestedAt: 2026-11-30T09:00
            window: {earliest: 2026-12-08T09:00, latest: 2026-12-08T16:00}
            dietary: {vegetarian: 2}
            preferredHost: li.wei
            agenda:
              - {kind: meeting, durationMinutes: 60, technical: {count: 1, expertise: [robotics]}, sales: 0}
              - {kind: tour, routes: [showroom], durationMinutes: 30}
              - {kind: meal, service: workingMeal, durationMinutes: 60}
          - id: V-2
            headcount: 3
            requestedAt: 2026-11-30T09:00
            window: {earliest: 2026-12-10T09:00, latest: 2026-12-10T16:00}
            agenda: [{kind: meal, service: banquet, durationMinutes: 90}]
        """

    static func baseDocument() throws -> DocumentValue {
        try DocumentValue.parse(base, format: .yaml, file: "base.yaml")
    }

    /// The issues found in `document` (empty when it decodes).
    static func issues(_ document: DocumentValue, file: String = "base.yaml") -> [ValidationIssue] {
        do {
            _ = try ScenarioLoader.decode(document, file: file, defaultNow: fixedNow)
            return []
        } catch {
            return error.issues
        }
    }
}
