import Foundation
import Testing
@testable import VisitDomain

/// Files that cannot be read at all: `ScenarioError.unreadable` with a clear reason.
struct LoaderErrorTests {
    private func unreadableReason(_ body: () throws -> Scenario) -> (file: String, reason: String)? {
        do {
            _ = try body()
            return nil
        } catch let error as ScenarioError {
            if case .unreadable(let file, let reason) = error { return (file, reason) }
            return nil
        } catch {
            return nil
        }
    }

    @Test func missingFile() {
        let result = unreadableReason { try ScenarioLoader.load(path: "/no/such/week.yaml") }
        #expect(result?.file == "/no/such/week.yaml")
        #expect(result?.reason == "no such file")
        #expect(ScenarioError.unreadable(file: "/no/such/week.yaml", reason: "no such file").description
                == "/no/such/week.yaml: cannot read the file: no such file")
    }

    @Test func directoryIsNotAFile() {
        let result = unreadableReason { try ScenarioLoader.load(path: NSTemporaryDirectory()) }
        #expect(result?.reason == "this is a directory, not a file")
    }

    @Test func yamlSyntaxErrorNamesLineAndColumn() throws {
        let path = LoaderFixtures.path("broken-syntax.yaml")
        let result = try #require(unreadableReason { try ScenarioLoader.load(path: path) })
        #expect(result.file == path)
        #expect(result.reason.hasPrefix("YAML syntax error at line 5, column 4: "), "\(result.reason)")
    }

    @Test func yamlErrorsInText() throws {
        let tab = try #require(unreadableReason { try ScenarioLoader.parse("name: x\nrooms: [R-1\n", format: .yaml, file: "t.yaml") })
        #expect(tab.file == "t.yaml" && tab.reason.contains("line 3"), "\(tab.reason)")
        let duplicate = try #require(unreadableReason {
            try ScenarioLoader.parse("name: a\nname: b\n", format: .yaml, file: "t.yaml")
        })
        #expect(duplicate.reason.contains("repeats the field \"name\""), "\(duplicate.reason)")
    }

    @Test func jsonSyntaxErrorThroughLoad() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("visitplan-loader-\(UUID().uuidString).json")
        try "{\n  \"name\": \"x\",\n  \"rooms\": [\n}\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try #require(unreadableReason { try ScenarioLoader.load(path: url.path) })
        #expect(result.reason == "JSON syntax error at line 4, column 1: unexpected character \"}\", expected a value")
    }

    @Test func nonUTF8File() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("visitplan-loader-\(UUID().uuidString).yaml")
        try Data([0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(unreadableReason { try ScenarioLoader.load(path: url.path) }?.reason == "the file is not UTF-8 text")
    }
}
