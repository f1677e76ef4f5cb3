import Foundation

/// Typed, validated access to the fields of one decoded JSON object. Every failure names
/// the field, so a reader can turn it into a one-line error with file and line.
public struct JSONFields {
    public let object: [String: Any]

    public init(_ object: [String: Any]) {
        self.object = object
    }

    /// Parses one JSON text that must hold an object.
    public init(jsonText: Data) throws(FieldError) {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: jsonText, options: [])
        } catch {
            throw FieldError(field: nil, "invalid JSON (\(Self.shortReason(error)))")
        }
        guard let object = value as? [String: Any] else {
            throw FieldError(field: nil, "expected a JSON object")
        }
        self.object = object
    }

    static func shortReason(_ error: Error) -> String {
        let ns = error as NSError
        if let detail = ns.userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
        return "could not parse"
    }

    private func present(_ key: String) -> Any? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        return value
    }

    public func requiredString(_ key: String) throws(FieldError) -> String {
        guard let value = present(key) else { throw FieldError(field: key, "missing required field") }
        guard let string = value as? String else { throw FieldError(field: key, "expected a string") }
        guard !string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw FieldError(field: key, "must not be empty")
        }
        return string
    }

    public func optionalString(_ key: String) throws(FieldError) -> String? {
        guard let value = present(key) else { return nil }
        guard let string = value as? String else { throw FieldError(field: key, "expected a string") }
        let trimmed = string.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    public func stringList(_ key: String) throws(FieldError) -> [String] {
        guard let value = present(key) else { return [] }
        if let string = value as? String { return ListField.split(string) }
        guard let array = value as? [Any] else { throw FieldError(field: key, "expected a list of strings") }
        var out: [String] = []
        for item in array {
            guard let string = item as? String else { throw FieldError(field: key, "expected a list of strings") }
            let trimmed = string.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { out.append(trimmed) }
        }
        return out
    }

    public func optionalNumber(_ key: String, minimum: Double? = nil) throws(FieldError) -> Double? {
        guard let value = present(key) else { return nil }
        let number: Double
        if let n = value as? NSNumber, !Self.isBoolean(value) {
            number = n.doubleValue
        } else if let s = value as? String, let n = Double(s.trimmingCharacters(in: .whitespaces)) {
            number = n
        } else {
            throw FieldError(field: key, "expected a number")
        }
        guard number.isFinite else { throw FieldError(field: key, "expected a finite number") }
        if let minimum, number < minimum {
            throw FieldError(field: key, "must be ≥ \(Self.format(minimum))")
        }
        return number
    }

    public func optionalInteger(_ key: String, minimum: Int? = nil) throws(FieldError) -> Int? {
        guard let number = try optionalNumber(key) else { return nil }
        guard number.rounded() == number, abs(number) < 1e15 else {
            throw FieldError(field: key, "expected an integer")
        }
        let integer = Int(number)
        if let minimum, integer < minimum { throw FieldError(field: key, "must be ≥ \(minimum)") }
        return integer
    }

    public func optionalDate(_ key: String) throws(FieldError) -> String? {
        guard let string = try optionalString(key) else { return nil }
        guard DateText.isValid(string) else { throw FieldError(field: key, "expected a date YYYY-MM-DD, got '\(string)'") }
        return string
    }

    public func identifier(_ key: String) throws(FieldError) -> String {
        let id = try requiredString(key)
        guard Identifier.isValid(id) else {
            throw FieldError(field: key, "must match [A-Za-z0-9._-]{1,64}, got '\(id.prefix(80))'")
        }
        return id
    }

    static func format(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(value)
    }

    /// Foundation hands JSON booleans back as a Boolean subclass of NSNumber; a number
    /// field must not accept them.
    static func isBoolean(_ value: Any) -> Bool {
        String(describing: type(of: value)).contains("Boolean")
    }
}
