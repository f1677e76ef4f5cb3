import Foundation

/// List-valued CSV cells hold items separated by any of `;` `；` `、` `|`.
public enum ListField {
    static let separators: Set<Character> = [";", "；", "、", "|"]

    public static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { separators.contains($0) })
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }
}
