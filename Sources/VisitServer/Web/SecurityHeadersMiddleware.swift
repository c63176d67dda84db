import HTTPTypes
import Hummingbird

/// Adds headers that keep browsers from guessing content types, sending the page's address
/// elsewhere, or framing the page.
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
        } catch let error as HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        for (name, value) in Self.headers { response.headers[name] = value }
        return response
    }
}
