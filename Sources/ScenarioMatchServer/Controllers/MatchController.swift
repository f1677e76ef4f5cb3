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
        let constraints = configuration.constraints()
        let answer: MatchAnswer
        if district == nil && domain == nil {
            answer = MatchAnswer(companyID: company.id, matches: matcher.match(company, top: top, constraints: constraints))
        } else {
            let items = matcher.matchItems(company, top: top, constraints: constraints) { s in
                (district == nil || s.district == district) && (domain == nil || s.domains.contains(domain!))
            }
            answer = MatchAnswer(companyID: company.id, items: items)
        }
        return JSONBody.response(data: try answer.render())
    }
}
