import Foundation
import Testing
import VisitDomain
import VisitPlanner
import VisitWhatIf

/// A one-day scenario small enough to plan in a moment, built so that each what-if operation has
/// a visible effect:
/// - T-1 (priority 3) and T-2 (priority 2) both tour the showroom at 10:00 sharp; the route takes
///   two groups but there is one guide, g1, so T-2 is crowded out (T-2 could also tour the lab,
///   but no guide is certified for it);
/// - C-1 has a confidential meeting, and secure-1 is the only secure room;
/// - D-1 is a dinner that would like to start at 17:30; `cheap` (250 a head) serves only from 19:30,
///   `fine` (380) from 17:30 but over the banquet budget of 300. Late starts cost 10 a slot, so with
///   a budget of 400 the dinner moves to `fine` and starts on time.
enum MiniWeek {
    static let yaml = """
    name: mini-week
    now: '2026-12-04T17:00'
    horizon: {start: '2026-12-07', end: '2026-12-07'}
    policies:
      mealBudgetPerHead: {banquet: 300}
    objective: {preferredStartPerSlot: -10}
    rooms:
      - {id: secure-1, capacity: 10, secure: true}
      - {id: plain, capacity: 10}
    tourRoutes:
      - {id: showroom, durationMinutes: 60, maxGroupSize: 10, concurrentGroups: 2}
      - {id: lab, durationMinutes: 30, maxGroupSize: 8}
    staff:
      - {id: h1, roles: [host], languages: [en]}
      - {id: h2, roles: [host], languages: [en]}
      - {id: h3, roles: [host], languages: [en], availability: [{days: [mon], from: "08:30", to: "22:00"}]}
      - {id: g1, roles: [guide], languages: [en], routes: [showroom]}
    caterers:
      - {id: cheap, approved: true, services: {banquet: {pricePerHead: 250, hours: {start: "19:30", end: "22:00"}}}}
      - {id: fine, approved: true, services: {banquet: {pricePerHead: 380, hours: {start: "17:30", end: "22:00"}}}}
    visits:
      - id: T-1
        headcount: 4
        language: en
        requestedAt: '2026-11-20T09:00'
        window: {earliest: '2026-12-07T10:00', latest: '2026-12-07T11:00'}
        priority: 3
        preferredHost: h1
        agenda: [{kind: tour, routes: [showroom]}]
      - id: T-2
        headcount: 4
        language: en
        requestedAt: '2026-11-20T09:00'
        window: {earliest: '2026-12-07T10:00', latest: '2026-12-07T11:00'}
        priority: 2
        agenda: [{kind: tour, routes: [showroom, lab]}]
      - id: C-1
        headcount: 3
        language: en
        requestedAt: '2026-11-20T09:00'
        window: {earliest: '2026-12-07T09:00', latest: '2026-12-07T12:00'}
        ndaSigned: true
        agenda: [{kind: meeting, durationMinutes: 60, confidential: true}]
      - id: D-1
        headcount: 2
        language: en
        requestedAt: '2026-11-20T09:00'
        window: {earliest: '2026-12-07T17:30', latest: '2026-12-07T22:00'}
        preferredStart: '2026-12-07T17:30'
        agenda: [{kind: meal, service: banquet, durationMinutes: 120}]

    """

    /// A folder holding `mini-week.yaml` and the what-if file `whatif.yaml` with `variants` (YAML
    /// list items, indented by two spaces); the folder is removed when the value ends.
    final class Folder: Sendable {
        let url: URL
        var whatIfPath: String { url.appendingPathComponent("whatif.yaml").path }

        init(variants: String, base: String = "mini-week.yaml") throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("whatif-tests-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try MiniWeek.yaml.write(to: url.appendingPathComponent("mini-week.yaml"), atomically: true, encoding: .utf8)
            try "base: \(base)\nvariants:\n\(variants)\n".write(to: url.appendingPathComponent("whatif.yaml"), atomically: true, encoding: .utf8)
        }

        deinit { try? FileManager.default.removeItem(at: url) }
    }

    /// The study of `variants` on the mini week.
    static func study(_ variants: String) throws -> WhatIfStudy {
        let folder = try Folder(variants: variants)
        return try WhatIfStudy.load(path: folder.whatIfPath)
    }

    /// The problems reported for `variants`, as `path: message` lines (file names left out).
    static func problems(_ variants: String, base: String = "mini-week.yaml") throws -> [ValidationIssue] {
        let folder = try Folder(variants: variants, base: base)
        do {
            _ = try WhatIfStudy.load(path: folder.whatIfPath)
        } catch {
            return error.issues
        }
        Issue.record("the what-if file was accepted")
        return []
    }

    static func plan(_ scenario: Scenario) throws -> Plan {
        try Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: 30)).plan
    }
}

extension Plan {
    /// The plan without its timing, for comparing two runs of the same scenario.
    var timeless: Plan {
        var copy = self
        copy.solveSeconds = 0
        return copy
    }
}
