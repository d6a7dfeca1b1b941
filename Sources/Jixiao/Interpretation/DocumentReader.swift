/// The interpretation stage: tables of rows in, projects, departments and budget lines out.
struct DocumentReader {
  var context: ReadingContext
  var tables: [TableInfo] = []
  var projects: [Project] = []
  var departments: [DepartmentTarget] = []
  var budgetLines: [BudgetLine] = []

  /// `targetReadings`: the document's, when a stage before reading asked them already.
  init(text: SourceText, dialect: Dialect, targetReadings: TargetReadings? = nil) {
    context = ReadingContext(text: text, targetReadings: targetReadings)
    // One cell a line without a tab before each: an empty cell would be a blank line, which
    // ends the row, so the rows have lost their empty cells.
    context.positionsTrusted = dialect.keepsEmptyCells && (dialect != .cellPerLine || CellPerLineTokenizer.hasTabLedLine(text))
    context.cellsRunTogether = dialect.cutsAtWords
    context.cellsMayBePieces = dialect.cutsInsideCells
    context.linesArePlaced = dialect == .aligned
  }

  /// A table with actual values and scores (实际完成值 and 得分, or 全年执行数 and 执行率)
  /// evaluates a past year: it is a self-evaluation whatever its title says.
  static func isSelfEvaluation(_ block: TableBlock) -> Bool {
    // One pass over the keys, told apart by length first: most keys are none of the words.
    var actual = false, score = false, executed = false, rate = false
    // By index: iterating the cells copies each one (its text, key and span) to read a key.
    // An empty cell (half of them) has an empty key: it is passed over without its key.
    for row in block.rows {
      let cells = row.cells
      for index in cells.indices where !cells[index].isEmpty {
        // The length first, the key only for the lengths of the words: taking every key out
        // retained and released it.
        switch cells[index].keyUTF8Count {
        case 6: score = score || cells[index].key.equalsBytes("得分")
        case 9: rate = rate || cells[index].key.equalsBytes("执行率")
        case 15:
          let key = cells[index].key
          actual = actual || key.equalsBytes("实际完成值")
          executed = executed || key.equalsBytes("全年执行数")
        default: break
        }
      }
    }
    return (actual && score) || (executed && rate)
  }

  mutating func read(_ segmentation: Segmentation) {
    for block in segmentation.blocks {
      read(block, documentYear: segmentation.documentYear)
    }
  }

  private mutating func read(_ block: TableBlock, documentYear: Int?) {
    var block = block
    if block.kind == .projectTargets && Self.isSelfEvaluation(block) { block.kind = .selfEvaluation }
    let index = tables.count
    var info = TableInfo(index: index, kind: block.kind, title: block.title?.text, year: block.year ?? documentYear, span: block.span)
    info.moneyUnit = block.moneyUnit?.rawValue
    info.layout = block.layout
    if block.kind == .budgetSummary {
      let unit = block.moneyUnit ?? .wanYuan
      if block.moneyUnit == nil { context.diagnose("JX110", block.span, "1", block.title?.text ?? "") }
      let (lines, layout) = BudgetSummaryReader.read(
        block, table: index, unit: unit, unitSource: block.moneyUnit == nil ? .assumed : .header, context: &context)
      budgetLines += lines
      info.layout += layout
      tables.append(info)
      return
    }
    if block.kind == .selfEvaluation || block.kind == .evaluationIndicators {
      // Not targets: named and set aside, never read into projects.
      for row in block.rows { for cell in row.nonEmpty { context.leave(cell, .notATargetTable) } }
      context.diagnose("JX116", block.span, block.title?.text ?? block.kind.rawValue)
      tables.append(info)
      return
    }
    // (Past the lines that say whose the projects are: `部门名称：…` over a list opens it.)
    let isList = block.rows.first(where: { !$0.isBlank && ListTableReader.sharedFields($0, context: context) == nil }).map { row in
      RowClassifier.kind(of: row) == .header
        && row.nonEmpty.contains { ColumnVocabulary.role($0.key)?.isProjectColumn == true }
    } ?? false
    var entities: [EntityDraft]
    let readerLayout: [LayoutCell]
    var totals: [TotalsDraft] = []
    if isList {
      (entities, readerLayout, totals) = ListTableReader.read(block, context: &context)
    } else {
      (entities, readerLayout) = FormTableReader.read(block, context: &context)
    }
    info.layout += readerLayout
    let remarksAreWeights: Bool
    let labelsMayFollowRows: Bool
    do {
      // The sections, not their drafts copied into one list; let go before the sections are
      // resolved, which they then are where they lie.
      let sections = entities.flatMap(\.sections)
      info.framework = FrameworkDetector.detect(sections)
      remarksAreWeights = IndicatorBuilder.remarksLookLikeWeights(sections)
      labelsMayFollowRows = LevelResolver.labelsMayFollowRows(sections, linesArePlaced: context.linesArePlaced)
    }
    var assembler = EntityAssembler(
      tableIndex: index, framework: info.framework, budgetYear: info.year, tableUnit: block.moneyUnit,
      remarksAreWeights: remarksAreWeights, labelsMayFollowRows: labelsMayFollowRows, context: context)
    if assembler.remarksAreWeights { assembler.context.diagnose("JX113", block.span) }
    let firstProject = projects.count
    for index in entities.indices {
      // Taken out of the list: its sections are then resolved where they lie, not copied.
      var entity = EntityDraft(span: entities[index].span)
      swap(&entity, &entities[index])
      if block.kind == .departmentTargets {
        departments.append(assembler.department(consume entity))
      } else {
        projects.append(assembler.project(consume entity))
      }
    }
    if block.kind != .departmentTargets {
      for total in totals {
        guard let covered = total.entities else { continue }
        info.totals.append(
          TableTotal(
            label: total.label.text, funds: assembler.funds(of: total.fields, unit: total.moneyUnit),
            projects: (firstProject + covered.lowerBound)..<(firstProject + covered.upperBound), span: total.label.span))
      }
    }
    context = assembler.context
    info.layout += assembler.layout
    info.placeholderRows = assembler.placeholderRows
    tables.append(info)
  }
}
