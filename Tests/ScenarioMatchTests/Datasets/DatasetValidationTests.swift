import Foundation
import Testing
@testable import ScenarioMatch

/// Validates the bundled files under `Datasets/` against the data contract
/// (`/work/shared/spec/DATA.md`) and against what `Datasets/DATASHEET.md` states about them.
/// Everything is read with the library's own readers, so a file that the engine would refuse
/// fails here too; no figure of the data is copied into the test except the datasheet's
/// minimums.
@Suite("Dataset")
struct DatasetValidationTests {
    /// The reference date of the datasheet and of the baseline figure.
    static let today = "2026-11-23"

    /// The folder under test: `Datasets/` of the package, or the folder named by the
    /// environment variable `SCENARIO_MATCH_DATASETS` (to validate a rebuilt or altered copy).
    static var datasetsRoot: URL {
        if let dir = ProcessInfo.processInfo.environment["SCENARIO_MATCH_DATASETS"], !dir.isEmpty {
            return URL(fileURLWithPath: dir)
        }
        return Fixtures.root.appendingPathComponent("Datasets")
    }

    /// One line of a qrels file.
    struct Judgment {
        let split: String
        let company: String
        let scenario: String
        let grade: Int
    }

    /// The contract's files under the datasets folder, read once per test (they are small).
    struct Files {
        let directory: URL
        let scenarios: [Scenario]
        let companies: [Company]
        let csvCompanies: [Company]
        let train: TRECQrels
        let test: TRECQrels

        var scenarioIDs: Set<String> { Set(scenarios.map(\.id)) }
        var companyIDs: Set<String> { Set(companies.map(\.id)) }
        var splits: [(name: String, qrels: TRECQrels)] { [("train", train), ("test", test)] }

        /// Every judgment of both splits as (split, company, scenario, grade).
        var judgments: [Judgment] {
            var out: [Judgment] = []
            for (name, qrels) in splits {
                for q in qrels.queries {
                    for (document, grade) in (qrels.grades[q] ?? [:]).sorted(by: { $0.key < $1.key }) {
                        out.append(Judgment(split: name, company: q, scenario: document, grade: grade))
                    }
                }
            }
            return out
        }

        init() throws {
            let dir = DatasetValidationTests.datasetsRoot
            func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
            directory = dir
            scenarios = try RecordFiles.scenarios(path: path("scenarios.jsonl"))
            companies = try RecordFiles.companies(path: path("companies.jsonl"))
            csvCompanies = try CompanyCSV.readAll(path: path("companies.csv"))
            train = try TRECQrels.read(path: path("qrels/train.txt"))
            test = try TRECQrels.read(path: path("qrels/test.txt"))
        }
    }

    // MARK: Every file reads

    @Test("Every file under Datasets/ reads with the library's readers (ids unique, fields valid)")
    func everyFileReads() throws {
        let root = Self.datasetsRoot
        let enumerator = try #require(FileManager.default.enumerator(atPath: root.path))
        var checked = 0
        for case let relative as String in enumerator {
            let url = root.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let name = url.lastPathComponent
            if name.hasPrefix(".") || name.hasSuffix(".md") { continue }
            do {
                var count = 0
                switch (url.deletingLastPathComponent().lastPathComponent, url.pathExtension) {
                case (_, "jsonl") where name.hasPrefix("scenarios"):
                    count = try RecordFiles.scenarios(path: url.path).count
                case (_, "jsonl") where name.hasPrefix("companies"):
                    count = try RecordFiles.companies(path: url.path).count
                case (_, "csv"):
                    count = try CompanyCSV.readAll(path: url.path).count
                case ("qrels", _):
                    count = try TRECQrels.read(path: url.path).grades.count
                case ("examples", "json"):
                    _ = try RecordFiles.profile(path: url.path)
                    count = 1
                default:
                    Issue.record("Datasets/\(relative): no validator for this file (not part of the contract)")
                    continue
                }
                #expect(count > 0, "Datasets/\(relative) holds no record")
                checked += 1
            } catch {
                Issue.record("Datasets/\(relative) does not read: \(error)")
            }
        }
        // scenarios.jsonl, companies.jsonl, companies.csv, two qrels files, one example profile.
        #expect(checked >= 6, "only \(checked) files validated")
    }

    // MARK: Judgments

