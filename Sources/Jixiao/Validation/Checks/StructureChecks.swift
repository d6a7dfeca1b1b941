/// JX501: a level 2 under a level 1 it does not belong to in the table's framework.
enum LevelUnderWrongParent: Check {
  static let entry = CatalogueEntry(
    "JX501", .warning,
    title: Localized(zh: "二级指标归属错误", en: "level 2 under the wrong level 1"),
    message: Localized(zh: "二级指标“{0}”不属于一级指标“{1}”（{2}体系中应在“{3}”之下）", en: "level 2 '{0}' does not belong under '{1}' (under the {2} framework it belongs under '{3}')"),
    explanation: Localized(
      zh: "按表格采用的指标体系判断二级指标的归属：旧体系中成本指标在产出指标之下，服务对象满意度可在效益指标之下；2021 体系（财预〔2021〕101号）中成本指标为一级，下设经济成本、社会成本、生态环境成本指标。\n示例：`效益指标 │ 经济成本指标 │ …`。\n修正：把指标移到正确的一级指标下。",
      en: "Level 2s are judged against the framework the table follows: the legacy one puts 成本指标 under 产出指标 and may put 服务对象满意度 under 效益指标; the 2021 one (财预〔2021〕101号) makes 成本指标 a level 1 with 经济/社会/生态环境成本指标 under it.\nExample: `效益指标 │ 经济成本指标 │ …`.\nFix: move the indicator under the right level 1."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    // Most level 2s fit, which the facts tell.
    subject.findings(
      ownTargetsOnly: false,
      where: { fact in
        guard fact.level1Origin == .cell, let level1 = fact.level1, let level2 = fact.level2 else { return false }
        return !fits(level2, under: level1, fact.framework)
      }
    ) { entity, checked in
      let framework = entity.table?.framework
      let indicator = checked.indicator
      guard let level1Name = indicator.level1, let level1 = checked.level1,
        let level2Name = indicator.level2, let level2 = checked.level2
      else { return nil }
      if fits(level2, under: level1, framework) { return nil }
      let name = framework == .y2021 ? "2021" : framework == .legacy ? "legacy" : "national"
      return Diagnostic(
        self, span: indicator.spans[.level2] ?? indicator.span, level2Name, level1Name, name,
        level2.parent(in: framework).rawValue)
    }
  }

  static func fits(_ level2: Level2, under level1: Level1, _ framework: Framework?) -> Bool {
    if level2.parent(in: framework) == level1 { return true }
    if level2 == .serviceSatisfaction && level1 == .benefit && framework != .y2021 { return true }
    if level2 == .cost && framework != .legacy && framework != .y2021 { return level1 == .cost || level1 == .output }
    return false
  }
}

/// JX502: one table uses both frameworks.
enum MixedFrameworks: Check {
  static let entry = CatalogueEntry(
    "JX502", .warning,
    title: Localized(zh: "新旧指标体系混用", en: "frameworks mixed"),
    message: Localized(zh: "同一表格混用了两套指标体系：成本指标既是一级指标又是产出指标下的二级指标", en: "the table mixes both frameworks: 成本指标 is both a level 1 and a level 2 under 产出指标"),
    explanation: Localized(
      zh: "一张表应统一采用旧体系（成本指标为产出下的二级指标）或 2021 体系（成本指标为一级指标）。\n示例：一个项目写 `产出指标 │ 成本指标`，另一个写 `成本指标 │ 经济成本指标`。\n修正：统一为一种体系。",
      en: "A table should follow one framework: the legacy one (成本指标 a level 2 under 产出) or the 2021 one (成本指标 a level 1).\nExample: one project with `产出指标 │ 成本指标` and another with `成本指标 │ 经济成本指标`.\nFix: use one framework throughout."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    subject.document.tables.filter { $0.framework == .mixed }.map { Diagnostic(self, span: $0.span) }
  }
}

/// JX503: a level name that is a local variant of a standard one (社会效益 for 社会效益指标).
enum LevelNameNonStandard: Check {
  static let acceptedVariants: Set<String> = ["社会公众或服务对象满意度指标"]

