import Foundation
import Hummingbird
import HummingbirdTesting
import ScenarioMatch
@testable import ScenarioMatchServer
import Testing

@Suite("Server: read routes")
struct ReadRouteTests {
    @Test("GET /healthz reports ok and the catalog size")
    func health() async throws {
        let app = try await buildApplication(ServerFixtures.configuration())
        try await app.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                let json = try response.object()
                #expect(json["status"] as? String == "ok")
                #expect(json["scenarios"] as? Int == 8)
                #expect(json["generation"] as? Int == 0)
            }
        }
    }

    @Test("GET /v1/scenarios pages in insertion order and reports the total")
    func listPages() async throws {
        let app = try await buildApplication(ServerFixtures.configuration())
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/scenarios", method: .get) { response in
                let json = try response.object()
                #expect(json["total"] as? Int == 8)
                #expect((json["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == (1...8).map { "F-0\($0)" })
                #expect(json["page"] as? Int == 1 && json["per_page"] as? Int == 20)
            }
            try await client.execute(uri: "/v1/scenarios?page=2&per_page=3", method: .get) { response in
                let json = try response.object()
                #expect(json["total"] as? Int == 8)
                #expect((json["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["F-04", "F-05", "F-06"])
            }
            try await client.execute(uri: "/v1/scenarios?page=9&per_page=3", method: .get) { response in
                let json = try response.object()
                #expect(json["total"] as? Int == 8 && (json["items"] as? [Any])?.isEmpty == true)
            }
        }
    }

    @Test("GET /v1/scenarios filters by domain, district and status", arguments: [
        ("domain=低空经济", ["F-03", "F-04"]),
        ("district=余杭区", ["F-01"]),
        ("status=closed", ["F-05"]),
        ("domain=人形机器人&status=open", ["F-01", "F-02", "F-06", "F-07"]),
        ("domain=量子科技", []),
    ])
    func listFilters(query: String, expected: [String]) async throws {
        let app = try await buildApplication(ServerFixtures.configuration())
        let encoded = query.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/scenarios?\(encoded)", method: .get) { response in
                let json = try response.object()
                #expect((json["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == expected)
                #expect(json["total"] as? Int == expected.count)
            }
        }
    }

    @Test("Bad list parameters are 400s naming the parameter", arguments: [
        ("status=pending", "status"), ("page=0", "page"), ("per_page=0", "per_page"), ("per_page=101", "per_page"), ("page=x", "page"),
    ])
    func listBadParameters(query: String, field: String) async throws {
        let app = try await buildApplication(ServerFixtures.configuration())
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/scenarios?\(query)", method: .get) { response in
                try response.expectError(.badRequest, field: field)
            }
        }
    }

    @Test("GET /v1/scenarios/{id}: the scenario in contract JSON, or a JSON 404")
    func one() async throws {
        let app = try await buildApplication(ServerFixtures.configuration())
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/scenarios/F-08", method: .get) { response in
                #expect(response.status == .ok)
                let json = try response.object()
                #expect(json["id"] as? String == "F-08")
                #expect(json["qualifications"] as? [String] == ["专精特新小巨人"])
                #expect(json["status"] as? String == "open")
                #expect(json["deadline"] as? String == "2027-06-30")
            }
            try await client.execute(uri: "/v1/scenarios/NOPE-1", method: .get) { response in
                try response.expectError(.notFound, field: "id")
            }
        }
    }

    @Test("GET /v1/scenarios/{id}/companies ranks the registry for one scenario, constraints held")
    func reverse() async throws {
        let app = try await buildApplication(ServerFixtures.configuration(companies: ServerFixtures.companies))
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/scenarios/F-01/companies?top=2", method: .get) { response in
                #expect(response.status == .ok)
                let json = try response.object()
                #expect(json["scenario_id"] as? String == "F-01")
                let companies = try #require(json["companies"] as? [[String: Any]])
                #expect(companies.count == 2)
                #expect(companies.first?["company_id"] as? String == "RC-1")
                #expect(companies.map { $0["rank"] as? Int } == [1, 2])
                #expect(companies.allSatisfy { ($0["reasons"] as? [String])?.isEmpty == false })
            }
            // Only 滨江区 companies may answer F-07.
            try await client.execute(uri: "/v1/scenarios/F-07/companies", method: .get) { response in
                let companies = try #require(try response.object()["companies"] as? [[String: Any]])
                #expect(companies.compactMap { $0["company_id"] as? String } == ["RC-3"])
            }
            // F-08 asks for 专精特新小巨人: RC-4 alone holds it.
            try await client.execute(uri: "/v1/scenarios/F-08/companies", method: .get) { response in
                let companies = try #require(try response.object()["companies"] as? [[String: Any]])
                #expect(companies.compactMap { $0["company_id"] as? String } == ["RC-4"])
            }
            try await client.execute(uri: "/v1/scenarios/NOPE/companies", method: .get) { response in
                try response.expectError(.notFound, field: "id")
            }
            try await client.execute(uri: "/v1/scenarios/F-01/companies?top=0", method: .get) { response in
                try response.expectError(.badRequest, field: "top")
            }
        }
    }

    @Test("Without --companies the reverse route is a JSON 404 naming companies")
    func reverseWithoutRegistry() async throws {
        let app = try await buildApplication(ServerFixtures.configuration())
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/scenarios/F-01/companies", method: .get) { response in
                try response.expectError(.notFound, field: "companies")
            }
        }
    }

    @Test("The reverse score equals the forward score for the same pair")
    func reverseScoreIsForwardScore() async throws {
        let catalog = try RecordFiles.scenarios(path: ServerFixtures.catalog)
        let companies = try RecordFiles.companies(path: ServerFixtures.companies)
        let snapshot = MatcherHolder(catalog: catalog, model: nil, lexicon: nil, companies: companies).current
        let constraints = Constraints(today: ServerFixtures.today, includeClosed: true, includeExpired: true)
        let hits = snapshot.registry!.best(forScenario: 0, k: 4, matcher: snapshot.matcher, constraints: constraints)
        for hit in hits {
            let forward = snapshot.matcher.match(hit.company, top: 8, constraints: constraints)
            let same = try #require(forward.first { $0.scenario.id == catalog[0].id })
            #expect(abs(same.score - hit.score) < 1e-4)
        }
    }

    @Test("GET /metrics: request counts by route and status, a latency histogram, the catalog size")
    func metrics() async throws {
        let app = try await buildApplication(ServerFixtures.configuration())
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/scenarios/F-01", method: .get)
            try await client.execute(uri: "/v1/scenarios/F-02", method: .get)
            try await client.execute(uri: "/v1/scenarios/NOPE", method: .get)
            try await client.execute(uri: "/v1/match", method: .post, body: ByteBuffer(string: "{"))
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
                let text = response.text
                #expect(text.contains(#"scenario_match_http_requests_total{route="/v1/scenarios/{id}",method="GET",status="200"} 2"#), "\(text)")
                #expect(text.contains(#"scenario_match_http_requests_total{route="/v1/scenarios/{id}",method="GET",status="404"} 1"#))
                #expect(text.contains(#"scenario_match_http_requests_total{route="/v1/match",method="POST",status="400"} 1"#))
                #expect(text.contains(#"scenario_match_http_request_duration_seconds_bucket{route="/v1/scenarios/{id}",method="GET",le="#))
                #expect(text.contains("scenario_match_catalog_scenarios 8"))
                #expect(text.contains("# TYPE scenario_match_http_request_duration_seconds histogram"))
            }
        }
    }

    @Test("Unknown routes and methods answer JSON 4xx")
    func unknownRoutes() async throws {
        let app = try await buildApplication(ServerFixtures.configuration())
        try await app.test(.router) { client in
            try await client.execute(uri: "/nowhere", method: .get) { response in
                try response.expectError(.notFound, field: "path")
            }
            try await client.execute(uri: "/v1/scenarios/F-01", method: .delete) { response in
                #expect((400..<500).contains(response.status.code))
                let json = try response.object()
                #expect(json["error"] is String)
            }
        }
    }
}

