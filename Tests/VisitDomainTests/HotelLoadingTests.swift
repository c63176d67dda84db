import Testing
@testable import VisitDomain

/// Hotels and stays (issue 14, "Accommodation") as the loader reads them: defaults, field-path
/// errors for each way an entry can be wrong, and the scenario written back loading to itself.
struct HotelLoadingTests {
    /// The loader fixture's valid week with two hotels, hotel budgets and a stay on V-1.
    static func document() throws -> DocumentValue {
        var doc = try LoaderFixtures.baseDocument()
        let hotels = try DocumentValue.parse("""
            - id: H-1
              name: Harbour Hotel
              approved: true
              roomTypes:
                - {id: single, pricePerNight: 120, roomsPerNight: 3}
                - {id: double, pricePerNight: 180, roomsPerNight: 2}
              unavailable: [2026-12-09]
            - id: H-2
              roomTypes: [{id: double, pricePerNight: 90, roomsPerNight: 10}]
            """, format: .yaml, file: "hotels.yaml")
        try doc.setValue(hotels, at: "hotels")
        try doc.setValue(["single": 150, "double": 220], at: "policies.hotelBudgetPerNight")
        try doc.setValue(["vip": ["double": 350]], at: "policies.tierHotelBudgetPerNight")
        try doc.setValue(["roomType": "double", "nightsBefore": 1, "guestsPerRoom": 2], at: "visits[0].stay")
        return doc
    }

    static func scenario(_ doc: DocumentValue) throws -> Scenario {
        try ScenarioLoader.decode(doc, file: "base.yaml", defaultNow: LoaderFixtures.fixedNow)
    }

    @Test func hotelsAndAStayLoadWithTheirDefaults() throws {
        let s = try Self.scenario(Self.document())
        #expect(s.hotels.map(\.id) == ["H-1", "H-2"])
        #expect(s.hotels[0].displayName == "Harbour Hotel" && s.hotels[0].approved)
        #expect(s.hotels[1].approved == false && s.hotels[1].displayName == "H-2")
        #expect(s.hotels[0].roomType("double") == HotelRoomType(id: "double", pricePerNight: 180, roomsPerNight: 2))
        #expect(s.hotels[0].unavailable == [LocalDate(iso: "2026-12-09")!])
        #expect(s.policies.budgetPerNight(roomType: "double", tier: "vip") == 350)
        #expect(s.policies.budgetPerNight(roomType: "double", tier: "standard") == 220)
        let v = try #require(s.visit("V-1"))
        #expect(v.stay == Stay(roomType: "double", nightsBefore: 1, nightsAfter: 0, rooms: nil, guestsPerRoom: 2))
        #expect(s.roomsNeeded(v) == 3)   // 6 guests, two to a room
        #expect(s.stayNights(v, day: LocalDate(iso: "2026-12-08")!) == [LocalDate(iso: "2026-12-07")!])
        #expect(s.visit("V-2")?.stay == nil)
    }

    @Test func aStayCountsItsNightsFromTheVisitsDay() {
        let stay = Stay(roomType: "double", nightsBefore: 2, nightsAfter: 1, rooms: 2)
        #expect(stay.nights(visitDay: LocalDate(iso: "2026-12-08")!).map(\.description) == ["2026-12-06", "2026-12-07", "2026-12-08"])
        #expect(stay.roomsNeeded(headcount: 9) == 2)
        #expect(Stay(roomType: "single", nightsAfter: 1).roomsNeeded(headcount: 5) == 5)
        #expect(Stay(roomType: "double", nightsAfter: 1, guestsPerRoom: 2).roomsNeeded(headcount: 5) == 3)
    }

    @Test func theScenarioWrittenBackLoadsToItself() throws {
        let s = try Self.scenario(Self.document())
        let yaml = try ScenarioDocument.yamlText(s)
        #expect(yaml.contains("hotels:") && yaml.contains("stay:") && yaml.contains("hotelBudgetPerNight"))
        let json = try ScenarioDocument.jsonText(s)
        #expect(try ScenarioLoader.parse(json, format: .json, file: "s.json", defaultNow: s.now) == s)
    }

