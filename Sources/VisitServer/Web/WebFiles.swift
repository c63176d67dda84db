import Foundation
import Hummingbird

/// The page's static files (HTML, CSS, JavaScript), read once from the `Public` resource folder
/// and served from memory. Only the files listed by extension are served, by exact name, so
/// nothing else in the folder (such as the demo scenario, with its budgets) is reachable.
struct WebFiles: Sendable {
    struct File: Sendable {
        var bytes: [UInt8]
        var contentType: String
    }

    static let contentTypes = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml", "png": "image/png",
        "ico": "image/x-icon", "webmanifest": "application/manifest+json",
    ]

    let files: [String: File]

    /// Reads the servable files of `directory`.
    init(directory: URL) throws {
        var files: [String: File] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            guard let type = Self.contentTypes[(name as NSString).pathExtension.lowercased()] else { continue }
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            files[name] = File(bytes: Array(data), contentType: type)
        }
        self.files = files
    }

    /// The `Public` resource folder shipped next to the executable (or given with `--public`).
    static func resourceDirectory(override: String?) throws -> URL {
        if let override { return URL(fileURLWithPath: override, isDirectory: true) }
        let bundleName = "visitplan_VisitServer.resources"
        var candidates = [Bundle.main.bundleURL.appendingPathComponent(bundleName)]
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent(bundleName))
        }
        for candidate in candidates {
            let folder = candidate.appendingPathComponent("Public", isDirectory: true)
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path) { return folder }
        }
        throw ServerStartError("the web page files were not found: expected \(bundleName)/Public next to the executable "
                               + "(it is built there by `swift build`); give another folder with --public DIR")
    }

    func add(to router: Router<VisitRequestContext>) {
        let files = self
        router.get("/") { _, _ in try files.response(for: "index.html") }
        router.get("/:file") { _, context in try files.response(for: try context.parameters.require("file")) }
    }

    func response(for name: String) throws -> Response {
        guard let file = files[name] else { throw APIError.notFound("there is no page \"\(name)\"") }
        var headers: HTTPFields = [.contentType: file.contentType, .cacheControl: "no-cache"]
        if file.contentType.hasPrefix("text/html") {
            headers[.contentSecurityPolicy] = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }
}

/// Why the server could not start.
public struct ServerStartError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
