import Foundation
import Testing
import VisitDomain
import VisitPlanner
@testable import VisitServer

/// A host reads why a visit is unscheduled without the budgets and prices behind it: the host
/// view renders the reasons' facts without their money parts (not a filter over the sentences).
@Suite("Host view of unscheduled-visit reasons")
struct ReasonRedactionTests {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios/tests")

    static func plan(_ name: String) throws -> Plan {
        let document = try DocumentValue.load(path: tests.appendingPathComponent(name).path)
        let scenario = try ScenarioLoader.decode(document, file: name)
        return try Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: 30)).plan
    }

    static func json(_ document: DocumentValue) throws -> String {
        String(decoding: try JSONEncoder().encode(EncodableDocument(document)), as: UTF8.self)
    }

    /// The visit `id` of a plan document.
    static func visit(_ document: DocumentValue, _ id: String) throws -> DocumentValue {
        try #require(document["visits"]?.arrayValue?.first { $0["id"]?.stringValue == id })
    }

    /// A visit document's reasons, one sentence a line.
    static func reasons(_ visit: DocumentValue) -> String {
        (visit["reasons"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: "\n")
    }

    @Test("budget and price stay out of a host's reasons; the rule, the caterer and the kind stay in", arguments: [
        ("meal-budget.yaml", "V-std", ["300", "450"], ["impossible on its own: meal", "budget", "grand-palace"]),
        ("meal-weekly-budget.yaml", "V-2", ["1000", "400", "600"], ["crowded out by other visits: meal", "weekly hospitality budget"]),
    ])
    func hostSeesNoMoney(file: String, visit: String, money: [String], kept: [String]) throws {
        let plan = try Self.plan(file)
        let coordinator = Self.reasons(try Self.visit(DocumentValue.encoding(Redaction.plan(plan, for: Identity(name: "c", role: .coordinator))), visit))
        #expect(money.allSatisfy(coordinator.contains), "a coordinator still reads the amounts: \(coordinator)")
        let host = Identity(name: "h", role: .host, person: "lisa.wong")
        let planned = try #require(plan.visit(visit))
        for document in [try Self.visit(DocumentValue.encoding(Redaction.plan(plan, for: host)), visit), try DocumentValue.encoding(Redaction.visit(planned, for: host))] {
            let text = Self.reasons(document)
            #expect(!text.isEmpty)
            for amount in money { #expect(!text.contains(amount), "\(amount) leaks to a host: \(text)") }
            for words in kept { #expect(text.contains(words), "the host still reads '\(words)': \(text)") }
            let json = try Self.json(document)
            #expect(!json.contains("\"amount\"") && !json.contains("\"shown\""), "no money in the facts either: \(json)")
        }
    }

    @Test("a stored plan made before reasons had facts: its sentences are withheld from a host, not filtered")
    func oldPlanWithheld() throws {
        let visit = PlannedVisit.unscheduled("V-1", reasons: ["impossible on its own: meal: banquet is over the standard budget of 300 per head"])
        let host = try Self.json(DocumentValue.encoding(Redaction.visit(visit, for: Identity(name: "h", role: .host, person: "lisa.wong"))))
        #expect(!host.contains("300"))
        #expect(host.contains(Redaction.withheldReason))
    }
}