    @Test("Every judged company and scenario exists and every grade is 0–3")
    func judgmentsReferToRecords() throws {
        let files = try Files()
        let (companies, scenarios) = (files.companyIDs, files.scenarioIDs)
        for (split, qrels) in files.splits {
            #expect(!qrels.queries.isEmpty, "the \(split) qrels are empty")
            for q in qrels.queries where !companies.contains(q) {
                Issue.record("qrels/\(split).txt judges company '\(q)', which is not in companies.jsonl")
            }
        }
        for j in files.judgments {
            if !scenarios.contains(j.scenario) {
                Issue.record("qrels/\(j.split).txt: \(j.company) judged against unknown scenario '\(j.scenario)'")
            }
            if !(0...3).contains(j.grade) {
                Issue.record("qrels/\(j.split).txt: \(j.company) \(j.scenario) has grade \(j.grade), outside 0–3")
            }
        }
    }

    @Test("Train and test share no company, and together they cover every company (split by company)")
    func splitByCompany() throws {
        let files = try Files()
        let train = Set(files.train.queries), test = Set(files.test.queries)
        let shared = train.intersection(test).sorted()
        #expect(shared.isEmpty, "companies in both splits: \(shared)")
        let unjudged = files.companyIDs.subtracting(train).subtracting(test).sorted()
        #expect(unjudged.isEmpty, "companies judged in neither split: \(unjudged)")
        // The datasheet states a 70/30 split by company.
        let share = Double(test.count) / Double(max(1, train.count + test.count))
        #expect((0.25...0.35).contains(share), "test share of companies is \(share), not about 30%")
    }

