import VisitDomain

/// Which resources could ever serve an agenda item, judged on static facts alone (size, equipment,
/// security, language, certification, approval, dietary, budget, site). Times are judged later.
/// Incompatible resources never become model variables.
struct Eligibility: Sendable {
    let scenario: Scenario

    /// Rule 5: rooms large, equipped and secure enough for `meeting`.
    func rooms(for visit: Visit, _ meeting: Meeting) -> [Int] {
        let people = scenario.peopleInRoom(visit, meeting)
        return scenario.rooms.indices.filter { r in
            let room = scenario.rooms[r]
            return Scenario.serves(site: room.site, visit) && room.capacity >= people && meeting.equipment.isSubset(of: room.equipment)
                && (!meeting.confidential || (room.secure && visit.ndaSigned))
        }
    }

    /// Rule 6: routes of `tour` the visit may take (confidential ones need an NDA).
    func routes(for visit: Visit, _ tour: Tour) -> [Int] {
        tour.routes.compactMap { id in scenario.tourRoutes.firstIndex { $0.id == id } }
            .filter { (!scenario.tourRoutes[$0].confidential || visit.ndaSigned) && Scenario.serves(site: scenario.tourRoutes[$0].site, visit) }
    }

    /// Rule 6: guides certified for `route` who speak the visit's language.
    func guides(for visit: Visit, route: Int) -> [Int] {
        let routeID = scenario.tourRoutes[route].id
        return scenario.staff.indices.filter { p in
            let person = scenario.staff[p]
            return person.has(.guide) && person.routes.contains(routeID) && speaks(person, visit) && Scenario.serves(site: person.site, visit)
        }
    }

    /// Rule 4: staff who may host the visit.
    func hosts(for visit: Visit) -> [Int] {
        scenario.staff.indices.filter {
            scenario.staff[$0].has(.host) && speaks(scenario.staff[$0], visit) && Scenario.serves(site: scenario.staff[$0].site, visit)
        }
    }

    /// Rule 5: technical staff. Anyone technical may fill a seat (one person may cover several
    /// topics, leaving a seat for someone else); the model enforces the topic coverage.
    func technicalStaff(for visit: Visit, _ meeting: Meeting) -> [Int] {
        meeting.technicalCount == 0 ? [] : scenario.staff.indices.filter {
            scenario.staff[$0].has(.technical) && Scenario.serves(site: scenario.staff[$0].site, visit)
        }
    }

    /// Rule 5: sales staff (of the visit's site, rule 11).
    func salesStaff(for visit: Visit) -> [Int] {
        scenario.staff.indices.filter { scenario.staff[$0].has(.sales) && Scenario.serves(site: scenario.staff[$0].site, visit) }
    }

    /// Rule 7: approved caterers offering the service, serving every dietary need, within budget.
    func caterers(for visit: Visit, _ meal: Meal) -> [Int] {
        let budget = scenario.policies.budgetPerHead(service: meal.service, tier: visit.client.tier)
        return scenario.caterers.indices.filter { c in
            let caterer = scenario.caterers[c]
            guard caterer.approved, Scenario.serves(site: caterer.site, visit), let service = caterer.services[meal.service] else { return false }
            if let budget, service.pricePerHead > budget { return false }
            return visit.dietary.keys.allSatisfy { caterer.dietary.contains($0) }
        }
    }

    /// Rule 10: hotels that can take the visit's stay when it is held on `day` (approved, offering
    /// the room type within the budget per night, open and with enough rooms every night), were
    /// they empty; none for a visit without a stay.
    func hotels(for visit: Visit, day: LocalDate) -> [Int] {
        guard visit.stay != nil else { return [] }
        return scenario.hotels.indices.filter { scenario.hotelRefusal(scenario.hotels[$0], for: visit, day: day) == nil }
    }

    private func speaks(_ person: StaffMember, _ visit: Visit) -> Bool {
        guard let language = visit.language else { return true }
        return person.languages.contains(language)
    }
}
