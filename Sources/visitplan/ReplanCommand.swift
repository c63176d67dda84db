import ArgumentParser

/// `visitplan replan` (being written).
struct ReplanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "replan", abstract: "(being written)")
}