  static let entry = CatalogueEntry(
    "JX503", .note,
    title: Localized(zh: "非标准级次名称", en: "non-standard level name"),
    message: Localized(zh: "级次名称“{0}”不是标准写法，按“{1}”读取", en: "the level name '{0}' is not the standard spelling; read as '{1}'"),
    explanation: Localized(
      zh: "地方模板常用简写或旧称（社会效益、服务对象满意度、环境效益指标、产出(工作量)指标）。Jixiao 按对应的标准名称归类，并提示一次。\n示例：`社会效益 │ 人员到位及时性 │ 及时`。\n修正：可改用标准名称“社会效益指标”。",
      en: "Local templates use short or old names (社会效益, 服务对象满意度, 环境效益指标, 产出(工作量)指标). Jixiao files them under the standard name and says so once per name.\nExample: `社会效益 │ 人员到位及时性 │ 及时`.\nFix: use the standard name 社会效益指标."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var seen: Set<String> = []
    // The cells of one block repeat their level names row after row. What follows depends
    // only on the two names and the table (`seen` is per table), so a pair just judged in
    // an entity cannot be reported again in it: it was, or a test ruled it out.
    var lastJudged: (level1: (raw: String, standard: String)?, level2: (raw: String, standard: String)?)
    var lastEntity: ValidationSubject.Entity?
    // Most names are written the standard way, which the facts tell: only the rest are judged.
    subject.eachFact(ownTargetsOnly: false, where: { $0.level1RawDiffers || $0.level2RawDiffers }) { entity, checked in
      if lastEntity !== entity {
        lastEntity = entity
        lastJudged = (nil, nil)
      }
      func judge(_ raw: String?, _ standard: String?, _ key: SpanName, of indicator: Indicator) {
        guard let raw, let standard else { return }
        // Written the standard way, as most names are: its key is itself.
        if raw.equalsBytes(standard) { return }
        guard let span = indicator.spans[key] else { return }
        let last = key == .level1 ? lastJudged.level1 : lastJudged.level2
        if let last, last.raw.equalsBytes(raw), last.standard.equalsBytes(standard) { return }
        if key == .level1 { lastJudged.level1 = (raw, standard) } else { lastJudged.level2 = (raw, standard) }
        // The standard name in traditional script is the standard name (ICU only when the
        // plain key differs: most names are written in the standard way).
        var rawKey = LevelVocabulary.stripAnnotations(TextKey.make(raw))
        if rawKey != standard && Script.hasTraditional(raw) {
          rawKey = LevelVocabulary.stripAnnotations(TextKey.make(raw, simplify: true))
        }
        // The national templates' own variant is standard too.
        guard rawKey != standard, !LevelNameNonStandard.acceptedVariants.contains(rawKey), Level1.named(standard) != nil || Level2.named(standard) != nil,
          seen.insert("\(entity.table?.index ?? -1)|\(rawKey)").inserted
        else { return }
        diagnostics.append(Diagnostic(self, span: span, raw, standard))
      }
      let indicator = checked.indicator
      judge(indicator.level1Raw, indicator.level1, .level1, of: indicator)
      judge(indicator.level2Raw, indicator.level2, .level2, of: indicator)
    }
    return diagnostics
  }
}

/// JX504: a level name that matches no known level.
enum LevelNameUnknown: Check {
  static let entry = CatalogueEntry(
    "JX504", .warning,
    title: Localized(zh: "未知级次名称", en: "unknown level name"),
    message: Localized(zh: "级次名称“{0}”不在国家指标体系中{1}", en: "the level name '{0}' is not in the national frameworks{1}"),
    explanation: Localized(
      zh: "一级指标应为 产出/效益/满意度/成本 指标，二级指标应为对应体系中的名称。未知名称可能是错别字或把三级指标写进了级次列。\n示例：`产出指标 │ 质量 │ …` 可读，但 `产出指标 │ 完成情况 │ …` 不可读。\n修正：改用标准名称。",
      en: "Level 1 should be 产出/效益/满意度/成本指标 and level 2 a name of the matching framework. An unknown name may be a typo or a level-3 name written in a level column.\nExample: `产出指标 │ 质量 │ …` reads, `产出指标 │ 完成情况 │ …` does not.\nFix: use the standard name."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var seen: Set<String> = []
    func judge(_ name: String?, _ key: SpanName, of indicator: Indicator) {
      guard let name, Level1.named(name) == nil, Level2.named(name) == nil,
        !LevelVocabulary.isEvaluationLevel(name), let span = indicator.spans[key],
        seen.insert(name).inserted
      else { return }
      let suggestion = nearest(name).map { "; did you mean '\($0)'?" } ?? ""
      diagnostics.append(Diagnostic(self, span: span, name, suggestion))
    }
    // Most cells name a standard level, as the subject has read already: the other lookup
    // is made only for the rest.
    subject.eachFact(ownTargetsOnly: false, where: { ($0.level1 == nil && $0.hasLevel1) || ($0.level2 == nil && $0.hasLevel2) }) {
      entity, checked in
      if checked.level1 == nil { judge(checked.indicator.level1, .level1, of: checked.indicator) }
      if checked.level2 == nil { judge(checked.indicator.level2, .level2, of: checked.indicator) }
    }
    return diagnostics
  }

  /// The standard name closest to `name` (sharing most characters), if any is close.
  static func nearest(_ name: String) -> String? {
    let candidates = Level1.allCases.map(\.rawValue) + Level2.allCases.map(\.rawValue)
    let characters = Set(name)
    let scored = candidates.map { candidate -> (String, Int) in
      (candidate, Set(candidate).intersection(characters).count * 2 - abs(candidate.count - name.count))
    }
    guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 >= 3 else { return nil }
    return best.0
  }
}

/// JX505: a project without 产出 or 效益 indicators, or without 满意度 ones (and, under the 2021
/// framework, without 成本 ones).
enum MissingLevelFamily: Check {
  static let entry = CatalogueEntry(
    "JX505", .warning,
    title: Localized(zh: "缺少一级指标", en: "level-1 family missing"),
    message: Localized(zh: "“{0}”没有{1}", en: "'{0}' has no {1} indicator"),
    explanation: Localized(
      zh: "绩效目标应完整（财预〔2020〕88号“完整性”）：每个项目至少有产出指标和效益指标；服务于群众的项目还应有满意度指标；2021 体系还设成本指标。只有模板占位行（只写了二级指标）的不算。\n示例：一个项目只有 效益指标 和 满意度指标 两行。\n修正：补充缺少的指标。",
      en: "Targets should be complete (88号 完整性): every project has at least output (产出) and benefit (效益) indicators, a satisfaction (满意度) one where it serves people, and under the 2021 framework a cost (成本) one. Template rows naming only a level 2 do not count.\nExample: a project with only a 效益 row and a 满意度 row.\nFix: add the missing indicators."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    // The projects are the entities that are not departments, in the same order; their
    // level cells are read already (a level-1 cell names a family when it reads as one).
    for (entityIndex, project) in subject.entities.enumerated()
    where !project.isDepartment && !project.indicators.isEmpty && !subject.isCutOff(project.span) {
      // Which families occur, by the cases' order (not a `Set`: a `String`-backed enum hashes
      // its raw value).
      var families = [Bool](repeating: false, count: Level1.allCases.count)
      _ = subject.anyFact(ofEntity: entityIndex) { fact in
        if let level1 = fact.level1 { families[level1.order] = true }
        return false
      }
      let framework = project.table?.framework
      var missing: [(Level1, String, Severity)] = [
        (.output, "@output", .warning), (.benefit, "@benefit", .warning), (.satisfaction, "@satisfaction", .warning),
      ]
      if framework == .y2021 { missing.append((.cost, "@cost", .note)) }
      for (family, term, severity) in missing where !families[family.order] {
        if family == .satisfaction && subject.anyFact(ofEntity: entityIndex, { $0.level2 == .serviceSatisfaction }) { continue }
        diagnostics.append(Diagnostic(entry.code, span: project.span, [project.name, term], severity: severity))
      }
    }
    return diagnostics
  }
}

extension Level1 {
  /// The case's place in `allCases`.
  fileprivate var order: Int {
    switch self {
    case .output: 0
    case .benefit: 1
    case .satisfaction: 2
    case .cost: 3
    }
  }
}

/// JX506: the same indicator twice in one project.
enum DuplicateIndicator: Check {
  static let entry = CatalogueEntry(
    "JX506", .warning,
    title: Localized(zh: "指标重复", en: "duplicate indicator"),
    message: Localized(zh: "指标“{0}”（{1}）在“{2}”中出现两次", en: "indicator '{0}' ({1}) appears twice in '{2}'"),
    explanation: Localized(
      zh: "同一项目、同一二级指标下出现同名三级指标（长期与年度指标分开计）。由合并单元格向下填充的名称不算（见 JX108）。\n示例：两行 `数量指标 │ 上报案件量`。\n修正：删除重复行或区分名称。",
      en: "The same level-3 name appears twice under the same level 2 of one project (long-term and annual blocks count apart). Names filled down from a merged cell do not count (see JX108).\nExample: two rows `数量指标 │ 上报案件量`.\nFix: delete the repeat or tell the two apart."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    // The named indicators by a hash of their name key's bytes, sorted so that the few of one
    // name lie together in their order; each is compared only with the earlier ones of its
    // hash. (A dictionary of names cost a hash table, its generic metadata and a string key
    // per indicator.) Both arrays serve every entity.
    var named: [Named] = []
    var earliest: [Int] = []
    for (entityIndex, entity) in subject.entities.enumerated() {
      named.removeAll(keepingCapacity: true)
      // From the facts, which hold the hash: the indicators are reached only for a repeat.
      _ = subject.anyFact(ofEntity: entityIndex) { fact in
        if let hash = fact.nameHash { named.append(Named(hash: hash, index: Int(fact.index))) }
        return false
      }
      guard named.count >= 2 else { continue }
      let indicators = entity.indicators
      named.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.index < $1.index }
      earliest.removeAll(keepingCapacity: true)
      earliest.append(contentsOf: repeatElement(-1, count: indicators.count))
      var runStart = 0
      for position in 1..<named.count {
        if named[position].hash != named[runStart].hash {
          runStart = position
          continue
        }
        // The earliest of the same name, block and level 2.
        let later = indicators[named[position].index]
        for candidate in runStart..<position {
          let first = indicators[named[candidate].index]
          if first.indicator.horizon == later.indicator.horizon, Self.sameNameKey(first, later),
            (first.indicator.level2 ?? "").equalsBytes(later.indicator.level2 ?? "")
          {
            earliest[named[position].index] = named[candidate].index
            break
          }
        }
      }
      for (index, first) in earliest.enumerated() where first >= 0 {
        let indicator = indicators[index].indicator
        let name = indicator.name ?? ""
        diagnostics.append(
          Diagnostic(
            self, span: indicator.nameSpan, name, indicator.level2 ?? "", entity.name,
            related: [.init(.sameName, span: indicators[first].indicator.nameSpan, name)]))
      }
    }
    return diagnostics
  }

