import Foundation
import Testing
@testable import VisitServer

/// Secrets on disk are readable by the server's user only, from the moment they exist (issue 12,
/// finding 7): the token file and the database with its WAL and shared-memory files.
@Suite struct PrivateFileTests {
    static func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("visitplan-private-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func theTokenFileIsCreatedPrivate() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("db.tokens.yaml").path
        try TokenSources.write(TokenSources.generate(hosts: ["li.wei"]), to: path)
        #expect(try Self.mode(path) == 0o600)
        #expect(try TokenSources.load(file: path).tokens.count == 3)
        // Never written over: a second write fails rather than truncating a file someone else made.
        #expect(throws: (any Error).self) { try TokenSources.write(TokenSources.generate(hosts: []), to: path) }
        // No temporary file with a wider mode was left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["db.tokens.yaml"])
    }

    @Test func theDatabaseAndItsWALArePrivate() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("store.sqlite").path
        let store = try SQLiteStore(path: path)
        _ = store
        for file in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            #expect(try Self.mode(dir.appendingPathComponent(file).path) & 0o077 == 0, "\(file)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).contains("store.sqlite-wal"))
    }
}