@Suite("Server: web page")
struct WebPageTests {
    @Test("GET / is a Chinese page with the form, filters and the example profile; its CSS and JS are served")
    func page() async throws {
        let app = try await buildApplication(ServerFixtures.configuration())
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = response.text
                #expect(html.contains("<html lang=\"zh-CN\">"))
                #expect(html.contains("城市机会场景匹配"))
                #expect(html.contains("id=\"filter-district\"") && html.contains("id=\"filter-domain\"") && html.contains("id=\"top\""))
                #expect(html.contains("<option value=\"余杭区\">余杭区</option>"))
                #expect(html.contains("<option value=\"低空经济\">低空经济</option>"))
                #expect(html.contains("杭州巡岳智能科技有限公司"))
                #expect(html.contains("/assets/app.css") && html.contains("/assets/app.js"))
            }
            try await client.execute(uri: "/assets/app.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(response.text.contains(".bar"))
            }
            try await client.execute(uri: "/assets/app.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                #expect(response.text.contains("/v1/match"))
            }
        }
    }

    @Test("The page's example is Datasets/examples/company.json, and it is a valid profile")
    func exampleIsTheDatasetExample() throws {
        let file = try JSONSerialization.jsonObject(with: ServerFixtures.read(ServerFixtures.root.appendingPathComponent("Datasets/examples/company.json").path)) as? NSDictionary
        let embedded = try JSONSerialization.jsonObject(with: Data(WebPage.exampleProfile.utf8)) as? NSDictionary
        #expect(file != nil && file == embedded)
        _ = try Company(fields: JSONFields(jsonText: Data(WebPage.exampleProfile.utf8)))
    }
}
