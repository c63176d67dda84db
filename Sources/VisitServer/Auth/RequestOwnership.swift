import VisitDomain

/// The visits a business token follows: those it requested, and those whose `owner` is its person
/// (or name). It reads their client details and options as a host does those of the visits it hosts.
enum RequestOwnership {
    static func visits(of identity: Identity, in scenario: Scenario?, requests: [VisitRequestRow]) -> Set<String> {
        let me = identity.person ?? identity.name
        let requested = requests.filter { $0.submittedBy == identity.name }.map(\.visitId)
        let owned = (scenario?.visits ?? []).filter { $0.owner == me || $0.owner == identity.name }.map(\.id)
        return Set(requested + owned)
    }

    /// The same from the store: the latest scenario version's owners and the scenario's requests.
    static func visits(of identity: Identity, scenarioId: String, store: any PlanStore) async -> Set<String> {
        let requests = (try? await store.requests(scenarioId: scenarioId)) ?? []
        let scenario = try? await store.latestScenarioVersion(id: scenarioId).loadScenario()
        return visits(of: identity, in: scenario, requests: requests)
    }
}
