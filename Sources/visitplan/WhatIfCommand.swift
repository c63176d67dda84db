import ArgumentParser

/// `visitplan whatif` (being written).
struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "whatif", abstract: "(being written)")
}
