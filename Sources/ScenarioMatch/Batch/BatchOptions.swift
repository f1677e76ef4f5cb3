/// Where a batch writes, and how much it keeps.
public struct BatchOptions: Sendable {
    public var input: String
    public var output: String
    public var run: String?
    public var errors: String
    public var perScenario: String?
    public var perScenarioTop: Int
    public var top: Int
    /// Companies encoded and scored per sgemm block.
    public var blockSize: Int
    public var resume: Bool
    public var runTag: String = "scenario-match"

    public init(input: String, output: String, run: String? = nil, errors: String? = nil,
                perScenario: String? = nil, perScenarioTop: Int = 0, top: Int = 10, blockSize: Int = 4096, resume: Bool = false) {
        self.input = input; self.output = output; self.run = run
        self.errors = errors ?? output + ".errors.csv"
        self.perScenario = perScenario; self.perScenarioTop = perScenarioTop
        self.top = top; self.blockSize = blockSize; self.resume = resume
    }

    var checkpointPath: String { output + ".checkpoint.json" }
    static func partial(_ path: String) -> String { path + ".partial" }
}
