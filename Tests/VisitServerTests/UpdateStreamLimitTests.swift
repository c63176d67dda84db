import Foundation
import HummingbirdTesting
import Testing
@testable import VisitServer

/// An update stream is never idle, so the connection timeouts do not end it: one token may hold a
/// few open, and one more is refused with 429 rather than letting it take every connection.
@Suite("Update streams per token")
struct UpdateStreamLimitTests {
    @Test("a token holds at most UpdateRoutes.streamsPerToken open streams; another token still gets one")
    func limit() async throws {
        let server = try await TestServer.smallOffice()
        try await server.app.application.test(.live) { client in
            let port = try #require(client.port)
            let path = "/api/scenarios/suzhou-office-week-51/updates"
            var open: [EventStreamReader] = []
            for _ in 0..<UpdateRoutes.streamsPerToken {
                let stream = try EventStreamReader(port: port, path: path, token: TestTokens.lisa)
                #expect(await stream.read(until: "event: plan").contains("HTTP/1.1 200"))
                open.append(stream)
            }
            let refused = try EventStreamReader(port: port, path: path, token: TestTokens.lisa)
            let answer = await refused.read(until: "try again")
            #expect(answer.contains("HTTP/1.1 429") && answer.contains("already has 4 update streams open"), "\(answer.prefix(300))")
            let other = try EventStreamReader(port: port, path: path, token: TestTokens.zhou)
            #expect(await other.read(until: "event: plan").contains("HTTP/1.1 200"), "the limit is per token")
            withExtendedLifetime(open) {}
        }
    }
}
