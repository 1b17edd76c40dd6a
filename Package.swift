// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Aftermath",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "aftermath", targets: ["aftermath"]),
        .library(name: "AftermathCore", targets: ["AftermathCore"]),
        .library(name: "AftermathEngine", targets: ["AftermathEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Markdown bodies in reports (HTML): a small, dependency-free renderer.
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    ],
    targets: [
        // libgit2 from the system (Debian: libgit2-dev); only AftermathGit imports it.
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        // libcurl from the system (Debian: libcurl4-openssl-dev); only AftermathTrackers imports it.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"]), .brew(["curl"])]
        ),
        // The pure domain: parsing, schemas, rules, reporters. No git, no terminal, no globals.
        .target(
            name: "AftermathCore",
            dependencies: [.product(name: "Yams", package: "Yams"), .product(name: "Ink", package: "Ink")]
        ),
        // Storage edges: the working tree and git (through libgit2) behind the core's Snapshot protocol.
        .target(
            name: "AftermathGit",
            dependencies: ["CLibGit2", "AftermathCore"]
        ),
        // The engine every front end calls: opens a repository at a snapshot and decides how a
        // run reads it (summaries, listings, git), validates, lists, shows and edits.
        .target(
            name: "AftermathEngine",
            dependencies: ["AftermathCore", "AftermathGit"]
        ),
        // Tracker APIs (Jira, GitHub, GitLab) over libcurl; only `bugs` uses it. libcurl itself
        // rather than URLSession, whose Linux implementation (libcurl underneath) can be given
        // neither a CA bundle nor a proxy.
        .target(
            name: "AftermathTrackers",
            dependencies: ["CCurl", "AftermathCore"]
        ),
        // `aftermath lsp`: the protocol layer (Protocol/) apart from the features (Features/).
        .target(
            name: "AftermathLanguageServer",
            dependencies: ["AftermathCore", "AftermathGit", "AftermathEngine"]
        ),
        .executableTarget(
            name: "aftermath",
            dependencies: [
                "AftermathCore",
                "AftermathGit",
                "AftermathEngine",
                "AftermathTrackers",
                "AftermathLanguageServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Generated file-name sets (Unicode forms, case, bytes that are not UTF-8) shared by the
        // core's and the CLI's path-identity tests.
        .target(
            name: "PathVariants",
            dependencies: ["AftermathCore"],
            path: "Tests/PathVariants"
        ),
        .testTarget(
            name: "AftermathCoreTests",
            dependencies: ["AftermathCore", "PathVariants"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "AftermathEngineTests",
            dependencies: ["AftermathEngine", "AftermathCore", "PathVariants"]
        ),
        .testTarget(
            name: "AftermathGitTests",
            dependencies: ["AftermathGit", "AftermathCore"]
        ),
        .testTarget(
            name: "AftermathLanguageServerTests",
            dependencies: ["AftermathLanguageServer", "AftermathCore"]
        ),
        .testTarget(
            name: "aftermathTests",
            dependencies: ["PathVariants", "aftermath", "AftermathCore"]
        ),
    ]
)
