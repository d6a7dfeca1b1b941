// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "Jixiao",
  products: [
    .library(name: "Jixiao", targets: ["Jixiao"]),
    .library(name: "JixiaoBatch", targets: ["JixiaoBatch"]),
    .executable(name: "jixiao", targets: ["JixiaoCLI"]),
    .executable(name: "jixiao-bench", targets: ["JixiaoBenchmark"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    // SQLite output of `jixiao batch` only; the Jixiao library stays free of it.
    .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    // `jixiao serve` only. No traits: neither swift-configuration nor full Foundation is
    // needed, and leaving them out keeps the build shorter.
    .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
  ],
  targets: [
    // ICU behind plain C types: Foundation on Linux ships its own ICU headers, and a Swift
    // module that sees both clashes on UErrorCode. Only cicu.c includes <unicode/…>.
    .target(
      name: "CICU",
      linkerSettings: [
        .linkedLibrary("icui18n"),
        .linkedLibrary("icuuc"),
        .linkedLibrary("icudata"),
      ]
    ),
    // SHA-256 blocks with the x86 SHA extensions, when the processor has them.
    .target(name: "CSHA256"),
    // glibc's malloc settings, which Swift's Glibc module does not expose.
    .target(name: "CAllocator"),
    .target(name: "Jixiao", dependencies: ["CICU", "CSHA256"]),
    // Many documents at once: parallel runner, JSONL/CSV/SQLite writers, progress, summary.
    .target(
      name: "JixiaoBatch",
      dependencies: [
        "Jixiao",
        "CAllocator",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    // `jixiao serve`: the paste-and-check page and the HTTP API, on Hummingbird.
    .target(
      name: "JixiaoServe",
      dependencies: [
        "Jixiao",
        "JixiaoBatch",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ]
    ),
    .executableTarget(
      name: "JixiaoCLI",
      dependencies: [
        "Jixiao",
        "JixiaoBatch",
        "JixiaoServe",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // `swift build -c release && .build/release/jixiao-bench` (Benchmarks/README.md).
    .executableTarget(
      name: "JixiaoBenchmark",
      dependencies: ["Jixiao"],
      path: "Benchmarks/JixiaoBenchmark"
    ),
    .testTarget(
      name: "JixiaoTests",
      dependencies: [
        "Jixiao",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ],
      // Regression inputs and baselines are read through #filePath, not bundled.
      exclude: ["Robustness/Inputs", "Robustness/Baselines"]
    ),
    .testTarget(
      name: "JixiaoBatchTests",
      dependencies: [
        "Jixiao",
        "JixiaoBatch",
        // Built so the tests can drive the real `jixiao` binary through pipes.
        "JixiaoCLI",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    .testTarget(
      name: "JixiaoServeTests",
      dependencies: [
        "Jixiao",
        "JixiaoServe",
        // Built so the tests can compare the API with the real `jixiao` binary's output.
        "JixiaoCLI",
      ]
    ),
  ]
)
