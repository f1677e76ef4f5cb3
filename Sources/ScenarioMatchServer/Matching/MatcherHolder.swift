import Dispatch
import Foundation
import ScenarioMatch
#if canImport(Glibc)
import Glibc
#endif

/// One immutable generation of everything a request matches against.
public struct MatcherSnapshot: Sendable {
    /// Rises with every rebuild that was published.
    public let generation: Int
    public let matcher: Matcher
    /// Scenario id → row of `matcher.catalog`.
    let positions: [String: Int]
    /// The company registry encoded for this catalog (the encoder depends on the catalog).
    let registry: RegistryIndex?

    public var catalog: [Scenario] { matcher.catalog }
}

/// Holds the current `MatcherSnapshot` and swaps it after a write. Readers take the
/// snapshot under a lock held only for a pointer copy; a new matcher is built on a thread
/// of its own, off the lock and off Swift's cooperative pool, and at a lower CPU priority,
/// so matching never waits for a rebuild and is slowed by it as little as the cores allow.
public final class MatcherHolder: @unchecked Sendable {
    private let lock = NSLock()
    private var snapshot: MatcherSnapshot
    private var lastTicket: Int
    private let model: HybridModel?
    private let lexicon: Lexicon?
    private let companies: [Company]?

    /// Builds generation 0 from `catalog` (on the calling thread: the server is not up yet).
    public init(catalog: [Scenario], model: HybridModel?, lexicon: Lexicon?, companies: [Company]?) {
        self.model = model
        self.lexicon = lexicon
        self.companies = companies
        snapshot = Self.build(catalog, generation: 0, model: model, lexicon: lexicon, companies: companies)
        lastTicket = 0
    }

    public var current: MatcherSnapshot {
        lock.lock(); defer { lock.unlock() }
        return snapshot
    }

    /// Rebuilds from the repository and publishes the result unless a newer one got there
    /// first. The ticket is taken before the read, so a later ticket has read a catalog
    /// holding at least every write an earlier one saw: whichever snapshot is current when
    /// this returns contains the caller's write.
    public func reload(from repository: some CatalogRepository) async throws {
        let ticket = takeTicket()
        let catalog = try await repository.all()
        let (model, lexicon, companies) = (self.model, self.lexicon, self.companies)
        let built = await withCheckedContinuation { (continuation: CheckedContinuation<MatcherSnapshot, Never>) in
            let thread = Thread {
                Self.lowerThisThreadsPriority()
                continuation.resume(returning: Self.build(catalog, generation: ticket, model: model, lexicon: lexicon, companies: companies))
            }
            thread.name = "matcher-rebuild"
            thread.stackSize = 8 << 20
            thread.start()
        }
        publish(built)
    }

    /// Nice +10 for the calling thread only (Linux keeps a nice value per thread).
    static func lowerThisThreadsPriority() {
        #if os(Linux)
        // who = 0 is the calling thread itself on Linux/NPTL, where nice values are per thread.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
    }

    private func takeTicket() -> Int {
        lock.lock(); defer { lock.unlock() }
        lastTicket += 1
        return lastTicket
    }

    private func publish(_ built: MatcherSnapshot) {
        lock.lock(); defer { lock.unlock() }
        if built.generation > snapshot.generation { snapshot = built }
    }

    static func build(_ catalog: [Scenario], generation: Int, model: HybridModel?, lexicon: Lexicon?, companies: [Company]?) -> MatcherSnapshot {
        let matcher = model.map { Matcher(catalog: catalog, model: $0, lexicon: lexicon) } ?? Matcher(catalog: catalog, lexicon: lexicon)
        var positions: [String: Int] = [:]
        positions.reserveCapacity(catalog.count)
        for (i, s) in catalog.enumerated() { positions[s.id] = i }
        return MatcherSnapshot(generation: generation, matcher: matcher, positions: positions,
                               registry: companies.map { RegistryIndex(companies: $0, encoder: matcher.encoder) })
    }
}
