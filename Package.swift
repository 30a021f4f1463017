// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "livrev",
    products: [
        .executable(name: "livrev", targets: ["livrev"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.0.0"),
    ],
    targets: [
        // MARK: - System libraries

        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),

        // MARK: - Libraries

        .target(
            name: "MetaAnalysis",
            dependencies: [.product(name: "RealModule", package: "swift-numerics")]
        ),
        // Screening prioritisation: TF-IDF and a linear model, trained from facts the store hands it.
        .target(
            name: "LivrevRanking",
            dependencies: [.product(name: "RealModule", package: "swift-numerics")]
        ),
        // The risk-of-bias tools (domains, levels, the overall algorithm): one list for storage, analysis and figures.
        .target(name: "RiskOfBias"),
        .target(
            name: "LivrevStore", dependencies: ["CSQLite", "LivrevRanking", "RiskOfBias"], plugins: ["EmbedResources"]),
        // The analysis pipeline: an outcome's rows and a specification in, typed results out.
        .target(name: "LivrevAnalysis", dependencies: ["MetaAnalysis", "RiskOfBias"]),
        .target(name: "LivrevReports", dependencies: ["LivrevAnalysis", "MetaAnalysis", "RiskOfBias"]),
        // `livrev serve`: Hummingbird 2, accounts and sessions, the JSON API and the pages. It calls
        // LivrevStore, LivrevAnalysis and LivrevReports; no SQL and no statistics of its own.
        .target(
            name: "LivrevServer",
            dependencies: [
                "LivrevStore",
                "LivrevRanking",
                "LivrevAnalysis",
                "LivrevReports",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "LivrevCommands",
            dependencies: [
                "LivrevServer",
                "LivrevStore",
                "LivrevRanking",
                "MetaAnalysis",
                "LivrevAnalysis",
                "LivrevReports",
                "RiskOfBias",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["EmbedResources"]
        ),

        // MARK: - Build tools

        // Schema/ and Seeds/ compiled into the binary, generated in the build directory on every build.
        .executableTarget(name: "ResourceEmbedder"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["ResourceEmbedder"]),

        // MARK: - Executable

        .executableTarget(name: "livrev", dependencies: ["LivrevCommands"]),

        // MARK: - Tests

        .testTarget(
            name: "MetaAnalysisTests",
            dependencies: ["MetaAnalysis", .product(name: "RealModule", package: "swift-numerics")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "RiskOfBiasTests", dependencies: ["RiskOfBias"]),
        .testTarget(name: "LivrevAnalysisTests", dependencies: ["LivrevAnalysis", "MetaAnalysis", "RiskOfBias"]),
        .testTarget(name: "LivrevRankingTests", dependencies: ["LivrevRanking"], exclude: ["Fixtures"]),
        .testTarget(name: "LivrevStoreTests", dependencies: ["LivrevStore", "RiskOfBias"], exclude: ["Fixtures"]),
        // Golden files and fixtures are read through #filePath, so they are not bundled.
        .testTarget(name: "LivrevReportsTests", dependencies: ["LivrevReports", "RiskOfBias"], exclude: ["Snapshots"]),
        .testTarget(
            name: "LivrevCommandsTests",
            dependencies: ["LivrevCommands", "LivrevStore", "livrev"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
