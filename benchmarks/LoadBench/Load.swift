import Foundation

/// The load phases against running instances: reads of the current plan at a given concurrency,
/// and a fixed number of change-event reports sent by many clients that retry on 409.
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

        /// The answers as `count×status`, with requests that got no answer.
        var answers: String {
            let statuses = statuses.sorted { $0.key < $1.key }.map { "\($0.value)×\($0.key)" }.joined(separator: " ")
            return statuses + (failures > 0 ? " \(failures)×no answer" : "")
        }

        func percentile(_ p: Double) -> String {
            let sorted = latencies.sorted()
            guard !sorted.isEmpty else { return "-" }
            return String(format: "%.1f", sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] * 1000)
        }
    }

    /// Reads of the current plan by `clients` concurrent clients for `seconds`, each request to the
    /// next instance in turn.
    func reads(clients: Int, seconds: Double) async -> Samples {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        let path = "/api/scenarios/\(scenario)/plans/current"
        return await withTaskGroup(of: Samples.self) { group in
            for client in 0..<clients {
                group.addTask {
                    var samples = Samples(), turn = client
                    while ContinuousClock.now < deadline {
                        let server = servers[turn % servers.count]
                        turn += 1
                        let start = ContinuousClock.now
                        if let reply = try? await server.send("GET", path) {
                            samples.latencies.append(Self.seconds(ContinuousClock.now - start))
                            samples.statuses[reply.status, default: 0] += 1
                        } else { samples.failures += 1 }
                    }
                    return samples
                }
            }
            var all = Samples()
            for await samples in group { all.add(samples) }
            return all
        }
    }

    /// One acknowledged report: who sent it, about which visit, and the plan version its 201 named.
    struct Acknowledged: Sendable, Hashable {
        var client: String
        var visit: String
        var version: Int
    }

    /// What the report phase measured.
    struct Reports: Sendable {
        var seconds: Double
        /// Every POST: 201, 409 and others.
        var attempts = Samples()
        /// Per report: from its first POST until its 201 (retries included).
        var acknowledgedIn = Samples()
        var acknowledged: [Acknowledged] = []
        /// Reports given up: an answer other than 201/409, no answer, or too many 409s.
        var abandoned = 0
    }

    /// Tickets for the reports still to send, shared by the clients.
    actor Tickets {
        private var left: Int
        init(_ count: Int) { left = count }
        func take() -> Int? {
            guard left > 0 else { return nil }
            left -= 1
            return left
        }
    }

    /// `count` reports sent by `clients` concurrent clients (each with a token of its own). A
    /// client reads the current plan version, posts a report against it to another instance, and
    /// on 409 waits a little (at random, longer after each 409) and resends against the version the
    /// answer names, until a 201 (at most `maxTries`).
    /// A report is never resent after no answer: it might have been stored.
    func reports(count: Int, clients: Int, maxTries: Int = 2000) async -> Reports {
        let tickets = Tickets(count)
        let start = ContinuousClock.now
        let plan = "/api/scenarios/\(scenario)/plans/current"
        var result = await withTaskGroup(of: Reports.self) { group in
            for client in 0..<clients {
                group.addTask {
                    var mine = Reports(seconds: 0), turn = client
                    let token = Instance.clientTokens[client], name = "client-\(client)"
                    while let ticket = await tickets.take() {
                        let (visit, headcount) = visits[ticket % max(1, visits.count)]
                        // The same headcount again: a real report to replan and log that leaves the week as it is.
                        let event = #"[{"type": "headcountChange", "at": "\#(at)", "visit": "\#(visit)", "headcount": \#(headcount)}]"#
                        let first = ContinuousClock.now
                        var version = try? await servers[turn % servers.count].send("GET", plan, token: token).json()["version"] as? Int
                        var done = false
                        for tries in 0..<maxTries {
                            guard let base = version else { break }
                            turn += 1
                            let sent = ContinuousClock.now
                            guard let reply = try? await servers[turn % servers.count].send(
                                "POST", "/api/scenarios/\(scenario)/plans/\(base)/events", token: token, body: event) else {
                                mine.attempts.failures += 1
                                break
                            }
                            mine.attempts.latencies.append(Self.seconds(ContinuousClock.now - sent))
                            mine.attempts.statuses[reply.status, default: 0] += 1
                            let answer = (try? reply.json()) ?? [:]
                            if reply.status == 201, let produced = answer["version"] as? Int {
                                mine.acknowledged.append(Acknowledged(client: name, visit: visit, version: produced))
                                mine.acknowledgedIn.latencies.append(Self.seconds(ContinuousClock.now - first))
                                mine.acknowledgedIn.statuses[201, default: 0] += 1
                                done = true
                                break
                            }
                            guard reply.status == 409 else { break }
                            version = answer["currentVersion"] as? Int
                            // As a page would: a short random wait, longer after each lost race, so that
                            // fifty clients do not all resend at the same instant.
                            try? await Task.sleep(for: .milliseconds(Int.random(in: 0...min(250, 10 * (tries + 1)))))
                        }
                        if !done { mine.abandoned += 1 }
                    }
                    return mine
                }
            }
            var all = Reports(seconds: 0)
            for await mine in group {
                all.attempts.add(mine.attempts)
                all.acknowledgedIn.add(mine.acknowledgedIn)
                all.acknowledged += mine.acknowledged
                all.abandoned += mine.abandoned
            }
            return all
        }
        result.seconds = Self.seconds(ContinuousClock.now - start)
        return result
    }

    /// Every instance serves plan version `firstVersion + acknowledged`, and the event log holds
    /// exactly the acknowledged reports: one event per 201, by the client that got it, about its
    /// visit, producing the version its 201 named; nothing twice, nothing unacknowledged.
    static func checkExactlyOnce(servers: [Instance], scenario: String, firstVersion: Int,
                                 acknowledged: [Acknowledged]) async throws {
        for server in servers {
            let version = try await server.send("GET", "/api/scenarios/\(scenario)/plans/current").json()["version"] as? Int
            guard version == firstVersion + acknowledged.count else {
                throw BenchError("instance on port \(server.port) serves plan version \(version ?? 0), not \(firstVersion + acknowledged.count)")
            }
        }
        let text = try await servers[0].send("GET", "/api/scenarios/\(scenario)/events").text
        let log = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] ?? []
        let logged = log.compactMap { row -> Acknowledged? in
            guard let client = row["reportedBy"] as? String, let visit = row["visit"] as? String,
                  let version = row["producedPlanVersion"] as? Int else { return nil }
            return Acknowledged(client: client, visit: visit, version: version)
        }
        guard logged.count == log.count else { throw BenchError("an event of the log lacks its reporter, visit or version") }
        guard Set(logged).count == logged.count, Set(acknowledged).count == acknowledged.count else {
            throw BenchError("a report is stored or acknowledged twice")
        }
        guard Set(logged) == Set(acknowledged) else {
            let missing = Set(acknowledged).subtracting(logged).count, extra = Set(logged).subtracting(acknowledged).count
            throw BenchError("the log and the 201s differ: \(missing) acknowledged but not logged, \(extra) logged but not acknowledged")
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
