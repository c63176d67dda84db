import Foundation
import Testing

/// Runs the built `visitplan` executable and captures what it prints.
struct CommandLineTool: Sendable {
    let executable: URL

    /// The exit status and output of one run.
    struct Run: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `visitplan` built beside this test binary (whatever scratch path the build used), else in
    /// the repository's `.build-plannertests` or `.build`; nil when none exists. `swift build
    /// --build-tests` builds every product, so it is normally beside the tests.
    static func locate() -> CommandLineTool? {
        var candidates: [URL] = []
        if let runner = Bundle.main.executableURL ?? URL(string: "file://" + (CommandLine.arguments.first ?? "")) {
            // Linux: <scratch>/<triple>/debug/<Package>PackageTests.xctest; macOS: the same inside a bundle.
            var directory = runner.deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(directory.appendingPathComponent("visitplan"))
                directory = directory.deletingLastPathComponent()
            }
        }
        for scratch in [".build-plannertests", ".build"] {
            candidates.append(TestScenarios.repositoryRoot.appendingPathComponent(scratch).appendingPathComponent("debug/visitplan"))
        }
        let found = candidates.first { url in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && FileManager.default.isExecutableFile(atPath: url.path)
        }
        return found.map(CommandLineTool.init(executable:))
    }

    /// Runs `visitplan arguments...`; output goes through temporary files, so a large plan cannot
    /// fill a pipe and stall the run.
    func run(_ arguments: [String]) throws -> Run {
        let scratch = try TemporaryDirectory()
        let out = scratch.url.appendingPathComponent("stdout"), err = scratch.url.appendingPathComponent("stderr")
        try Data().write(to: out)
        try Data().write(to: err)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Run(status: process.terminationStatus,
                   stdout: try String(contentsOf: out, encoding: .utf8),
                   stderr: try String(contentsOf: err, encoding: .utf8))
    }
}

/// A fresh directory under the system's temporary directory, removed when the value goes away.
final class TemporaryDirectory: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("visitplanner-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the directory.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `text` to `name` inside the directory and returns its path.
    func write(_ text: String, to name: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
