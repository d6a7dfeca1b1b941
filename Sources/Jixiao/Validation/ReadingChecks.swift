/// The 1xx family: how the document was read. These come from the reading stages, not from
/// checks over the model; they tell a reviewer where the reading is uncertain.
enum ReadingChecks {
  static let entries: [CatalogueEntry] = [
    CatalogueEntry(
      "JX101", .warning,
      title: Localized(zh: "编码为推测", en: "encoding guessed"),
      message: Localized(zh: "文件编码推测为 {0}（把握 {1}%），可能读错", en: "encoding guessed as {0} with {1}% confidence; the text may be misread"),
      explanation: Localized(
        zh: "文件没有 BOM，也不是有效的 UTF-8，编码由 ICU 的字符集检测推测，把握不高。\n示例：一个从旧县级网站抓取、以 GBK 保存且很短的文件。\n修正：确认原始编码后用 --encoding GB18030（或 UTF-16LE 等）重新解析。",
        en: "The file has no byte-order mark and is not valid UTF-8; ICU's charset detector guessed its encoding with low confidence.\nExample: a short file scraped from an old county site and saved in GBK.\nFix: find the real encoding and parse again with --encoding GB18030 (or UTF-16LE …).")),
    CatalogueEntry(
      "JX102", .warning,
      title: Localized(zh: "无效字节", en: "invalid bytes"),
      message: Localized(zh: "{0} 处无效字节序列已替换为 U+FFFD（字节偏移：{1}）", en: "{0} invalid byte sequences replaced by U+FFFD (byte offsets: {1})"),
      explanation: Localized(
        zh: "有字节序列在所用编码中无效，已替换为 U+FFFD（�），其余文本照常读取。\n示例：UTF-8 文件中夹杂一个 GBK 编码的字。\n修正：检查这些偏移处的原文；必要时以正确编码重新保存。",
        en: "Some byte sequences are invalid in the encoding used; each became U+FFFD (�) and the rest of the text was read normally.\nExample: a UTF-8 file with one character pasted in GBK.\nFix: look at the bytes at these offsets; save the file again in one encoding.")),
    CatalogueEntry(
      "JX103", .note,
      title: Localized(zh: "单元格错位", en: "shifted cells"),
      message: Localized(zh: "该表有 {0} 行的单元格与表头列不对齐（第 {1} 行），已按内容读取", en: "{0} rows of this table have cells outside their headers' columns (lines {1}); read by what they contain"),
      explanation: Localized(
        zh: "PDF 或网页转换常把合并单元格丢掉，使一行的单元格左移或右移。Jixiao 按内容判断：级次名称就是级次，其余依次为指标名称和指标值。\n示例：`→→公众号发布消息数量→>50.00(条)`（三级指标落在二级指标列）。\n修正：无需处理；若读错，请核对该行原表。",
        en: "PDF and web converters drop merged cells, shifting a row's cells left or right. Jixiao reads such rows by content: a level name is a level wherever it sits; the rest are the indicator name and target in order.\nExample: `→→公众号发布消息数量→>50.00(条)` (the name sits in the level-2 column).\nFix: nothing to do; if the reading is wrong, check the row in the original table.")),
    CatalogueEntry(
      "JX104", .warning,
      title: Localized(zh: "串入的文字", en: "text bled into a cell"),
      message: Localized(zh: "单元格中混入了其他位置的文字：“{0}…”，已列入未识别内容", en: "text from elsewhere bled into the cell: '{0}…'; listed in residue"),
      explanation: Localized(
        zh: "一个单元格的内容后面接着不属于它的文字（常见于网页复制）。可识别的部分已读取，其余列入 residue。\n示例：`资金总额：350 财政拨款：350 自有资金： … 二、负责拟订…`。\n修正：从原表核对该单元格。",
        en: "A cell's content is followed by text that does not belong to it (common in copied web pages). What could be read was read; the rest is in residue.\nExample: `资金总额：350 财政拨款：350 自有资金： … 二、负责拟订…`.\nFix: check the cell in the original table.")),
    CatalogueEntry(
      "JX105", .note,
      title: Localized(zh: "按位置对应的值", en: "value placed by position"),
      message: Localized(zh: "第 {1} 行的值按位置归入“{0}”；该行的值少于标签，对应关系不确定", en: "the value on line {1} was placed under '{0}' by its position; the row has fewer values than labels, so the match is uncertain"),
      explanation: Localized(
        zh: "一行标签（如 项目总目标 │ 年度总体目标）下的一行值少了单元格，只能按位置对应。\n示例：`项目 绩效 目标→项目总目标→年度总体目标` 下一行为 `→<目标文字>`。\n修正：核对原表，确认该文字属于哪个标签。",
        en: "A row of values under a row of labels (项目总目标 │ 年度总体目标) has lost cells, so values were matched by position.\nExample: `项目 绩效 目标→项目总目标→年度总体目标` followed by `→<goal text>`.\nFix: check in the original which label the text belongs to.")),
    CatalogueEntry(
      "JX106", .note,
      title: Localized(zh: "级次取自下方标签", en: "level taken from a label below"),
      message: Localized(zh: "第 {1} 行本行没有二级指标，按下方第 {2} 行的“{0}”归类", en: "lines {1} have no level 2 of their own; placed under '{0}' from line {2} below"),
      explanation: Localized(
        zh: "PDF 提取把合并单元格的文字放在其区块的中间或末尾，区块前面的行没有级次。Jixiao 把这些行归入下方的标签（或在两个标签之间按指标名称划分）。\n示例：五行指标之后才出现 `绩效 指标→数量指标→…`。\n修正：核对原表的合并单元格范围。",
        en: "PDF extraction prints a merged cell's text in the middle or at the end of its block, so the rows before it carry no level. Jixiao gives them the label below (or, between two labels, splits the rows where their names fit).\nExample: five indicator rows followed by `绩效 指标→数量指标→…`.\nFix: check the merged cell's extent in the original table.")),
    CatalogueEntry(
      "JX107", .note,
      title: Localized(zh: "二级指标标签被拆开", en: "level-2 label split"),
      message: Localized(zh: "二级指标“{0}”与“{1}”被分页拆开，已合并读取", en: "the level-2 label '{0}' was split by a page into '{0}' and '{1}'; read as one"),
      explanation: Localized(
        zh: "合并单元格跨页时，其文字可能被拆成两段，如“服务对象满意度”和“指标”。\n示例：`满意度指标→指标→全市城管执法人员满意度→≥90%`。\n修正：无需处理。",
        en: "A merged cell that crosses a page can have its text split, as 服务对象满意度 and 指标.\nExample: `满意度指标→指标→全市城管执法人员满意度→≥90%`.\nFix: nothing to do.")),
    CatalogueEntry(
      "JX108", .note,
      title: Localized(zh: "合并单元格向下填充", en: "merged name and target filled"),
      message: Localized(zh: "该行三级指标与指标值为空，沿用第 {1} 行的“{0}”（合并单元格）", en: "this row has no name or target; took '{0}' from line {1} above (merged cells)"),
      explanation: Localized(
        zh: "一行有指标值内容、评分标准等，却没有三级指标和指标值：原表中这两格与上一行合并。\n示例：`协管员编制人数 22` 之下一行只有“局直属协管员编配人数 … 人 ＝ 5分”。\n修正：若两行本是两个指标，请在原表中补全名称与指标值。",
        en: "A row has an explanation, scoring rule and so on but no name and target: in the original those cells are merged with the row above.\nExample: under `协管员编制人数 22`, a row with only `局直属协管员编配人数 … 人 ＝ 5分`.\nFix: if the rows are two indicators, give the second its own name and target.")),
    CatalogueEntry(
      "JX109", .warning,
      title: Localized(zh: "项目名称位于绩效目标列", en: "project name in the goal column"),
      message: Localized(zh: "项目“{0}”的名称位于绩效目标列，名称与资金总额列为空；按项目读取，资金总额记为空", en: "project '{0}' has its name in the goal column and no name or amount; read as a project with no amount"),
      explanation: Localized(
        zh: "清单式表格中，新项目的名称应在“单位（项目）名称”列；这里名称滑到了“绩效目标”列，金额也缺失。\n示例：`→→→三车三场专项整治经费→成本指标→…`。\n修正：在原表中把名称移回名称列并填写资金总额。",
        en: "In a list-style table a new project's name belongs in the 单位（项目）名称 column; here it slid into the 绩效目标 column and the amount is missing.\nExample: `→→→三车三场专项整治经费→成本指标→…`.\nFix: move the name back to its column and give the amount.")),
    CatalogueEntry(
      "JX110", .warning,
      title: Localized(zh: "金额单位为假定", en: "money unit assumed"),
      message: Localized(zh: "{0} 个金额（首个为“{1}”）在表中没有注明单位，按万元读取", en: "{0} amounts (the first '{1}') have no unit anywhere in their table; read as 万元"),
      explanation: Localized(
        zh: "表头、单元格和表注都没有写明金额单位。预算公开表格通常以万元为单位，Jixiao 按万元读取并提示。\n示例：`资金总额 │ 500`，表头无“（万元）”。\n修正：在表头写明单位，如“项目资金（万元）”。",
        en: "Neither the header, the cell nor a table note states the money unit. Budget disclosures usually use 万元, so Jixiao reads 万元 and says so.\nExample: `资金总额 │ 500` with no (万元) in the header.\nFix: state the unit in the header, as 项目资金（万元）.")),
    CatalogueEntry(
      "JX111", .warning,
      title: Localized(zh: "资金格不是金额", en: "funds cell is not an amount"),
      message: Localized(zh: "“{1}”的值“{0}”不是金额", en: "the value '{0}' of '{1}' is not an amount"),
      explanation: Localized(
        zh: "资金类标签（资金总额、财政拨款……）后面的单元格读不出金额。\n示例：`财政拨款 │ 见附件`。\n修正：填写数字金额。",
        en: "The cell after a funds label (资金总额, 财政拨款 …) does not read as an amount.\nExample: `财政拨款 │ 见附件`.\nFix: write the amount as a number.")),
    CatalogueEntry(
      "JX112", .note,
      title: Localized(zh: "项目期取自实施进度", en: "period from the schedule"),
      message: Localized(zh: "项目起止时间为空，按实施进度计划取为 {0} 至 {1}", en: "the project period is empty; took {0} to {1} from the implementation schedule"),
      explanation: Localized(
        zh: "“项目起止时间”未填，但“项目实施进度计划”给出了开始和完成时间，Jixiao 以其最早开始与最晚完成作为项目期。\n示例：起止时间为空，进度计划为 2019年8月1日 至 2020年7月31日。\n修正：填写项目起止时间。",
        en: "The project period is blank, but the implementation schedule gives start and end dates; Jixiao takes the earliest start and the latest end.\nExample: an empty 项目起止时间 with a schedule from 2019年8月1日 to 2020年7月31日.\nFix: fill in the project period.")),
    CatalogueEntry(
      "JX113", .note,
      title: Localized(zh: "备注列为分值", en: "weights in the remark column"),
      message: Localized(zh: "该表“备注”列填的是分值（如 20分），已作为权重读取", en: "the table's 备注 column holds scores (such as 20分); read as weights"),
      explanation: Localized(
        zh: "一些模板没有“分值”列，填报人把各指标的分值写在“备注”列。该列几乎都是数字或“N分”时，Jixiao 把它读作权重。\n示例：`… │ ≥ │ 10分`，表头最后一列为“备注”。\n修正：无需处理；模板宜设“分值”列。",
        en: "Some templates have no weight column and the clerk writes each indicator's score in 备注. When that column holds numbers or N分 almost everywhere, Jixiao reads it as weights.\nExample: `… │ ≥ │ 10分` under a last column headed 备注.\nFix: nothing to do; templates should have a 分值 column.")),
    CatalogueEntry(
      "JX114", .warning,
      title: Localized(zh: "文件在单元格中间截断", en: "document cut off mid-cell"),
      message: Localized(zh: "文件在“{0}”处中断，表格不完整；该片段列入未识别内容", en: "the document ends mid-cell at '{0}', so the table is incomplete; the fragment is listed in residue"),
      explanation: Localized(
        zh: "文件最后一个单元格是不完整的词（如“数量指”“生態(t”或单独的“>”），且文件没有以换行结束：多为网站或下载截断。此前的内容照常读取，结果不完整。\n示例：文件以 `产出指标 数量指` 结束。\n修正：重新获取完整的页面。",
        en: "The last cell is an incomplete word (数量指, 生態(t, a lone >) and the file does not end with a line break: the site or the download cut it off. Everything before it is read as usual; the result is incomplete.\nExample: a file ending in `产出指标 数量指`.\nFix: fetch the whole page again.")),
    CatalogueEntry(
      "JX115", .note,
      title: Localized(zh: "文件可能被截断", en: "document may be cut off"),
      message: Localized(zh: "文件在“{0}”之后结束，没有换行，表格可能不完整；最后一个项目不做完整性检查", en: "the document ends after '{0}' without a line break, so the table may be incomplete; the last project's completeness is not checked"),
      explanation: Localized(
        zh: "文件以级次名称或标签结束、或停在最后一个项目满意度指标之前的某一行（满意度指标在两套框架中都排在最后），且没有换行：很可能被网站或下载截断。最后一个项目的指标缺失未必是表格本身的问题，因此不对它做分值合计、一级指标缺失等完整性检查。\n示例：文件以 `效益指标 │ 经济效益` 结束。\n修正：重新获取完整的页面。",
        en: "The file ends with a level name or a label, or inside its last project before that project's satisfaction indicators (the last family in both frameworks), and no line break: the site or the download probably cut it off. Missing indicators in the last project may not be the table's fault, so its completeness (weight totals, missing level-1 families) is not checked.\nExample: a file ending in `效益指标 │ 经济效益`.\nFix: fetch the whole page again.")),
    CatalogueEntry(
      "JX116", .warning,
      title: Localized(zh: "非目标表已跳过", en: "non-target table set aside"),
      message: Localized(zh: "表格“{0}”不是绩效目标表（自评表或评价表），其内容列入未识别内容", en: "the table '{0}' is not a target table (a self-evaluation or an evaluation table); its cells are listed in residue"),
      explanation: Localized(
        zh: "自评表有实际完成值和得分，评价指标表有评价内容和分值：它们不是绩效目标，不读作项目。\n示例：表头含“实际完成值 │ 得分”的表格。\n修正：无需处理；若该表确是目标表，请检查表头。",
        en: "A self-evaluation has actual values and scores, an evaluation table has criteria and points: they are not targets and are not read as projects.\nExample: a table whose header has 实际完成值 │ 得分.\nFix: nothing to do; if it is a target table, check its header.")),
    CatalogueEntry(
      "JX117", .warning,
      title: Localized(zh: "单元格连在一起", en: "cells run together"),
      message: Localized(zh: "表格的单元格之间没有分隔符，边界按已知的标签、表头和级次名称推断；连在一起的数字（如 88100）可能是几个单元格", en: "the table's cells run together with no separator; boundaries were inferred from known labels, headers and level names, and a run of digits (such as 88100) may be several cells"),
      explanation: Localized(
        zh: "从 docx 或网页提取的文字有时把整张表压成一行。Jixiao 在其中找出已知的标签、表头词和级次名称作为边界，其余文字作为单元格。数字与数字之间没有边界可找，可能把指标值和备注读成一个数。\n示例：`产出指标数量指标88100质量指标88100`。\n修正：用保留表格结构的方式重新转换原文件（HTML、带制表符的文本）。",
        en: "Text extracted from a .docx or a web page sometimes squeezes a whole table into one line. Jixiao cuts it at the labels, header words and level names it knows and takes the text between as cells. Between two numbers there is no boundary to find, so a target and a remark may read as one number.\nExample: `产出指标数量指标88100质量指标88100`.\nFix: convert the original again in a way that keeps the table (HTML, text with tabs).")),
    CatalogueEntry(
      "JX118", .note,
      title: Localized(zh: "项目期读不出日期", en: "period not read"),
      message: Localized(zh: "项目期“{0}”读不出起止日期", en: "the project period '{0}' does not read as dates"),
      explanation: Localized(
        zh: "项目起止时间一栏有内容，但读不出开始和结束的年月：常见于转换时丢了分隔符或年月被粘在一起。原文保留在 period.raw 中，起止日期留空，日期类检查不使用它。\n示例：`项目起止时间 │ 20246-202516`（本应是 2024.6-2025.1.6 一类写法）。\n修正：按“2024年6月-2025年1月”的格式填写。",
        en: "The project period cell has text, but no start and end month can be read from it: converters drop separators or glue year and month together. The text stays in period.raw, the dates stay empty, and the date checks do not use it.\nExample: `项目起止时间 │ 20246-202516` (meant as something like 2024.6-2025.1.6).\nFix: write the period as 2024年6月-2025年1月.")),
    CatalogueEntry(
      "JX119", .warning,
      title: Localized(zh: "连写的数字未读取", en: "run-together digits not read"),
      message: Localized(
        zh: "{0} 个指标行在级次之后只有一串数字（首个为“{1}”），表头有“{2}”几列，数字之间的界限无从判断；未读作数值，保留原文",
        en: "{0} indicator rows hold only a run of digits after their levels (the first '{1}') under the columns {2}; where one cell ends and the next begins cannot be told, so no number was read and the text is kept"),
      explanation: Localized(
        zh: "单元格连在一起的文字中，指标名称为空的行只剩一串数字，例如 88100 可能是指标值 88 和备注 100，也可能是 8 和 8100。Jixiao 不猜测：指标值按文字保留（kind 为 text，标记 digitsRunTogether），不读数值。\n示例：`产出指标数量指标88100质量指标88100`，表头为“指标内容 │ 指标值 │ 备注”。\n修正：对照原表（docx、PDF）读出各格内容。",
        en: "In text whose cells ran together, a row with no indicator name is left with a run of digits: 88100 may be a target of 88 and a remark of 100, or 8 and 8100. Jixiao does not guess: the target is kept as text (kind text, flag digitsRunTogether) and no number is read.\nExample: `产出指标数量指标88100质量指标88100` under 指标内容 │ 指标值 │ 备注.\nFix: read the cells from the original table (docx, PDF).")),
    CatalogueEntry(
      "JX120", .note,
      title: Localized(zh: "表头按字词识别", en: "header read by its words"),
      message: Localized(zh: "表头“{0}”不在词表中，按其字词读作“{1}”列", en: "the header '{0}' is in no list; read by its words as the column '{1}'"),
      explanation: Localized(
        zh: "各地各年的模板给同一列起不同的名字。一行已有一级指标、二级指标等表头时，其余表头若不在词表中，就按其中的字词判断该列：“方向”“符号”为指标方向（其中的 ≥、＝ 读作运算符），“性质”“属性”为指标值类型，“指标…单位”为度量单位，“依据”“来源”为指标解释，“中期”“上年”为备注，“金额”“资金”“预算数”为资金总额……与已有表头重名的列不再按字词识别，其内容列入未识别内容。\n示例：`项目名称 │ 项目预算数 │ 项目绩效目标 │ 一级指标 │ … │ 计算符号 │ 指标值 │ 指标值单位 │ 指标属性 │ 权重`。\n修正：无需处理；若某列读错，请核对该列的内容。",
        en: "Templates name the same column differently by province and year. In a row that other headers (一级指标, 二级指标 …) make a header, a header in no list is read by its words: 方向 or 符号 the direction column (where ≥ and ＝ read as the operator), 性质 or 属性 the value type, 指标…单位 the unit, 依据 or 来源 the explanation, 中期 or 上年 a remark, 金额, 资金 or 预算数 the total funds … A column another header names already is not named by its words; its cells go to residue.\nExample: `项目名称 │ 项目预算数 │ 项目绩效目标 │ 一级指标 │ … │ 计算符号 │ 指标值 │ 指标值单位 │ 指标属性 │ 权重`.\nFix: nothing to do; if a column is misread, check what it holds.")),
    CatalogueEntry(
      "JX121", .note,
      title: Localized(zh: "行由单元格流重建", en: "rows rebuilt from a stream of cells"),
      message: Localized(zh: "表格每个单元格单独成段，没有行的界限；行按已知的标签、表头和级次名称以及表头的列数重建，空单元格已不可见，其后的单元格可能错位", en: "the table's cells come one to a paragraph with no row boundaries; rows were rebuilt from known labels, headers and level names and the header's number of columns, and where a cell was empty the cells after it may pair with the wrong column"),
      explanation: Localized(
        zh: "从网页或 PDF 复制的表格有时每个单元格一段，空单元格不留痕迹。Jixiao 在级次名称、表单标签处断行；表头在级次之后有几列，一行就在填满几格后结束。某个指标的指标值为空时，它后面的名称和指标值会错开一格，这种错位无法从文字本身看出。\n示例：`三级指标`、`指标值`、`工作完成及时性`、`及时`、`项目验收通过率`、`=100%` 各占一段。\n修正：核对错开的指标；能取得保留表格结构的原文件（HTML、带制表符的文本）时用它。",
        en: "A table copied from a web page or a PDF sometimes comes one cell to a paragraph, and an empty cell leaves no trace. Jixiao breaks rows at level names and form labels; a row ends once it holds as many cells as the header has columns after the levels. Where an indicator's target was empty, the names and targets after it pair one cell off, which the text itself cannot show.\nExample: `三级指标`, `指标值`, `工作完成及时性`, `及时`, `项目验收通过率`, `=100%`, each a paragraph of its own.\nFix: check the indicators that pair oddly; where a file that keeps the table (HTML, text with tabs) can be had, use it.")),
    CatalogueEntry(
      "JX122", .note,
      title: Localized(zh: "金额中的字母按数字读", en: "letter in an amount read as a digit"),
      message: Localized(
        zh: "“{1}”的金额“{0}”中有字母或“〇”按数字读取（O、〇 为 0，l、I 为 1），读作 {2}",
        en: "the amount '{0}' of '{1}' was read with a letter or 〇 taken for a digit (O or 〇 as 0, l or I as 1), as {2}"),
      explanation: Localized(
        zh: "扫描件识别常把数字 0 读成字母 O 或汉字“〇”，把 1 读成字母 l 或 I。金额的数字串中夹有这样的字母、且没有别的字母相邻时，Jixiao 按它所代表的数字读取金额（原文保留在 raw 中），并提示核对：一位数字读错，合计核对就会出错。\n示例：`年度资金总额（万元） │ 1268.4O`，读作 1268.40 万元。\n修正：对照原件核对该金额，在原表中改正。",
        en: "OCR often reads the digit 0 as the letter O or the numeral 〇, and 1 as l or I. Where such a letter sits among an amount's digits with no other letter beside it, Jixiao reads the amount with the digit it stands for (the text as written stays in raw) and asks for a check: one digit misread makes every sum check wrong.\nExample: `年度资金总额（万元） │ 1268.4O`, read as 1268.40 万元.\nFix: check the amount against the original document and correct it in the table.")),
    CatalogueEntry(
      "JX123", .note,
      title: Localized(zh: "名称与指标值同格", en: "name and target in one cell"),
      message: Localized(
        zh: "单元格“{0}”含指标名称与指标值，读作名称“{1}”、指标值“{2}”",
        en: "the cell '{0}' holds the indicator's name and its target; read as the name '{1}' and the target '{2}'"),
      explanation: Localized(
        zh: "以空格对齐的文本（pdftotext、扫描识别）中，两列之间只隔一个空格时，三级指标和指标值会落在同一格。该行没有指标名称、而指标值一格以文字开头、隔一空格后是一个数值（以比较符号或数字开头）时，Jixiao 把前面的文字读作名称，后面的读作指标值。\n示例：`质量指标      水质达标率 ≥95%`。\n修正：核对该行原表；若名称本身含空格和数字，请在原表中分列。",
        en: "In text aligned by blanks (pdftotext, OCR), where only one blank stood between two columns, the indicator name and the target fall into one cell. Where the row has no name and the target's cell starts with words and, a blank after them, a value (beginning with a comparison sign or a digit), Jixiao reads the words as the name and the rest as the target.\nExample: `质量指标      水质达标率 ≥95%`.\nFix: check the row in the original table.")),
    CatalogueEntry(
      "JX124", .note,
      title: Localized(zh: "指标层级与名称同格", en: "level names and name in one cell"),
      message: Localized(
        zh: "单元格“{0}”含指标层级名称与下一列的内容，分读为“{1}”",
        en: "the cell '{0}' holds level names and the next column's words; read apart as '{1}'"),
      explanation: Localized(
        zh: "以空格对齐的文本中，两列之间只隔一个空格时，二级指标和三级指标（或一级指标和二级指标）会落在同一格，而该行相应的列是空的。单元格中空格前的每一段都是完整的指标层级名称（以“指标”结尾）、且它们要去的列都空着时，Jixiao 把各段分到各自的列。\n示例：`效益指标      社会效益指标 受益人口      ≥1万人`。\n修正：核对该行原表。",
        en: "In text aligned by blanks, where only one blank stood between two columns, a level-2 name and the indicator's name (or a level-1 and a level-2 name) fall into one cell while the row's other column is empty. Where every piece of the cell before a blank is a level's full name (ending in 指标) and the columns they belong to are empty, Jixiao reads each piece in its own column.\nExample: `效益指标      社会效益指标 受益人口      ≥1万人`.\nFix: check the row in the original table.")),
  ]
}
