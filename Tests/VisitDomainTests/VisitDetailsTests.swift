import Testing
@testable import VisitDomain

/// A visit's purpose, guests and meeting point (beyond FORMAT.md, issue 14): optional, checked
/// with field paths, written back, and where the host meets the guests on the run sheet.
@Suite("Visit details: purpose, guests, meeting point")
struct VisitDetailsTests {
    @Test("the fields load, write back and load again to the same visit")
    func roundTrip() throws {
        var doc = try LoaderFixtures.baseDocument()
        try doc.setValue("cooperationTalks", at: "visits[0].purpose")
        try doc.setValue([["name": "Ms Emma Liu", "title": "purchasing manager"], ["name": "Mr Tom Baker"]], at: "visits[0].guests")
        try doc.setValue("Car park P2", at: "visits[0].meetingPoint")
        let scenario = try ScenarioLoader.decode(doc, file: "base.yaml", defaultNow: LoaderFixtures.fixedNow)
        let visit = try #require(scenario.visit("V-1"))
        #expect(visit.purpose == .cooperationTalks)
        #expect(visit.guests == [Guest(name: "Ms Emma Liu", title: "purchasing manager"), Guest(name: "Mr Tom Baker")])
        #expect(visit.meetingPoint == "Car park P2")
        #expect(scenario.visit("V-2")?.purpose == nil && scenario.visit("V-2")?.guests.isEmpty == true, "all optional")
        let again = try ScenarioLoader.parse(try ScenarioDocument.yamlText(scenario), format: .yaml, file: "again.yaml")
        #expect(again == scenario)
    }

    @Test("bad values are field-path errors", arguments: [
        ("visits[0].purpose", DocumentValue.string("siteVisits"), "visits[0].purpose", "unknown purpose \"siteVisits\" (did you mean \"siteVisit\"?)"),
        ("visits[1].guests", DocumentValue.array([["name": "a"], ["name": "b"], ["name": "c"], ["name": "d"]]), "visits[1].guests",
         "4 guests named, more than the headcount (3)"),
        ("visits[0].guests", DocumentValue.array([["title": "engineer"]]), "visits[0].guests[0].name", "missing required field"),
        ("visits[0].guests", DocumentValue.array([["name": "x", "age": 40]]), "visits[0].guests[0].age", "unknown field"),
        ("visits[0].meetingPoint", DocumentValue.string(String(repeating: "x", count: 201)), "visits[0].meetingPoint",
         "201 characters, more than 200"),
        ("visits[0].guests", DocumentValue.array([["name": .string(String(repeating: "y", count: 300))]]), "visits[0].guests[0].name",
         "300 characters, more than 200"),
    ])
    func badValues(at: String, value: DocumentValue, path: String, message: String) throws {
        var doc = try LoaderFixtures.baseDocument()
        try doc.setValue(value, at: at)
        let issues = LoaderFixtures.issues(doc)
        #expect(issues.contains { $0.path.description == path && $0.message.contains(message) }, "\(issues)")
    }

    @Test("the run sheet meets the guests at the agreed meeting point and names them")
    func runSheet() throws {
        var c = CheckerCase()
        c.scenarioVisit("V-1001") {
            $0.meetingPoint = "Main gate"
            $0.guests = [Guest(name: "Ms Emma Liu", title: "purchasing manager")]
            $0.purpose = .siteVisit
        }
        let sheet = try #require(RunSheet(scenario: c.scenario, plan: c.plan, visit: "V-1001"))
        #expect(sheet.meetingPlace == "Main gate" && sheet.steps.first?.place == "Main gate" && sheet.steps.last?.place == "Main gate")
        let text = RunSheetText(sheet).render()
        #expect(text.contains("Purpose: site visit") && text.contains("Guests: Ms Emma Liu (purchasing manager)"))
    }
}
