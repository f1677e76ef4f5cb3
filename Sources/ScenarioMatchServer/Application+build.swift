import Foundation
import Hummingbird
import Logging
import ScenarioMatch

/// The request context of every route.
public typealias AppRequestContext = BasicRequestContext

/// Builds the whole service from a configuration: the store (seeded on first start), the
/// matcher, the routes and the server. `serve` runs what this returns; the tests build the
/// very same app.
public func buildApplication(_ configuration: ServerConfiguration) async throws -> Application<RouterResponder<AppRequestContext>> {
    var logger = Logger(label: "scenario-match")
    logger.logLevel = configuration.logLevel
    switch configuration.storage {
    case .inMemory:
        return try await buildApplication(configuration, repository: InMemoryCatalogRepository(), logger: logger)
    case .sqlite(let path):
        return try await buildApplication(configuration, repository: SQLiteCatalogRepository(path: path), logger: logger)
    }
}

/// The same over a repository of the caller's choice.
public func buildApplication(_ configuration: ServerConfiguration, repository: some CatalogRepository,
                             logger: Logger = Logger(label: "scenario-match")) async throws -> Application<RouterResponder<AppRequestContext>> {
    let holder = try await prepareMatcher(configuration, repository: repository, logger: logger)
    let router = buildRouter(configuration, repository: repository, holder: holder, metrics: ServiceMetrics())
    let onServerRunning = configuration.onServerRunning
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "scenario-match"),
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? configuration.port
            logger.info("scenario-match serving on http://\(configuration.host):\(port)/")
            await onServerRunning?(port)
        },
        logger: logger
    )
}

/// Seeds an empty store (from `seedScenariosPath`, else the bundled catalog when it is there),
/// reads the registry, and builds the first matcher.
public func prepareMatcher(_ configuration: ServerConfiguration, repository: some CatalogRepository,
                           logger: Logger = Logger(label: "scenario-match")) async throws -> MatcherHolder {
    // The registry first: a bad registry file stops the start before anything is written.
    let companies = try configuration.companiesPath.map { path throws(InputError) in try CompanyFiles.read(path: path) }
    if try await repository.count() == 0 {
        let path = configuration.seedScenariosPath ?? ServerConfiguration.defaultScenariosPath
        if configuration.seedScenariosPath != nil || FileManager.default.fileExists(atPath: path) {
            let seed = try RecordFiles.scenarios(path: path)
            let summary = try await repository.upsert(seed)
            logger.info("seeded the empty catalog with \(summary.inserted) scenarios from \(path)")
        } else {
            logger.warning("the catalog is empty and \(path) does not exist: POST /v1/scenarios to fill it")
        }
    } else if let path = configuration.seedScenariosPath {
        logger.info("the catalog already holds scenarios: \(path) is not read (it seeds an empty store only)")
    }
    let catalog = try await repository.all()
    let holder = MatcherHolder(catalog: catalog, model: configuration.model, lexicon: configuration.lexicon, companies: companies)
    logger.info("matcher ready: \(catalog.count) scenarios\(companies.map { ", \($0.count) registry companies" } ?? "")")
    return holder
}

/// Every route, in one place; `openapi.yaml` describes exactly these (a test checks both ways).
public func buildRouter(_ configuration: ServerConfiguration, repository: some CatalogRepository,
                        holder: MatcherHolder, metrics: ServiceMetrics) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: RequestMetricsMiddleware(metrics: metrics))
    router.add(middleware: JSONErrorMiddleware())

    WebController(page: WebPage()).addRoutes(to: router)
    SystemController(holder: holder, metrics: metrics).addRoutes(to: router)

    let v1 = router.group("v1")
    MatchController(holder: holder, configuration: configuration).addRoutes(to: v1)
    ScenariosController(repository: repository, holder: holder, configuration: configuration).addRoutes(
        reads: v1.group("scenarios"),
        writes: v1.group("scenarios").add(middleware: BearerTokenMiddleware(token: configuration.token)))
    return router
}
