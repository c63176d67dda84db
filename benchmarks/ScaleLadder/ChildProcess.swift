import Foundation

/// Runs one rung of the ladder in a child process of this same program (`--single N` or
/// `--single-file PATH`), so that the peak memory it reports belongs to that plan alone.
enum ChildProcess {
    /// Runs the child with `arguments` and reads the row it prints. The child is stopped after
    /// `deadline` seconds (a safety net far above the solver's time limit).
    static func run(arguments: [String], label: String, visits: Int, deadline: Double) -> LadderRow {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            return .failed(label, visits: visits, status: "error",
                           message: "could not start \(executable.path) for this rung: \(error.localizedDescription)")
        }
        let watchdog = Watchdog(process)
        DispatchQueue.global().asyncAfter(deadline: .now() + deadline) { watchdog.fire() }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.disarm()

        if watchdog.fired {
            return .failed(label, visits: visits, status: "timed out", message: "stopped after \(Int(deadline)) s")
        }
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let how = process.terminationReason == .uncaughtSignal ? "signal \(process.terminationStatus)" : "exit code \(process.terminationStatus)"
            return .failed(label, visits: visits, status: "crashed", message: "the planning process ended with \(how)")
        }
        do {
            return try JSONDecoder().decode(LadderRow.self, from: data)
        } catch {
            return .failed(label, visits: visits, status: "error", message: "unreadable result from the planning process: \(error)")
        }
    }

    /// This program: `/proc/self/exe` on Linux, else the path it was started with.
    static var executable: URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: CommandLine.arguments[0])
    }
}

/// Stops a child process that runs too long, unless disarmed first.
private final class Watchdog: @unchecked Sendable {
    private let process: Process
    private let lock = NSLock()
    private var armed = true
    private var didFire = false

    init(_ process: Process) { self.process = process }

    func fire() {
        lock.lock()
        defer { lock.unlock() }
        guard armed, process.isRunning else { return }
        didFire = true
        process.terminate()
    }

    func disarm() {
        lock.lock()
        armed = false
        lock.unlock()
    }

    var fired: Bool {
        lock.lock()
        defer { lock.unlock() }
        return didFire
    }
}
