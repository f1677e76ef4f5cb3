import Foundation
import Hummingbird
import ScenarioMatch
@testable import ScenarioMatchServer
import Testing

@Suite("Server: openapi.yaml")
struct OpenAPITests {
    static var specPath: String { ServerFixtures.root.appendingPathComponent("openapi.yaml").path }

    /// Validates the spec with openapi-spec-validator and prints its operations as `METHOD /path` lines.
    static let script = """
    import sys
    try:
        from openapi_spec_validator import validate
        from openapi_spec_validator.readers import read_from_filename
    except ImportError:
        sys.exit("openapi-spec-validator is not installed: run `bash scripts/setup.sh --test` (pip install openapi-spec-validator)")
    spec, _ = read_from_filename(sys.argv[1])
    validate(spec)
    methods = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
    for path, item in spec["paths"].items():
        for method in item:
            if method in methods:
                print(method.upper(), path)
    """

    @Test("openapi.yaml is a valid OpenAPI document, and its operations are exactly the app's routes")
    func specMatchesRoutes() async throws {
        // The python3 on PATH is the one scripts/setup.sh installs packages for.
        let python = try #require(Self.which("python3"), "python3 is not on PATH: run `bash scripts/setup.sh --test`")
        let result = try ServerFixtures.run(URL(fileURLWithPath: python), ["-c", Self.script, Self.specPath])
        try #require(result.status == 0, "openapi-spec-validator rejected openapi.yaml (or is missing): \(result.stderr)")
        let specified = Set(result.stdout.split(separator: "\n").map(String.init))

        let holder = MatcherHolder(catalog: [], model: nil, lexicon: nil, companies: nil)
        let router = buildRouter(ServerFixtures.configuration(), repository: InMemoryCatalogRepository(), holder: holder, metrics: ServiceMetrics())
        let registered = Set(router.routes.map { "\($0.method.rawValue) \(RequestMetricsMiddleware<AppRequestContext>.openAPIPath($0.path.description))" })

        #expect(!registered.isEmpty)
        #expect(registered.subtracting(specified).isEmpty, "routes missing from openapi.yaml: \(registered.subtracting(specified).sorted())")
        #expect(specified.subtracting(registered).isEmpty, "operations in openapi.yaml the app does not serve: \(specified.subtracting(registered).sorted())")
    }

    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