  /// A named indicator's place in its entity and the hash of its name key. A struct, not a
  /// tuple: the metadata of an array of tuples was looked up anew for every entity.
  private struct Named {
    var hash: UInt64
    var index: Int
  }

  private static func sameNameKey(_ first: CheckedIndicator, _ later: CheckedIndicator) -> Bool {
    guard let firstKey = first.nameKey, let laterKey = later.nameKey else { return false }
    return firstKey.equalsBytes(laterKey)
  }

  /// FNV-1a over the key's bytes.
  static func hash(_ key: String) -> UInt64 {
    key.withUTF8Bytes { bytes in
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
      return hash
    }
  }
}

/// JX507: a project with no indicators.
enum ProjectWithoutIndicators: Check {
  static let entry = CatalogueEntry(
    "JX507", .warning,
    title: Localized(zh: "项目没有指标", en: "project without indicators"),
    message: Localized(zh: "“{0}”没有绩效指标", en: "'{0}' has no indicators"),
    explanation: Localized(
      zh: "项目有名称和资金，却没有任何绩效指标（或只有模板占位行）。也可能是表格被截断。\n示例：项目信息之后直接是下一个项目。\n修正：补充绩效指标。",
      en: "The project has a name and funds but no indicator (or only template rows). The table may also have been cut off.\nExample: project details followed directly by the next project.\nFix: add the indicators."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    subject.document.projects.filter { $0.indicators.isEmpty && !subject.isCutOff($0.span) }.map { Diagnostic(self, span: $0.span, $0.name ?? "") }
  }
}

/// JX508: evaluation-framework levels (决策, 过程) in a target table.
enum EvaluationLevelInTargetTable: Check {
  static let entry = CatalogueEntry(
    "JX508", .warning,
    title: Localized(zh: "评价体系的一级指标", en: "evaluation level in a target table"),
    message: Localized(zh: "一级指标“{0}”属于绩效评价体系，不属于绩效目标表", en: "level 1 '{0}' belongs to the evaluation framework, not to a target table"),
    explanation: Localized(
      zh: "“决策”“过程”是财预〔2020〕10号绩效评价指标体系的一级指标；出现在绩效目标表中，说明表格类型可能弄错（应为评价表或自评表）。\n示例：`决策 │ 项目立项 │ …`。\n修正：核对表格类型。",
      en: "决策 and 过程 are level 1s of the evaluation framework (10号); in a target table they suggest the wrong kind of table (an evaluation or self-evaluation).\nExample: `决策 │ 项目立项 │ …`.\nFix: check what kind of table this is."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    var seen: Set<String> = []
    return subject.findings(ownTargetsOnly: false, where: { $0.level1 == nil && $0.hasLevel1 }) { entity, checked in
      // A cell that reads as a standard level 1 is not an evaluation level.
      guard checked.level1 == nil else { return nil }
      let indicator = checked.indicator
      guard let name = indicator.level1, LevelVocabulary.isEvaluationLevel(name), seen.insert(name).inserted else { return nil }
      return Diagnostic(self, span: indicator.spans[.level1] ?? indicator.span, name)
    }
  }
}
