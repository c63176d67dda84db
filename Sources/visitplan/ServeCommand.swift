import ArgumentParser

/// `visitplan serve` (being written).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "(being written)")
}
