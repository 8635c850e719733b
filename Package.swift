// swift-tools-version: 6.2
import PackageDescription

/// Metadata for concrete types through direct accessors rather than from mangled names at run
/// time: a type built from its name has its generic requirements looked up, and each first lookup
/// scans every protocol conformance in the binary. Those scans were the largest known share of a
/// short command's cold start (a docs check on 100 docs).
let fastStart: [SwiftSetting] = [
  .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"])
]

let package = Package(
  name: "blumeops",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "blumeops", targets: ["blumeops"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    .systemLibrary(
      name: "CYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
    ),
    .systemLibrary(name: "CLinux"),
    .target(name: "BlumeopsCore", dependencies: ["CYAML"], swiftSettings: fastStart),
    .target(
      name: "BlumeopsRunner",
      dependencies: ["BlumeopsCore", "CLinux"],
      swiftSettings: fastStart
    ),
    .target(
      name: "BlumeopsDocs", dependencies: ["BlumeopsCore", "CLinux"], swiftSettings: fastStart),
    .executableTarget(
      name: "blumeops",
      dependencies: [
        "BlumeopsCore", "BlumeopsRunner", "BlumeopsDocs", "CLinux",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: fastStart
    ),
    .testTarget(name: "BlumeopsCoreTests", dependencies: ["BlumeopsCore"]),
    .testTarget(name: "BlumeopsRunnerTests", dependencies: ["BlumeopsRunner"]),
    .testTarget(name: "BlumeopsDocsTests", dependencies: ["BlumeopsDocs"]),
    .testTarget(
      name: "BlumeopsEndToEndTests", dependencies: ["blumeops"],
      // Expected outputs, read from the source tree by path rather than bundled.
      exclude: ["Golden"]),
  ]
)
