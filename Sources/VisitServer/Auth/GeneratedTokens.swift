import Foundation
import VisitDomain

/// Tokens for a server started without any: a file next to the database
/// (`visitplan.sqlite.tokens.yaml`), created on the first start with a coordinator token, a
/// planner token and one token per host of the seed scenario, and read again on later starts
/// (so calendar subscriptions keep working).
public enum GeneratedTokens {
    /// The registry, the file it lives in, and whether the file was created just now.
    public struct Outcome: Sendable {
        public var registry: TokenRegistry
        public var file: String
        public var created: Bool
    }

    public static func loadOrCreate(databasePath: String, seed: SeedScenario, publicDirectory: String?) throws -> Outcome {
        let file = databasePath + ".tokens.yaml"
        if FileManager.default.fileExists(atPath: file) {
            return Outcome(registry: try TokenSources.load(file: file), file: file, created: false)
        }
        let tokens = TokenSources.generate(hosts: try hosts(of: seed, publicDirectory: publicDirectory))
        try TokenSources.write(tokens, to: file)
        return Outcome(registry: try TokenRegistry(tokens), file: file, created: true)
    }

    /// The staff ids with role host in the seed scenario.
    static func hosts(of seed: SeedScenario, publicDirectory: String?) throws -> [String] {
        let scenario: Scenario
        switch seed {
        case .none: return []
        case .text(let text, let format): scenario = try ScenarioLoader.parse(text, format: format, file: "seed scenario")
        case .demoWeek:
            let folder = try WebFiles.resourceDirectory(override: publicDirectory)
            scenario = try ScenarioLoader.load(path: folder.appendingPathComponent("demo-week.yaml").path)
        }
        return scenario.staff.filter { $0.has(.host) }.map(\.id)
    }
}
