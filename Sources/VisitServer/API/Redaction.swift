import VisitDomain
import VisitReplanner

/// Budgets, catering costs and hotel prices are for coordinators and planners: for the other roles, they are
/// taken out of scenario documents and plans before anything is sent. Clients' details stay with the people
/// who receive them: a host sees the contact, industry, tier, purpose, guests' names and dietary needs and NDA status
/// of the visits they host, a business token those of the visits it requested or owns; of the rest of the
/// calendar, the company and the times only. Logistics sees every visit's dietary needs and NDA status
/// (for orders and setup), never a client's commercial details (contact, industry, tier, purpose, guests).
enum Redaction {
    /// Fields of a visit a host sees only for the visits they host.
    static let clientDetails: [DocumentPath] = [
        DocumentPath([.key("client"), .key("contact")]), DocumentPath([.key("client"), .key("industry")]),
        DocumentPath([.key("client"), .key("tier")]), DocumentPath([.key("dietary")]), DocumentPath([.key("ndaSigned")]),
        DocumentPath([.key("preferredHost")]), DocumentPath([.key("guests")]), DocumentPath([.key("purpose")]),
    ]

    /// Of those, what logistics still sees (orders and setup need them).
    static let logisticsKeeps: Set<DocumentPath> = [DocumentPath([.key("dietary")]), DocumentPath([.key("ndaSigned")])]

    /// The visits whose client details `identity` sees: those a host hosts in the scenario's current
    /// plan, those a business token requested or owns, none for logistics; nil for roles that see every visit.
    static func hostedVisits(scenarioId: String, for identity: Identity, store: any PlanStore) async -> Set<String>? {
        switch identity.role {
        case .coordinator, .planner: return nil
        case .logistics: return []
        case .business: return await RequestOwnership.visits(of: identity, scenarioId: scenarioId, store: store)
        case .host: break
        }
        guard let plan = try? await store.plan(scenarioId: scenarioId, version: nil).decodedPlan() else { return [] }
        return Set(plan.visits.filter { $0.scheduled && $0.host == identity.person }.map(\.id))
    }

    /// A scenario document as `identity` may see it; `hosted` are the visits a host hosts.
    static func scenario(_ document: DocumentValue, for identity: Identity, hosted: Set<String>? = nil) -> DocumentValue {
        guard !identity.role.seesCosts else { return document }
        var doc = document
        for (v, visit) in (doc["visits"]?.arrayValue ?? []).enumerated() {
            guard let id = visit["id"]?.stringValue, !(hosted ?? []).contains(id) else { continue }
            for field in clientDetails where identity.role != .logistics || !logisticsKeeps.contains(field) {
                _ = doc.removeValue(at: DocumentPath([.key("visits"), .index(v)] + field.components))
            }
        }
        for key in ["mealBudgetPerHead", "tierBudgetPerHead", "weeklyHospitalityBudget", "hotelBudgetPerNight", "tierHotelBudgetPerNight"] {
            _ = doc.removeValue(at: DocumentPath([.key("policies"), .key(key)]))
        }
        for (c, caterer) in (doc["caterers"]?.arrayValue ?? []).enumerated() {
            for service in caterer["services"]?.objectValue?.keys ?? [] {
                _ = doc.removeValue(at: DocumentPath([.key("caterers"), .index(c), .key("services"), .key(service), .key("pricePerHead")]))
            }
        }
        for (h, hotel) in (doc["hotels"]?.arrayValue ?? []).enumerated() {
            for t in (hotel["roomTypes"]?.arrayValue ?? []).indices {
                _ = doc.removeValue(at: DocumentPath([.key("hotels"), .index(h), .key("roomTypes"), .index(t), .key("pricePerNight")]))
            }
        }
        return doc
    }

    /// A plan as `identity` may see it (`scenarioSource`: its scenario version's JSON).
    static func plan(_ plan: Plan, for identity: Identity, scenarioSource: String? = nil) -> CallerPlan {
        guard !identity.role.seesCosts else { return .full(plan) }
        return .host(HostPlan(scenario: plan.scenario, status: plan.status, score: plan.score, bound: plan.bound,
                              solveSeconds: plan.solveSeconds, visits: plan.visits.map(withoutCosts),
                              totals: HostPlan.Totals(scheduled: plan.totals.scheduled, unscheduled: plan.totals.unscheduled),
                              changes: plan.changes,
                              notify: plan.notify.map { notify($0, in: plan, scenarioSource: scenarioSource, for: identity) }))
    }

    /// One planned visit as `identity` may see it.
    static func visit(_ visit: PlannedVisit, for identity: Identity) -> PlannedVisit {
        identity.role.seesCosts ? visit : withoutCosts(visit)
    }

    /// The messages of a replan a host may read: those to themselves and to the client contacts of
    /// the visits they host (`scenarioSource`: the canonical JSON of the plan's scenario version).
    /// Business and logistics tokens read those to themselves only.
    static func notify(_ messages: [Notification], in plan: Plan, scenarioSource: String?, for identity: Identity) -> [Notification] {
        if identity.role == .business || identity.role == .logistics {
            return messages.filter { $0.person == identity.person || $0.person == identity.name }
        }
        guard identity.role == .host, let person = identity.person else { return messages }
        let hosted = Set(plan.visits.filter { $0.scheduled && $0.host == person }.map(\.id))
        let document = scenarioSource.flatMap { try? DocumentValue.parse($0, format: .json, file: "scenario") }
        let visits: [DocumentValue] = document?["visits"]?.arrayValue ?? []
        let contacts = Set(visits.compactMap { visit -> String? in
            guard let id = visit["id"]?.stringValue, hosted.contains(id) else { return nil }
            return visit["client"]?["contact"]?.stringValue ?? visit["client"]?["name"]?.stringValue.map { "\($0) (client)" }
        })
        return messages.filter { $0.person == person || contacts.contains($0.person) }
    }

    /// A visit's options as `identity` may see them: for a host, no prices or catering costs in
    /// the placements, reasons without money, and no whole plan behind the way in (it carries
    /// every visit's costs and client messages); the moves stay.
    static func options(_ answer: VisitOptions, for identity: Identity) -> VisitOptions {
        guard !identity.role.seesCosts else { return answer }
        var copy = answer
        copy.options = answer.options.map { option in
            var option = option
            option.visit = withoutCosts(option.visit)
            return option
        }
        copy.blockers = answer.blockers.map(\.withoutMoney)
        copy.reasons = answer.blockers.isEmpty ? answer.reasons.map { _ in withheldReason } : answer.blockers.map { $0.sentence(showingMoney: false) }
        if var way = answer.wayIn {
            way.placement.visit = withoutCosts(way.placement.visit)
            way.plan = nil
            copy.wayIn = way
        }
        return copy
    }

    /// What a host reads when a stored plan has sentences but not their facts (made before
    /// `reasonDetails`): sentences may hold budgets and prices, so they are withheld.
    static let withheldReason = "reason withheld: ask a coordinator"

    private static func withoutCosts(_ visit: PlannedVisit) -> PlannedVisit {
        var copy = visit
        if let details = visit.reasonDetails {
            copy.reasonDetails = details.map(\.withoutMoney)
            copy.reasons = details.map { $0.sentence(showingMoney: false) }
        } else if let reasons = visit.reasons {
            copy.reasons = reasons.map { _ in withheldReason }
        }
        copy.booking?.pricePerNight = nil
        copy.items = visit.items?.map { item in
            var item = item
            item.pricePerHead = nil
            item.cost = nil
            return item
        }
        return copy
    }
}
