import VisitDomain

/// Which change events a caller may report. Coordinators report anything. A host reports only
/// about the visits they host in the current plan: arrivals, cancellations, headcounts, overruns,
/// and a room, route, caterer or person used by one of those visits (or themselves) becoming
/// unavailable. Planners report nothing: they work on what-if copies.
enum EventPermissions {
    static func check(_ events: [ChangeEvent], by identity: Identity, plan: Plan) throws(APIError) {
        switch identity.role {
        case .coordinator: return
        case .planner: throw .forbidden("a planner token may not change the live plan; run a what-if on a copy instead")
        case .host: break
        }
        let person = identity.person ?? ""
        let hosted = plan.visits.filter { $0.scheduled && $0.host == person }
        let hostedIDs = Set(hosted.map(\.id))
        var resources: Set<String> = [person]
        for item in hosted.flatMap({ $0.items ?? [] }) {
            resources.formUnion([item.room, item.route, item.caterer].compactMap { $0 })
            resources.formUnion(item.people)
        }
        for (index, event) in events.enumerated() {
            switch event.change {
            case .addVisit:
                throw .forbidden("event \(index): a host may not add visits; ask a coordinator")
            case .unavailable(let resource, _):
                guard resources.contains(resource) else {
                    throw .forbidden("event \(index): \(resource) is not used by a visit \(person) hosts")
                }
            default:
                guard let visit = event.visitID, hostedIDs.contains(visit) else {
                    throw .forbidden("event \(index): \(person) does not host \(event.visitID ?? "that visit") in the current plan")
                }
            }
        }
    }
}
