import Testing

@testable import Jixiao

/// LaTeX tabulars as PDF-to-LaTeX converters leave them: Mathpix's `\multirow`/
/// `\multicolumn`, rules at the rows' starts, symbols as inline math; a docx export's nested
/// tabulars and `\makecell` line breaks.
@Suite struct LaTeXTokenizerTests {
  static let table = #"""
    \begin{table}[h]
    \centering
    \caption{2024年部门项目支出绩效目标表}
    \begin{tabular}{|c|c|c|c|c|}
    \hline \multicolumn{5}{|c|}{ \textbf{项目名称：城管队业务工作经费} } \\
    \hline \multirow{2}{*}{ 项目资金（万元） } & 年度资金总额 & \multicolumn{3}{|c|}{50} \\
    \cline { 2 - 5 } & 其中：财政拨款 & \multicolumn{3}{|c|}{50} \\
    \hline 一级指标 & 二级指标 & 三级指标 & 指标值 & 备注 \\
    \hline \multirow[t]{3}{*}{产出指标} & 数量指标 & 门前五包签订数 \& 停车位 & \(\geq 96 \%\) & \makecell[l]{第一行\\第二行} \\
    \cline{2-5} & 质量指标 & 绿化面积 & $\geq 1000 m^{2}$ & 96% \\[2pt]
     & 时效指标 & 完成时间 & 2024年
     12月 & \begin{tabular}[c]{@{}l@{}}a\\ b\end{tabular} \\ \hline
    \end{tabular}
    \end{table}
    注：以上为预算数。

    """#

  @Test func detectsTabulars() throws {
    #expect(try tokenized(Self.table).1.dialect == .latex)
    // A tabular's body copied without its frame: two rows are enough.
    #expect(try tokenized("一级指标 & 二级指标 & 指标值 \\\\\n产出指标 & 数量指标 & 10 \\\\\n").1.dialect == .latex)
    // One row is not: `&` and `\\` turn up in other text.
    #expect(try tokenized("项目名称\t城管 & 市容 \\\\ 经费\n年度目标\t提升\n绩效指标\t一级指标\n").1.dialect != .latex)
    #expect(try tokenized("甲 & 乙 合作开展\n丙 & 丁 合作开展\n").1.dialect != .latex)
  }

  @Test func readsCellsAsText() throws {
    let rows = try cellTexts(tokenized(Self.table).1)
    #expect(
      rows == [
        ["2024年部门项目支出绩效目标表"],
        ["项目名称：城管队业务工作经费", "", "", "", ""],
        ["项目资金（万元）", "年度资金总额", "50", "", ""],
        ["", "其中：财政拨款", "50", "", ""],
        ["一级指标", "二级指标", "三级指标", "指标值", "备注"],
        ["产出指标", "数量指标", "门前五包签订数 & 停车位", "≥96%", "第一行\n第二行"],
        ["", "质量指标", "绿化面积", "≥1000 m²", "96%"],
        ["", "时效指标", "完成时间", "2024年 12月", "a\nb"],
        ["注：以上为预算数。"],
      ])
  }

  @Test func spansPointAtTheTextNotItsMarkup() throws {
    let (source, grid) = try tokenized(Self.table)
    // Symbols and escapes print other characters than the source has; the rest must match.
    let wrong = spansPointAtText(source, grid) { cell in
      cell.text.contains { "≥&²%\n ".contains($0) }
    }
    #expect(wrong == [])
    let target = try #require(grid.rows.flatMap(\.cells).first { $0.text == "≥96%" })
    let line = Array(source.text(ofLine: target.span.line - 1).unicodeScalars)
    #expect(String(String.UnicodeScalarView(line[(target.span.column - 1)...].prefix(4))) == "\\geq")
  }

  @Test func decodesMarkup() {
    func decoded(_ markup: String) -> String {
      let bytes = Array(markup.utf8)
      return bytes.withUnsafeBufferPointer { LaTeXText.decode($0, 0..<bytes.count).text }
    }
    #expect(decoded(#"$\geq$96\%"#) == "≥96%")
    #expect(decoded(#"\(\leq 5 \text{天}\)"#) == "≤5天")
    #expect(decoded(#"\textgreater{}3.00(人)"#) == ">3.00(人)")
    #expect(decoded(#"80\sim90\%"#) == "80~90%")
    #expect(decoded(#"\textcolor{red}{显著提升}"#) == "显著提升")
    #expect(decoded(#"\frac{1}{2}"#) == "1/2")
    // An unknown command goes; its argument's text stays.
    #expect(decoded(#"\foo{满意度}"#) == "满意度")
    #expect(decoded(#"\hspace*{1em}合计\vspace{2pt}"#) == "合计")
    // A converter's bare percent is the table's, not a comment.
    #expect(decoded("≥96%以上") == "≥96%以上")
  }

  @Test func multicolumnKeepsEveryColumn() throws {
    let rows = try cellTexts(tokenized("\\begin{tabular}{llll}\n\\multicolumn{3}{c}{项目名称} & 甲 \\\\\n一 & 二 & 三 & 四 \\\\\n\\end{tabular}\n").1)
    #expect(rows == [["项目名称", "", "", "甲"], ["一", "二", "三", "四"]])
  }

  /// A text cut off inside a row: the cells read so far are kept, the open one too.
  @Test func keepsARowCutOff() throws {
    let rows = try cellTexts(tokenized("\\begin{tabular}{lll}\n产出指标 & 数量指标 & 10 \\\\\n效益指标 & 社会效益指标 & 显著").1)
    #expect(rows == [["产出指标", "数量指标", "10"], ["效益指标", "社会效益指标", "显著"]])
  }
}
