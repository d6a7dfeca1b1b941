import FoundationEssentials
import Testing

@testable import Jixiao

/// What the four seeds must give, as the core issue states it and as checked by hand
/// against the source documents.
@Suite struct SeedExpectationsTests {
  static func seed(_ prefix: String) throws -> Document {
    let path = try #require(CorpusTests.documents.first { $0.hasPrefix("Corpus/seeds/\(prefix)") })
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + path))
    return try Jixiao.parse(bytes, path: path)
  }

  static func findings(_ document: Document) -> [String] {
    document.diagnostics.filter { !$0.code.hasPrefix("JX1") }.map { "\($0.code)@\($0.span?.line ?? 0)" }.sorted()
  }

  @Test func seed000() throws {
    let document = try Self.seed("000")
    #expect(document.source.dialect == "tabbed")
    #expect(document.projects.count == 4)
    #expect(document.projects.map(\.indicators.count) == [7, 7, 7, 7])
    #expect(document.projects.map { $0.funds.total?.yuan } == [500000, 170000, 70000, 2372544])
    #expect(document.projects[3].funds.total?.raw == "237.2544")
    #expect(document.projects.allSatisfy { $0.department.name == "平罗县住房和城乡建设局" && $0.department.code == "029" })
    #expect(document.tables.allSatisfy { $0.year == 2024 && $0.framework == .legacy })
    // Each cost indicator equals its project's funds: no cost finding.
    for project in document.projects {
      let cost = try #require(project.indicators.first { $0.level2 == "成本指标" })
      #expect(cost.target.yuan == project.funds.total?.yuan)
    }
    #expect(document.residue.isEmpty)
    // JX314, notes: counts (清理数量、系统上报数和结案数, 开展各项工作的数量) with percentages.
    #expect(Self.findings(document) == ["JX304@81", "JX314@55", "JX314@75"])
  }

  @Test func seed001() throws {
    let document = try Self.seed("001")
    #expect(document.source.dialect == "cellPerLine")
    #expect(document.tables.map(\.kind) == [.budgetSummary, .projectTargets, .departmentTargets])
    #expect(document.projects.count == 13)
    #expect(document.projects.map(\.indicators.count) == [2, 7, 6, 10, 6, 8, 8, 10, 8, 11, 7, 8, 6])
    #expect(document.tables[1].placeholderRows == 48)
    #expect(document.tables[1].framework == .y2021)
    let unfunded = document.projects.filter { $0.funds.total == nil }.compactMap(\.name)
    #expect(unfunded == ["三车三场专项整治经费", "城管执法专项", "城管公安大队专项经费"])
    let funded = document.projects.compactMap { $0.funds.total?.yuan }.reduce(Decimal(0), +)
    #expect(funded == 9_832_800)
    let lines = Dictionary(document.budgetLines.map { ($0.normalizedLabel, $0.amount?.raw) }, uniquingKeysWith: { a, _ in a })
    #expect(lines["基本支出"] == "650.65")
    #expect(lines["项目支出"] == "983.28")
    #expect(lines["本年收入合计"] == "1,633.94")
    let department = try #require(document.departments.first)
    #expect(document.departments.count == 1)
    #expect(department.indicators.count == 9)
    #expect(department.name == "开福区城市管理和综合执法局")
    let goal = try #require(department.goals.annual)
    for part in ["（一）贯彻落实党的二十大精神", "（二）狠抓安全事故防范", "（三）持续开展精致管理", "（四）推进系列品质工程"] {
      #expect(goal.contains(part))
    }
    #expect(Set(document.residue.map(\.reason)) == [.imagePlaceholder, .ocrNoise])
    #expect(
      Self.findings(document) == [
        "JX203@135", "JX203@2549", "JX205@1569", "JX205@164", "JX205@407", "JX209@1750", "JX210@2361",
        "JX301@1699", "JX301@1713", "JX302@1398", "JX302@1412", "JX302@1066", "JX302@2178", "JX302@472",
        "JX302@486", "JX306@1063", "JX306@1105", "JX306@1264", "JX306@1395", "JX306@1409", "JX306@2291",
        "JX306@483", "JX306@939", "JX309@1660", "JX402@1657", "JX505@164", "JX505@164", "JX601@2567",
        "JX602@1037", "JX602@1051", "JX602@1079", "JX602@1093", "JX602@983", "JX603@166",
      ].sorted())
  }

  @Test func seed002() throws {
    let document = try Self.seed("002")
    let project = try #require(document.projects.first)
    #expect(document.projects.count == 1)
    #expect(project.indicators.count == 16)
    #expect(project.indicators.filter { $0.horizon == .longTerm }.count == 8)
    #expect(project.indicators.filter { $0.horizon == .annual }.count == 8)
    #expect(project.funds.total?.yuan == 3_500_000)
    #expect(project.funds.fiscal?.yuan == 3_500_000)
    #expect(project.attribute == "新增项目")
    #expect(project.implementingUnit == "济宁市高新区综合行政执法局")
    #expect(document.residue.map(\.reason) == [.bledText])
    #expect(Self.findings(document) == ["JX311@33", "JX311@44", "JX505@11"])
  }

  @Test func seed003() throws {
    let document = try Self.seed("003")
    #expect(document.projects.count == 13)
    #expect(document.projects.map(\.indicators.count) == [11, 9, 7, 9, 9, 40, 17, 15, 41, 15, 75, 51, 17])
    #expect(document.projects[0].funds.total?.yuan == 450000)
    #expect(document.projects.allSatisfy { $0.period.start == "2024-01-01" && $0.period.end == "2024-12-31" })
    let latex = try #require(document.projects.flatMap(\.indicators).first { $0.target.raw.hasPrefix("$") })
    #expect(latex.target.op == .atLeast && latex.target.value == 90 && latex.target.unit == "%")
    // The file's last line has no newline and holds an indicator.
    let last = try #require(document.projects.last?.indicators.last)
    #expect(last.name == "城管执法满意度" && last.target.raw == "≥85(%)" && last.span.line == 547)
    #expect(document.residue.isEmpty)
    #expect(
      Self.findings(document) == [
        "JX304@131", "JX308@186", "JX308@299", "JX308@313", "JX310@461", "JX310@463", "JX310@464", "JX401@183",
        "JX503@190", "JX503@27",
      ].sorted())
  }
}
