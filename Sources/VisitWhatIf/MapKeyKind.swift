import VisitDomain

/// The scenario's maps keyed by free names (the reader cannot tell a typo there from a new name):
/// budgets per service, per client tier and per hotel room type, a caterer's services, a visit's
/// dietary counts. A
/// what-if `set` may add a key to one of them only when the scenario already uses that name.
enum MapKeyKind: Sendable {
    case service, tier, restriction, roomType

    /// The kind of the keys of the map at `parent`, or nil when it is not such a map.
    init?(parent: DocumentPath) {
        let steps = parent.components
        func key(_ i: Int) -> String? {
            guard steps.indices.contains(i), case .key(let k) = steps[i] else { return nil }
            return k
        }
        func isIndex(_ i: Int) -> Bool {
            guard steps.indices.contains(i), case .index = steps[i] else { return false }
            return true
        }
        switch steps.count {
        case 2 where key(0) == "policies" && key(1) == "mealBudgetPerHead": self = .service
        case 2 where key(0) == "policies" && key(1) == "tierBudgetPerHead": self = .tier
        case 3 where key(0) == "policies" && key(1) == "tierBudgetPerHead": self = .service
        case 2 where key(0) == "policies" && key(1) == "hotelBudgetPerNight": self = .roomType
        case 3 where key(0) == "caterers" && isIndex(1) && key(2) == "services": self = .service
        case 3 where key(0) == "visits" && isIndex(1) && key(2) == "dietary": self = .restriction
        default: return nil
        }
    }

    /// How a coordinator calls one such name.
    var noun: String {
        switch self {
        case .service: "catering service"
        case .tier: "client tier"
        case .restriction: "dietary restriction"
        case .roomType: "hotel room type"
        }
    }

    /// Every name of this kind the scenario document uses anywhere.
    func knownNames(in document: DocumentValue) -> Set<String> {
        let caterers = document["caterers"]?.arrayValue ?? []
        let visits = document["visits"]?.arrayValue ?? []
        let policies = document["policies"]
        func keys(_ value: DocumentValue?) -> [String] { value?.objectValue.map { Array($0.keys) } ?? [] }
        switch self {
        case .service:
            let tiers = policies?["tierBudgetPerHead"]?.objectValue?.values.flatMap { keys($0) } ?? []
            let meals = visits.flatMap { ($0["agenda"]?.arrayValue ?? []).compactMap { $0["service"]?.stringValue } }
            return Set(caterers.flatMap { keys($0["services"]) } + keys(policies?["mealBudgetPerHead"]) + tiers + meals)
        case .tier:
            return Set(keys(policies?["tierBudgetPerHead"]) + visits.compactMap { $0["client"]?["tier"]?.stringValue })
        case .roomType:
            let offered = (document["hotels"]?.arrayValue ?? []).flatMap { ($0["roomTypes"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue } }
            return Set(offered + keys(policies?["hotelBudgetPerNight"]) + visits.compactMap { $0["stay"]?["roomType"]?.stringValue })
        case .restriction:
            let served = caterers.flatMap { ($0["dietary"]?.arrayValue ?? []).compactMap(\.stringValue) }
            return Set(served + visits.flatMap { keys($0["dietary"]) })
        }
    }
}
