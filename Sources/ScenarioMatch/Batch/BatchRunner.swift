import Foundation

/// Matches a whole registry against the catalog: streams the input, scores blocks of
/// companies with one sgemm each, writes every row either to the output or to the errors
/// file, and checkpoints after every block so that a killed run can resume exactly.
public final class BatchRunner {
    public struct Summary: Sendable, Equatable {
        public var matched: Int
        public var failed: Int
        public var resumedFromRow: Int?
    }

    public struct Progress: Sendable {
        public var rows: Int
        public var bytesRead: UInt64
        public var totalBytes: UInt64
    }

    let matcher: Matcher
    let constraints: Constraints
    let options: BatchOptions

    public init(matcher: Matcher, constraints: Constraints, options: BatchOptions) {
        self.matcher = matcher
        self.constraints = constraints
        self.options = options
    }

    static let outputHeader = "company_id,rank,scenario_id,score,reasons\n"
    static let errorsHeader = "line,id,reason\n"

    /// Fails only for a missing input or an unwritable output; bad rows go to the errors file.
    public func run(progress: (Progress) -> Void = { _ in }) throws -> Summary {
        let totalBytes = ((try? FileManager.default.attributesOfItem(atPath: options.input))?[.size] as? NSNumber)?.uint64Value ?? 0
        let checkpoint = options.resume ? BatchCheckpoint.load(options.checkpointPath) : nil
        if let checkpoint, checkpoint.input != options.input {
            throw InputError(file: options.checkpointPath, line: 1, field: "input",
                             message: "the checkpoint belongs to '\(checkpoint.input)', not '\(options.input)'")
        }
        let stream = try CompanyStream(path: options.input, resumeAt: checkpoint?.position)

        let outPartial = BatchOptions.partial(options.output)
        let errPartial = BatchOptions.partial(options.errors)
        let runPartial = options.run.map(BatchOptions.partial)
        let out = try AppendFile(path: outPartial, keep: checkpoint?.outputBytes[outPartial] ?? 0)
        let err = try AppendFile(path: errPartial, keep: checkpoint?.outputBytes[errPartial] ?? 0)
        let runFile = try runPartial.map { try AppendFile(path: $0, keep: checkpoint?.outputBytes[$0] ?? 0) }
        if checkpoint == nil {
            out.write(Self.outputHeader)
            err.write(Self.errorsHeader)
        }
        var matched = checkpoint?.matched ?? 0
        var failed = checkpoint?.failed ?? 0
        let perScenarioTop = options.perScenario == nil ? 0 : options.perScenarioTop
        var reverse = checkpoint?.perScenario ?? Array(repeating: [], count: perScenarioTop > 0 ? matcher.catalog.count : 0)

        var block: [Company] = []
        block.reserveCapacity(options.blockSize)

        func finishBlock() throws {
            if !block.isEmpty {
                let (results, perScenario) = matcher.matchBothWays(block, top: options.top, perScenario: perScenarioTop, constraints: constraints)
                // Rows are formatted on all cores and written in input order.
                let (tag, withRun) = (options.runTag, runFile != nil)
                let texts = parallelMap(Array(zip(block, results))) { company, matches in
                    var csv = "", run = ""
                    for m in matches {
                        let score = String(format: "%.6f", m.score)
                        csv += CSVField.row([company.id, String(m.rank), m.scenario.id, score, m.reasons.joined(separator: "；")])
                        if withRun { run += "\(company.id) Q0 \(m.scenario.id) \(m.rank) \(score) \(tag)\n" }
                    }
                    return (csv, run)
                }
                for (csv, run) in texts {
                    out.write(csv)
                    if withRun { runFile?.write(run) }
                }
                for (j, entries) in perScenario.enumerated() where !entries.isEmpty {
                    reverse[j] = Self.merge(reverse[j], entries.map { .init(company: block[Int($0.id)].id, score: $0.score) }, keep: perScenarioTop)
                }
                matched += block.count
                block.removeAll(keepingCapacity: true)
            }
            try out.sync(); try err.sync(); try runFile?.sync()
            var sizes = [outPartial: out.size, errPartial: err.size]
            if let runPartial, let runFile { sizes[runPartial] = runFile.size }
            try BatchCheckpoint(input: options.input, position: stream.position, outputBytes: sizes,
                                matched: matched, failed: failed, perScenario: reverse).save(options.checkpointPath)
            progress(Progress(rows: matched + failed, bytesRead: stream.position.offset, totalBytes: totalBytes))
        }

        // Rows are read at most up to the end of the current block, so that a checkpoint's
        // position always falls right after the block's last row.
        while true {
            let items = stream.next(upTo: options.blockSize - block.count)
            if items.isEmpty { break }
            for item in items {
                switch item.result {
                case .success(let company):
                    block.append(company)
                case .failure(let error):
                    err.write(CSVField.row([String(item.line), item.id ?? "", error.field.map { "field '\($0)': \(error.message)" } ?? error.message]))
                    failed += 1
                }
            }
            if block.count == options.blockSize { try finishBlock() }
        }
        try finishBlock()
        try out.close(); try err.close(); try runFile?.close()

        if let path = options.perScenario {
            var text = "scenario_id,rank,company_id,score\n"
            for (j, list) in reverse.enumerated() {
                for (r, c) in list.enumerated() {
                    text += CSVField.row([matcher.catalog[j].id, String(r + 1), c.company, String(format: "%.6f", c.score)])
                }
            }
            try AtomicFile.write(text, to: path)
        }
        // Publish: each partial replaces its final name in one rename.
        for (partial, final) in [(outPartial, options.output), (errPartial, options.errors)] + (runPartial.map { [($0, options.run!)] } ?? []) {
            guard rename(partial, final) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: final]) }
        }
        try? FileManager.default.removeItem(atPath: options.checkpointPath)
        return Summary(matched: matched, failed: failed, resumedFromRow: checkpoint.map { $0.matched + $0.failed })
    }

    /// The `keep` best of both lists, score descending, ties to the smaller company id.
    static func merge(_ a: [BatchCheckpoint.Candidate], _ b: [BatchCheckpoint.Candidate], keep: Int) -> [BatchCheckpoint.Candidate] {
        Array((a + b).sorted { $0.score != $1.score ? $0.score > $1.score : $0.company < $1.company }.prefix(keep))
    }
}
