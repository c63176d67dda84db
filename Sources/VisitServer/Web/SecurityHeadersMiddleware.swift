import HTTPTypes
import Hummingbird

/// Adds headers that keep browsers from guessing content types, sending the page's address
/// elsewhere, or framing the page; and answers every error in the API's one JSON shape
/// (`{"error": ..., "issues": [...]}`), Hummingbird's own included.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = VisitRequestContext

    static let headers: [(HTTPField.Name, String)] = [
        ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"), ("X-Frame-Options", "DENY"),
    ].compactMap { name, value in HTTPField.Name(name).map { ($0, value) } }

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as APIError {
            response = try error.response(from: request, context: context)
        } catch let error as HTTPError {
            // Hummingbird's own refusals (no such route, a body over its limit) in the API's one shape.
            response = try APIError(status: error.status, message: error.body ?? error.status.reasonPhrase)
                .response(from: request, context: context)
        } catch let error as HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        if response.status.code >= 400, response.headers[.contentType] == nil {
            // An error answered without a body (a route that does not exist).
            response = try APIError(status: response.status, message: "\(response.status.reasonPhrase): \(request.uri.path)")
                .response(from: request, context: context)
        }
        for (name, value) in Self.headers { response.headers[name] = value }
        return response
    }
}
