import VisitDomain

/// Budgets and catering costs are for coordinators and planners: for a host, they are taken out
/// of scenario documents and plans before anything is sent.
enum Redaction {
    /// A scenario document as `identity` may see it.
    static func scenario(_ document: DocumentValue, for identity: Identity) -> DocumentValue {
        guard !identity.role.seesCosts else { return document }
        var doc = document
        for key in ["mealBudgetPerHead", "tierBudgetPerHead", "weeklyHospitalityBudget"] {
            _ = doc.removeValue(at: DocumentPath([.key("policies"), .key(key)]))
        }
        for (c, caterer) in (doc["caterers"]?.arrayValue ?? []).enumerated() {
            for service in caterer["services"]?.objectValue?.keys ?? [] {
                _ = doc.removeValue(at: DocumentPath([.key("caterers"), .index(c), .key("services"), .key(service), .key("pricePerHead")]))
            }
        }
        return doc
    }

    /// A plan as `identity` may see it, as a document.
    static func plan(_ plan: Plan, for identity: Identity) throws -> DocumentValue {
        guard !identity.role.seesCosts else { return try DocumentValue.encoding(plan) }
        var doc = try DocumentValue.encoding(plannedVisitsWithoutCosts(plan))
        _ = doc.removeValue(at: DocumentPath([.key("totals"), .key("cateringCost")]))
        return doc
    }

    /// One planned visit as `identity` may see it.
    static func visit(_ visit: PlannedVisit, for identity: Identity) throws -> DocumentValue {
        try DocumentValue.encoding(identity.role.seesCosts ? visit : withoutCosts(visit))
    }

    private static func plannedVisitsWithoutCosts(_ plan: Plan) -> Plan {
        var copy = plan
        copy.visits = plan.visits.map(withoutCosts)
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
        copy.items = visit.items?.map { item in
            var item = item
            item.pricePerHead = nil
            item.cost = nil
            return item
        }
        return copy
    }
}