    @Test("Each split has relevant pairs; judged pairs that fail a hard constraint are never graded ≥ 1")
    func constraintTrapsAreGradedZero() throws {
        let files = try Files()
        let rules = Constraints(today: Self.today)
        let companies = Dictionary(uniqueKeysWithValues: files.companies.map { ($0.id, $0) })
        let scenarios = Dictionary(uniqueKeysWithValues: files.scenarios.map { ($0.id, $0) })
        var trapKinds: Set<String> = []
        for j in files.judgments {
            guard let c = companies[j.company], let s = scenarios[j.scenario] else { continue }  // reported above
            let verdict = rules.verdict(company: c, scenario: s)
            guard verdict != .passed else { continue }
            switch verdict {
            case .closed: trapKinds.insert("closed")
            case .expired: trapKinds.insert("expired")
            case .wrongDistrict: trapKinds.insert("wrong district")
            case .missingQualifications: trapKinds.insert("missing qualification")
            case .passed: break
            }
            if j.grade >= 1 {
                Issue.record("qrels/\(j.split).txt: \(j.company) \(j.scenario) graded \(j.grade) but fails a hard constraint: \(verdict)")
            }
        }
        // The datasheet promises constraint traps of every kind among the judged pairs.
        #expect(trapKinds == ["closed", "expired", "wrong district", "missing qualification"],
                "constraint traps judged: \(trapKinds.sorted())")
        for (split, qrels) in files.splits {
            let relevant = qrels.grades.values.reduce(0) { $0 + $1.values.filter { $0 >= 1 }.count }
            #expect(relevant > 0, "the \(split) split has no relevant pair")
        }
    }

    // MARK: CSV

    @Test("companies.csv reads back to exactly the records of companies.jsonl")
    func csvMatchesJSONL() throws {
        let files = try Files()
        #expect(files.csvCompanies.count == files.companies.count)
        #expect(files.csvCompanies.map(\.id) == files.companies.map(\.id), "the CSV rows are not in the JSONL order")
        let jsonl = Dictionary(uniqueKeysWithValues: files.companies.map { ($0.id, $0) })
        for c in files.csvCompanies {
            guard let j = jsonl[c.id] else {
                Issue.record("companies.csv has '\(c.id)', which is not in companies.jsonl")
                continue
            }
            #expect(c == j, "\(c.id) differs between companies.csv and companies.jsonl")
        }
    }

    @Test("companies.csv exercises RFC 4180 quoting: a comma, a double quote and a line break in a field")
    func csvQuotingCases() throws {
        let files = try Files()
        let cells = files.csvCompanies.flatMap { c in
            [c.id, c.name, c.description, c.district ?? ""] + c.industries + c.products + c.technologies + c.qualifications
        }
        #expect(cells.contains { $0.contains(",") }, "no field holds a comma")
        #expect(cells.contains { $0.contains("\"") }, "no field holds a double quote")
        #expect(cells.contains { $0.contains("\n") }, "no field holds a line break")
        // …and the file really quotes them (an escaped quote and a quoted line break).
        let raw = try String(contentsOf: files.directory.appendingPathComponent("companies.csv"), encoding: .utf8)
        #expect(raw.contains("\"\""), "the CSV has no escaped double quote")
    }

    // MARK: Counts the datasheet states

    @Test("Counts: ≥300 scenarios, ≥200 companies, ≥15 scenarios in each of ≥6 domains, all 13 districts")
    func counts() throws {
        let files = try Files()
        #expect(files.scenarios.count >= 300, "\(files.scenarios.count) scenarios")
        #expect(files.companies.count >= 200, "\(files.companies.count) companies")
        var perDomain: [String: Int] = [:]
        for s in files.scenarios { for d in Set(s.domains) { perDomain[d, default: 0] += 1 } }
        let large = perDomain.filter { $0.value >= 15 }
        #expect(large.count >= 6, "only \(large.count) domains have ≥15 scenarios: \(large.keys.sorted())")
        let used = Set(files.scenarios.compactMap(\.district))
        let missing = DomainVocabulary.districts.filter { !used.contains($0) }
        #expect(missing.isEmpty, "districts without a scenario: \(missing)")
    }

    @Test("Every district named anywhere is one of Hangzhou's 13 districts and counties")
    func districtsAreKnown() throws {
        let files = try Files()
        let known = Set(DomainVocabulary.districts)
        for s in files.scenarios {
            for d in [s.district].compactMap({ $0 }) + s.eligibleDistricts where !known.contains(d) {
                Issue.record("\(s.id): unknown district '\(d)'")
            }
        }
        for c in files.companies {
            if let d = c.district, !known.contains(d) { Issue.record("\(c.id): unknown district '\(d)'") }
        }
    }

    @Test("Every field of the contract is used by some scenario and some company")
    func everyFieldUsed() throws {
        let files = try Files()
        let scenarioFields: [(String, (Scenario) -> Bool)] = [
            ("title", { !$0.title.isEmpty }), ("description", { !$0.description.isEmpty }),
            ("publisher", { $0.publisher != nil }), ("district", { $0.district != nil }),
            ("domains", { !$0.domains.isEmpty }), ("requirements", { !$0.requirements.isEmpty }),
            ("kind", { $0.kind != nil }), ("budget_wan", { $0.budgetWan != nil }),
            ("qualifications", { !$0.qualifications.isEmpty }), ("eligible_districts", { !$0.eligibleDistricts.isEmpty }),
            ("published", { $0.published != nil }), ("deadline", { $0.deadline != nil }),
            ("status", { $0.status == .closed }),
        ]
        for (field, used) in scenarioFields {
            #expect(files.scenarios.contains(where: used), "no scenario uses '\(field)'")
        }
        let companyFields: [(String, (Company) -> Bool)] = [
            ("name", { !$0.name.isEmpty }), ("description", { !$0.description.isEmpty }),
            ("district", { $0.district != nil }), ("industries", { !$0.industries.isEmpty }),
            ("products", { !$0.products.isEmpty }), ("technologies", { !$0.technologies.isEmpty }),
            ("qualifications", { !$0.qualifications.isEmpty }), ("founded", { $0.founded != nil }),
            ("employees", { $0.employees != nil }), ("patents", { $0.patents != nil }),
        ]
        for (field, used) in companyFields {
            #expect(files.companies.contains(where: used), "no company in companies.jsonl uses '\(field)'")
            #expect(files.csvCompanies.contains(where: used), "no company in companies.csv uses '\(field)'")
        }
    }

    @Test("At least one scenario is closed and one has expired (deadline before 2026-11-23)")
    func closedAndExpired() throws {
        let files = try Files()
        let rules = Constraints(today: Self.today)
        #expect(files.scenarios.contains { $0.status == .closed }, "no closed scenario")
        #expect(files.scenarios.contains { $0.deadline.map { $0 < Self.today } ?? false }, "no expired scenario")
        // An expired scenario that is still marked open tests the deadline rule on its own.
        let expiredOnly = files.scenarios.filter { $0.status == .open && rules.scenarioVerdict($0) != .passed }
        #expect(!expiredOnly.isEmpty, "no open scenario past its deadline")
    }
}
