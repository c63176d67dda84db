// swift-tools-version: 6.1
// visitplan — plans client visits with a mixed-integer model solved by GLPK.
// Licensed GPL-3.0-or-later (it links GLPK, which is GPL-3.0).
import PackageDescription

let collections = Target.Dependency.product(name: "OrderedCollections", package: "swift-collections")

let package = Package(
    name: "visitplan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "visitplan", targets: ["visitplan"]),
        .executable(name: "scale-ladder", targets: ["ScaleLadder"]),
        .executable(name: "replan-bench", targets: ["ReplanBench"]),
        .executable(name: "options-bench", targets: ["OptionsBench"]),
        .executable(name: "property-run", targets: ["PropertyRun"]),
        .executable(name: "visit-fuzz", targets: ["VisitFuzz"]),
        .executable(name: "load-bench", targets: ["LoadBench"]),
        .library(name: "VisitPlanner", targets: ["VisitPlanner"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        // The C library, through Debian's libglpk-dev (no pkg-config file is shipped).
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        // A small, safe modelling layer over GLPK. Knows nothing of visits.
        .target(name: "MILP", dependencies: ["CGLPK", collections]),
        // Scenario, loading, validation, plan, change events and the independent checker. Knows nothing of GLPK.
        .target(name: "VisitDomain", dependencies: [.product(name: "Yams", package: "Yams"), collections,
                                                   .product(name: "SwiftCSV", package: "SwiftCSV")]),
        // Builds the MILP from a scenario, solves it and reads the plan back.
        .target(name: "VisitPlanner", dependencies: ["MILP", "VisitDomain", collections]),
        // Applies change events to a plan with minimal disruption.
        .target(name: "VisitReplanner", dependencies: ["VisitPlanner", "VisitDomain", "MILP", collections]),
        // Plans what-if variants of a scenario side by side.
        .target(name: "VisitWhatIf", dependencies: ["VisitPlanner", "VisitDomain", collections]),
        // The HTTP server, its store and the calendar page.
        .target(
            name: "VisitServer",
            dependencies: [
                "VisitPlanner", "VisitReplanner", "VisitWhatIf", "VisitDomain",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                collections,
            ],
            resources: [.copy("Public")]
        ),
        // The command-line shell.
        .executableTarget(name: "visitplan", dependencies: [
            "VisitPlanner", "VisitReplanner", "VisitWhatIf", "VisitServer", "VisitDomain",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The benchmark ladder: a seeded scenario generator and the runner that prints the table.
        .target(name: "ScenarioGenerator", dependencies: ["VisitDomain", collections], path: "benchmarks/ScenarioGenerator"),
        .executableTarget(
            name: "ScaleLadder",
            dependencies: ["ScenarioGenerator", "VisitPlanner", "VisitDomain", "MILP",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "benchmarks/ScaleLadder"
        ),
        // Replanning against a from-scratch solve of the same changed scenario.
        .executableTarget(
            name: "ReplanBench",
            dependencies: ["VisitReplanner", "VisitPlanner", "VisitDomain", "ScenarioGenerator",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "benchmarks/ReplanBench"
        ),
        // The ranked options of a visit (issue 14), timed for every visit of a week.
        .executableTarget(
            name: "OptionsBench",
            dependencies: ["VisitReplanner", "VisitPlanner", "VisitDomain",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "benchmarks/OptionsBench"
        ),
        // Several server instances on one PostgreSQL database under load (issue 16).
        .executableTarget(
            name: "LoadBench",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "benchmarks/LoadBench"
        ),
        // Property tests (issue 12): plan generated weeks, replan after random change events, check every plan.
        .target(name: "PropertyCheck", dependencies: ["ScenarioGenerator", "VisitPlanner", "VisitReplanner", "VisitDomain"],
                path: "benchmarks/PropertyCheck"),
        .executableTarget(
            name: "PropertyRun",
            dependencies: ["PropertyCheck", "ScenarioGenerator", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "benchmarks/PropertyRun"
        ),
        // Fuzzing: the input surfaces driven from bytes (Fuzz/FuzzHarness), and the libFuzzer entry point or
        // replay tool around them (Fuzz/VisitFuzz); scripts/fuzz builds and runs them, Fuzz/corpus keeps the inputs.
        .target(name: "FuzzHarness", dependencies: ["VisitDomain", "VisitPlanner", "VisitReplanner", "VisitWhatIf"],
                path: "Fuzz/FuzzHarness"),
        .executableTarget(name: "VisitFuzz", dependencies: ["FuzzHarness"], path: "Fuzz/VisitFuzz"),
        .testTarget(name: "MILPTests", dependencies: ["MILP"]),
        .testTarget(name: "FuzzReplayTests", dependencies: ["FuzzHarness"]),
        .testTarget(name: "VisitDomainTests", dependencies: ["VisitDomain", "ScenarioGenerator"], resources: [.copy("Fixtures")]),
        .testTarget(name: "VisitPlannerTests", dependencies: ["VisitPlanner", "VisitDomain", "ScenarioGenerator"]),
        .testTarget(name: "VisitReplannerTests", dependencies: ["VisitReplanner", "VisitPlanner", "VisitDomain",
                                                              "ScenarioGenerator", "PropertyCheck"]),
        .testTarget(name: "VisitWhatIfTests", dependencies: ["VisitWhatIf", "VisitPlanner", "VisitDomain"]),
        .testTarget(name: "VisitServerTests", dependencies: [
            "VisitServer", "VisitDomain", "VisitPlanner", "ScenarioGenerator",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
    ]
)
