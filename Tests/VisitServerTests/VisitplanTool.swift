import Foundation

/// The `visitplan` executable built beside this test binary (`swift build --build-tests` builds
/// every product), run as a separate process.
enum VisitplanTool {
    /// The executable, or nil when it was not built.
    static func executable() -> URL? {
        guard let runner = Bundle.main.executableURL ?? URL(string: "file://" + (CommandLine.arguments.first ?? "")) else { return nil }
        var directory = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("visitplan")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    /// The exit status and output of one run.
    struct Run: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `visitplan arguments...` to its end, its output through files in `folder`.
    static func run(_ executable: URL, _ arguments: [String], folder: URL) throws -> Run {
        let out = folder.appendingPathComponent("stdout-\(UUID().uuidString)"), err = folder.appendingPathComponent("stderr-\(UUID().uuidString)")
        try Data().write(to: out)
        try Data().write(to: err)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["VISITPLAN_DB"] = nil
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8),
                   stderr: try String(contentsOf: err, encoding: .utf8))
    }
}
