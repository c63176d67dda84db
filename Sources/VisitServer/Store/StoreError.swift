/// Why the store refused an operation. Both backends throw the same errors for the same refusals
/// (the API maps them to HTTP answers in `APIError.from`).
enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case scenarioExists(String)
    case noScenario(String)
    case noScenarioVersion(String, version: Int, latest: Int)
    case noPlan(scenario: String, version: Int?)
    case noRun(Int64)
    case noFile(Int64)
    /// The plan a change was aimed at is no longer current; `current` is the plan that is.
    case stalePlan(current: Int?, reason: String)
    /// A copy (`visitplan store copy`) was aimed at a store that already holds data.
    case notEmpty(String)
    /// Another server instance took run or report `id` over (this one stopped renewing its lease in time).
    case leaseLost(Int64)
    /// A visit already keeps `kept` records, `limit` at most (counted in the insert's transaction).
    case recordLimit(visit: String, kept: Int, limit: Int)

    var description: String {
        switch self {
        case .scenarioExists(let id): "a scenario \"\(id)\" already exists"
        case .noScenario(let id): "there is no scenario \"\(id)\""
        case .noScenarioVersion(let id, let version, let latest): "scenario \"\(id)\" has no version \(version); its versions are 1 to \(latest)"
        case .noPlan(let id, let version?): "scenario \"\(id)\" has no plan version \(version)"
        case .noPlan(let id, nil): "scenario \"\(id)\" has no plan yet"
        case .noRun(let id): "there is no run \(id)"
        case .noFile(let id): "there is no file \(id)"
        case .stalePlan(_, let reason): reason
        case .notEmpty(let store): "\(store) already holds data; copy only into an empty store"
        case .leaseLost(let id): "job \(id) was taken over by another server instance"
        case .recordLimit(let visit, let kept, let limit): "\(visit) already keeps \(kept) records, the most a visit may (\(limit))"
        }
    }

    /// Plan `version` was replaced by plan `current`.
    static func replaced(_ version: Int, by current: Int) -> StoreError {
        .stalePlan(current: current, reason: "plan version \(version) is no longer current: "
                   + "version \(current) replaced it; look at it and report again if still needed")
    }

    /// The scenario got version `latest` after the current plan (`current`, made from
    /// `planned`) was made.
    static func scenarioChanged(latest: Int, current: Int, planned: Int) -> StoreError {
        .stalePlan(current: current, reason: "the scenario changed (version \(latest)) after plan "
                   + "version \(current) was made from version \(planned); plan the new version first")
    }
}
