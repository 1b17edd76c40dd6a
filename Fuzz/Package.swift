// swift-tools-version:6.0
// libFuzzer targets for Aftermath's parsers. A separate package so the main build never needs
// -sanitize=fuzzer; build and run them with Fuzz/run (see the README, "Fuzzing").
import PackageDescription

let package = Package(
    name: "AftermathFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(name: "FuzzFrontMatter", dependencies: [.product(name: "AftermathCore", package: "main")]),
        .executableTarget(name: "FuzzSchema", dependencies: [.product(name: "AftermathCore", package: "main")]),
        .executableTarget(name: "FuzzMarkdown", dependencies: [.product(name: "AftermathCore", package: "main")]),
    ]
)
