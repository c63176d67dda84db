import Hummingbird
import HummingbirdCore
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1

/// Limits on connections, so that clients that connect and never finish a request cannot fill
/// the server's file descriptors and lock everyone out.
public struct ConnectionLimits: Sendable {
    /// Open connections at once; more are closed at once.
    public var maxConnections: Int
    /// A connection without a request in progress is closed after this long. This covers a
    /// request whose header never completes: until the head is read, the connection counts as idle.
    public var idleTimeout: TimeAmount

    public init(maxConnections: Int = 512, idleTimeout: TimeAmount = .seconds(30)) {
        self.maxConnections = maxConnections; self.idleTimeout = idleTimeout
    }
}

/// Hummingbird's HTTP/1.1 channel with the server's guards in front: a limit on open connections,
/// the idle (and header-read) timeout, and HTTP/1.0 answered as HTTP/1.0 with the connection closed
/// after the response (Hummingbird answers every request as HTTP/1.1 and keeps it open).
struct GuardedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value
    let http1: HTTP1Channel
    let limits: ConnectionLimits
    let open: NIOLockedValueBox<Int>

    init(responder: @escaping HTTPChannelHandler.Responder, limits: ConnectionLimits, open: NIOLockedValueBox<Int>) {
        self.http1 = HTTP1Channel(responder: responder, configuration: .init(idleTimeout: limits.idleTimeout))
        self.limits = limits
        self.open = open
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let count = open.withLockedValue { count in count += 1; return count }
        channel.closeFuture.whenComplete { [open] _ in open.withLockedValue { $0 -= 1 } }
        guard count <= limits.maxConnections else {
            logger.warning("closing a connection: \(count - 1) are open, the limit is \(limits.maxConnections)")
            channel.close(promise: nil)
            return channel.eventLoop.makeFailedFuture(ChannelError.ioOnClosedChannel)
        }
        return http1.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let decoder = try channel.pipeline.syncOperations.context(handlerType: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try channel.pipeline.syncOperations.addHandler(HTTP10Responses(), position: .after(decoder.handler))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1.1 behind `GuardedHTTP1Channel`'s limits.
    static func guardedHTTP1(_ limits: ConnectionLimits) -> HTTPServerBuilder {
        let open = NIOLockedValueBox(0)
        return .init { responder in GuardedHTTP1Channel(responder: responder, limits: limits, open: open) }
    }
}

/// Answers an HTTP/1.0 request with an HTTP/1.0 response that says `Connection: close`, and closes
/// the connection once it is sent (its body is then delimited by the close, as HTTP/1.0 expects).
final class HTTP10Responses: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// Versions of the requests read and not yet answered, oldest first.
    private var pending: [HTTPVersion] = []
    private var answering: HTTPVersion?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head(let head) = unwrapInboundIn(data) { pending.append(head.version) }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head):
            answering = pending.isEmpty ? nil : pending.removeFirst()
            guard answering == .http1_0 else { context.write(data, promise: promise); return }
            head.version = .http1_0
            head.headers.remove(name: "transfer-encoding")
            head.headers.replaceOrAdd(name: "connection", value: "close")
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end(let trailers):
            guard answering == .http1_0 else { context.write(data, promise: promise); return }
            answering = nil
            let done = context.eventLoop.makePromise(of: Void.self)
            done.futureResult.whenComplete { _ in context.close(promise: nil) }
            done.futureResult.cascade(to: promise)
            context.writeAndFlush(wrapOutboundOut(.end(trailers)), promise: done)
        }
    }
}
