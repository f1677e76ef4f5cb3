import ScenarioMatch

/// The page at `/`: a company-profile form (filled with the example of
/// `Datasets/examples/company.json`), filters, and ranked results with score bars and
/// reasons. Plain HTML, CSS and JavaScript with no outside requests, so it works offline.
struct WebPage: Sendable {
    /// `Datasets/examples/company.json`, verbatim (a test keeps the two equal).
    static let exampleProfile = """
    {
      "id": "EXAMPLE-001",
      "name": "杭州巡岳智能科技有限公司",
      "description": "专注四足机器人与轮式巡检机器人的研发制造，产品搭载激光雷达自主导航、红外热成像测温和局部放电检测模块，可在无人值守条件下完成表计读数识别与异常告警，已服务多家电网及管廊运营单位。",
      "district": "余杭区",
      "industries": ["人形机器人", "智能物联"],
      "products": ["四足巡检机器人", "轮式巡检机器人", "巡检管理平台"],
      "technologies": ["激光SLAM自主导航", "红外热成像测温", "表计读数识别"],
      "qualifications": ["高新技术企业", "专精特新中小企业"],
      "founded": 2018,
      "employees": 120,
      "patents": 46
    }
    """

    let html: String

    init(districts: [String] = DomainVocabulary.districts, domains: [String] = DomainVocabulary.all) {
        func options(_ values: [String]) -> String {
            values.map { "<option value=\"\(Self.escape($0))\">\(Self.escape($0))</option>" }.joined(separator: "\n            ")
        }
        html = Self.template
            .replacingOccurrences(of: "{{DISTRICT_OPTIONS}}", with: options(districts))
            .replacingOccurrences(of: "{{DOMAIN_OPTIONS}}", with: options(domains))
            // Inside <script>, "</" would end the element early.
            .replacingOccurrences(of: "{{EXAMPLE_JSON}}", with: Self.exampleProfile.replacingOccurrences(of: "</", with: "<\\/"))
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static let template = """
    <!DOCTYPE html>
    <html lang="zh-CN">
    <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>城市机会场景匹配 · ScenarioMatch</title>
      <link rel="stylesheet" href="/assets/app.css">
    </head>
    <body>
      <header class="masthead">
        <div>
          <h1>城市机会场景匹配</h1>
          <p class="lead">填写企业画像，为企业找到杭州各区县发布的城市机会场景，并给出可核对的匹配理由。</p>
        </div>
        <div class="status" id="status" aria-live="polite">正在连接服务…</div>
      </header>

      <main class="layout">
        <form id="profile-form" class="panel" novalidate>
          <h2>企业画像</h2>
          <div class="grid two">
            <label>企业编号 <span class="req">*</span>
              <input name="id" required pattern="[A-Za-z0-9._-]{1,64}" placeholder="如 EXAMPLE-001">
            </label>
            <label>注册区县
              <select name="district">
                <option value="">（未填写）</option>
                {{DISTRICT_OPTIONS}}
              </select>
            </label>
          </div>
          <label>企业名称 <span class="req">*</span>
            <input name="name" required placeholder="杭州某某科技有限公司">
          </label>
          <label>企业简介 <span class="req">*</span>
            <textarea name="description" rows="5" required placeholder="主要产品、核心能力、服务过的客户"></textarea>
          </label>
          <p class="hint">以下多项内容用“、”或“；”分隔。</p>
          <label>所属赛道 <input name="industries" placeholder="人形机器人、智能物联"></label>
          <label>主要产品 <input name="products"></label>
          <label>核心技术 <input name="technologies"></label>
          <label>资质 <input name="qualifications" placeholder="高新技术企业、专精特新中小企业"></label>
          <div class="grid three">
            <label>成立年份 <input name="founded" type="number" min="1800" max="2100"></label>
            <label>员工人数 <input name="employees" type="number" min="0"></label>
            <label>授权专利 <input name="patents" type="number" min="0"></label>
          </div>

          <fieldset class="filters">
            <legend>筛选</legend>
            <div class="grid three">
              <label>场景所在区县
                <select name="filter-district" id="filter-district">
                  <option value="">全部区县</option>
                  {{DISTRICT_OPTIONS}}
                </select>
              </label>
              <label>场景领域
                <select name="filter-domain" id="filter-domain">
                  <option value="">全部领域</option>
                  {{DOMAIN_OPTIONS}}
                </select>
              </label>
              <label>返回条数
                <input name="top" id="top" type="number" min="1" max="100" value="10">
              </label>
            </div>
          </fieldset>

          <div class="actions">
            <button type="submit" id="submit">匹配场景</button>
            <button type="button" id="reset-example" class="secondary">恢复示例</button>
          </div>
          <p class="error" id="form-error" role="alert" hidden></p>
        </form>

        <section class="panel results" aria-labelledby="results-title">
          <div class="results-head">
            <h2 id="results-title">匹配结果</h2>
            <span class="muted" id="results-meta"></span>
          </div>
          <ol id="results" class="results-list"></ol>
          <p class="empty" id="results-empty">提交企业画像后，这里按匹配度从高到低列出场景。</p>
        </section>
      </main>

      <footer class="footer">
        接口：<code>POST /v1/match</code> · <code>GET /v1/scenarios</code> · <code>GET /healthz</code> · <code>GET /metrics</code>
      </footer>

      <script type="application/json" id="example-profile">{{EXAMPLE_JSON}}</script>
      <script src="/assets/app.js"></script>
    </body>
    </html>
    """
}
