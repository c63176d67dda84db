import Foundation
import ScenarioGenerator
import VisitDomain
import VisitPlanner
import VisitReplanner

/// The replan ladder: generated weeks of each size, planned once, then replanned after seeded
/// single events of every kind and after batches of five, each replan from the same first plan.
/// Prints per size and kind the p50 / p95 / max replan time, the mean changes (all, and those
/// beyond what the events demand), how many replans were proven optimal for their neighbourhood,
/// and, for the kind's first sample, the changes (moved items, changed resources and people, dropped
/// visits, as the score's replanning terms count them) of the replan and of a from-scratch solve.
struct ReplanLadder {
    let sizes: [Int]
    let samples: Int
    let seed: UInt64
    let planTimeLimit: Double
    let replanTimeLimit: Double
    let scratchTimeLimit: Double
    let markdown: Bool
    /// Event kinds to replan (their `rawValue`s, or "batch"); nil: all. Skipped kinds still draw
    /// their events, so a kind's samples are the same with or without the filter.
    var only: Set<String>? = nil
    /// Print each replan's solves (neighbourhood, seconds, free visits) as it ends.
    var verbose = false
    /// `ReplanOptions.answerSeconds`: wider neighbourhoods only within this (nil: as far as needed).
    var answerSeconds: Double? = nil

    /// One row: a size and an event kind.
    struct Row {
        var size: Int
        var kind: String
        var seconds: [Double] = []
        var changes: [Int] = []
        var disruption: [Int] = []
        var proven = 0
        var widest = ""
        var widestSolves = 0
        var scratchChanges: String = "–"
    }

    func run() throws {
        print("Replan ladder: seed \(seed), \(samples) replans per kind, replan limit \(replanTimeLimit) s, answer time \(answerSeconds.map { "\($0) s" } ?? "none"), first plan \(planTimeLimit) s")
        var rows: [Row] = []
        for size in sizes {
            let scenario = ScenarioGenerator(visits: size, seed: seed).scenario()
            let clock = ContinuousClock.now
            let plan = try Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: planTimeLimit)).plan
            let seconds = (ContinuousClock.now - clock) / .seconds(1)
            print("\(size) visits: first plan \(plan.status.rawValue), score \(plan.score), \(plan.totals.scheduled) scheduled, \(String(format: "%.1f", seconds)) s")
            var generator = ChangeEventGenerator(seed: seed &+ UInt64(size))
            let kinds: [(String, EventKind?, ClosedRange<Int>)] = EventKind.allCases.map { ($0.rawValue, $0, 1...1) } + [("batch of 5", nil, 5...5)]
            for (name, kind, count) in kinds {
                var row = Row(size: size, kind: name)
                let wanted = only.map { $0.contains(kind?.rawValue ?? "batch") } ?? true
                for sample in 0..<samples {
                    let batch = generator.batch(scenario: scenario, plan: plan, count: count, first: kind)
                    guard wanted else { continue }
                    let replanner = Replanner(scenario: scenario, current: plan, eventsFile: "generated")
                    let start = ContinuousClock.now
                    let outcome: ReplanOutcome
                    do {
                        outcome = try replanner.replan(batch.changeEvents, options: ReplanOptions(timeLimit: replanTimeLimit, answerSeconds: answerSeconds))
                    } catch {
                        print("  \(name) sample \(sample): replan failed: \(error)")
                        continue
                    }
                    row.seconds.append((ContinuousClock.now - start) / .seconds(1))
                    if verbose {
                        let solves = outcome.phases.map { "\($0.name) \(String(format: "%.2f", $0.seconds)) s, \($0.freeVisits) free" }
                        print("  \(name) sample \(sample): \(String(format: "%.2f", row.seconds.last ?? 0)) s, \(outcome.termination): " + solves.joined(separator: "; "))
                    }
                    let changes = outcome.plan.changes ?? []
                    row.changes.append(changes.count)
                    row.disruption.append(changes.filter { $0.forcedByEvent != true }.count)
                    if outcome.plan.status == .optimal { row.proven += 1 }
                    if outcome.phases.count > row.widestSolves {
                        row.widestSolves = outcome.phases.count
                        row.widest = outcome.phases.last?.name ?? ""
                    }
                    if sample == 0, scratchTimeLimit > 0 {
                        row.scratchChanges = scratch(replanner, batch.changeEvents, outcome)
                    }
                }
                if wanted { rows.append(row) }
            }
        }
        print("")
        printTable(rows)
    }

    /// The changes a from-scratch solve of the changed week makes, counted like the replan's.
    private func scratch(_ replanner: Replanner, _ events: [ChangeEvent], _ outcome: ReplanOutcome) -> String {
        guard let (changed, context) = try? replanner.checkingContext(for: events),
              var fresh = try? Planner(scenario: changed).plan(options: PlannerOptions(timeLimit: scratchTimeLimit)).plan else { return "failed" }
        for (id, reasons) in outcome.applied.cancelledVisits { fresh.visits.append(.unscheduled(id, reasons: reasons)) }
        let calculator = ScoreCalculator(scenario: changed, replan: context)
        let w = changed.objective
        func total(_ b: ScoreBreakdown) -> Int {
            Int((b.moved / w.movedItem).rounded()) + Int((b.changedResource / w.changedResource).rounded())
                + Int((b.changedPerson / w.changedPerson).rounded()) + Int((b.dropped / w.droppedVisit).rounded())
        }
        return "\(total(calculator.breakdown(of: outcome.plan))) / \(total(calculator.breakdown(of: fresh)))"
    }

    private func printTable(_ rows: [Row]) {
        let header = ["visits", "event", "replans", "p50 s", "p95 s", "max s", "changes", "beyond events", "proven", "widest solve", "replan / scratch changes"]
        func line(_ cells: [String]) -> String {
            markdown ? "| " + cells.joined(separator: " | ") + " |" : cells.enumerated().map { i, c in
                c.padding(toLength: [7, 22, 8, 7, 7, 7, 8, 14, 7, 44, 12][i], withPad: " ", startingAt: 0)
            }.joined(separator: " ")
        }
        print(line(header))
        if markdown { print("| " + header.map { _ in "---" }.joined(separator: " | ") + " |") }
        for row in rows {
            let sorted = row.seconds.sorted()
            func quantile(_ q: Double) -> String {
                guard !sorted.isEmpty else { return "–" }
                return String(format: "%.2f", sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * q).rounded(.up)))])
            }
            let mean: ([Int]) -> String = { $0.isEmpty ? "–" : String(format: "%.1f", Double($0.reduce(0, +)) / Double($0.count)) }
            print(line([String(row.size), row.kind, String(row.seconds.count), quantile(0.5), quantile(0.95),
                        sorted.last.map { String(format: "%.2f", $0) } ?? "–", mean(row.changes), mean(row.disruption),
                        "\(row.proven)/\(row.seconds.count)", row.widest, row.scratchChanges]))
        }
    }
}
