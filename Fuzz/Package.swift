// swift-tools-version:6.0
// libFuzzer targets for Aftermath's parsers and its path identity. A separate package so the main build never needs
// -sanitize=fuzzer; build and run them with Fuzz/run (see docs/fuzzing.md).
import Foundation
import PackageDescription

// A path dependency is identified by its folder name, which depends on where the project is
// checked out; read it rather than assume it.
let aftermath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "AftermathFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(name: "FuzzFrontMatter", dependencies: [.product(name: "AftermathCore", package: aftermath)]),
        .executableTarget(name: "FuzzSchema", dependencies: [.product(name: "AftermathCore", package: aftermath)]),
        .executableTarget(name: "FuzzMarkdown", dependencies: [.product(name: "AftermathCore", package: aftermath)]),
        .executableTarget(name: "FuzzPathIdentity", dependencies: [.product(name: "AftermathCore", package: aftermath)]),
    ]
)
