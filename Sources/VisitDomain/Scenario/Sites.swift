/// Rule 11, beyond FORMAT.md: sites. A company may receive visits at several sites (campuses far
/// apart, each with its own buildings, rooms, routes, caterers and people). A visit with a `site`
/// uses only what belongs to that site or to no site; a visit without one, anything.
extension Scenario {
    /// Whether something of `site` (nil: of no site) may serve `visit`.
    public static func serves(site: String?, _ visit: Visit) -> Bool {
        guard let wanted = visit.site, let site else { return true }
        return site == wanted
    }

    /// The sites named by visits, resources or people, sorted.
    public var sites: [String] {
        let named = visits.map(\.site) + rooms.map(\.site) + tourRoutes.map(\.site) + staff.map(\.site) + caterers.map(\.site)
        return Set(named.compactMap { $0 }).sorted()
    }
}
