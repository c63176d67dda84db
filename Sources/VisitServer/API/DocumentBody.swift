import Hummingbird
import VisitDomain

/// Reads YAML or JSON request bodies: the format comes from `Content-Type` (`application/json`,
/// `application/yaml`, `text/yaml`, ...), else it is sniffed (`{` or `[` first means JSON).
enum DocumentBody {
    static func format(of request: Request, text: String) -> DocumentFormat {
        let type = request.headers[.contentType]?.lowercased() ?? ""
        if type.contains("json") { return .json }
        if type.contains("yaml") { return .yaml }
        return DocumentFormat.sniff(text)
    }

    /// The body as text and its format, within `limit` bytes.
    static func read(_ request: Request, limit: Int) async throws -> (text: String, format: DocumentFormat) {
        let text = try await RequestBodyLimit.text(request, limit: limit)
        return (text, format(of: request, text: text))
    }

    /// The body parsed as a document; 400 naming `file` when it is not well-formed.
    static func parse(_ text: String, format: DocumentFormat, file: String) throws(APIError) -> DocumentValue {
        do { return try DocumentValue.parse(text, format: format, file: file) } catch { throw .invalid(error) }
    }

    /// The name errors give the body: `body.yaml` or `body.json`.
    static func fileName(_ format: DocumentFormat) -> String { "body.\(format.rawValue)" }
}
