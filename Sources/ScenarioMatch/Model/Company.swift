/// A company profile (企业画像): the supply side's products, technologies and customers.
public struct Company: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var description: String
    public var district: String?
    public var industries: [String]
    public var products: [String]
    public var technologies: [String]
    public var qualifications: [String]
    public var founded: Int?
    public var employees: Int?
    public var patents: Int?

    public init(
        id: String, name: String, description: String, district: String? = nil,
        industries: [String] = [], products: [String] = [], technologies: [String] = [],
        qualifications: [String] = [], founded: Int? = nil, employees: Int? = nil, patents: Int? = nil
    ) {
        self.id = id; self.name = name; self.description = description; self.district = district
        self.industries = industries; self.products = products; self.technologies = technologies
        self.qualifications = qualifications; self.founded = founded; self.employees = employees
        self.patents = patents
    }

    /// Validates one decoded object (a JSON object or a CSV row turned into one).
    public init(fields f: JSONFields) throws(FieldError) {
        id = try f.identifier("id")
        name = try f.requiredString("name")
        description = try f.requiredString("description")
        district = try f.optionalString("district")
        industries = try f.stringList("industries")
        products = try f.stringList("products")
        technologies = try f.stringList("technologies")
        qualifications = try f.stringList("qualifications")
        founded = try f.optionalInteger("founded", minimum: 1800)
        employees = try f.optionalInteger("employees", minimum: 0)
        patents = try f.optionalInteger("patents", minimum: 0)
    }

    /// All free text of the profile. The name is kept: registry names often carry the trade
    /// (…无人机科技有限公司).
    public var text: String {
        ([name, description] + products + technologies + industries).joined(separator: "\n")
    }
}
