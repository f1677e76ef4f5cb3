import ArgumentParser
import Foundation
import ScenarioMatch

/// Timings of the index core on seeded random unit vectors, for Benchmarks/run.sh. The
/// vectors can be written out so that a Python peer searches exactly the same ones.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the index core, one-query latency and raw sgemm on seeded random vectors (benchmarks only).",
        subcommands: [BenchCore.self, BenchLatency.self, BenchSGEMM.self]
    )
}

/// What every bench mode shares: the shape of the index and how many runs.
struct BenchShapeOptions: ParsableArguments {
    @Option(help: "Rows in the index.") var items: Int = 10_000
    @Option(help: "Vector dimension.") var dim: Int = 256
    @Option(help: "Neighbours kept per query.") var k: Int = 20
    @Option(help: "Seed for the random unit vectors; the same seed gives the same vectors.") var seed: UInt64 = 1
    @Option(help: "Threads for the index's own work (default: OPENBLAS_NUM_THREADS if set, else every core this process may use).")
    var threads: Int?
    @Flag(help: "Print one JSON object instead of text.") var json = false

    func validate() throws {
        guard items >= 1, dim >= 1, k >= 1 else { throw ValidationError("--items, --dim and --k must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    var resolvedThreads: Int {
        if let threads { return threads }
        if let text = ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"], let n = Int(text), n >= 1 { return n }
        return FlatIndex.availableThreads
    }

    func index() -> FlatIndex {
        FlatIndex(vectors: BenchVectors.unitRows(items, dim, seed: BenchVectors.itemSeed(seed)), threads: resolvedThreads)
    }
}

struct BenchCore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "core",
        abstract: "Throughput of FlatIndex.search: every query against every item, top k each."
    )

    @OptionGroup var shape: BenchShapeOptions
    @Option(help: "Queries searched per run.") var queries: Int = 100_000
    @Option(help: "Timed runs; the median is reported.") var repeats: Int = 3
    @Option(help: "Queries per sgemm block (the index's queryBlock).") var queryBlock: Int = FlatIndex.defaultQueryBlock
    @Option(help: "Write items.f32 and queries.f32 (raw little-endian float32, row-major) to this folder.")
    var writeVectors: String?
    @Option(help: "Write the top-k ids of the last run here (raw little-endian int32, queries × k, -1 pads).")
    var idsOut: String?

    func validate() throws {
        guard queries >= 1, repeats >= 1, queryBlock >= 1 else { throw ValidationError("--queries, --repeats and --query-block must be at least 1") }
    }

    func run() throws {
        var index = shape.index()
        index.queryBlock = queryBlock
        let q = BenchVectors.unitRows(queries, shape.dim, seed: BenchVectors.querySeed(shape.seed))
        if let dir = writeVectors {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try BenchVectors.write(index.vectors.storage, to: (dir as NSString).appendingPathComponent("items.f32"))
            try BenchVectors.write(q.storage, to: (dir as NSString).appendingPathComponent("queries.f32"))
        }
        // One small search first, so that BLAS has started its threads before the clock runs.
        _ = index.search(Matrix(rows: min(queries, 64), columns: shape.dim, storage: Array(q.storage.prefix(min(queries, 64) * shape.dim))), k: shape.k)
        var seconds: [Double] = [], cpu: [Double] = []
        var last: [[TopKHeap.Entry]] = []
        for _ in 0..<repeats {
            last = []
            let before = BenchClock.cpuSeconds()
            seconds.append(BenchClock.seconds { last = index.search(q, k: shape.k) })
            cpu.append(BenchClock.cpuSeconds() - before)
        }
        if let path = idsOut {
            var ids = [Int32](repeating: -1, count: queries * shape.k)
            for (i, entries) in last.enumerated() { for (r, e) in entries.prefix(shape.k).enumerated() { ids[i * shape.k + r] = e.id } }
            try ids.withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: path)) }
        }
        let median = BenchStats.median(seconds)
        let flops = 2 * Double(queries) * Double(shape.items) * Double(shape.dim)
        BenchReport.emit(json: shape.json, [
            ("bench", .text("core")), ("queries", .int(queries)), ("items", .int(shape.items)), ("dim", .int(shape.dim)),
            ("k", .int(shape.k)), ("threads", .int(index.threads)), ("query_block", .int(index.queryBlock)),
            ("median_s", .number(median)), ("queries_per_s", .number(Double(queries) / median)),
            ("gflops", .number(flops / median / 1e9)), ("runs_s", .numbers(seconds)),
            ("cpu_s", .number(BenchStats.median(cpu))), ("gflops_per_cpu_s", .number(flops / BenchStats.median(cpu) / 1e9)),
            ("blas", .text(BenchBLAS.description)),
        ])
    }
}

