import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing
import VisitDomain
@testable import VisitServer

/// Tokens of the test servers: one per role (hosts for the two hosts of the small office).
enum TestTokens {
    static let coordinator = "coordinator-token-0123456789"
    static let planner = "planner-token-0123456789abc"
    static let lisa = "host-lisa-wong-token-0123456"
    static let zhou = "host-zhou-ming-token-0123456"
    /// xu.lan, a sales person who invites clients.
    static let business = "business-xu-lan-token-012345"
    static let logistics = "logistics-token-0123456789ab"

    static func registry() throws -> TokenRegistry {
        try TokenRegistry([
            AccessToken(token: coordinator, identity: Identity(name: "coordinator", role: .coordinator)),
            AccessToken(token: planner, identity: Identity(name: "analyst", role: .planner)),
            AccessToken(token: lisa, identity: Identity(name: "lisa.wong", role: .host, person: "lisa.wong")),
            AccessToken(token: zhou, identity: Identity(name: "zhou.ming", role: .host, person: "zhou.ming")),
            AccessToken(token: business, identity: Identity(name: "xu.lan", role: .business, person: "xu.lan")),
            AccessToken(token: logistics, identity: Identity(name: "front-desk", role: .logistics)),
        ])
    }

    /// The token of the host of a visit in the small office.
    static func host(_ person: String?) -> String? {
        switch person {
        case "lisa.wong": lisa
        case "zhou.ming": zhou
        default: nil
        }
    }
}

/// The repository's example scenarios, read from the checkout.
enum Scenarios {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("scenarios").appendingPathComponent(name), encoding: .utf8)
    }

    /// The small office week (7 visits, plans in well under a second).
    static var smallOffice: String { get throws { try text("small-office.yaml") } }
}

/// A server over a fresh store: an SQLite file in a temporary folder (removed when the server is
/// released, unless another server shares it) or a new PostgreSQL database on the test cluster.
final class TestServer: Sendable {
    let folder: URL
    let backend: StoreBackend
    let database: StoreLocation
    let app: VisitServerApp
    private let ownsFolder: Bool

    private init(folder: URL, backend: StoreBackend, database: StoreLocation, app: VisitServerApp, ownsFolder: Bool) {
        self.folder = folder; self.backend = backend; self.database = database; self.app = app; self.ownsFolder = ownsFolder
    }

    deinit {
        let (runner, store) = (app.services.runner, app.services.store)
        Task {
            await runner.stop()
            await store.shutdown()
        }
        if ownsFolder { try? FileManager.default.removeItem(at: folder) }
    }

    var services: ServerServices { app.services }

    /// A new server; `seed` is planned in the background (wait with `waitForSeedPlan`). With
    /// `sharing`, it opens the other server's store (and folder) instead of a new one.
    static func make(backend: StoreBackend = .sqlite, seed: SeedScenario = .none, seedTimeLimit: Double = 30, sharing: TestServer? = nil,
                     connectionLimits: ConnectionLimits = ConnectionLimits(),
                     clock: (@Sendable () -> Date)? = nil) async throws -> TestServer {
        let ownsFolder = sharing == nil
        let folder = sharing?.folder ?? FileManager.default.temporaryDirectory.appendingPathComponent("visitplan-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let backend = sharing?.backend ?? backend
        let database: StoreLocation
        if let sharing { database = sharing.database } else { database = try await backend.freshStore(in: folder) }
        var logger = Logger(label: "visitplan-test")
        logger.logLevel = .warning
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0, database: database,
                                                tokens: try TestTokens.registry(), seed: seed, seedTimeLimit: seedTimeLimit, logger: logger)
        configuration.connectionLimits = connectionLimits
        if let clock { configuration.clock = clock }
        // A debug build on a busy CI machine: the host's answer time generous enough that replans
        // end as they would on a quiet one (the answer time itself is tested in the replanner).
        configuration.replanAnswerSeconds = 10
        return TestServer(folder: folder, backend: backend, database: database, app: try await VisitServerApp.make(configuration),
                          ownsFolder: ownsFolder)
    }

