import ArgumentParser
import Foundation
import VisitServer

/// `visitplan store`: work on a server's store as a whole.
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Work on a server's store as a whole.",
        subcommands: [StoreCopyCommand.self])
}

/// `visitplan store copy --from A --to B`: moves every record into an empty store and checks the copy.
struct StoreCopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy every record of a store into an empty one (SQLite to PostgreSQL or back), then compare them all.",
        discussion: """
            Stores: a file or sqlite:FILE (SQLite, created when missing), or postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE. \\
            The target must hold no records (its schema is created or migrated first). Stop the servers using the \\
            source first: what they write during the copy is not copied.
            """)

    @Option(name: .long, help: "The store to copy.")
    var from: String

    @Option(name: .long, help: "The empty store to copy into.")
    var to: String

    func validate() throws {
        _ = try locations()
    }

    private func locations() throws -> (StoreLocation, StoreLocation) {
        let source: StoreLocation
        do { source = try StoreLocation(parsing: from) } catch { throw ValidationError("--from: \(error)") }
        let target: StoreLocation
        do { target = try StoreLocation(parsing: to) } catch { throw ValidationError("--to: \(error)") }
        guard source != target else { throw ValidationError("--from and --to name the same store") }
        return (source, target)
    }

    func run() async throws {
        let (source, target) = try locations()
        if case .sqlite(let path) = source, !FileManager.default.fileExists(atPath: path) {
            printError("visitplan store copy: there is no SQLite database \(path)")
            throw ExitStatus.badInput
        }
        do {
            print(try await StoreCopy.run(from: source, to: target))
        } catch {
            printError("visitplan store copy: \(error)")
            throw ExitCode.failure
        }
    }
}
