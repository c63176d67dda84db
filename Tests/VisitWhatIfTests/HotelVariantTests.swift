import Foundation
import Testing
import VisitDomain
import VisitPlanner
import VisitWhatIf

/// What-if variants on partner hotels (issue 14): `add` and `remove` take `hotels` like any other
/// list, and `set` reaches room types and the budgets per night, on scenarios/hotel-week.yaml.
@Suite("What-if variants on hotels")
struct HotelVariantTests {
    static let base = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios/hotel-week.yaml").path

    static func study(_ variants: String) throws -> WhatIfStudy {
        let folder = try MiniWeek.Folder(variants: variants, base: base)
        return try WhatIfStudy.load(path: folder.whatIfPath)
    }

    @Test("another partner hotel with doubles takes the visit Harbour's doubles crowded out; the base is unchanged")
    func addingAHotel() throws {
        let study = try Self.study("""
          - name: river-hotel
            add: {hotels: [{id: H-RIVER, name: River Hotel, approved: true, roomTypes: [{id: double, pricePerNight: 170, roomsPerNight: 4}]}]}
        """)
        let base = try MiniWeek.plan(study.base)
        #expect(base.visit("V-3002")?.scheduled == false, "crowded out in the base week")
        let variant = try #require(study.variants.first)
        #expect(variant.scenario.hotels.map(\.id) == study.base.hotels.map(\.id) + ["H-RIVER"])
        let plan = try MiniWeek.plan(variant.scenario)
        #expect(plan.visit("V-3002")?.scheduled == true)
        #expect(PlanDifferences(base: base, variant: plan).newlyPlaced.contains("V-3002"))
        #expect(PlanChecker(scenario: variant.scenario).check(plan).isValid)
    }

    @Test("removing a hotel drops what only it could hold, with a reason naming the rule")
    func removingAHotel() throws {
        let study = try Self.study("""
          - name: no-grand
            remove: {hotels: [H-GRAND]}
        """)
        let base = try MiniWeek.plan(study.base)
        #expect(base.visit("V-3006")?.scheduled == true, "the suite is at Grand Suzhou")
        let variant = try #require(study.variants.first)
        let plan = try MiniWeek.plan(variant.scenario)
        let dropped = PlanDifferences(base: base, variant: plan).newlyDropped
        let suite = try #require(dropped.first { $0.id == "V-3006" })
        #expect(suite.reasons.first?.contains("hotel") == true, "\(suite.reasons)")
    }

    @Test("set reaches a room type's rooms per night; a budget for a room type no hotel or stay names is an error")
    func settingHotelFields() throws {
        let study = try Self.study("""
          - name: more-harbour-doubles
            set: {"hotels[0].roomTypes[1].roomsPerNight": 4}
        """)
        #expect(study.variants.first?.scenario.hotels.first?.roomTypes[1].roomsPerNight == 4)
        let plan = try MiniWeek.plan(try #require(study.variants.first).scenario)
        #expect(plan.visit("V-3002")?.scheduled == true)

        let folder = try MiniWeek.Folder(variants: """
          - name: triple-budget
            set: {policies.hotelBudgetPerNight.triple: 200}
        """, base: Self.base)
        #expect {
            try WhatIfStudy.load(path: folder.whatIfPath)
        } throws: { error in
            let text = (error as? ScenarioError)?.issues.map(\.description).joined(separator: "\n") ?? "\(error)"
            return text.contains("variants[0].set") && text.contains("no hotel room type named \"triple\"")
        }
    }
}
