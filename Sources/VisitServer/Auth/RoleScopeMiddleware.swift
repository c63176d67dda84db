import Hummingbird

/// Keeps the business and logistics roles (issue 14) out of what holds clients' details beyond
/// what they may read: a visit's file and kept files, the follow-up list, the archive, the event
/// log and reports of events (an `addVisit` carries a client's contact). Those routes scope
/// hosts by hand; these two roles are refused before reaching them (403).
struct RoleScopeMiddleware: RouterMiddleware {
    typealias Context = VisitRequestContext

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        if let identity = context.identity, identity.role == .business || identity.role == .logistics,
           let what = Self.withheld(path: request.uri.path) {
            throw APIError.forbidden("a \(identity.role.rawValue) token may not read \(what); ask a coordinator")
        }
        return try await next(request, context)
    }

    /// What a path holds that these roles may not read, if anything (paths under `/api`).
    static func withheld(path: String) -> String? {
        let parts = path.split(separator: "/").map(String.init).drop { $0 == "api" }.map { $0 }
        switch parts.first {
        case "files": return "files kept with visits"
        case "archive": return "the archive"
        case "scenarios" where parts.count >= 3:
            switch parts[2] {
            case "visits": return "a visit's file"
            case "followups": return "the follow-up list"
            case "events": return "the event log"
            case "reports": return "reports of change events"
            default: return nil
            }
        default: return nil
        }
    }
}