struct BenchLatency: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "latency",
        abstract: "One query at a time against the index: p50 and p99 in microseconds."
    )

    @OptionGroup var shape: BenchShapeOptions
    @Option(help: "Timed single-query searches (each with its own query vector).") var repeats: Int = 2000

    func validate() throws {
        guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1") }
    }

    func run() throws {
        let index = shape.index()
        let pool = BenchVectors.unitRows(repeats, shape.dim, seed: BenchVectors.querySeed(shape.seed))
        let queries = (0..<repeats).map { Matrix(rows: 1, columns: shape.dim, storage: Array(pool.row($0))) }
        for q in queries.prefix(50) { _ = index.search(q, k: shape.k) }
        var micros: [Double] = []
        micros.reserveCapacity(repeats)
        for q in queries {
            micros.append(BenchClock.seconds { _ = index.search(q, k: shape.k) } * 1e6)
        }
        let sorted = micros.sorted()
        BenchReport.emit(json: shape.json, [
            ("bench", .text("latency")), ("items", .int(shape.items)), ("dim", .int(shape.dim)), ("k", .int(shape.k)),
            ("threads", .int(index.threads)), ("repeats", .int(repeats)),
            ("p50_us", .number(BenchStats.percentile(sorted, 50))), ("p99_us", .number(BenchStats.percentile(sorted, 99))),
            ("mean_us", .number(micros.reduce(0, +) / Double(micros.count))), ("blas", .text(BenchBLAS.description)),
        ])
    }
}

struct BenchSGEMM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sgemm",
        abstract: "The raw Matrix.gemm rate for C(m×n) = A(m×k) · B(n×k)ᵀ, the shape of one score block: the ceiling for the core."
    )

    @Option(help: "Rows of A (queries in a block).") var m: Int = 4096
    @Option(help: "Rows of B (items).") var n: Int = 10_000
    @Option(help: "Inner dimension.") var k: Int = 256
    @Option(help: "Timed runs; the median is reported.") var repeats: Int = 5
    @Option(help: "Seed for the operands.") var seed: UInt64 = 1
    @Flag(help: "Print one JSON object instead of text.") var json = false

    func validate() throws {
        guard m >= 1, n >= 1, k >= 1, repeats >= 1 else { throw ValidationError("--m, --n, --k and --repeats must be at least 1") }
    }

    func run() throws {
        let a = BenchVectors.unitRows(m, k, seed: BenchVectors.querySeed(seed))
        let b = BenchVectors.unitRows(n, k, seed: BenchVectors.itemSeed(seed))
        var c = Matrix(rows: m, columns: n)
        Matrix.gemm(a, b, transposeB: true, into: &c)
        var seconds: [Double] = [], cpu: [Double] = []
        for _ in 0..<repeats {
            let before = BenchClock.cpuSeconds()
            seconds.append(BenchClock.seconds { Matrix.gemm(a, b, transposeB: true, into: &c) })
            cpu.append(BenchClock.cpuSeconds() - before)
        }
        let median = BenchStats.median(seconds)
        let flops = 2 * Double(m) * Double(n) * Double(k)
        BenchReport.emit(json: json, [
            ("bench", .text("sgemm")), ("m", .int(m)), ("n", .int(n)), ("k", .int(k)), ("threads", .int(BenchBLAS.threads ?? 0)),
            ("median_s", .number(median)), ("gflops", .number(flops / median / 1e9)), ("runs_s", .numbers(seconds)),
            ("cpu_s", .number(BenchStats.median(cpu))), ("gflops_per_cpu_s", .number(flops / BenchStats.median(cpu) / 1e9)),
            ("blas", .text(BenchBLAS.description)),
        ])
    }
}

// MARK: - Helpers

