import Foundation

/// The load phase: readers and reporters against the instances in turn, and what they saw.
struct Load: Sendable {
    let servers: [Instance]
    let scenario: String
    let visits: [(String, Int)]
    /// The `at` of every reported event: the scenario's planning moment.
    let at: String

    /// Latencies (seconds) and statuses of one kind of request.
    struct Samples: Sendable {
        var latencies: [Double] = []
        var statuses: [Int: Int] = [:]
        var failures = 0

        mutating func add(_ other: Samples) {
            latencies += other.latencies; failures += other.failures
            statuses.merge(other.statuses, uniquingKeysWith: +)
        }
    }

    /// What the load phase measured.
    struct Report: Sendable {
        var seconds: Double
        var reads: Samples
        var reports: Samples
        var created: Int { reports.statuses[201] ?? 0 }

        func table() -> String {
            func row(_ name: String, _ samples: Samples) -> String {
                let sorted = samples.latencies.sorted()
                func percentile(_ p: Double) -> String {
                    guard !sorted.isEmpty else { return "-" }
                    return String(format: "%.1f", sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] * 1000)
                }
                let statuses = samples.statuses.sorted { $0.key < $1.key }.map { "\($0.value)×\($0.key)" }.joined(separator: " ")
                return "| \(name) | \(sorted.count) | \(String(format: "%.1f", Double(sorted.count) / seconds)) | \(percentile(0.5)) | "
                    + "\(percentile(0.95)) | \(percentile(0.99)) | \(statuses)\(samples.failures > 0 ? " \(samples.failures)×no answer" : "") |"
            }
            return """
                | requests | count | per s | p50 ms | p95 ms | p99 ms | answers |
                | --- | ---: | ---: | ---: | ---: | ---: | --- |
                \(row("GET current plan", reads))
                \(row("POST events", reports))
                """
        }
    }

    func run(readers: Int, reporters: Int, seconds: Double) async -> Report {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        let plan = "/api/scenarios/\(scenario)/plans/current"
        let (reads, reports) = await withTaskGroup(of: (Samples, Samples).self) { group in
            for reader in 0..<readers {
                group.addTask {
                    var samples = Samples(), turn = reader
                    while ContinuousClock.now < deadline {
                        let server = servers[turn % servers.count]
                        turn += 1
                        let start = ContinuousClock.now
                        if let reply = try? await server.send("GET", plan) {
                            samples.latencies.append(Self.seconds(ContinuousClock.now - start))
                            samples.statuses[reply.status, default: 0] += 1
                        } else { samples.failures += 1 }
                    }
                    return (samples, Samples())
                }
            }
            for reporter in 0..<reporters {
                group.addTask {
                    var samples = Samples(), turn = reporter
                    while ContinuousClock.now < deadline {
                        let server = servers[turn % servers.count]
                        let (visit, headcount) = visits[turn % max(1, visits.count)]
                        turn += 1
                        guard let current = try? await server.send("GET", plan), let version = try? current.json()["version"] as? Int else {
                            samples.failures += 1
                            continue
                        }
                        // The same headcount again: a real report to replan and log, that leaves the week as it is.
                        let event = #"[{"type": "headcountChange", "at": "\#(at)", "visit": "\#(visit)", "headcount": \#(headcount)}]"#
                        let start = ContinuousClock.now
                        if let reply = try? await servers[(turn + 1) % servers.count].send(
                            "POST", "/api/scenarios/\(scenario)/plans/\(version)/events", body: event) {
                            samples.latencies.append(Self.seconds(ContinuousClock.now - start))
                            samples.statuses[reply.status, default: 0] += 1
                        } else { samples.failures += 1 }
                    }
                    return (Samples(), samples)
                }
            }
            var reads = Samples(), reports = Samples()
            for await (read, report) in group {
                reads.add(read)
                reports.add(report)
            }
            return (reads, reports)
        }
        return Report(seconds: seconds, reads: reads, reports: reports)
    }

    /// Every instance serves the same current plan, one version per 201 after the first plan, and
    /// the event log holds one event per 201.
    static func checkConsistency(servers: [Instance], scenario: String, created: Int) async throws {
        for server in servers {
            let version = try await server.send("GET", "/api/scenarios/\(scenario)/plans/current").json()["version"] as? Int
            guard version == created + 1 else { throw BenchError("instance on port \(server.port) serves plan version \(version ?? 0), not \(created + 1)") }
        }
        let log = try JSONSerialization.jsonObject(with: Data(try await servers[0].send("GET", "/api/scenarios/\(scenario)/events").text.utf8))
        guard let events = log as? [Any], events.count == created else {
            throw BenchError("the event log does not hold one event per 201 (\(created))")
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
