import Hummingbird
import NIOCore
import ServiceLifecycle

/// `GET /api/scenarios/{id}/updates`: server-sent events (`text/event-stream`) telling a page of
/// new plans: one `plan` event (`data: {"version": N}`) with the current plan version at once,
/// then one whenever the scenario gets a new current plan, from whichever instance committed it
/// (`PlanStore.changes`: PostgreSQL `LISTEN/NOTIFY`), and a comment every `keepAlive` so proxies
/// keep the connection open and a closed one is noticed; it ends when the server shuts down. Any
/// role may listen, with at most `streamsPerToken` streams open per token (429 beyond): a stream
/// is never idle, so without a limit one token could hold every connection the server allows.
struct UpdateRoutes {
    let services: ServerServices
    var keepAlive: Duration = .seconds(15)
    /// Streams one token may hold open at once (a few pages and devices).
    static let streamsPerToken = 4
    let streams = SolveQuota(perToken: UpdateRoutes.streamsPerToken, counted: ("update stream", "update streams", "open"))

    func add(to routes: RouteCollection<VisitRequestContext>) {
        let store = services.store
        let keepAlive = self.keepAlive
        let streams = self.streams
        routes.get("/scenarios/:id/updates") { _, context in
            let who = try context.caller()
            let id = try ScenarioID.parameter(context)
            let claim = try streams.claim(for: who.name)
            let changes = store.changes()   // subscribed before reading the current version: nothing falls between
            let current = try await storeCall { try await store.scenarioSummary(id: id) }.currentPlanVersion
            let body = ResponseBody { writer in
                defer { claim.release() }
                let (texts, sink) = AsyncStream<String>.makeStream()
                sink.yield(Self.planEvent(current))
                let feed = Task {
                    for await change in changes {
                        if case .planCommitted(id, let version) = change { sink.yield(Self.planEvent(version)) }
                    }
                    sink.finish()   // the store is closing
                }
                let ticker = Task {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: keepAlive)
                        sink.yield(": still here\n\n")
                    }
                }
                defer { feed.cancel(); ticker.cancel() }
                // The stream ends when the server shuts down (which waits for open requests).
                try await withGracefulShutdownHandler {
                    for await text in texts { try await writer.write(ByteBuffer(string: text)) }
                } onGracefulShutdown: {
                    sink.finish()
                }
                try await writer.finish(nil)
            }
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream"
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: body)
        }
    }

    static func planEvent(_ version: Int?) -> String {
        "event: plan\ndata: {\"version\": \(version.map(String.init) ?? "null")}\n\n"
    }
}
