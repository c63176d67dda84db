import Foundation
import Hummingbird

/// Finds the identity behind a request's token (`Authorization: Bearer TOKEN`) or answers 401.
/// Calendar feeds also accept `?token=TOKEN`, since calendar apps subscribe by URL alone.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = VisitRequestContext

    let registry: TokenRegistry
    /// Accept the token as a `token` query parameter.
    let acceptsQueryToken: Bool

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let presented = bearerToken(request) ?? queryToken(request),
              let identity = registry.identify(presented) else {
            throw APIError.unauthorized
        }
        var context = context
        context.identity = identity
        return try await next(request, context)
    }

    private func bearerToken(_ request: Request) -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }

    private func queryToken(_ request: Request) -> String? {
        acceptsQueryToken ? FormQuery(request).get("token") : nil
    }
}
