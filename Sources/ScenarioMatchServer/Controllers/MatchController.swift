import Foundation
import Hummingbird
import ScenarioMatch

/// `POST /v1/match`: a company profile in, the CLI's `match` answer out.
struct MatchController<Context: RequestContext> {
    let holder: MatcherHolder
    let configuration: ServerConfiguration

    static var defaultTop: Int { 10 }
    static var maximumTop: Int { 100 }

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("match", use: match)
    }

    @Sendable func match(_ request: Request, context: Context) async throws -> Response {
        let top = try request.integerQuery("top", default: Self.defaultTop, in: 1...Self.maximumTop)
        let district = request.query("district")
        let domain = request.query("domain")
        let body = try await request.utf8Body(limit: configuration.maxBodyBytes)
        let company: Company
        do throws(FieldError) {
            company = try Company(fields: JSONFields(jsonText: body))
        } catch {
            throw APIError(error)
        }
        let matcher = holder.current.matcher
        let filter = ScenarioFilter(domain: domain, district: district)
        let keep: ((Scenario) -> Bool)? = filter == ScenarioFilter() ? nil : { filter.accepts($0) }
        let matches = matcher.match(company, top: top, constraints: configuration.constraints(), where: keep)
        let answer = MatchAnswer(companyID: company.id, matches: matches)
        return JSONBody.response(data: try answer.render())
    }
}
