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

        // MARK: Executables
        .executableTarget(
            name: "scenario-match",
            dependencies: [
                "ScenarioMatch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Tests
        .testTarget(
            name: "ScenarioMatchTests",
            dependencies: ["ScenarioMatch", "scenario-match"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
