import Testing
import VisitDomain

/// Rule 10 (hotel) in the checker: the checker fixture's week with hotels, V-1001 staying the
/// night before (3 double rooms) and V-1002 the night after (2 single rooms), both at Harbour
/// Hotel. Each mutation breaks the rule one way.
enum HotelCheckerFixture {
    static func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    static var valid: CheckerCase {
        var c = CheckerCase()
        c.scenario.hotels = [
            Hotel(id: "H-1", name: "Harbour Hotel", approved: true, roomTypes: [
                HotelRoomType(id: "double", pricePerNight: 180, roomsPerNight: 4),
                HotelRoomType(id: "single", pricePerNight: 100, roomsPerNight: 2),
            ]),
            Hotel(id: "H-2", approved: false, roomTypes: [HotelRoomType(id: "double", pricePerNight: 80, roomsPerNight: 10)]),
            Hotel(id: "H-3", approved: true, roomTypes: [HotelRoomType(id: "double", pricePerNight: 300, roomsPerNight: 10)]),
            Hotel(id: "H-4", approved: true, roomTypes: [HotelRoomType(id: "double", pricePerNight: 150, roomsPerNight: 3)],
                  unavailable: [day("2026-12-07")]),
        ]
        c.scenario.policies.hotelBudgetPerNight = ["double": 220, "single": 150]
        c.scenarioVisit("V-1001") { $0.stay = Stay(roomType: "double", nightsBefore: 1, guestsPerRoom: 2) }
        c.scenarioVisit("V-1002") { $0.stay = Stay(roomType: "single", nightsAfter: 1, rooms: 2) }
        c.visit("V-1001") { $0.booking = HotelBooking(hotel: "H-1", roomType: "double", nights: [day("2026-12-07")], rooms: 3, pricePerNight: 180) }
        c.visit("V-1002") { $0.booking = HotelBooking(hotel: "H-1", roomType: "single", nights: [day("2026-12-08")], rooms: 2, pricePerNight: 100) }
        return c
    }

    static func booking(_ c: inout CheckerCase, _ id: String, _ change: (inout HotelBooking) -> Void) {
        c.visit(id) { change(&$0.booking!) }
    }
}

struct HotelCheckerTests {
    @Test func theFixtureWithBookingsIsValidAndScoresAsWithout() {
        let report = HotelCheckerFixture.valid.check()
        #expect(report.violations == [])
        #expect(report.score == CheckerFixture.score)
    }

    static let cases: [(name: String, mentions: [String], mutate: @Sendable (inout CheckerCase) -> Void)] = [
        ("no booking", ["V-1001", "stays overnight", "no hotel booking"], { c in c.visit("V-1001") { $0.booking = nil } }),
        ("a booking without a stay", ["V-1002", "needs no stay", "H-1"], { c in c.scenarioVisit("V-1002") { $0.stay = nil } }),
        ("unknown hotel", ["H-9", "not in the scenario"], { c in HotelCheckerFixture.booking(&c, "V-1001") { $0.hotel = "H-9" } }),
        ("unapproved hotel", ["H-2", "not approved"], { c in
            HotelCheckerFixture.booking(&c, "V-1001") { $0.hotel = "H-2"; $0.pricePerNight = 80 } }),
        ("over the budget", ["H-3", "300", "over the budget of 220"], { c in
            HotelCheckerFixture.booking(&c, "V-1001") { $0.hotel = "H-3"; $0.pricePerNight = 300 } }),
        ("closed that night", ["H-4", "unavailable on the night of 2026-12-07"], { c in
            HotelCheckerFixture.booking(&c, "V-1001") { $0.hotel = "H-4"; $0.pricePerNight = 150 } }),
        ("the wrong nights", ["V-1001", "2026-12-08", "stays the nights 2026-12-07"], { c in
            HotelCheckerFixture.booking(&c, "V-1001") { $0.nights = [HotelCheckerFixture.day("2026-12-08")] } }),
        ("too few rooms", ["V-1001", "2 rooms", "needs 3"], { c in HotelCheckerFixture.booking(&c, "V-1001") { $0.rooms = 2 } }),
        ("the wrong room type", ["single", "asks for double"], { c in
            c.scenario.hotels[0].roomTypes[1].roomsPerNight = 5
            HotelCheckerFixture.booking(&c, "V-1001") { $0.roomType = "single"; $0.pricePerNight = 100 } }),
        ("a room type the hotel lacks", ["H-1", "offers no suite"], { c in
            c.scenarioVisit("V-1001") { $0.stay?.roomType = "suite" }
            HotelCheckerFixture.booking(&c, "V-1001") { $0.roomType = "suite" }
        }),
        ("the wrong price", ["170", "charges 180"], { c in HotelCheckerFixture.booking(&c, "V-1001") { $0.pricePerNight = 170 } }),
        ("no price", ["lacks pricePerNight"], { c in HotelCheckerFixture.booking(&c, "V-1001") { $0.pricePerNight = nil } }),
        ("more rooms than the hotel has", ["H-1", "5 double rooms on the night of 2026-12-07", "V-1001: 3", "V-1002: 2", "it has 4"], { c in
            c.scenarioVisit("V-1002") { $0.stay = Stay(roomType: "double", nightsBefore: 1, rooms: 2) }
            HotelCheckerFixture.booking(&c, "V-1002") { $0.roomType = "double"; $0.pricePerNight = 180; $0.nights = [HotelCheckerFixture.day("2026-12-07")] }
        }),
        ("a stale booking after more guests", ["V-1001", "3 rooms", "needs 4"], { c in
            c.scenarioVisit("V-1001") { $0.headcount = 8 } }),
    ]

    @Test(arguments: 0..<cases.count)
    func eachWayToBreakTheRuleIsReported(_ k: Int) {
        var c = HotelCheckerFixture.valid
        Self.cases[k].mutate(&c)
        let violations = c.check().violations
        let hotel = violations.filter { $0.rule == .hotel }
        #expect(hotel.count == 1, "\(Self.cases[k].name): \(violations)")
        for word in Self.cases[k].mentions {
            #expect(hotel.first?.message.contains(word) == true, "\(Self.cases[k].name): \(word) not in \(hotel.map(\.message))")
        }
        #expect(hotel.first.map { "\($0.category)" } == "rule 10 (hotel)")
    }
}