    @Test func aScenarioWithoutHotelsIsWrittenAsBefore() throws {
        let s = try ScenarioLoader.decode(LoaderFixtures.baseDocument(), file: "base.yaml", defaultNow: LoaderFixtures.fixedNow)
        let written = ScenarioDocument.encode(s)
        #expect(written["hotels"] == nil)
        #expect(written["policies"]?["hotelBudgetPerNight"] == nil && written["policies"]?["tierHotelBudgetPerNight"] == nil)
        #expect(written["visits"]?[0]?["stay"] == nil)
    }

    static let cases: [(set: String, value: DocumentValue, path: String, message: String)] = [
        ("hotels[0].roomTypes[1].pricePerNight", -5, "hotels[0].roomTypes[1].pricePerNight", "must not be negative, found -5"),
        ("hotels[0].roomTypes[1].pricePerNight", "cheap", "hotels[0].roomTypes[1].pricePerNight", #"expected a number, found "cheap""#),
        ("hotels[0].roomTypes[0].roomsPerNight", -1, "hotels[0].roomTypes[0].roomsPerNight", "must not be negative, found -1"),
        ("hotels[1].id", "H-1", "hotels[1].id", #"duplicate hotel id "H-1" (also used by hotels[0])"#),
        ("hotels[0].roomTypes[1].id", "single", "hotels[0].roomTypes[1].id", #"duplicate room type "single" in this hotel (also at hotels[0].roomTypes[0])"#),
        ("hotels[0].unavailable[0]", "2026-12-32", "hotels[0].unavailable[0]",
         #"invalid date "2026-12-32" (expected YYYY-MM-DD, a real calendar date such as 2026-12-08)"#),
        ("hotels[0].stars", 5, "hotels[0].stars", #"unknown field "stars"; a hotel may have: id, name, approved, roomTypes, unavailable"#),
        ("visits[0].stay.roomType", "dobule", "visits[0].stay.roomType",
         #"unknown room type "dobule" (did you mean "double"?); the scenario knows double, single"#),
        ("visits[0].stay.guestsPerRoom", 0, "visits[0].stay.guestsPerRoom", "must be at least 1, found 0"),
        ("visits[0].stay.nightsBefore", -1, "visits[0].stay.nightsBefore", "must not be negative, found -1"),
        ("visits[0].stay.nightsBefore", 0, "visits[0].stay",
         "a stay needs at least one night: set nightsBefore (nights before the visit's day) or nightsAfter (from its evening)"),
        ("visits[0].stay", ["roomType": "double", "nightsBefore": 1, "rooms": 7], "visits[0].stay.rooms", "7 rooms is more than the headcount (6)"),
        ("policies.hotelBudgetPerNight.double", -1, "policies.hotelBudgetPerNight.double", "must not be negative, found -1"),
        ("policies.tierHotelBudgetPerNight.vip.double", "lots", "policies.tierHotelBudgetPerNight.vip.double", #"expected a number, found "lots""#),
    ]

    @Test(arguments: 0..<cases.count)
    func eachProblemIsReportedAtItsField(_ k: Int) throws {
        let c = Self.cases[k]
        var doc = try Self.document()
        try doc.setValue(c.value, at: c.set)
        let issues = LoaderFixtures.issues(doc)
        #expect(issues.map(\.path) == [c.path], "\(issues)")
        #expect(issues.map(\.message) == [c.message], "\(issues)")
    }

    @Test func roomsAndGuestsPerRoomTogetherAreRefused() throws {
        var doc = try Self.document()
        try doc.setValue(3, at: "visits[0].stay.rooms")
        #expect(LoaderFixtures.issues(doc).map(\.description) == [
            "base.yaml: visits[0].stay.guestsPerRoom: give either rooms (a fixed number) or guestsPerRoom (rooms follow the headcount), not both",
        ])
    }

    @Test func aStayInAScenarioWithoutHotelsNamesTheProblem() throws {
        var doc = try LoaderFixtures.baseDocument()
        try doc.setValue(["roomType": "double", "nightsAfter": 1], at: "visits[0].stay")
        #expect(LoaderFixtures.issues(doc).map(\.message) == [#"unknown room type "double" (the scenario has no hotels offering rooms)"#])
    }
}
