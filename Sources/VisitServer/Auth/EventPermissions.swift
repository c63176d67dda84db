import VisitDomain

/// Which change events a caller may report. Coordinators report anything. A host reports only
/// about the visits they host in the current plan: arrivals, cancellations, headcounts, overruns,
/// and a room, route, caterer or person used by one of those visits (or themselves) becoming
/// unavailable, for a time inside such a visit: a host cannot close a shared room or colleague for
/// the week. Planners report nothing: they work on what-if copies.
enum EventPermissions {
    static func check(_ events: [ChangeEvent], by identity: Identity, plan: Plan) throws(APIError) {
        switch identity.role {
        case .coordinator: return
        case .planner: throw .forbidden("a planner token may not change the live plan; run a what-if on a copy instead")
        case .business: throw .forbidden("a business token may not change the live plan; submit a visit request instead")
        case .logistics: throw .forbidden("a logistics token may not change the live plan; ask a coordinator")
        case .host: break
        }
        let person = identity.person ?? ""
        let hosted = plan.visits.filter { $0.scheduled && $0.host == person }
        let hostedIDs = Set(hosted.map(\.id))
        // Resource → the spans of the hosted visits that use it (the host: all of them).
        var spans: [String: [TimeInterval]] = [:]
        for visit in hosted {
            guard let start = visit.start, let end = visit.end, start < end else { continue }
            let span = TimeInterval(start: start, end: end)
            var used: Set<String> = [person]
            for item in visit.items ?? [] {
                used.formUnion([item.room, item.route, item.caterer].compactMap { $0 })
                used.formUnion(item.people)
            }
            for resource in used { spans[resource, default: []].append(span) }
        }
        for (index, event) in events.enumerated() {
            switch event.change {
            case .addVisit:
                throw .forbidden("event \(index): a host may not add visits; ask a coordinator")
            case .unavailable(let resource, let interval):
                guard let allowed = spans[resource] else {
                    throw .forbidden("event \(index): \(resource) is not used by a visit \(person) hosts")
                }
                guard allowed.contains(where: { $0.start <= interval.start && interval.end <= $0.end }) else {
                    let times = allowed.map(\.description).joined(separator: ", ")
                    throw .forbidden("event \(index): a host reports \(resource) out only within the visits they host that use it (\(times)); "
                                     + "ask a coordinator for longer closures")
                }
            default:
                guard let visit = event.visitID, hostedIDs.contains(visit) else {
                    throw .forbidden("event \(index): \(person) does not host \(event.visitID ?? "that visit") in the current plan")
                }
            }
        }
    }
}
