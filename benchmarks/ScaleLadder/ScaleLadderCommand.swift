import ArgumentParser
import Foundation
import MILP
import ScenarioGenerator
import VisitPlanner

/// `scale-ladder`: plans generated weeks of growing size, and optionally the reference weeks, each
/// in its own process, and prints model size, times, scores, bounds, gaps and peak memory.
struct ScaleLadderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scale-ladder",
        abstract: "Plan generated weeks of growing size (and reference weeks) and print how the planner scales.",
        discussion: """
        Each week is planned in a child process of this program, so the peak memory shown is that \
        plan's alone. Every plan is checked by the independent PlanChecker. See benchmarks/README.md.
        """)

    @Option(help: "Comma-separated sizes of the generated weeks, in visits (empty: none).")
    var sizes = "10,25,50,100,200,400"

    @Option(help: "Seed of the generated weeks (the same seed gives the same weeks on every machine).")
    var seed: UInt64 = 1

    @Flag(help: "Generate tight weeks, with fewer resources and a smaller budget, where not every visit fits.")
    var tight = false

    @Option(help: "Sites of the generated weeks' company (1 to 5): each site with its own buildings, resources and people, the visits shared out among them.")
    var sites = 1

    @Option(help: "Seconds the solver may spend on each week.")
    var timeLimit: Double = 60

    @Option(help: "Stop a week when the relative gap between score and bound is below this (the planner's default).")
    var gap: Double = 1e-4

    @Option(help: ArgumentHelp("Also plan every .yaml and .json scenario in this directory and compare with the best known scores in its BEST.md.",
                               valueName: "dir"))
    var reference: String?

    @Flag(help: "Print GitHub Markdown tables (for benchmarks/README.md).")
    var markdown = false

    @Option(help: ArgumentHelp("Write each generated week into this directory as YAML (FORMAT.md).", valueName: "dir"))
    var writeScenarios: String?

    @Option(help: "How to plan each week: automatic, monolithic (one model) or decomposed (by day).")
    var strategy: PlanningStrategy = .automatic

    @Flag(help: "Plan each generated week twice, monolithic and decomposed, and print both side by side.")
    var compare = false

    @Flag(help: "Turn GLPK's cutting planes off.")
    var noCuts = false

    @Flag(help: "Solve the LP relaxations without scaling rows and columns first.")
    var noScaling = false

    @Flag(help: "Turn GLPK's feasibility pump on.")
    var feasibilityPump = false

    @Flag(help: "Turn GLPK's proximity search on.")
    var proximitySearch = false

    @Option(help: "GLPK's branching: ffv, lfv, mfv, dth (default) or pch.")
    var branching: String = "dth"

    @Option(help: "GLPK's backtracking: dfs, bfs, blb (default) or bph.")
    var backtracking: String = "blb"

    @Option(help: ArgumentHelp("Keep each plan's search under this resident memory where it can: neighbourhoods side by side only while it allows (PlannerOptions.memoryLimitMiB).", valueName: "MiB"))
    var memoryLimit: Int?

    @Option(help: .hidden)
    var single: Int?

    @Option(help: .hidden)
    var singleFile: String?

    func validate() throws {
        _ = try parsedSizes()
        guard (1...5).contains(sites) else { throw ValidationError("--sites must be from 1 to 5") }
        if let memoryLimit, !(64...1_048_576).contains(memoryLimit) { throw ValidationError("--memory-limit must be from 64 to 1048576 MiB") }
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds") }
        guard gap >= 0, gap < 1 else { throw ValidationError("--gap must be from 0 to below 1 (e.g. 0.01 for 1 %)") }
        _ = try search()
        if let reference {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: reference, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--reference \(reference): no such directory")
            }
        }
    }

    func parsedSizes() throws -> [Int] {
        try sizes.split(separator: ",").map { part in
            let text = part.trimmingCharacters(in: .whitespaces)
            guard let size = Int(text), size >= 1 else {
                throw ValidationError("--sizes: \"\(text)\" is not a number of visits (use e.g. 10,25,50)")
            }
            return size
        }
    }

    func run() throws {
        let settings = LadderRun.Settings(timeLimit: timeLimit, relativeGap: gap, strategy: strategy, search: try search(),
                                          memoryLimitMiB: memoryLimit)
        if let single {
            return try printRow(LadderRun.generated(visits: single, seed: seed, tight: tight, sites: sites, settings: settings))
        }
        if let singleFile { return try printRow(LadderRun.file(singleFile, settings: settings)) }

        let sizes = try parsedSizes()
        if let writeScenarios { try write(sizes: sizes, to: writeScenarios) }
        print("scale-ladder: seed \(seed), \(tight ? "tight" : "normal") weeks\(sites > 1 ? " of \(sites) sites" : ""), time limit \(format(timeLimit)) s and gap \(gap) per week")
        print("machine: \(Machine.description)")
        print("each week is planned in its own process; peak MiB is that process's VmHWM\n")
        fflush(nil)   // before the children write to the terminal

        var all: [LadderRow] = []
        if compare && !sizes.isEmpty {
            let pairs = sizes.map { size in
                let arguments = ["--single", "\(size)"] + generatedArguments
                return (monolithic: rung(label: label(size), visits: size, arguments: arguments, strategy: .monolithic),
                        decomposed: rung(label: label(size), visits: size, arguments: arguments, strategy: .decomposed))
            }
            all += pairs.flatMap { [$0.monolithic, $0.decomposed] }
            print(markdown ? "### Monolithic against decomposed (\(tight ? "tight" : "normal"), seed \(seed))\n" : "Monolithic against decomposed")
            print(LadderTable.comparison(pairs).render(markdown: markdown))
            printNotes(pairs.flatMap { [$0.monolithic, $0.decomposed] }, best: [:])
            fflush(nil)
        } else if !sizes.isEmpty {
            let rows = sizes.map { size in
                rung(label: label(size), visits: size, arguments: ["--single", "\(size)"] + generatedArguments)
            }
            all += rows
            print(markdown ? "### Generated weeks (\(tight ? "tight" : "normal"), seed \(seed))\n" : "Generated weeks")
            print(LadderTable.generated(rows).render(markdown: markdown))
            printNotes(rows, best: [:])
            fflush(nil)   // before the children write to the terminal
        }
        if let reference {
            let best = (try? String(contentsOfFile: (reference as NSString).appendingPathComponent("BEST.md"), encoding: .utf8))
                .map(BestKnown.parse) ?? [:]
            let rows = try referenceFiles(in: reference).map { path in
                rung(label: (path as NSString).lastPathComponent, visits: 0, arguments: ["--single-file", path])
            }
            all += rows
            print(markdown ? "### Reference weeks\n" : "Reference weeks (\(reference))")
            print(LadderTable.reference(rows, best: best).render(markdown: markdown))
            if best.isEmpty { print("(no BEST.md table found in \(reference))\n") }
            printNotes(rows, best: best)
        }
        if all.contains(where: { $0.accepted == false || ["error", "crashed", "timed out", "input error"].contains($0.status) }) {
            throw ExitCode(1)
        }
    }

    // MARK: Parts

    /// The child's arguments that choose the generated week, besides its size.
    private var generatedArguments: [String] {
        ["--seed", "\(seed)"] + (tight ? ["--tight"] : []) + (sites > 1 ? ["--sites", "\(sites)"] : [])
    }

    /// A generated rung's label: its size, and its sites when more than one (`1000 (3 sites)`).
    private func label(_ size: Int) -> String { sites > 1 ? "\(size) (\(sites) sites)" : "\(size)" }

    private func rung(label: String, visits: Int, arguments: [String], strategy: PlanningStrategy? = nil) -> LadderRow {
        let strategy = strategy ?? self.strategy
        FileHandle.standardError.write(Data("planning \(label) (\(strategy.rawValue))…\n".utf8))
        let row = ChildProcess.run(arguments: arguments + ["--time-limit", "\(timeLimit)", "--gap", "\(gap)"] + childOptions(strategy),
                                   label: label, visits: visits, deadline: timeLimit * 4 + 600)
        FileHandle.standardError.write(Data("  \(row.status) in \(LadderTable.seconds(row.finalSeconds)) s\n".utf8))
        return row
    }

    /// The strategy and GLPK settings, as the child's arguments.
    private func childOptions(_ strategy: PlanningStrategy) -> [String] {
        var arguments = ["--strategy", strategy.rawValue, "--branching", branching, "--backtracking", backtracking]
        if noCuts { arguments.append("--no-cuts") }
        if noScaling { arguments.append("--no-scaling") }
        if feasibilityPump { arguments.append("--feasibility-pump") }
        if proximitySearch { arguments.append("--proximity-search") }
        if let memoryLimit { arguments += ["--memory-limit", "\(memoryLimit)"] }
        return arguments
    }

    /// GLPK's settings from the options.
    func search() throws -> SearchSettings {
        var search = SearchSettings(cuts: !noCuts, feasibilityPump: feasibilityPump, proximitySearch: proximitySearch, scaling: !noScaling)
        let branchings: [String: Branching] = ["ffv": .firstFractional, "lfv": .lastFractional, "mfv": .mostFractional,
                                               "dth": .driebeckTomlin, "pch": .hybridPseudoCost]
        let backtrackings: [String: Backtracking] = ["dfs": .depthFirst, "bfs": .breadthFirst, "blb": .bestLocalBound, "bph": .bestProjection]
        guard let b = branchings[branching] else { throw ValidationError("--branching must be one of ffv, lfv, mfv, dth, pch") }
        guard let t = backtrackings[backtracking] else { throw ValidationError("--backtracking must be one of dfs, bfs, blb, bph") }
        search.branching = b
        search.backtracking = t
        return search
    }

    private func printRow(_ row: LadderRow) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        print(String(decoding: try encoder.encode(row), as: UTF8.self))
    }

    private func write(sizes: [Int], to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for size in sizes {
            let generator = ScenarioGenerator(visits: size, seed: seed, tight: tight, sites: sites)
            let path = (directory as NSString).appendingPathComponent(generator.name + ".yaml")
            try generator.yaml().write(toFile: path, atomically: true, encoding: .utf8)
            FileHandle.standardError.write(Data("wrote \(path)\n".utf8))
        }
    }

    /// The scenario files of a reference directory, by name.
    private func referenceFiles(in directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { ["yaml", "yml", "json"].contains(($0 as NSString).pathExtension.lowercased()) }
            .sorted { $0.localizedStandardCompare($1) == .orderedAscending }
            .map { (directory as NSString).appendingPathComponent($0) }
    }

    /// What the lead should look at: no plan in time, solver and checker disagreeing, rejected
    /// plans, failures, and bounds below a known score.
    private func printNotes(_ rows: [LadderRow], best: [String: BestKnown]) {
        var notes: [String] = []
        for r in rows {
            if r.foundNoPlan { notes.append("\(r.label): GLPK found no plan within \(format(timeLimit)) s; the empty plan is shown") }
            if let objective = r.modelObjective, let score = r.score, !r.foundNoPlan, abs(objective - score) > 1e-3 * max(1, abs(score)) {
                notes.append("\(r.label): the solver's objective \(format(objective)) differs from the checker's score \(format(score))")
            }
            if let message = r.message { notes.append("\(r.label): \(r.status): \(message)") }
            if let known = best[r.label], let bound = r.bound, bound < known.score - 1e-6 * abs(known.score) {
                let shortfall = (known.score - bound) / abs(known.score)
                notes.append("\(r.label): our bound \(format(bound)) is below the best known score \(format(known.score)): "
                             + (r.status == "optimal" && shortfall <= gap
                                ? "within the relative gap \(gap) at which the solver stops and reports its plan as optimal (bound = score)"
                                : "the model forbids plans FORMAT.md allows, or the bound is wrong"))
            }
            if let known = best[r.label], let score = r.score, score > known.score + 1e-6 * abs(known.score) {
                notes.append("\(r.label): new best score \(format(score)) (best known \(format(known.score)))")
            }
        }
        if !notes.isEmpty { print((markdown ? notes.map { "- " + $0 } : notes.map { "note: " + $0 }).joined(separator: "\n") + "\n") }
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e12 ? String(Int(value)) : String(format: "%.2f", value)
    }
}

/// The machine the ladder runs on, for the README: cores, CPU model and memory.
enum Machine {
    static var description: String {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
        var model = "unknown CPU"
        if let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
           let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
           let colon = line.firstIndex(of: ":") {
            model = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return "\(cores) cores, \(model), \(String(format: "%.1f", memory)) GiB memory"
    }
}

extension PlanningStrategy: ExpressibleByArgument {}
