import VisitDomain
import VisitReplanner

/// Ranked options for a visit not yet in a plan version (`VisitOptionsFinder`), solved on the
/// server's solver threads within the token's solve quota and a time bound. The current plan is
/// read against the latest scenario version (a request saved since the plan was made is found
/// there); an older plan version against the scenario version it was made from.
final class OptionsService: Sendable {
    let store: any PlanStore
    let threads: SolverThreads
    let quota: SolveQuota
    /// Seconds for one answer, options and way in together.
    let timeLimit: Double

    init(store: any PlanStore, threads: SolverThreads, quota: SolveQuota, timeLimit: Double = 5) {
        self.store = store; self.threads = threads; self.quota = quota; self.timeLimit = timeLimit
    }

    /// What the options were found against, and the answer as `identity` may see it.
    struct Answer: Encodable, Sendable {
        var planVersion: Int
        var scenarioVersion: Int
        var options: VisitOptions

        func encode(to encoder: any Encoder) throws {
            try options.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(planVersion, forKey: .planVersion)
            try c.encode(scenarioVersion, forKey: .scenarioVersion)
        }

        private enum CodingKeys: String, CodingKey { case planVersion, scenarioVersion }
    }

    func options(scenarioId: String, planVersion: Int?, visit id: String, for identity: Identity) async throws -> Answer {
        let row = try await storeCall { try await store.plan(scenarioId: scenarioId, version: planVersion) }
        let summary = try await storeCall { try await store.scenarioSummary(id: scenarioId) }
        let version = summary.currentPlanVersion == row.version
            ? summary.latest
            : try await storeCall { try await store.scenarioVersion(id: scenarioId, version: row.scenarioVersion) }
        let scenario = try version.loadScenario()
        let plan = try row.decodedPlan()
        guard let visit = scenario.visit(id) else {
            throw APIError.notFound("scenario \(scenarioId) version \(version.version) has no visit \"\(id)\"")
        }
        switch identity.role {
        case .coordinator, .planner: break
        case .host:
            let hosted = plan.visit(id)?.host
            guard let person = identity.person, visit.preferredHost == person || hosted == person else {
                throw APIError.forbidden("a host token asks for the options of the visits it hosts or is asked to host only")
            }
        case .business:
            let requests = try await store.requests(scenarioId: scenarioId)
            guard RequestOwnership.visits(of: identity, in: scenario, requests: requests).contains(id) else {
                throw APIError.forbidden("a business token asks for the options of its own requests only")
            }
        case .logistics:
            throw APIError.forbidden("a logistics token may not ask for a visit's options; ask a coordinator")
        }
        let claim = try quota.claim(for: identity.name)
        defer { claim.release() }
        let settings = VisitOptionsSettings(timeLimit: timeLimit)
        let files = (scenario: "\(scenarioId) version \(version.version)", plan: "plan version \(row.version)")
        let answer: VisitOptions
        do {
            answer = try await threads.run {
                try VisitOptionsFinder(scenario: scenario, current: plan, scenarioFile: files.scenario, planFile: files.plan)
                    .options(for: id, settings: settings)
            }
        } catch let error as VisitOptionsError {
            switch error {
            case .unknownVisit: throw APIError.notFound(error.description)
            case .alreadyScheduled: throw APIError.conflict(error.description, currentVersion: summary.currentPlanVersion)
            case .invalid(let issues): throw APIError.invalid(.invalid(issues))
            case .planner: throw APIError(status: .internalServerError, message: "the options search failed: \(error)")
            }
        }
        return Answer(planVersion: row.version, scenarioVersion: version.version, options: Redaction.options(answer, for: identity))
    }
}
