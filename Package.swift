// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "coach",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "coach", targets: ["coach"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    .target(
      name: "CoachCore",
      dependencies: [
        .product(name: "Yams", package: "Yams"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    .target(
      name: "CoachStore",
      dependencies: [
        "CoachCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]
    ),
    .executableTarget(
      name: "coach",
      dependencies: [
        "CoachCore", "CoachStore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(
      name: "CoachCoreTests",
      dependencies: ["CoachCore", .product(name: "Yams", package: "Yams")],
      exclude: ["Matching/paraphrases.tsv"]
    ),
    .testTarget(
      name: "CoachStoreTests",
      dependencies: ["CoachStore", "CoachCore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    .testTarget(
      name: "CoachCLITests", dependencies: ["CoachCore", "coach", "TestSupport"], exclude: ["Golden", "Fixtures"]),
  ]
)
