// swift-tools-version: 6.1
// Coverage-guided fuzz targets for ConsultCore, built only by `fuzz/run.sh` (libFuzzer and AddressSanitizer):
// the package at the root never builds them, so `swift build` and `swift test` stay fast and need no sanitizer.
import PackageDescription

/// One executable per fuzz target; `fuzz/run.sh` names them by short names (`loader`, `expression`, `yes-no`…).
let targets = [
    "FuzzLoader", "FuzzExpression", "FuzzYesNo", "FuzzChoice", "FuzzNumber", "FuzzDate", "FuzzText",
    "FuzzTranscript", "FuzzSession", "FuzzJournal",
]

let package = Package(
    name: "ConsultFuzz",
    dependencies: [
        .package(name: "Consult", path: ".."),
    ],
    targets: [
        // libFuzzer's driver, declared for Swift; the sanitizer runtime defines it.
        .systemLibrary(name: "CLibFuzzer"),
        // The bundled consultation, sessions played from lines, and the properties the targets check.
        .target(
            name: "FuzzSupport",
            dependencies: ["CLibFuzzer", .product(name: "ConsultCore", package: "Consult")]
        ),
    ] + targets.map { name in
        .executableTarget(name: name, dependencies: ["FuzzSupport", .product(name: "ConsultCore", package: "Consult")])
    },
    swiftLanguageModes: [.v6]
)
