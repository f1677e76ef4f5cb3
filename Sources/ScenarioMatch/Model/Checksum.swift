/// FNV-1a, 64 bit: enough to tell a changed or damaged artifact from the one written.
/// Not a cryptographic hash, and not meant as one.
public struct Checksum: Sendable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func update<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        for b in bytes {
            state ^= UInt64(b)
            state &*= 0x0000_0100_0000_01B3
        }
    }

    public mutating func update(_ text: String) { update(text.utf8); update([0]) }

    public var hex: String {
        let s = String(state, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    public static func of<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        var c = Checksum()
        c.update(bytes)
        return c.hex
    }
}
