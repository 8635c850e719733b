// swift-tools-version: 6.2
import PackageDescription

let package = Package(
  name: "blumeops",
  products: [
    .executable(name: "blumeops", targets: ["blumeops"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
  ],
  targets: [
    .systemLibrary(
      name: "CYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"])]
    ),
    .systemLibrary(name: "CLinux"),
    .target(
      name: "BlumeopsCore",
      dependencies: ["CYAML", .product(name: "SystemPackage", package: "swift-system")]),
    .target(
      name: "BlumeopsRunner",
      dependencies: ["BlumeopsCore", "CLinux"]
    ),
    .target(
      name: "BlumeopsDocs", dependencies: ["BlumeopsCore", "CLinux"]),
    .executableTarget(
      name: "blumeops",
      dependencies: [
        "BlumeopsCore", "BlumeopsRunner", "BlumeopsDocs", "CLinux",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
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