    /// A server with the small office loaded and its first plan made.
    static func smallOffice(_ backend: StoreBackend = .sqlite, clock: (@Sendable () -> Date)? = nil) async throws -> TestServer {
        let server = try await make(backend: backend, seed: .text(try Scenarios.smallOffice, .yaml), clock: clock)
        try await server.waitForSeedPlan()
        return server
    }

    func waitForSeedPlan() async throws {
        let run = try #require(app.seedRun)
        await services.runner.waitUntilFinished(run)
        #expect(try await services.store.run(id: run).state == "done")
    }

    /// Runs `body` against the router (no sockets).
    func test(_ body: @escaping @Sendable (TestAPI) async throws -> Void) async throws {
        try await app.application.test(.router) { client in try await body(TestAPI(client: client)) }
    }

    /// Runs `body` against the router and returns what it found.
    func value<T: Sendable>(_ body: @escaping @Sendable (TestAPI) async throws -> T) async throws -> T {
        try await app.application.test(.router) { client in try await body(TestAPI(client: client)) }
    }
}

/// A response: status, headers, body text and the body as a document when it is JSON.
struct TestReply: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var text: String

    var json: DocumentValue {
        get throws { try DocumentValue.parse(text, format: .json, file: "response") }
    }
}

/// Requests with tokens and bodies, in one line each.
struct TestAPI: Sendable {
    let client: any TestClientProtocol

    func send(_ method: HTTPRequest.Method, _ uri: String, token: String?, body: String? = nil,
              contentType: String? = nil) async throws -> TestReply {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let contentType { headers[.contentType] = contentType }
        let response = try await client.executeRequest(uri: uri, method: method, headers: headers,
                                                       body: body.map { ByteBuffer(string: $0) })
        return TestReply(status: response.status, headers: response.headers, text: String(buffer: response.body))
    }

    func get(_ uri: String, token: String? = TestTokens.coordinator) async throws -> TestReply {
        try await send(.get, uri, token: token)
    }

    /// A request with a binary body; the reply's bytes as well as its text.
    func upload(_ uri: String, token: String? = TestTokens.coordinator, bytes: [UInt8], contentType: String?) async throws -> (TestReply, [UInt8]) {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let contentType { headers[.contentType] = contentType }
        let response = try await client.executeRequest(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: bytes))
        return (TestReply(status: response.status, headers: response.headers, text: String(buffer: response.body)),
                Array(response.body.readableBytesView))
    }

    /// A GET whose answer is bytes.
    func bytes(_ uri: String, token: String? = TestTokens.coordinator) async throws -> (HTTPResponse.Status, HTTPFields, [UInt8]) {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        let response = try await client.executeRequest(uri: uri, method: .get, headers: headers, body: nil)
        return (response.status, response.headers, Array(response.body.readableBytesView))
    }

    func post(_ uri: String, token: String? = TestTokens.coordinator, body: String, contentType: String? = "application/json") async throws -> TestReply {
        try await send(.post, uri, token: token, body: body, contentType: contentType)
    }
}

extension DocumentValue {
    /// The value at a path written like `plan.visits[0].start`, for assertions.
    subscript(path text: String) -> DocumentValue? {
        (try? DocumentPath(parsing: text)).flatMap { value(at: $0) }
    }

    /// The first element of a list whose `key` equals `value`.
    func first(in list: String, where key: String, is value: String) -> DocumentValue? {
        self[path: list]?.arrayValue?.first { $0[key]?.stringValue == value }
    }
}

/// A change event as JSON text.
func eventJSON(_ fields: [String: Any]) -> String {
    let data = (try? JSONSerialization.data(withJSONObject: [fields], options: [.sortedKeys])) ?? Data()
    return String(decoding: data, as: UTF8.self)
}

extension DocumentValue {
    /// Any `Encodable` value as a document tree (through its JSON encoding).
    static func encoding(_ value: some Encodable) throws -> DocumentValue {
        let data = try JSONEncoder().encode(value)
        return try DocumentValue.parse(String(decoding: data, as: UTF8.self), format: .json, file: "(encoded)")
    }
}
