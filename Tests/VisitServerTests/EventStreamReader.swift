import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A raw HTTP/1.1 GET on a socket whose answer is read as it comes (a stream of server-sent events
/// never ends, so a client that waits for the whole body would never return).
final class EventStreamReader: @unchecked Sendable {
    private let fd: Int32
    private var received = ""
    private let lock = NSLock()

    /// `@unchecked`: the descriptor and the text read are used by one caller at a time (under `lock`).
    init(port: Int, path: String, token: String) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServeProcess.ServeError(message: "socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else {
            close(fd)
            throw ServeProcess.ServeError(message: "cannot connect to port \(port)")
        }
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\nAccept: text/event-stream\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
    }

    deinit { close(fd) }

    /// Reads (on a thread of its own) until the text received contains `text` or `timeout` passes;
    /// returns everything received so far.
    func read(until text: String, timeout: Duration = .seconds(10)) async -> String {
        await withCheckedContinuation { continuation in
            Thread {
                continuation.resume(returning: self.readBlocking(until: text, timeout: timeout))
            }.start()
        }
    }

    private func readBlocking(until text: String, timeout: Duration) -> String {
        lock.withLock {
            let deadline = ContinuousClock.now + timeout
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !received.contains(text), ContinuousClock.now < deadline {
                let count = recv(fd, &buffer, buffer.count, 0)
                if count > 0 { received += String(decoding: buffer[0..<count], as: UTF8.self) } else if count == 0 { break }
            }
            return received
        }
    }
}
