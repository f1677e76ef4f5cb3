/// Which text of a record is encoded, and how strongly each part counts: titles,
/// requirements, products and technologies say more per character than a long description.
public enum RecordText {
    public static func scenarioParts(_ s: Scenario) -> [(text: String, repeats: Int)] {
        [(s.title, 2), (s.description, 1), (s.requirements.joined(separator: "\n"), 2), (s.domains.joined(separator: "\n"), 1)]
    }

    public static func companyParts(_ c: Company) -> [(text: String, repeats: Int)] {
        [(c.name, 1), (c.description, 1), (c.products.joined(separator: "\n"), 2),
         (c.technologies.joined(separator: "\n"), 2), (c.industries.joined(separator: "\n"), 1)]
    }
}
