import Foundation
import Testing
import VisitDomain
import VisitReplanner
@testable import VisitServer

/// Visit requests and agenda templates in both stores, through `PlanStore` alone.
@Suite("Request store (every backend)")
struct RequestStoreTests {
    typealias S = StoreSuiteTests

    /// A request row before the store fills in its versions and time.
    static func request(_ visit: String, by who: String = "xu.lan") -> VisitRequestRow {
        VisitRequestRow(id: nil, scenarioId: S.office, visitId: visit, scenarioVersion: 0, planVersion: 0, submittedBy: who,
                        role: "business", person: who, source: "form", submittedAt: "")
    }

    /// The small office stored and planned (plan version 1), and a reader to add requests to it.
    static func planned(_ store: any PlanStore) async throws -> VisitRequestReader {
        let upload = try S.upload()
        let version = try await store.createScenario(id: S.office, upload: upload, origin: "upload", by: "ann")
        let run = try await store.startRun(scenarioId: S.office, scenarioVersion: version.version, timeLimit: 5, relativeGap: 0, by: "ann")
        _ = try await store.finishRun(id: try #require(run.id), plan: S.plan)
        return VisitRequestReader(scenario: upload.scenario, templates: [:], receivedAt: upload.scenario.now)
    }

    static let visit: DocumentValue = [
        "client": ["name": "Adatum"], "headcount": 2, "window": ["earliest": "2026-12-16T09:00", "latest": "2026-12-16T14:00"],
        "agenda": [["kind": "meeting", "durationMinutes": 60]],
    ]

    @Test("a request commits a scenario version and a plan version together, against the current plan only", arguments: StoreBackend.all)
    func commit(backend: StoreBackend) async throws {
        try await S.withStore(backend) { store in
            var reader = try await Self.planned(store)
            let id = try reader.add(Self.visit, file: "request.json").id
            let plan = WaitingRequest.plan(S.plan, adding: id, reason: "waiting", in: reader.scenario)
            let upload = try ScenarioUpload(scenario: reader.scenario, original: nil, originalFormat: nil)
            let commit = try await store.commitRequest(scenarioId: S.office, baseVersion: 1, scenario: upload, plan: plan,
                                                       requests: [Self.request(id)])
            #expect(commit.scenario.version == 2 && commit.scenario.origin == "request" && commit.scenario.createdBy == "xu.lan")
            #expect(commit.plan.version == 2 && commit.plan.scenarioVersion == 2 && commit.plan.basePlanVersion == 1)
            #expect(commit.plan.origin == "request")
            let stored = try await store.requests(scenarioId: S.office)
            #expect(stored == commit.requests)
            #expect(stored.first?.scenarioVersion == 2 && stored.first?.planVersion == 2 && stored.first?.submittedAt == S.stamp)
            #expect(stored.first?.id != nil)

            let stale = await S.storeError {
                _ = try await store.commitRequest(scenarioId: S.office, baseVersion: 1, scenario: upload, plan: plan,
                                                  requests: [Self.request("R-2")])
            }
            #expect(stale == .replaced(1, by: 2))
            #expect(try await store.requests(scenarioId: S.office).count == 1, "nothing stored by a stale commit")
            #expect(try await store.scenarioSummary(id: S.office).latest.version == 2)

            // Accepting: a plan version of the same scenario version, origin request.
            let accepted = try await store.commitPlanChange(scenarioId: S.office, baseVersion: 2, plan: plan, origin: "request", by: "ann")
            #expect(accepted.version == 3 && accepted.scenarioVersion == 2 && accepted.origin == "request")
        }
    }

    @Test("templates: every change a new version, the latest in force, retired ones gone, copied with the store", arguments: StoreBackend.all)
    func templates(backend: StoreBackend) async throws {
        try await S.withStore(backend) { store in
            func row(_ name: String, _ agenda: String?) -> AgendaTemplateRow {
                AgendaTemplateRow(name: name, version: 0, description: "d", agenda: agenda, createdAt: "", createdBy: "ann")
            }
            #expect(try await store.saveTemplate(row("b", "[1]")).version == 1)
            #expect(try await store.saveTemplate(row("a", "[2]")).version == 1)
            let second = try await store.saveTemplate(row("b", "[3]"))
            #expect(second.version == 2 && second.createdAt == S.stamp)
            #expect(try await store.templates().map { "\($0.name)\($0.version)" } == ["a1", "b2"])
            _ = try await store.saveTemplate(row("a", nil))
            #expect(try await store.templates().map(\.name) == ["b"])
            let snapshot = try await store.snapshot()
            #expect(snapshot.agendaTemplates.count == 4)

            try await S.withStore(backend) { copy in
                try await copy.restore(snapshot)
                #expect(try await copy.snapshot() == snapshot)
                #expect(try await copy.templates().map(\.agenda) == ["[3]"])
            }
        }
    }
}
