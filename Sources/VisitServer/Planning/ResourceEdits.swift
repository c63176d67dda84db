import VisitDomain
import VisitReplanner

/// A coordinator's change to one resource (a room, route, person with their leave, caterer or
/// hotel), each a new scenario version (origin `resources`). When the current plan was made from
/// the latest version and still keeps every rule of the changed scenario, it is kept: stored again,
/// rescored, as the plan of the new version in the same transaction (change events go on being
/// reported). Otherwise only the scenario version is stored, and the answer says what in the plan
/// no longer holds: the coordinator plans again.
struct ResourceEdits: Sendable {
    let store: any PlanStore

    /// What was stored, as the API answers it.
    struct Outcome: Encodable, Sendable {
        var scenario: String
        var list: String
        var resource: String
        var removed: Bool
        var scenarioVersion: Int
        /// The plan version kept for the new scenario version; nil when the plan must be made again.
        var planVersion: Int?
        var planKept: Bool
        /// Why the current plan was not kept (rules it breaks in the changed scenario, or no current plan).
        var problems: [String]
    }

    func apply(scenarioId: String, list: ResourceList, id: String, value: DocumentValue?, file: String,
               by identity: Identity) async throws -> Outcome {
        for attempt in 1...3 {
            let summary = try await storeCall { try await store.scenarioSummary(id: scenarioId) }
            let document = try DocumentValue.parse(summary.latest.source, format: .json, file: file)
            if value == nil, !ResourceEdit.contains(document, list: list, id: id) {
                throw APIError.notFound("scenario \(scenarioId) has no \(list.kind) \"\(id)\"")
            }
            let scenario: Scenario
            do { scenario = try ResourceEdit.apply(document, list: list, id: id, value: value, file: file) } catch {
                throw APIError.invalid(error)
            }
            let upload: ScenarioUpload
            do { upload = try ScenarioUpload(scenario: scenario, original: nil, originalFormat: nil) } catch { throw APIError.unwritable(error) }
            var outcome = Outcome(scenario: scenarioId, list: list.rawValue, resource: id, removed: value == nil, scenarioVersion: 0,
                                  planVersion: nil, planKept: false, problems: [])
            do {
                if let current = summary.currentPlanVersion,
                   let base = try? await store.replanBase(scenarioId: scenarioId, version: current),
                   base.scenario.version == summary.latest.version {
                    let plan = try base.plan.decodedPlan().rescored(in: scenario)
                    let report = PlanChecker(scenario: scenario).check(plan)
                    if report.isValid {
                        let commit = try await store.commitScenarioChange(scenarioId: scenarioId, baseVersion: current, scenario: upload,
                                                                          plan: plan, origin: "resources", by: identity.name, requests: [])
                        outcome.scenarioVersion = commit.scenario.version
                        outcome.planVersion = commit.plan.version
                        outcome.planKept = true
                        return outcome
                    }
                    outcome.problems = report.violations.map(\.description)
                } else {
                    outcome.problems = ["there is no current plan of the latest scenario version"]
                }
                // Nothing was written since the version this edit was made on: else it would be lost.
                guard try await store.scenarioSummary(id: scenarioId).latest.version == summary.latest.version else { continue }
                outcome.scenarioVersion = try await store.addScenarioVersion(id: scenarioId, upload: upload, origin: "resources",
                                                                             by: identity.name).version
                return outcome
            } catch StoreError.stalePlan(let now, let reason) {
                if attempt == 3 { throw APIError.conflict(reason, currentVersion: now) }
            } catch let error as StoreError {
                throw APIError.from(error)
            }
        }
        throw APIError.conflict("the scenario kept changing while this change was made; send it again", currentVersion: nil)
    }
}
