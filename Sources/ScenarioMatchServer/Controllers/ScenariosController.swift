import Foundation
import Hummingbird
import ScenarioMatch

/// The catalog: reads for anyone, writes behind the bearer token. Every write is followed by
/// a matcher rebuild, so a scenario POSTed now is matched by the next request.
struct ScenariosController<Repository: CatalogRepository, Context: RequestContext> {
    let repository: Repository
    let holder: MatcherHolder
    let configuration: ServerConfiguration

    static var defaultPerPage: Int { 20 }
    static var maximumPerPage: Int { 100 }

    func addRoutes(reads: RouterGroup<Context>, writes: RouterGroup<Context>) {
        reads.get(use: list)
        reads.get(":id", use: scenario)
        reads.get(":id/companies", use: companies)
        writes.post(use: upsert)
        writes.patch(":id", use: update)
    }

    // MARK: Reads

    struct ListAnswer: Encodable {
        var items: [Scenario]
        var total: Int
        var page: Int
        var per_page: Int
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        var filter = ScenarioFilter(domain: request.query("domain"), district: request.query("district"))
        if let status = request.query("status") {
            guard let s = Scenario.Status(rawValue: status) else {
                throw APIError.badRequest("expected 'open' or 'closed', got '\(status.prefix(40))'", field: "status")
            }
            filter.status = s
        }
        let page = try request.integerQuery("page", default: 1, in: 1...1_000_000)
        let perPage = try request.integerQuery("per_page", default: Self.defaultPerPage, in: 1...Self.maximumPerPage)
        let found = try await repository.list(filter, page: page, perPage: perPage)
        return JSONBody.response(ListAnswer(items: found.items, total: found.total, page: page, per_page: perPage))
    }

