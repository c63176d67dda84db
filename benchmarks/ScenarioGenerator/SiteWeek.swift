import VisitDomain

/// A week of a company with several sites far apart (issue 17, "Larger companies"): each site is
/// a generated week of its share of the visits, drawn from its own seed, with its own buildings,
/// rooms, routes, hosts, guides, technical, sales and IT staff and caterers, all labelled with the
/// site (rule 11, beyond FORMAT.md), and its visits tied to it: their tours name the site's routes
/// and they carry its `site`. Nothing is shared across sites but the weekly catering budget (the
/// sum of the sites' budgets) and the policies.
struct SiteWeek: Sendable {
    /// Site names, in order; beyond the list, `site-N`.
    static let names = ["north", "south", "east", "west", "central"]

    let visits: Int
    let seed: UInt64
    let tight: Bool
    let days: Int
    let sites: Int

    /// The name of site `s` (0-based).
    static func name(_ s: Int) -> String { s < names.count ? names[s] : "site-\(s + 1)" }

    /// Visits of site `s`: an equal share, the first sites taking one more each for the remainder.
    func visits(ofSite s: Int) -> Int { visits / sites + (s < visits % sites ? 1 : 0) }

    /// Site `s`'s own seed, a fixed function of the week's seed.
    func seed(ofSite s: Int) -> UInt64 { seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(s + 1) &* 0xBF58_476D_1CE4_E5B9 }

    /// The sites' weeks merged into one scenario named `name`.
    func scenario(name: String) -> Scenario {
        var merged: Scenario?
        var budget = 0.0
        var usedStaffIDs = Set<String>()
        var visitNumber = 0
        for s in 0..<sites {
            let generator = ScenarioGenerator(visits: visits(ofSite: s), seed: seed(ofSite: s), tight: tight, days: days)
            var week = generator.scenario()
            budget += week.policies.weeklyHospitalityBudget ?? 0
            Self.label(&week, site: Self.name(s), usedStaffIDs: &usedStaffIDs, firstVisitNumber: &visitNumber)
            if var all = merged {
                all.rooms += week.rooms
                all.tourRoutes += week.tourRoutes
                all.staff += week.staff
                all.caterers += week.caterers
                all.visits += week.visits
                merged = all
            } else {
                merged = week
            }
        }
        var scenario = merged!
        scenario.name = name
        scenario.policies.weeklyHospitalityBudget = budget
        return scenario
    }

    /// Renames everything of one site's week after `site` (buildings, rooms, routes, caterers,
    /// staff ids where they would clash, visit ids in one sequence) and marks it with the site.
    private static func label(_ week: inout Scenario, site: String, usedStaffIDs: inout Set<String>, firstVisitNumber: inout Int) {
        func building(_ b: String?) -> String? { b.map { "\(site)-\($0)" } }
        func route(_ id: String) -> String { "\(site)-\(id)" }
        for i in week.rooms.indices {
            week.rooms[i].id = "\(site)-\(week.rooms[i].id)"
            week.rooms[i].building = building(week.rooms[i].building)
            week.rooms[i].site = site
        }
        for i in week.tourRoutes.indices {
            week.tourRoutes[i].id = route(week.tourRoutes[i].id)
            week.tourRoutes[i].building = building(week.tourRoutes[i].building)
            week.tourRoutes[i].site = site
        }
        for i in week.caterers.indices {
            week.caterers[i].id = "\(site)-\(week.caterers[i].id)"
            week.caterers[i].site = site
        }
        var staffIDs: [String: String] = [:]
        for i in week.staff.indices {
            let old = week.staff[i].id
            let new = usedStaffIDs.contains(old) ? "\(old).\(site)" : old
            usedStaffIDs.insert(new)
            staffIDs[old] = new
            week.staff[i].id = new
            week.staff[i].building = building(week.staff[i].building)
            week.staff[i].routes = Set(week.staff[i].routes.map(route))
            week.staff[i].site = site
        }
        for v in week.visits.indices {
            week.visits[v].id = "V-\(1001 + firstVisitNumber)"
            firstVisitNumber += 1
            week.visits[v].site = site
            week.visits[v].preferredHost = week.visits[v].preferredHost.map { staffIDs[$0] ?? $0 }
            week.visits[v].agenda = week.visits[v].agenda.map { item in
                guard case .tour(var tour) = item else { return item }
                tour.routes = tour.routes.map(route)
                return .tour(tour)
            }
        }
    }
}
