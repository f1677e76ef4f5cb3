/// A problem with one record of an input file, reported as a single line that names
/// the file, the line and the field at fault.
public struct InputError: Error, CustomStringConvertible, Equatable, Sendable {
    public var file: String
    public var line: Int
    public var field: String?
    public var message: String

    public init(file: String, line: Int, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        if let field {
            return "\(file):\(line): field '\(field)': \(message)"
        }
        return "\(file):\(line): \(message)"
    }
}

/// A record-level problem before the file and line are known; readers attach them.
public struct FieldError: Error, Equatable, Sendable {
    public var field: String?
    public var message: String

    public init(field: String?, _ message: String) {
        self.field = field
        self.message = message
    }

    public func located(file: String, line: Int) -> InputError {
        InputError(file: file, line: line, field: field, message: message)
    }
}
