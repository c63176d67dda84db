import Foundation
import Testing
import FuzzHarness

/// Replays what the fuzzers kept through the same surfaces they drove: every input that once
/// crashed, trapped, hung or blew up (Fuzz/regressions/SURFACE) and every corpus input
/// (Fuzz/corpus/SURFACE). A regression that comes back kills this test process, so the suite fails.
@Suite struct FuzzReplayTests {
    static let fuzzRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Fuzz").standardizedFileURL

    static func inputs(_ folder: String, _ surface: FuzzSurface) -> [URL] {
        let dir = fuzzRoot.appendingPathComponent(folder).appendingPathComponent(surface.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.sorted().filter { !$0.hasPrefix(".") }.map { dir.appendingPathComponent($0) }
    }

    @Test(arguments: FuzzSurface.allCases)
    func regressionsStayFixed(_ surface: FuzzSurface) throws {
        for url in Self.inputs("regressions", surface) { surface.run(try Data(contentsOf: url)) }
    }

    @Test(arguments: FuzzSurface.allCases)
    func corpusRunsClean(_ surface: FuzzSurface) throws {
        let corpus = Self.inputs("corpus", surface)
        for url in corpus { surface.run(try Data(contentsOf: url)) }
    }

    /// The seeds are real inputs: they must load, or the fuzzers would start from nothing useful.
    @Test func seedsAreValidInputs() throws {
        let repo = Self.fuzzRoot.deletingLastPathComponent()
        let demo = try String(contentsOf: repo.appendingPathComponent("scenarios/demo-week.yaml"), encoding: .utf8)
        #expect(FuzzSurface.scenario.run(Data(demo.utf8)))
        let events = try String(contentsOf: repo.appendingPathComponent("scenarios/events/busy-monday.yaml"), encoding: .utf8)
        #expect(FuzzSurface.events.run(Data(events.utf8)))
        #expect(!FuzzSurface.events.run(Data("- {type: nonsense}".utf8)))
    }
}
