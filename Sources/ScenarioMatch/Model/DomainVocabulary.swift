/// The contract's domain vocabulary (Hangzhou's 2025–2026 future-industry plan and district
/// reports) and the city's 13 districts and counties.
public enum DomainVocabulary {
    public static let all: [String] = [
        "通用人工智能", "低空经济", "人形机器人", "类脑智能", "脑机接口", "合成生物", "元宇宙", "未来网络", "量子科技",
        "先进能源", "前沿新材料", "商业航天", "空间计算", "无人驾驶", "智能网联汽车", "视觉智能", "数据安全", "区块链",
        "智能物联", "生物医药", "医疗器械", "高端装备", "集成电路", "光电激光", "数字贸易", "跨境电商", "智慧城市",
    ]

    public static let districts: [String] = [
        "上城区", "拱墅区", "西湖区", "滨江区", "萧山区", "余杭区", "临平区", "钱塘区", "富阳区", "临安区", "桐庐县", "淳安县", "建德市",
    ]
}
