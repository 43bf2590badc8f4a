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
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
  ],
  targets: [
    .target(
      name: "CoachCore",
      dependencies: [
        .product(name: "Yams", package: "Yams"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    .target(name: "CoachStoreAPI", dependencies: ["CoachCore"]),
    .target(
      name: "CoachStore",
      dependencies: [
        "CoachCore", "CoachStoreAPI", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]
    ),
    .target(
      name: "CoachPostgres",
      dependencies: [
        "CoachCore", "CoachStoreAPI", .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"), .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
      ]
    ),
    .target(
      name: "CoachApp",
      dependencies: [
        "CoachCore", "CoachStoreAPI", "CoachStore", "CoachPostgres",
        .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .target(
      name: "CoachServer",
      dependencies: [
        "CoachCore", "CoachStoreAPI", "CoachApp", .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "NIOCore", package: "swift-nio"), .product(name: "Logging", package: "swift-log"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ]
    ),
    .executableTarget(
      name: "coach",
      dependencies: [
        "CoachCore", "CoachStoreAPI", "CoachApp", "CoachServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // A release build on Linux links the Swift runtime and Foundation in (as `--static-swift-stdlib` does): each
      // command starts 3–11 ms sooner than when it loads a dozen shared libraries. `-static-stdlib` alone leaves
      // Foundation's own static parts unresolved, because the modules were compiled against the shared runtime, whose
      // link entries name only `Foundation`; they are named here (in a group: their order does not matter). libxml2
      // stays shared, as with the flag. Debug builds (tests, `swift run`) keep the shared runtime.
      linkerSettings: [
        .unsafeFlags(
          [
            "-static-stdlib", "-Xlinker", "--start-group", "-lCoreFoundation", "-l_FoundationICU",
            "-lFoundationEssentials", "-lFoundationInternationalization", "-l_FoundationCShims",
            "-l_FoundationCollections", "-l_CFXMLInterface", "-lxml2", "-lswiftSynchronization", "-Xlinker",
            "--end-group",
          ], .when(platforms: [.linux], configuration: .release))
      ]
    ),
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(
      name: "CoachCoreTests",
      dependencies: ["CoachCore", .product(name: "Yams", package: "Yams")],
      exclude: ["Matching/paraphrases.tsv", "Matching/showroom.tsv", "Matching/showroom-heldout.tsv"]
    ),
    .testTarget(
      name: "CoachStoreTests",
      dependencies: [
        "CoachStore", "CoachStoreAPI", "CoachCore", "CoachPostgres", "TestSupport",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    .testTarget(
      name: "CoachAppTests",
      dependencies: ["CoachApp", "CoachStore", "CoachStoreAPI", "CoachPostgres", "CoachCore", "TestSupport"]),
    .testTarget(
      name: "CoachCLITests", dependencies: ["CoachCore", "CoachPostgres", "coach", "TestSupport"],
      exclude: ["Golden", "Fixtures"]),
    .testTarget(
      name: "CoachServerTests",
      dependencies: [
        "CoachServer", "CoachApp", "CoachStore", "CoachStoreAPI", "CoachCore", "CoachPostgres", "coach", "TestSupport",
        .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Logging", package: "swift-log"), .product(name: "HTTPTypes", package: "swift-http-types"),
      ]
    ),
  ]
)
