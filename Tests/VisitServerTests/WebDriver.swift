import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal W3C WebDriver client for Debian's chromedriver driving headless Chromium: enough to
/// load a page, find elements by CSS selector, click, run a script and take a screenshot.
final class WebDriver: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"

    /// Whether both programs are installed.
    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: chromium) && FileManager.default.isExecutableFile(atPath: chromedriver)
    }

    private let process: Process
    private let port: Int
    private var session: String = ""

    /// Starts chromedriver on a free loopback port and opens a headless Chromium session.
    init() async throws {
        port = try Self.freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.chromedriver)
        process.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try await waitUntil("chromedriver is ready", seconds: 30) {
            ((try? await self.request("GET", "/status"))?["value"] as? [String: Any])?["ready"] as? Bool == true
        }
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "goog:chromeOptions": ["binary": Self.chromium,
                                   "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                            "--window-size=1500,1100", "--lang=en-GB"]],
        ]]]
        let created = try await request("POST", "/session", capabilities)
        guard let value = created["value"] as? [String: Any], let id = value["sessionId"] as? String else {
            throw Failure(description: "chromedriver did not open a session: \(created)")
        }
        session = id
    }

    /// Ends the session and stops chromedriver (which does not stop on SIGTERM: it is asked to
    /// shut down, and killed if it has not after five seconds).
    func quit() async {
        _ = try? await request("DELETE", "/session/\(session)")
        _ = try? await LoopbackHTTP.send(port: port, method: "GET", path: "/shutdown", json: nil)
        for _ in 0..<50 where process.isRunning {
            try? await Task.sleep(nanoseconds: 100_000_000)
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    func open(_ url: String) async throws {
        _ = try await request("POST", "/session/\(session)/url", ["url": url])
    }

    /// The first element matching `selector`, or nil.
    func find(_ selector: String) async throws -> String? {
        try await findAll(selector).first
    }

    func findAll(_ selector: String) async throws -> [String] {
        let reply = try await request("POST", "/session/\(session)/elements", ["using": "css selector", "value": selector])
        return (reply["value"] as? [[String: Any]] ?? []).compactMap { $0.values.first as? String }
    }

    func click(_ element: String) async throws {
        _ = try await request("POST", "/session/\(session)/element/\(element)/click", [String: Any]())
    }

    func attribute(_ element: String, _ name: String) async throws -> String? {
        try await request("GET", "/session/\(session)/element/\(element)/attribute/\(name)")["value"] as? String
    }

    func text(_ element: String) async throws -> String {
        try await request("GET", "/session/\(session)/element/\(element)/text")["value"] as? String ?? ""
    }

    /// Runs JavaScript in the page and returns its result.
    @discardableResult
    func execute(_ script: String, _ arguments: [Any] = []) async throws -> Any? {
        try await request("POST", "/session/\(session)/execute/sync", ["script": script, "args": arguments])["value"]
    }

    /// The handles of the session's open windows (tabs).
    func windowHandles() async throws -> [String] {
        try await request("GET", "/session/\(session)/window/handles")["value"] as? [String] ?? []
    }

    /// Makes `handle` the window the next commands act on.
    func switchToWindow(_ handle: String) async throws {
        _ = try await request("POST", "/session/\(session)/window", ["handle": handle])
    }

    /// A PNG of the window.
    func screenshot() async throws -> Data {
        guard let base64 = try await request("GET", "/session/\(session)/screenshot")["value"] as? String,
              let data = Data(base64Encoded: base64) else { throw Failure(description: "no screenshot") }
        return data
    }

    /// Polls `condition` every 200 ms until it holds; throws after `seconds` naming what was awaited.
    func waitUntil(_ what: String, seconds: Double, _ condition: () async throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return }
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        throw Failure(description: "gave up waiting (\(Int(seconds)) s) until \(what)")
    }

    private func request(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> [String: Any] {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        let data = try await LoopbackHTTP.send(port: port, method: method, path: path, json: payload)
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        if let value = json["value"] as? [String: Any], let error = value["error"] as? String {
            throw Failure(description: "WebDriver \(method) \(path): \(error): \(value["message"] ?? "")")
        }
        return json
    }

    /// A loopback port nothing listens on right now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw Failure(description: "bind() failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw Failure(description: "getsockname() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// HTTP/1.1 over a plain loopback socket, on a thread of its own. (Foundation's URLSession on
/// Linux refuses chromedriver's answers, whose headers have no space after the colon.)
enum LoopbackHTTP {
    static func send(port: Int, method: String, path: String, json: Data?) async throws -> Data {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try exchange(port: port, method: method, path: path, json: json) }) }.start()
        }
    }

    private static func exchange(port: Int, method: String, path: String, json: Data?) throws -> Data {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw WebDriver.Failure(description: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw WebDriver.Failure(description: "cannot connect to 127.0.0.1:\(port)") }
        let body = json ?? Data()
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\nContent-Length: \(body.count)\r\n"
        if json != nil { head += "Content-Type: application/json; charset=utf-8\r\n" }
        let request = Data((head + "\r\n").utf8) + body
        try request.withUnsafeBytes { bytes in
            var sent = 0
            while sent < bytes.count {
                let n = Glibc.send(fd, bytes.baseAddress! + sent, bytes.count - sent, 0)
                guard n > 0 else { throw WebDriver.Failure(description: "send() failed") }
                sent += n
            }
        }
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            if let split = response.range(of: Data("\r\n\r\n".utf8)), let length = contentLength(response[..<split.lowerBound]),
               response.count - split.upperBound >= length {
                return response[split.upperBound..<(split.upperBound + length)]
            }
            let n = recv(fd, &buffer, buffer.count, 0)
            guard n > 0 else { break }
            response.append(contentsOf: buffer[0..<n])
        }
        guard let split = response.range(of: Data("\r\n\r\n".utf8)) else {
            throw WebDriver.Failure(description: "no HTTP answer from 127.0.0.1:\(port)")
        }
        return response[split.upperBound...]
    }

    /// The Content-Length of a response head, with or without a space after the colon.
    private static func contentLength(_ head: Data) -> Int? {
        for line in String(decoding: head, as: UTF8.self).split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "content-length" {
                return Int(parts[1].trimmingCharacters(in: .whitespaces))
            }
        }
        return nil
    }
}

extension WebDriver {
    /// Finds the element of `selector` and clicks it, again when the page redrew it in between
    /// (a stale element), for up to `seconds`.
    func click(selector: String, seconds: Double = 30) async throws {
        var lastError: (any Error)?
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            do {
                if let element = try await find(selector) {
                    try await click(element)
                    return
                }
            } catch {
                lastError = error
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw Failure(description: "could not click \(selector): \(lastError.map { "\($0)" } ?? "not found")")
    }
}
