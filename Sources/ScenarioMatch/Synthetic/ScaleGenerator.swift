import Foundation

/// Writes N synthetic companies and M synthetic scenarios in the contract's formats, from a
/// seed, for benchmarks only: the texts are random combinations of domain phrases, so they
/// exercise the engine's speed and memory, never its quality. Deterministic for a seed.
public struct ScaleGenerator {
    public var seed: UInt64

    public init(seed: UInt64) { self.seed = seed }

    /// Phrases per domain: the supply side's products and technologies, the demand side's needs.
    static let supply: [String: [String]] = [
        "低空经济": ["物流无人机", "植保无人机", "垂直起降固定翼", "无人机机巢", "低空飞行服务平台", "航线规划系统", "反无人机雷达", "eVTOL整机"],
        "人形机器人": ["四足机器人", "轮式巡检机器人", "灵巧手", "关节模组", "协作机械臂", "具身智能大脑", "伺服电机", "谐波减速器"],
        "通用人工智能": ["垂类大模型", "智能体平台", "知识库问答", "推理加速", "模型微调", "多模态理解", "代码助手", "语音交互"],
        "视觉智能": ["视频结构化", "缺陷检测相机", "行为识别算法", "OCR识别", "热成像测温", "三维视觉", "遥感影像解译"],
        "生物医药": ["AI辅助药物筛选", "细胞治疗", "抗体药物", "CRO服务", "冷链追溯", "中药配方颗粒"],
        "医疗器械": ["医学影像AI", "手术机器人", "康复外骨骼", "可穿戴心电", "POCT检测仪", "内窥镜"],
        "先进能源": ["储能变流器", "虚拟电厂平台", "光伏组件", "氢燃料电池", "充电桩", "能碳管理系统"],
        "数据安全": ["数据脱敏", "隐私计算平台", "数据分类分级", "零信任网关", "勒索防护", "安全运营中心"],
        "智能网联汽车": ["路侧单元", "车路协同平台", "高精地图", "自动驾驶仿真", "无人配送车", "智能泊车"],
        "智慧城市": ["城市大脑", "数字孪生底座", "井盖监测终端", "管网漏损监测", "智慧社区平台", "防汛预警系统"],
    ]
    static let demand: [String: [String]] = [
        "低空经济": ["医疗样本配送航线", "输电线路巡检", "农田统防统治", "应急物资投送", "景区低空观光", "森林防火巡查"],
        "人形机器人": ["变电站无人值守巡视", "管廊巡检", "展厅导览接待", "养老院陪护", "危化品区域巡查", "产线上下料"],
        "通用人工智能": ["政务热线智能应答", "公文辅助起草", "合同智能审查", "课堂学情分析", "病历摘要生成", "企业知识问答"],
        "视觉智能": ["工地安全帽识别", "河道漂浮物发现", "交通事件检测", "产线外观质检", "商超货架巡检"],
        "生物医药": ["新药临床试验数据管理", "疫苗冷链监管", "生物样本库建设", "中试产能共享"],
        "医疗器械": ["基层影像辅助诊断", "术后康复训练", "慢病远程监测", "急诊快速检测"],
        "先进能源": ["园区源网荷储一体化", "工厂需求响应", "公交场站充换电", "建筑节能改造", "碳排放核算"],
        "数据安全": ["医院数据出境评估", "公共数据授权运营", "工厂勒索病毒防护", "政务数据脱敏共享"],
        "智能网联汽车": ["自动驾驶公交示范线", "园区无人配送", "路口信号配时优化", "停车诱导"],
        "智慧城市": ["老旧小区安全监测", "城市内涝预警", "燃气泄漏预警", "基层治理一网统管"],
    ]
    static let fillers = ["提供整体解决方案", "支持私有化部署", "已在多个区县落地", "具备自主知识产权", "可按需定制", "服务政府与企业客户"]
    static let needFillers = ["需覆盖辖区全部点位", "要求夜间无人值守", "需对接现有平台", "要求三个月内上线", "希望形成可复制模式"]
    static let qualifications = ["高新技术企业", "科技型中小企业", "专精特新中小企业", "专精特新小巨人"]

    public func writeCompanies(count: Int, to path: String, csv: Bool) throws {
        var rng = SplitMix64(seed: seed)
        let out = try Self.open(path)
        if csv { out.write("id,name,description,district,industries,products,technologies,qualifications,founded,employees,patents\n") }
        let domains = Array(Self.supply.keys).sorted()
        for i in 0..<count {
            let d = domains[rng.below(domains.count)]
            let phrases = Self.supply[d]!
            let products = (0..<3).map { _ in phrases[rng.below(phrases.count)] }
            let desc = "主营" + products.joined(separator: "、") + "，" + Self.fillers[rng.below(Self.fillers.count)] + "。"
            let district = DomainVocabulary.districts[rng.below(DomainVocabulary.districts.count)]
            let q = rng.below(3) == 0 ? [Self.qualifications[rng.below(Self.qualifications.count)]] : []
            let id = String(format: "G-C%07d", i)
            let name = "杭州合成\(i)号科技有限公司"
            if csv {
                out.write([id, name, desc, district, d, products.joined(separator: "|"), "", q.joined(separator: "|"),
                           String(2000 + rng.below(25)), String(rng.below(500)), String(rng.below(80))].joined(separator: ",") + "\n")
            } else {
                let record: [String: Any] = ["id": id, "name": name, "description": desc, "district": district, "industries": [d],
                                             "products": products, "qualifications": q, "founded": 2000 + rng.below(25)]
                out.write(String(decoding: try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]), as: UTF8.self) + "\n")
            }
        }
        try Self.publish(out, as: path)
    }

    public func writeScenarios(count: Int, to path: String) throws {
        var rng = SplitMix64(seed: seed ^ 0x5C5C)
        let out = try Self.open(path)
        let domains = Array(Self.demand.keys).sorted()
        for i in 0..<count {
            let d = domains[rng.below(domains.count)]
            let needs = Self.demand[d]!
            let need = needs[rng.below(needs.count)]
            var record: [String: Any] = [
                "id": String(format: "G-S%06d", i), "title": need, "domains": [d],
                "description": "某单位计划开展\(need)，\(Self.needFillers[rng.below(Self.needFillers.count)])。",
                "district": DomainVocabulary.districts[rng.below(DomainVocabulary.districts.count)],
                "requirements": [needs[rng.below(needs.count)]],
                "deadline": "2027-\(String(format: "%02d", 1 + rng.below(12)))-28",
                "status": rng.below(20) == 0 ? "closed" : "open",
            ]
            if rng.below(10) == 0 { record["qualifications"] = [Self.qualifications[rng.below(Self.qualifications.count)]] }
            out.write(String(decoding: try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]), as: UTF8.self) + "\n")
        }
        try Self.publish(out, as: path)
    }

    /// Outputs are written under a temporary name through the batch's buffered `AppendFile`
    /// and renamed into place when complete.
    static func open(_ path: String) throws -> AppendFile { try AppendFile(path: path + ".tmp", keep: 0) }

    static func publish(_ out: AppendFile, as path: String) throws {
        try out.close()
        guard rename(out.path, path) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    }
}

extension SplitMix64 {
    /// A uniform integer in 0..<n (n small: the modulo bias is negligible for benchmarks).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
