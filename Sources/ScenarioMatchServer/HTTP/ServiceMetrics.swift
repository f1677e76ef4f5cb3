import Dispatch
import Hummingbird
import Prometheus

/// The service's Prometheus registry: requests by route, method and status, a latency
/// histogram by route, and the catalog's size. One registry per app, so tests never share
/// counters through a global.
public final class ServiceMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()

    static var requests: MetricNameDescriptor { MetricNameDescriptor(
        namespace: "scenario_match", metricName: "http_requests", unitName: "total",
        helpText: "HTTP requests answered, by route pattern, method and status code.") }
    static var duration: MetricNameDescriptor { MetricNameDescriptor(
        namespace: "scenario_match", metricName: "http_request_duration", unitName: "seconds",
        helpText: "Time from request head to response head, by route pattern and method.") }
    static var scenarios: MetricNameDescriptor { MetricNameDescriptor(
        namespace: "scenario_match", metricName: "catalog_scenarios", unitName: "",
        helpText: "Scenarios in the catalog the matcher currently serves.") }
    static var generation: MetricNameDescriptor { MetricNameDescriptor(
        namespace: "scenario_match", metricName: "catalog_generation", unitName: "",
        helpText: "Matcher rebuilds published since start.") }
    static var companies: MetricNameDescriptor { MetricNameDescriptor(
        namespace: "scenario_match", metricName: "registry_companies", unitName: "",
        helpText: "Companies in the registry loaded with --companies (0 when none).") }

    static let buckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
    ]

    public init() {}

    func record(route: String, method: HTTPRequest.Method, status: HTTPResponse.Status, nanoseconds: UInt64) {
        registry.makeCounter(descriptor: Self.requests,
                             labels: [("route", route), ("method", method.rawValue), ("status", String(status.code))])
            .increment()
        registry.makeDurationHistogram(descriptor: Self.duration, labels: [("route", route), ("method", method.rawValue)],
                                       buckets: Self.buckets)
            .recordNanoseconds(Int64(clamping: nanoseconds))
    }

    /// Prometheus text format, with the catalog gauges read at scrape time.
    func exposition(snapshot: MatcherSnapshot) -> [UInt8] {
        registry.makeGauge(descriptor: Self.scenarios).set(Double(snapshot.catalog.count))
        registry.makeGauge(descriptor: Self.generation).set(Double(snapshot.generation))
        registry.makeGauge(descriptor: Self.companies).set(Double(snapshot.registry?.companies.count ?? 0))
        return registry.emitToBuffer()
    }
}

/// Counts each request under its route pattern (`/v1/scenarios/{id}`, not the raw path, so
/// the label set stays small) once the inner middleware has turned errors into responses.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServiceMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        let response = try await next(request, context)
        let route = context.endpointPath.flatMap { $0 == "NotFound" ? nil : Self.openAPIPath($0) } ?? "unmatched"
        metrics.record(route: route, method: request.method, status: response.status,
                       nanoseconds: DispatchTime.now().uptimeNanoseconds &- start)
        return response
    }

    /// Hummingbird writes captures as `:id`; the spec and the labels use `{id}`.
    static func openAPIPath(_ path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map { part in
            part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}
