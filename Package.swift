// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ScenarioMatch",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "ScenarioMatch", targets: ["ScenarioMatch"]),
        .executable(name: "scenario-match", targets: ["scenario-match"]),
    ],
    dependencies: [
        // MARK: Command line and IO
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),

        // MARK: Service (ScenarioMatchServer)
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // MARK: System libraries (Debian's libblas-dev / liblapack-dev; alternatives pick OpenBLAS at run time)
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS"),
        .systemLibrary(name: "CLAPACK", path: "Sources/CLAPACK"),

        // MARK: The library
        .target(
            name: "ScenarioMatch",
            dependencies: ["CBLAS", "CLAPACK"],
            swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]
        ),

        // MARK: The service: the Hummingbird app as a library; `serve` is a CLI subcommand
        .target(
            name: "ScenarioMatchServer",
            dependencies: [
                "ScenarioMatch",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),

        // MARK: Executables
        .executableTarget(
            name: "scenario-match",
            dependencies: [
                "ScenarioMatch",
                "ScenarioMatchServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Tests
        // Running the built binary, shared by both test targets.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "ScenarioMatchTests",
            dependencies: ["ScenarioMatch", "scenario-match", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ScenarioMatchServerTests",
            dependencies: [
                "ScenarioMatchServer",
                "scenario-match",
                "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ]
)