    @Sendable func scenario(_ request: Request, context: Context) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let s = try await repository.scenario(id: id) else { throw Self.unknown(id) }
        return JSONBody.response(s)
    }

    struct CompaniesAnswer: Encodable {
        struct Item: Encodable {
            var rank: Int
            var company_id: String
            var name: String
            var score: Double
            var reasons: [String]
        }
        var scenario_id: String
        var title: String
        var companies: [Item]
    }

    /// The reverse direction: the registry's best companies for one scenario. Company-side
    /// constraints (eligible districts, qualifications) hold; the scenario's own status and
    /// deadline do not hide it here, since whoever asks already chose it.
    @Sendable func companies(_ request: Request, context: Context) async throws -> Response {
        let id = try context.parameters.require("id")
        let top = try request.integerQuery("top", default: 10, in: 1...100)
        let snapshot = holder.current
        guard let j = snapshot.positions[id] else { throw Self.unknown(id) }
        guard let registry = snapshot.registry else {
            throw APIError.notFound("no company registry is loaded: start the server with --companies FILE", field: "companies")
        }
        let scenario = snapshot.catalog[j]
        var constraints = configuration.constraints()
        constraints.includeClosed = true
        constraints.includeExpired = true
        let hits = registry.best(forScenario: j, k: top, matcher: snapshot.matcher, constraints: constraints)
        return JSONBody.response(CompaniesAnswer(
            scenario_id: scenario.id, title: scenario.title,
            companies: hits.enumerated().map { r, h in
                .init(rank: r + 1, company_id: h.company.id, name: h.company.name,
                      score: (Double(h.score) * 1e6).rounded() / 1e6, reasons: h.reasons)
            }), pretty: true)
    }

    static func unknown(_ id: String) -> APIError {
        APIError.notFound("no scenario with id '\(id.prefix(80))'", field: "id")
    }

    // MARK: Writes

    struct UpsertAnswer: Encodable {
        var inserted: Int
        var updated: Int
        var total: Int
        var ids: [String]
    }

    @Sendable func upsert(_ request: Request, context: Context) async throws -> Response {
        let scenarios = try Self.parseScenarios(try await request.utf8Body(limit: configuration.maxBodyBytes))
        let summary = try await repository.upsert(scenarios)
        try await holder.reload(from: repository)
        context.logger.info("upserted \(scenarios.count) scenarios (\(summary.inserted) new)")
        return JSONBody.response(UpsertAnswer(inserted: summary.inserted, updated: summary.updated,
                                              total: try await repository.count(), ids: scenarios.map(\.id)),
                                 status: summary.inserted > 0 ? .created : .ok)
    }

    @Sendable func update(_ request: Request, context: Context) async throws -> Response {
        let id = try context.parameters.require("id")
        let body = try await request.utf8Body(limit: configuration.maxBodyBytes)
        let (status, deadline) = try Self.parsePatch(body)
        guard let updated = try await repository.update(id: id, status: status, deadline: deadline) else { throw Self.unknown(id) }
        try await holder.reload(from: repository)
        return JSONBody.response(updated)
    }

    // MARK: Parsing

    /// One object, a JSON array of objects, or JSONL (one object per line). Every scenario is
    /// validated before any is written; an error names the field and the record (array
    /// position or line, from 1).
    static func parseScenarios(_ body: Data) throws(APIError) -> [Scenario] {
        var scenarios: [Scenario] = []
        if body.first(where: { !Request.isJSONWhitespace($0) }) == UInt8(ascii: "[") {
            let value: Any
            do { value = try JSONSerialization.jsonObject(with: body) } catch {
                throw APIError.badRequest("invalid JSON array (\((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "could not parse"))", field: "body")
            }
            guard let array = value as? [Any] else { throw APIError.badRequest("expected a JSON array of scenarios", field: "body") }
            for (i, element) in array.enumerated() {
                guard let object = element as? [String: Any] else {
                    throw APIError(.badRequest, "expected a JSON object", field: "body", record: i + 1)
                }
                do throws(FieldError) { scenarios.append(try Scenario(fields: JSONFields(object))) } catch {
                    throw APIError(error, record: i + 1)
                }
            }
        } else {
            let lines = body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            let records = lines.enumerated().filter { !$0.element.allSatisfy(Request.isJSONWhitespace) }
            if records.count <= 1 {
                do throws(FieldError) { scenarios.append(try Scenario(fields: JSONFields(jsonText: body))) } catch {
                    throw APIError(error)
                }
            } else {
                // A pretty-printed single object spans lines too: try it whole before reading lines.
                if let whole = try? JSONFields(jsonText: body) {
                    do throws(FieldError) { scenarios.append(try Scenario(fields: whole)) } catch { throw APIError(error) }
                } else {
                    for (index, line) in records {
                        do throws(FieldError) { scenarios.append(try Scenario(fields: JSONFields(jsonText: Data(line)))) } catch {
                            throw APIError(error, record: index + 1)
                        }
                    }
                }
            }
        }
        guard !scenarios.isEmpty else { throw APIError.badRequest("no scenarios in the body", field: "body") }
        var seen: [String: Int] = [:]
        for (i, s) in scenarios.enumerated() {
            if let first = seen[s.id] {
                throw APIError(.badRequest, "duplicate id '\(s.id)' (first in record \(first))", field: "id", record: i + 1)
            }
            seen[s.id] = i + 1
        }
        return scenarios
    }

    static var patchable: Set<String> { ["status", "deadline"] }

    /// `{"status": "open"|"closed", "deadline": "YYYY-MM-DD"|null}`, at least one of them.
    static func parsePatch(_ body: Data) throws(APIError) -> (Scenario.Status?, String??) {
        let fields: JSONFields
        do throws(FieldError) { fields = try JSONFields(jsonText: body) } catch { throw APIError(error) }
        if let other = fields.object.keys.sorted().first(where: { !patchable.contains($0) }) {
            throw APIError.badRequest("only status and deadline can be changed here; POST the whole scenario to change the rest", field: other)
        }
        guard !fields.object.isEmpty else { throw APIError.badRequest("nothing to change: give status and/or deadline", field: "body") }
        var status: Scenario.Status?
        var deadline: String??
        do throws(FieldError) {
            if fields.object["status"] != nil {
                guard let text = try fields.optionalString("status"), let s = Scenario.Status(rawValue: text) else {
                    throw FieldError(field: "status", "expected 'open' or 'closed'")
                }
                status = s
            }
            if let value = fields.object["deadline"] {
                deadline = value is NSNull ? .some(nil) : .some(try fields.optionalDate("deadline"))
            }
        } catch {
            throw APIError(error)
        }
        return (status, deadline)
    }
}
