// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "Jixiao",
  products: [
    .library(name: "Jixiao", targets: ["Jixiao"]),
    .executable(name: "jixiao", targets: ["JixiaoCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
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
    .target(name: "Jixiao", dependencies: ["CICU"]),
    .executableTarget(
      name: "JixiaoCLI",
      dependencies: [
        "Jixiao",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "JixiaoTests",
      dependencies: [
        "Jixiao",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
  ]
)
