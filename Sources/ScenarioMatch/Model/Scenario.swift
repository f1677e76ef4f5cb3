/// A city opportunity scenario (城市机会场景): the demand side's problem, site and goal.
public struct Scenario: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable { case open, closed }

    public var id: String
    public var title: String
    public var description: String
    public var publisher: String?
    public var district: String?
    public var domains: [String]
    public var requirements: [String]
    public var kind: String?
    public var budgetWan: Double?
    public var qualifications: [String]
    public var eligibleDistricts: [String]
    public var published: String?
    public var deadline: String?
    public var status: Status

    public init(
        id: String, title: String, description: String, publisher: String? = nil,
        district: String? = nil, domains: [String] = [], requirements: [String] = [],
        kind: String? = nil, budgetWan: Double? = nil, qualifications: [String] = [],
        eligibleDistricts: [String] = [], published: String? = nil, deadline: String? = nil,
        status: Status = .open
    ) {
        self.id = id; self.title = title; self.description = description
        self.publisher = publisher; self.district = district; self.domains = domains
        self.requirements = requirements; self.kind = kind; self.budgetWan = budgetWan
        self.qualifications = qualifications; self.eligibleDistricts = eligibleDistricts
        self.published = published; self.deadline = deadline; self.status = status
    }

    enum CodingKeys: String, CodingKey {
        case id, title, description, publisher, district, domains, requirements, kind
        case budgetWan = "budget_wan"
        case qualifications
        case eligibleDistricts = "eligible_districts"
        case published, deadline, status
    }

    /// Validates one decoded object against the contract.
    public init(fields f: JSONFields) throws(FieldError) {
        id = try f.identifier("id")
        title = try f.requiredString("title")
        description = try f.requiredString("description")
        publisher = try f.optionalString("publisher")
        district = try f.optionalString("district")
        domains = try f.stringList("domains")
        requirements = try f.stringList("requirements")
        kind = try f.optionalString("kind")
        budgetWan = try f.optionalNumber("budget_wan", minimum: 0)
        qualifications = try f.stringList("qualifications")
        eligibleDistricts = try f.stringList("eligible_districts")
        published = try f.optionalDate("published")
        deadline = try f.optionalDate("deadline")
        switch try f.optionalString("status") {
        case nil, "open": status = .open
        case "closed": status = .closed
        case let other?: throw FieldError(field: "status", "expected 'open' or 'closed', got '\(other)'")
        }
    }

    /// All free text of the scenario, in the order a reader meets it.
    public var text: String {
        ([title, description] + requirements + domains).joined(separator: "\n")
    }
}
