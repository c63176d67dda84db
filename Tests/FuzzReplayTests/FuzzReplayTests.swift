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

    /// An even sample of each corpus (at most 120 inputs, the same every run): the whole corpora
    /// take minutes in a debug build; `scripts/fuzz --seconds 0` replays them all.
    @Test(arguments: FuzzSurface.allCases)
    func corpusSampleRunsClean(_ surface: FuzzSurface) throws {
        let corpus = Self.inputs("corpus", surface)
        let step = max(1, corpus.count / 120)
        for url in stride(from: 0, to: corpus.count, by: step).map({ corpus[$0] }) { surface.run(try Data(contentsOf: url)) }
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
