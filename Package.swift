// swift-tools-version: 6.1
// visitplan — plans client visits with a mixed-integer model solved by GLPK.
// Licensed GPL-3.0-or-later (it links GLPK, which is GPL-3.0).
import PackageDescription

let package = Package(
    name: "visitplan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "visitplan", targets: ["visitplan"]),
        .library(name: "VisitPlanner", targets: ["VisitPlanner"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The C library, through Debian's libglpk-dev (no pkg-config file is shipped).
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        // A small, safe modelling layer over GLPK. Knows nothing of visits.
        .target(name: "MILP", dependencies: [
            "CGLPK",
            .product(name: "OrderedCollections", package: "swift-collections"),
        ]),
        // Scenario, loading, validation, plan and the independent checker. Knows nothing of GLPK.
        .target(name: "VisitDomain", dependencies: [
            .product(name: "Yams", package: "Yams"),
            .product(name: "OrderedCollections", package: "swift-collections"),
        ]),
        // Builds the MILP from a scenario, solves it and reads the plan back.
        .target(name: "VisitPlanner", dependencies: [
            "MILP", "VisitDomain",
            .product(name: "OrderedCollections", package: "swift-collections"),
        ]),
        // The command-line shell.
        .executableTarget(name: "visitplan", dependencies: [
            "VisitPlanner", "VisitDomain",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "MILPTests", dependencies: ["MILP"]),
        .testTarget(name: "VisitDomainTests", dependencies: ["VisitDomain"], resources: [.copy("Fixtures")]),
        .testTarget(name: "VisitPlannerTests", dependencies: ["VisitPlanner", "VisitDomain"]),
    ]
)
