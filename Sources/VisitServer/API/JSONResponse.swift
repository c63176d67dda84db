import Foundation
import Hummingbird
import NIOCore

/// JSON responses with a chosen status.
enum JSONResponse {
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        let data = try encoder.encode(value)
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        fields[.cacheControl] = "no-store"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Reads a request body up to a size limit (413 beyond it) as UTF-8 text.
enum RequestBodyLimit {
    /// Scenarios and what-if files.
    static let document = 1 << 20
    /// Change-event reports and run options.
    static let small = 256 << 10

    static func text(_ request: Request, limit: Int) async throws -> String {
        let buffer = try await request.body.collect(upTo: limit)
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else {
            throw APIError.badRequest("the body is not UTF-8 text")
        }
        return text
    }
}
