import Foundation
import Hummingbird
import VisitDomain

/// An error answered as JSON: `{"error": "...", "issues": [{file, path, message}], "currentVersion": N}`.
/// `issues` carry the same field paths as the CLI's messages; `currentVersion` tells a client whose
/// change lost a race which plan version is current now.
struct APIError: HTTPResponseError, Sendable {
    var status: HTTPResponse.Status
    var message: String
    var issues: [ValidationIssue] = []
    var currentVersion: Int?

    static var unauthorized: APIError {
        APIError(status: .unauthorized, message: "a valid token is needed: send Authorization: Bearer TOKEN")
    }
    static func forbidden(_ message: String) -> APIError { APIError(status: .forbidden, message: message) }
    static func notFound(_ message: String) -> APIError { APIError(status: .notFound, message: message) }
    static func badRequest(_ message: String) -> APIError { APIError(status: .badRequest, message: message) }
    static func conflict(_ message: String, currentVersion: Int?) -> APIError {
        APIError(status: .conflict, message: message, currentVersion: currentVersion)
    }

    /// 422 for a document that was read but breaks the format (or 400 when it could not be read).
    static func invalid(_ error: ScenarioError) -> APIError {
        switch error {
        case .unreadable(let file, let reason):
            APIError(status: .badRequest, message: "\(file): cannot read the body: \(reason)")
        case .invalid(let issues):
            APIError(status: .unprocessableContent, message: issues.count == 1 ? "1 problem to fix" : "\(issues.count) problems to fix",
                     issues: issues)
        }
    }

    /// The HTTP answer for a store refusal.
    static func from(_ error: StoreError) -> APIError {
        switch error {
        case .scenarioExists(let id): APIError(status: .conflict, message: "\(error.description); update it with PUT /api/scenarios/\(id)")
        case .noPlan(let id, nil): .notFound("\(error.description); start one with POST /api/scenarios/\(id)/plans")
        case .noScenario, .noScenarioVersion, .noPlan, .noRun, .noFile: .notFound(error.description)
        case .stalePlan(let current, _): .conflict(error.description, currentVersion: current)
        case .notEmpty, .leaseLost: .conflict(error.description, currentVersion: nil)
        case .recordLimit: APIError(status: .unprocessableContent, message: error.description)
        }
    }

    /// 500 for a scenario that cannot be written back as itself (a bug, never the caller's fault).
    static func unwritable(_ error: ScenarioDocumentError) -> APIError {
        APIError(status: .internalServerError, message: error.description)
    }

    private struct Body: Encodable {
        var error: String
        var issues: [Issue]?
        var currentVersion: Int?
    }

    private struct Issue: Encodable {
        var file: String
        var path: String
        var message: String
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Body(error: message, issues: issues.isEmpty ? nil : issues.map { Issue(file: $0.file, path: $0.path, message: $0.message) },
                        currentVersion: currentVersion)
        var response = try JSONResponse.make(body, status: status)
        if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer realm=\"visitplan\"" }
        return response
    }
}

/// Runs a store call, turning its refusals into HTTP answers.
func storeCall<T>(_ body: () async throws -> T) async throws -> T {
    do { return try await body() } catch let error as StoreError { throw APIError.from(error) }
}
