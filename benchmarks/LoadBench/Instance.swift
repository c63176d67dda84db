import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One `visitplan serve` child process on a free loopback port, with the benchmark's token.
final class Instance: @unchecked Sendable {
    // `@unchecked`: `Process` is only started, asked whether it runs and stopped.
    static let token = "load-bench-coordinator-token-0123456789"
    /// Reporting clients' tokens, one coordinator name each (a token's solve quota is per name).
    static let clientTokens = (0..<200).map { String(format: "load-bench-client-%03d-token-0123456789", $0) }
    let process: Process
    let port: Int
    let session: URLSession

    private init(process: Process, port: Int) {
        self.process = process; self.port = port
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 64
        session = URLSession(configuration: configuration)
    }

    static func start(_ executable: URL, database: String, solverThreads: Int, log: URL) async throws -> Instance {
        let port = try freePort()
        let process = Process()
        process.executableURL = executable
        process.arguments = ["serve", "--db", database, "--port", String(port), "--no-demo", "--solver-threads", String(solverThreads)]
        var environment = ProcessInfo.processInfo.environment
        environment["VISITPLAN_TOKENS"] = (["coordinator=\(token)"]
            + clientTokens.enumerated().map { "coordinator:client-\($0.offset)=\($0.element)" }).joined(separator: ",")
        process.environment = environment
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else { throw BenchError("cannot write \(log.path)") }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let instance = Instance(process: process, port: port)
        for _ in 0..<600 where process.isRunning {
            if (try? await instance.send("GET", "/api/scenarios").status) == 200 { return instance }
            try await Task.sleep(for: .milliseconds(100))
        }
        instance.stop()
        throw BenchError("visitplan serve did not answer on port \(port); see \(log.path)")
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    /// The status and body of one request.
    struct Reply {
        var status: Int
        var text: String
        func json() throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
        }
    }

    func send(_ method: String, _ path: String, token: String = Instance.token, body: String? = nil,
              contentType: String = "application/json") async throws -> Reply {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        }
        request.timeoutInterval = 120
        let (data, response) = try await session.data(for: request)
        return Reply(status: (response as? HTTPURLResponse)?.statusCode ?? 0, text: String(decoding: data, as: UTF8.self))
    }

    /// A port nothing listens on now (the kernel's pick for a socket bound to port 0).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BenchError("socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw BenchError("bind() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
