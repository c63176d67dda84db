import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import VisitServer
#if canImport(Glibc)
import Glibc
#endif

/// A TCP client on the loopback interface that writes raw bytes and reads until the server closes.
final class RawConnection {
    let fd: Int32

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard fd >= 0, result == 0 else { throw POSIXError(.ECONNREFUSED) }
    }

    deinit { close(fd) }

    func send(_ text: String) { _ = text.withCString { write(fd, $0, strlen($0)) } }

    /// Everything read until the server closes the connection, or nil if it is still open after `seconds`.
    func readUntilClosed(seconds: Double) -> String? {
        var timeout = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - seconds.rounded(.down)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let n = read(fd, &buffer, buffer.count)
            if n == 0 { return String(decoding: bytes, as: UTF8.self) }
            if n < 0 { return nil }
            bytes += buffer[0..<n]
        }
        return nil
    }
}

/// Connections that never finish, HTTP/1.0, and too many connections (issue 12, findings 8 and 9),
/// over real loopback sockets, each bounded in count and time.
@Suite(.serialized) struct ConnectionGuardTests {
    @Test func http10IsAnsweredAsHTTP10AndClosed() async throws {
        let server = try await TestServer.make()
        try await server.app.application.test(.live) { client in
            let port = try #require(client.port)
            let connection = try RawConnection(port: port)
            connection.send("GET /api/me HTTP/1.0\r\nAuthorization: Bearer \(TestTokens.coordinator)\r\n\r\n")
            let reply = try #require(connection.readUntilClosed(seconds: 90), "the server keeps the HTTP/1.0 connection open")
            #expect(reply.hasPrefix("HTTP/1.0 200"), "\(reply.prefix(80))")
            #expect(reply.lowercased().contains("connection: close"))
            #expect(reply.contains("coordinator"))
        }
    }

    @Test func http11KeepsTheConnectionOpen() async throws {
        let server = try await TestServer.make()
        try await server.app.application.test(.live) { client in
            let connection = try RawConnection(port: try #require(client.port))
            connection.send("GET /api/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(TestTokens.coordinator)\r\n\r\n")
            #expect(connection.readUntilClosed(seconds: 1) == nil, "an HTTP/1.1 connection stays open for the next request")
        }
    }

    @Test func aHeaderThatNeverEndsIsClosedAfterTheIdleTimeout() async throws {
        let server = try await TestServer.make(connectionLimits: ConnectionLimits(maxConnections: 8, idleTimeout: .seconds(1)))
        try await server.app.application.test(.live) { client in
            let port = try #require(client.port)
            let silent = try RawConnection(port: port)
            let slow = try RawConnection(port: port)
            slow.send("GET /api/me HTTP/1.1\r\nHost: x\r\n")   // no blank line: the head never ends
            #expect(silent.readUntilClosed(seconds: 20) != nil, "a silent connection is closed")
            #expect(slow.readUntilClosed(seconds: 20) != nil, "an unfinished head is closed")
        }
    }

    @Test func connectionsBeyondTheLimitAreClosedAndTheServerStaysUsable() async throws {
        let server = try await TestServer.make(connectionLimits: ConnectionLimits(maxConnections: 3, idleTimeout: .seconds(30)))
        try await server.app.application.test(.live) { client in
            let port = try #require(client.port)
            var held = try (0..<3).map { _ in try RawConnection(port: port) }
            try await Task.sleep(for: .milliseconds(200))
            let extra = try RawConnection(port: port)
            #expect(extra.readUntilClosed(seconds: 30) != nil, "the fourth connection is closed at once")
            held.removeAll()
            try await Task.sleep(for: .milliseconds(300))
            let fresh = try RawConnection(port: port)
            fresh.send("GET /api/me HTTP/1.0\r\nAuthorization: Bearer \(TestTokens.coordinator)\r\n\r\n")
            #expect(fresh.readUntilClosed(seconds: 30)?.hasPrefix("HTTP/1.0 200") == true, "closed connections free their place")
        }
    }
}
