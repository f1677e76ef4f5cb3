import Foundation
import GRDB
import ScenarioMatch

/// The catalog in a SQLite file (GRDB, WAL mode: readers never wait for a writer). Each
/// scenario is kept whole as contract JSON, with the columns the list filters on beside it.
public final class SQLiteCatalogRepository: CatalogRepository {
    private let pool: DatabasePool

    /// Opens (or creates) the file and brings its schema up to date.
    public init(path: String) throws {
        pool = try DatabasePool(path: path)
        try Self.migrator.migrate(pool)
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1: scenarios") { db in
            // rowid keeps first-insertion order; ON CONFLICT DO UPDATE leaves it alone.
            try db.execute(sql: """
                CREATE TABLE scenarios (
                    id TEXT NOT NULL PRIMARY KEY,
                    district TEXT,
                    status TEXT NOT NULL,
                    domains TEXT NOT NULL,
                    body TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE INDEX scenarios_district ON scenarios(district);
                CREATE INDEX scenarios_status ON scenarios(status);
                """)
        }
        return m
    }

    public func count() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scenarios") ?? 0 }
    }

    public func all() async throws -> [Scenario] {
        let bodies = try await pool.read { db in try String.fetchAll(db, sql: "SELECT body FROM scenarios ORDER BY rowid") }
        return try bodies.map(Self.decode)
    }

    public func scenario(id: String) async throws -> Scenario? {
        let body = try await pool.read { db in try String.fetchOne(db, sql: "SELECT body FROM scenarios WHERE id = ?", arguments: [id]) }
        return try body.map(Self.decode)
    }

    public func list(_ filter: ScenarioFilter, page: Int, perPage: Int) async throws -> ScenarioPage {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let domain = filter.domain {
            clauses.append("EXISTS (SELECT 1 FROM json_each(scenarios.domains) WHERE json_each.value = ?)")
            arguments += [domain]
        }
        if let district = filter.district {
            clauses.append("district = ?")
            arguments += [district]
        }
        if let status = filter.status {
            clauses.append("status = ?")
            arguments += [status.rawValue]
        }
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let filterArguments = arguments
        let pageArguments = arguments + [perPage, (page - 1) * perPage]
        let (total, bodies) = try await pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scenarios \(whereSQL)", arguments: filterArguments) ?? 0,
             try String.fetchAll(db, sql: "SELECT body FROM scenarios \(whereSQL) ORDER BY rowid LIMIT ? OFFSET ?", arguments: pageArguments))
        }
        return ScenarioPage(items: try bodies.map(Self.decode), total: total)
    }

    public func upsert(_ scenarios: [Scenario]) async throws -> UpsertSummary {
        let rows = try scenarios.map { s in (s, try Self.encode(s), try Self.encodeDomains(s.domains)) }
        let now = ISO8601DateFormatter().string(from: Date())
        return try await pool.write { db in
            var summary = UpsertSummary(inserted: 0, updated: 0)
            let exists = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM scenarios WHERE id = ?)")
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO scenarios (id, district, status, domains, body, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET district = excluded.district, status = excluded.status,
                    domains = excluded.domains, body = excluded.body, updated_at = excluded.updated_at
                """)
            for (s, body, domains) in rows {
                if try Bool.fetchOne(exists, arguments: [s.id]) == true { summary.updated += 1 } else { summary.inserted += 1 }
                try upsert.execute(arguments: [s.id, s.district, s.status.rawValue, domains, body, now])
            }
            return summary
        }
    }

    public func update(id: String, status: Scenario.Status?, deadline: String??) async throws -> Scenario? {
        let now = ISO8601DateFormatter().string(from: Date())
        return try await pool.write { db -> Scenario? in
            guard let body = try String.fetchOne(db, sql: "SELECT body FROM scenarios WHERE id = ?", arguments: [id]) else { return nil }
            var s = try Self.decode(body)
            if let status { s.status = status }
            if let deadline { s.deadline = deadline }
            try db.execute(sql: "UPDATE scenarios SET status = ?, body = ?, updated_at = ? WHERE id = ?",
                           arguments: [s.status.rawValue, try Self.encode(s), now, id])
            return s
        }
    }

    static func encode(_ s: Scenario) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(s), as: UTF8.self)
    }

    static func encodeDomains(_ domains: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(domains), as: UTF8.self)
    }

    static func decode(_ body: String) throws -> Scenario {
        try JSONDecoder().decode(Scenario.self, from: Data(body.utf8))
    }
}
