import Foundation
import VisitDomain
import VisitPlanner

/// Gathers one month's KPI facts from the store: for every scenario, the visits its current plan
/// schedules on a day of the month, each with its lead time, the reports that touched it and the
/// changes replans made to it, its records (file and follow-up plan at `now`), its catering and
/// hotel spend against its budgets; and the month's share of rooms', guides' and hosts' time.
struct KPIFactsBuilder: Sendable {
    let store: any PlanStore
    /// Now on the site's clock, given a scenario (its time zone).
    let now: @Sendable (Scenario) -> LocalDateTime

    func facts(_ month: ReportMonth) async throws -> KPIFacts {
        var facts = KPIFacts(month: month, visits: [])
        for summary in try await store.scenarios() {
            guard let row = try? await store.plan(scenarioId: summary.scenario.id, version: nil) else { continue }
            let plan = try row.decodedPlan()
            let scenario = try await store.scenarioVersion(id: summary.scenario.id, version: row.scenarioVersion).loadScenario()
            let inMonth = plan.visits.filter { $0.scheduled && $0.start.map { month.contains($0.date) } == true }
            guard !inMonth.isEmpty else { continue }
            let use = PlanUse(scenario: scenario, plan: plan, days: month.contains)
            facts.rooms = facts.rooms + KPIFacts.Use(busyMinutes: use.rooms.busy, availableMinutes: use.rooms.open)
            facts.guides = facts.guides + KPIFacts.Use(busyMinutes: use.guides.busy, availableMinutes: use.guides.open)
            facts.hosts = facts.hosts + KPIFacts.Use(busyMinutes: use.hosts.busy, availableMinutes: use.hosts.open)
            let (replans, changes) = try await history(of: summary.scenario.id)
            let records = try await store.records(scenarioId: summary.scenario.id, visitId: nil).map(VisitFiles.record)
            let now = now(scenario)
            let files = VisitFile.byVisit(records)
            for planned in inMonth {
                guard let visit = scenario.visit(planned.id), let start = planned.start, let end = planned.end else { continue }
                let file = files[visit.id] ?? VisitFile(visitId: visit.id, records: [])
                let followUp = FollowUpPlan(visitId: visit.id, end: end, host: planned.host, owner: visit.owner, file: file, now: now)
                let lead = scenario.leadTime(of: visit, startingAt: start)
                let (cateringCost, cateringBudget) = Self.catering(planned, visit: visit, scenario: scenario)
                let (hotelCost, hotelBudget) = Self.hotel(planned, visit: visit, scenario: scenario)
                facts.visits.append(KPIFacts.Visit(scenarioId: summary.scenario.id, visitId: visit.id, client: visit.client.name, start: start, end: end,
                                                   lead: lead == .tooLate ? .urgent : lead, replans: replans[visit.id, default: 0],
                                                   changes: changes[visit.id, default: 0], file: file, followUp: followUp,
                                                   cateringCost: cateringCost, cateringBudget: cateringBudget, hotelCost: hotelCost,
                                                   hotelBudget: hotelBudget))
            }
        }
        facts.visits.sort { ($0.start, $0.scenarioId, $0.visitId) < ($1.start, $1.scenarioId, $1.visitId) }
        return facts
    }

    /// Per visit: the reports whose events named it, and the changes replans made to it.
    private func history(of scenarioId: String) async throws -> (replans: [String: Int], changes: [String: Int]) {
        var reports: [String: Set<Int>] = [:]
        for event in try await store.events(scenarioId: scenarioId) {
            if let visit = event.visitId { reports[visit, default: []].insert(event.producedPlanVersion) }
        }
        var changes: [String: Int] = [:]
        for row in try await store.plans(scenarioId: scenarioId) where row.origin == "replan" || row.origin == "improvement" {
            for change in try row.decodedPlan().changes ?? [] { changes[change.visit, default: 0] += 1 }
        }
        return (reports.mapValues(\.count), changes)
    }

    /// The visit's catering spend, and what its per-head budgets allow for the meals it has.
    static func catering(_ planned: PlannedVisit, visit: Visit, scenario: Scenario) -> (Double, Double) {
        var cost = 0.0, budget = 0.0
        for item in planned.items ?? [] where item.kind == .meal {
            cost += item.cost ?? 0
            guard let index = item.agendaIndex, visit.agenda.indices.contains(index), case .meal(let meal) = visit.agenda[index],
                  let perHead = scenario.policies.budgetPerHead(service: meal.service, tier: visit.client.tier) else { continue }
            budget += perHead * Double(item.diners ?? scenario.diners(visit))
        }
        return (cost, budget)
    }

    /// The visit's hotel spend, and what its per-night budget allows for the booking it has.
    static func hotel(_ planned: PlannedVisit, visit: Visit, scenario: Scenario) -> (Double, Double) {
        guard let booking = planned.booking else { return (0, 0) }
        let nights = Double(booking.nights.count * booking.rooms)
        let cost = (booking.pricePerNight ?? 0) * nights
        let budget = scenario.policies.budgetPerNight(roomType: booking.roomType, tier: visit.client.tier).map { $0 * nights } ?? cost
        return (cost, budget)
    }
}
