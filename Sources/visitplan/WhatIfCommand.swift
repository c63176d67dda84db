import ArgumentParser
import Foundation
import VisitDomain
import VisitPlanner
import VisitWhatIf

/// `visitplan whatif FILE`: plans the base scenario and every variant of a what-if file, in
/// parallel, and compares them.
struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Plan each what-if variant of a base scenario and compare the plans.",
        discussion: """
        The what-if file names a base scenario (relative to the file's folder) and variants that add, remove or set \
        parts of it or scale its demand (FORMAT.md "What-if variants"). The base and every variant are planned, \
        --jobs at a time, and compared: visits scheduled, score, catering cost, utilisation, solve status and time, \
        the visits whose outcome differs from the base, and the base plan's bottlenecks.
        """)

    /// Output formats of the comparison.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, html
    }

    @Argument(help: "What-if file (.yaml, .yml or .json).")
    var file: String

    @OptionGroup(title: "Solver limits (for each plan)")
    var limits: SolveLimits

    @Option(name: .long, help: "Plans solved at the same time (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Output format: text (a table), json (for programs) or html (a page with charts).")
    var format: Format = .text

    @Option(name: .shortAndLong, help: "Write the comparison here instead of standard output.")
    var output: String?

    @Option(name: .long, help: "Also write each run's scenario and plan JSON into this folder (NAME.scenario.json, NAME.plan.json).")
    var plansDir: String?

    @Flag(name: .long, help: "Print no progress on standard error.")
    var quiet = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let study: WhatIfStudy
        do {
            study = try WhatIfStudy.load(path: file)
        } catch {
            printError(String(describing: error))
            throw ExitStatus.badInput
        }
        let quiet = self.quiet
        if !quiet {
            printError("planning the base and \(study.variants.count) variant\(study.variants.count == 1 ? "" : "s"), \(jobs) at a time")
        }
        var options = WhatIfOptions(timeLimit: limits.seconds(default: 60), relativeGap: limits.gap, jobs: jobs)
        if !quiet { options.progress = Self.report }
        let result = study.run(options: options)
        if !quiet { printError(String(format: "all %d plans in %.2f s wall time", result.runs.count, result.comparison.wallSeconds)) }
        if let plansDir { try writePlans(result, to: plansDir) }
        switch format {
        case .text: try emit(ComparisonText(result.comparison).render(), to: output)
        case .json: try emit(encodeJSON(result.comparison), to: output)
        case .html: try emit(ComparisonHTML(result.comparison).render(), to: output)
        }
        if result.comparison.hasFailures { throw ExitStatus.noPlan }
    }

    /// One line on standard error per finished run.
    @Sendable private static func report(_ p: WhatIfProgress) {
        let outcome = p.error.map { "failed: \($0)" } ?? "\(p.status.rawValue), \(p.scheduled ?? 0) of \(p.visits ?? 0) visits scheduled"
        printError("  [\(p.finished)/\(p.total)] \(p.name) done in \(String(format: "%.2f", p.seconds)) s: \(outcome)")
    }

    private func writePlans(_ result: WhatIfResult, to folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            printError("cannot create \(folder): \(error.localizedDescription)")
            throw ExitStatus.badInput
        }
        for run in result.runs {
            let stem = (folder as NSString).appendingPathComponent(run.fileStem)
            try emit(run.scenarioJSON, to: stem + ".scenario.json")
            if let plan = run.plan { try emit(encodeJSON(plan), to: stem + ".plan.json") }
        }
    }
}
