// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Consult",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "consult", targets: ["consult"]),
        .library(name: "ConsultCore", targets: ["ConsultCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // GNU readline, reached only through the executable's line editor.
        .systemLibrary(
            name: "CReadline",
            pkgConfig: "readline",
            providers: [.apt(["libreadline-dev"])]
        ),
        // Everything that is not terminal I/O: dialogs, validation, the state machine, summaries.
        .target(
            name: "ConsultCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "consult",
            dependencies: [
                "ConsultCore",
                "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Times the FAQ retrieval in release: benchmarks/faq-retrieval.sh.
        .executableTarget(
            name: "faq-retrieval-benchmark",
            dependencies: ["ConsultCore"],
            path: "benchmarks/FAQRetrievalBenchmark"
        ),
        // Times one turn (read, step, render) over whole consultations in release: benchmarks/per-turn.sh.
        .executableTarget(
            name: "turn-benchmark",
            dependencies: ["ConsultCore"],
            path: "benchmarks/TurnBenchmark"
        ),
        .testTarget(
            name: "ConsultCoreTests",
            dependencies: ["ConsultCore"],
            resources: [.copy("Fixtures")]
        ),
        // The executable's own logic that needs no terminal: how the patient commands read their arguments.
        .testTarget(
            name: "ConsultLaunchTests",
            dependencies: [
                "consult",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Runs the built `consult` binary on pseudo-terminals and pipes (see Tests/ConsultCLITests/Support).
        .testTarget(
            name: "ConsultCLITests",
            dependencies: ["ConsultCore"],
            // Golden screen transcripts, read from the source tree by path (see PersonaTests).
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