/// Seeded Gaussian vectors scaled to unit length, so that inner product is cosine.
enum BenchVectors {
    static func itemSeed(_ seed: UInt64) -> UInt64 { seed &* 2 }
    static func querySeed(_ seed: UInt64) -> UInt64 { seed &* 2 &+ 1 }

    static func unitRows(_ rows: Int, _ dim: Int, seed: UInt64) -> Matrix {
        var rng = SplitMix64(seed: seed)
        var storage = [Float](repeating: 0, count: rows * dim)
        var i = 0
        while i < storage.count {
            // Box–Muller: two normals from two uniforms in (0, 1].
            let u1 = (Double(rng.next() >> 11) + 1) * 0x1p-53
            let u2 = Double(rng.next() >> 11) * 0x1p-53
            let r = (-2 * Foundation.log(u1)).squareRoot()
            storage[i] = Float(r * Foundation.cos(2 * Double.pi * u2))
            if i + 1 < storage.count { storage[i + 1] = Float(r * Foundation.sin(2 * Double.pi * u2)) }
            i += 2
        }
        var m = Matrix(rows: rows, columns: dim, storage: storage)
        m.normalizeRows()
        return m
    }

    static func write(_ values: [Float], to path: String) throws {
        #if _endian(big)
        let values = values.map { Float(bitPattern: $0.bitPattern.littleEndian) }
        #endif
        try values.withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: path)) }
    }
}

enum BenchClock {
    /// User + system time of the whole process (every thread): on a shared machine it
    /// counts only the time this process actually ran.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}

enum BenchStats {
    static func median(_ values: [Double]) -> Double { percentile(values.sorted(), 50) }

    /// Linear interpolation between closest ranks (numpy's default), on sorted values.
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let position = p / 100 * Double(sorted.count - 1)
        let lo = Int(position.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (position - Double(lo))
    }
}

/// The BLAS this process actually loaded, asked through OpenBLAS's own entry points when
/// they are there (Debian's alternatives decide at run time which library that is).
enum BenchBLAS {
    /// OpenBLAS's own thread count, if this is OpenBLAS.
    static let threads: Int? = {
        typealias Threads = @convention(c) () -> Int32
        guard let sym = dlsym(dlopen(nil, RTLD_NOW), "openblas_get_num_threads") else { return nil }
        return Int(unsafeBitCast(sym, to: Threads.self)())
    }()

    static let description: String = {
        typealias Config = @convention(c) () -> UnsafePointer<CChar>?
        typealias Threads = @convention(c) () -> Int32
        let handle = dlopen(nil, RTLD_NOW)
        guard let configSym = dlsym(handle, "openblas_get_config") else { return "not OpenBLAS (no openblas_get_config)" }
        let config = unsafeBitCast(configSym, to: Config.self)().map { String(cString: $0) } ?? "?"
        var text = config
        if let coreSym = dlsym(handle, "openblas_get_corename") {
            text += ", core " + (unsafeBitCast(coreSym, to: Config.self)().map { String(cString: $0) } ?? "?")
        }
        if let threadSym = dlsym(handle, "openblas_get_num_threads") {
            text += ", \(unsafeBitCast(threadSym, to: Threads.self)()) BLAS threads"
        }
        return text
    }()
}

enum BenchReport {
    enum Value {
        case text(String), int(Int), number(Double), numbers([Double])

        var json: String {
            switch self {
            case .text(let s):
                let data = try? JSONSerialization.data(withJSONObject: [s], options: [])
                return data.flatMap { String(data: $0, encoding: .utf8) }.map { String($0.dropFirst().dropLast()) } ?? "\"\""
            case .int(let i): return String(i)
            case .number(let x): return x.isFinite ? String(format: "%.6g", x) : "null"
            case .numbers(let xs): return "[" + xs.map { Value.number($0).json }.joined(separator: ",") + "]"
            }
        }

        var text: String {
            switch self {
            case .text(let s): return s
            case .int(let i): return String(i)
            case .number(let x): return String(format: "%.4g", x)
            case .numbers(let xs): return xs.map { String(format: "%.4g", $0) }.joined(separator: " ")
            }
        }
    }

    static func emit(json: Bool, _ fields: [(String, Value)]) {
        if json {
            print("{" + fields.map { "\"\($0.0)\":\($0.1.json)" }.joined(separator: ",") + "}")
        } else {
            for (key, value) in fields { print("\(key): \(value.text)") }
        }
    }
}
