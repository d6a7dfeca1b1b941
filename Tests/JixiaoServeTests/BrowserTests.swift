import Foundation
import Jixiao
import Testing

/// The page in a real browser: headless Chromium pastes a seed, presses 检查 and reads what
/// the page drew. CI installs Chromium (.ci/run) and must run these; elsewhere they are
/// skipped when no browser is on PATH.
@Suite(.serialized, .enabled(if: Chromium.executable != nil || ProcessInfo.processInfo.environment["CI"] != nil))
struct BrowserTests {
  /// Seed 000 has four projects of seven indicators, and one finding: JX304 on the target
  /// `提高` at line 81, column 26.
  @Test func aPastedSeedShowsItsRowsAndItsFindingOnItsCell() async throws {
    let server = try await TestServer.start { $0.language = .zh }
    defer { Task { await server.stop() } }
    let port = server.port
    try await withBrowser(log: Support.outputDirectory + "/chromium.log") { browser in
      try await browser.open("http://127.0.0.1:\(port)/", width: 1280, height: 900)
      try await browser.wait(until: "document.body && document.body.dataset.ready === '1'")
      #expect(
        try await browser.evaluate("document.querySelector('h1').textContent").stringValue?.contains("绩效目标表检查") == true)
      Support.write(Support.outputDirectory + "/screenshot-start.png", try await browser.screenshot())

      try await browser.evaluate("document.getElementById('source').focus()")
      try await browser.insertText(Support.text(Support.read(Support.seed000)))
      try await browser.click("#submit")
      try await browser.wait(until: "['done', 'error'].includes(document.body.dataset.state)")
      #expect(try await browser.evaluate("document.body.dataset.state") == .string("done"))

      #expect(try await browser.evaluate("document.querySelectorAll('tr[data-row=indicator]').length") == .number("28"))
      #expect(try await browser.evaluate("document.querySelectorAll('section.project').length") == .number("4"))
      let cell = try await browser.evaluate(
        """
        (() => { const cells = [...document.querySelectorAll('[data-codes~="JX304"]')];
          return cells.map((c) => ({ tag: c.tagName, line: c.dataset.line, column: c.dataset.column,
            text: c.firstChild.textContent, severity: c.dataset.severity, title: c.title })); })()
        """)
      let cells = try #require(cell.arrayValue)
      #expect(cells.count == 1)
      #expect(cells.first?.member("tag") == .string("TD"))
      #expect(cells.first?.member("line") == .string("81"))
      #expect(cells.first?.member("column") == .string("26"))
      #expect(cells.first?.member("text") == .string("提高"))
      #expect(cells.first?.member("severity") == .string("warning"))
      #expect(cells.first?.member("title")?.stringValue?.contains("JX304") == true)

      // The finding in the list leads to its cell and opens its note.
      // (Its one warning, and two notes of a count with a percentage, JX314.)
      #expect(try await browser.evaluate("document.querySelectorAll('#findings li[data-code]').length") == .number("3"))
      #expect(try await browser.evaluate("document.querySelectorAll('#findings li[data-code=JX314]').length") == .number("2"))
      try await browser.click("#findings li[data-code=JX304] a.loc")
      try await browser.wait(until: "document.querySelector('[data-codes~=\"JX304\"]').classList.contains('focused')")
      try await browser.wait(
        until: "getComputedStyle(document.querySelector('[data-codes~=\"JX304\"] > .notes')).display === 'block'")
      try await waitForScrollToSettle(browser)
      Support.write(Support.outputDirectory + "/screenshot.png", try await browser.screenshot())
      try await browser.evaluate("window.scrollTo(0, 0)")
      Support.write(Support.outputDirectory + "/screenshot-full.png", try await browser.screenshot(fullPage: true))

      // The three downloads: what the page hands over as files.
      try await browser.refuseDownloads()
      try await browser.evaluate(
        """
        window.__downloads = []; const make = URL.createObjectURL;
        URL.createObjectURL = (blob) => { window.__downloads.push(blob); return make(blob); };
        """)
      for button in ["#download-json", "#download-csv", "#download-sarif"] { try await browser.click(button) }
      try await browser.wait(until: "window.__downloads.length === 3")
      let heads = try await browser.evaluate(
        "Promise.all(window.__downloads.map(async (blob) => (await blob.text()).slice(0, 80)))")
      let texts = heads.arrayValue?.compactMap(\.stringValue) ?? []
      // In the order the answers came, which is not the order of the clicks.
      #expect(texts.count == 3)
      #expect(texts.contains { $0.hasPrefix("{\n  \"schemaVersion\"") })
      // Blob.text() drops the BOM; the API test sees it.
      #expect(texts.contains { $0.hasPrefix("document_id,project_id,project_name") })
      #expect(texts.contains { $0.contains("sarif") })

      // English: the interface and the library's messages both switch.
      try await browser.click("#lang")
      try await browser.wait(
        until:
          "document.querySelector('#findings li[data-code=JX304] .message')?.textContent.includes('is not a percentage')"
      )
      #expect(
        try await browser.evaluate("document.querySelector('h1').textContent").stringValue?.contains(
          "Performance target") == true)
      #expect(try await browser.evaluate("document.querySelectorAll('tr[data-row=indicator]').length") == .number("28"))

      // A phone: one column, the table scrolls inside its box, a tap on the badge opens the note.
      try await browser.resize(width: 390, height: 844, mobile: true, scale: 2)
      try await browser.click("#lang")
      try await browser.wait(
        until: "document.querySelector('#findings li[data-code=JX304] .message')?.textContent.includes('提高')")
      try await browser.evaluate("window.scrollTo(0, 0)")
      #expect(try await browser.evaluate("document.documentElement.scrollWidth <= window.innerWidth") == .bool(true))
      Support.write(Support.outputDirectory + "/screenshot-phone.png", try await browser.screenshot())
    }
  }

  /// Seed 001: a budget summary, thirteen projects, a department-wide table, residue and
  /// forty findings. Every finding is listed, and each one whose span is a shown cell is
  /// marked there.
  @Test func aDocumentWithManyFindingsMarksEachOnItsCell() async throws {
    let server = try await TestServer.start { $0.language = .zh }
    defer { Task { await server.stop() } }
    let port = server.port
    let expected = try Jixiao.parse(Support.read(Support.seed001), path: "001", options: ParseOptions())
    try await withBrowser(log: Support.outputDirectory + "/chromium-001.log") { browser in
      try await browser.open("http://127.0.0.1:\(port)/", width: 1280, height: 900)
      try await browser.wait(until: "document.body && document.body.dataset.ready === '1'")
      // Typed in, 50 KB would take the browser some fifteen seconds; set as the value it is
      // the same text at once (the paste itself is tested on seed 000).
      try await browser.evaluate(
        "document.getElementById('source').value = \(Chromium.quote(Support.text(Support.read(Support.seed001))))")
      try await browser.click("#submit")
      try await browser.wait(until: "['done', 'error'].includes(document.body.dataset.state)")
      #expect(try await browser.evaluate("document.body.dataset.state") == .string("done"))
      let indicators =
        expected.projects.map(\.indicators.count).reduce(0, +)
        + expected.departments.map(\.indicators.count).reduce(0, +)
      #expect(
        try await browser.evaluate("document.querySelectorAll('tr[data-row=indicator]').length")
          == .number(String(indicators)))
      #expect(
        try await browser.evaluate("document.querySelectorAll('tr[data-row=budget]').length")
          == .number(String(expected.budgetLines.count)))
      #expect(
        try await browser.evaluate("document.querySelectorAll('#residue li').length")
          == .number(String(expected.residue.count)))
      #expect(
        try await browser.evaluate("document.querySelectorAll('#findings li[data-code]').length")
          == .number(String(expected.diagnostics.count)))
      // Every linked finding's cell carries its code; the weights finding JX205 sits on a project name.
      #expect(
        try await browser.evaluate(
          """
          [...document.querySelectorAll('#findings li[data-code] > a.loc')].every((link) =>
            document.querySelector(link.getAttribute('href')).dataset.codes.split(' ').includes(link.parentElement.dataset.code))
          """) == .bool(true))
      let linked = try await browser.evaluate("document.querySelectorAll('#findings li[data-code] > a.loc').length")
      #expect(
        Int(linked.numberText ?? "0") ?? 0 >= expected.diagnostics.count * 3 / 4, "findings linked to a cell: \(linked)"
      )
      #expect(
        try await browser.evaluate(
          "document.querySelector('[data-codes~=\"JX205\"]')?.closest('table')?.classList.contains('details')")
          == .bool(true))
      Support.write(Support.outputDirectory + "/screenshot-001.png", try await browser.screenshot())
    }
  }

  /// A file chosen rather than pasted goes up as its raw bytes: seed 000 in GB18030 reads
  /// the same, and the page says which encoding was detected.
  @Test func aChosenFileInGB18030IsDecodedByTheServer() async throws {
    let server = try await TestServer.start { $0.language = .zh }
    defer { Task { await server.stop() } }
    let port = server.port
    let converted = try await ProgramRun.capture(
      ["iconv", "-f", "UTF-8", "-t", "GB18030"], input: Support.read(Support.seed000))
    let path = Support.outputDirectory + "/000-gb18030.txt"
    Support.write(path, converted.standardOutput)
    try await withBrowser(log: Support.outputDirectory + "/chromium-file.log") { browser in
      try await browser.open("http://127.0.0.1:\(port)/", width: 1280, height: 900)
      try await browser.wait(until: "document.body && document.body.dataset.ready === '1'")
      try await browser.chooseFile("#file", path: path)
      try await browser.wait(until: "['done', 'error'].includes(document.body.dataset.state)")
      #expect(try await browser.evaluate("document.body.dataset.state") == .string("done"))
      #expect(try await browser.evaluate("document.querySelectorAll('tr[data-row=indicator]').length") == .number("28"))
      #expect(
        try await browser.evaluate("document.querySelector('#summary .name').textContent") == .string("000-gb18030.txt")
      )
      #expect(
        try await browser.evaluate("document.querySelector('#summary .facts').textContent").stringValue?.contains(
          "GB18030") == true)
      #expect(try await browser.evaluate("document.getElementById('source').disabled") == .bool(true))
    }
  }

  /// A department's main tasks are a table of their own, each amount on its cell; the sum
  /// row that disagrees with them carries JX211.
  @Test func departmentTasksAreShown() async throws {
    let server = try await TestServer.start { $0.language = .zh }
    defer { Task { await server.stop() } }
    let port = server.port
    try await withBrowser(log: Support.outputDirectory + "/chromium-tasks.log") { browser in
      try await browser.open("http://127.0.0.1:\(port)/", width: 1280, height: 900)
      try await browser.wait(until: "document.body && document.body.dataset.ready === '1'")
      try await browser.evaluate("document.getElementById('source').focus()")
      try await browser.insertText(Fixtures.departmentTasks)
      try await browser.click("#submit")
      try await browser.wait(until: "['done', 'error'].includes(document.body.dataset.state)")
      #expect(try await browser.evaluate("document.body.dataset.state") == .string("done"))
      let rows = try await browser.evaluate(
        "[...document.querySelectorAll('tr[data-row=task]')].map((r) => [...r.cells].map((c) => c.dataset.line + ':' + c.dataset.column + ' ' + c.firstChild.textContent).join(' | '))")
      #expect(
        rows
          == .array([
            .string("6:2 义务教育保障 | 6:9 保障义务教育学校正常运转 | 6:22 12,000,000 元 | 6:27 11,000,000 元 | 6:32 1,000,000 元"),
            .string("7:2 学生资助 | 7:7 落实各项学生资助政策 | 7:18 3,000,000 元 | 7:22 3,000,000 元 | 7:26 0 元"),
          ]))
      let marked = try await browser.evaluate(
        "[...document.querySelectorAll('[data-codes~=\"JX211\"]')].map((c) => c.dataset.line + ':' + c.dataset.column)")
      #expect(marked == .array([.string("8:8")]))
    }
  }

  /// Markup pasted into cells is shown as text: nothing runs, no element is made from it.
  @Test func markupInCellsStaysText() async throws {
    let server = try await TestServer.start { $0.language = .zh }
    defer { Task { await server.stop() } }
    let port = server.port
    try await withBrowser(log: Support.outputDirectory + "/chromium-markup.log") { browser in
      try await browser.open("http://127.0.0.1:\(port)/", width: 1280, height: 900)
      try await browser.wait(until: "document.body && document.body.dataset.ready === '1'")
      try await browser.evaluate("document.getElementById('source').focus()")
      try await browser.insertText(Fixtures.markupTable)
      try await browser.click("#submit")
      try await browser.wait(until: "['done', 'error'].includes(document.body.dataset.state)")
      #expect(try await browser.evaluate("document.body.dataset.state") == .string("done"))
      #expect(try await browser.evaluate("typeof window.__jixiaoInjected") == .string("undefined"))
      #expect(
        try await browser.evaluate("document.querySelectorAll('#result script, #result img').length") == .number("0"))
      let shown = try await browser.evaluate(
        "[...document.querySelectorAll('#result td[data-kind]')].map((c) => c.firstChild.textContent)")
      #expect(shown.arrayValue?.contains(.string(Fixtures.scriptCell)) == true)
      #expect(shown.arrayValue?.contains(.string(Fixtures.imageCell)) == true)
    }
  }

  /// A file that is not a table: the page says so with the command line's message.
  @Test func anInputErrorIsShownWithTheCommandLinesMessage() async throws {
    let server = try await TestServer.start { $0.language = .zh }
    defer { Task { await server.stop() } }
    let port = server.port
    try await withBrowser(log: Support.outputDirectory + "/chromium-error.log") { browser in
      try await browser.open("http://127.0.0.1:\(port)/", width: 1280, height: 900)
      try await browser.wait(until: "document.body && document.body.dataset.ready === '1'")
      try await browser.evaluate("document.getElementById('source').focus()")
      try await browser.insertText("这是一段普通的文字，\n没有任何表格。\n")
      try await browser.click("#submit")
      try await browser.wait(until: "document.body.dataset.state === 'error'")
      let text = try await browser.evaluate("document.getElementById('error').textContent").stringValue ?? ""
      #expect(text.contains("没有找到绩效目标表"))
      #expect(text.contains("<paste>: no performance table found"))
      #expect(text.contains("65"))

      // The same page asked for in English, as a link with ?lang=en would open it.
      try await browser.evaluate("window.location.href = '/?lang=en'")
      try await browser.wait(
        until: "document.body && document.body.dataset.ready === '1' && document.body.dataset.state === 'idle'")
      #expect(
        try await browser.evaluate("document.querySelector('h1').textContent")
          == .string("绩 Performance target table check"))
      try await browser.evaluate("document.getElementById('source').focus()")
      try await browser.insertText("这是一段普通的文字，\n没有任何表格。\n")
      try await browser.click("#submit")
      try await browser.wait(until: "document.body.dataset.state === 'error'")
      let english = try await browser.evaluate("document.querySelector('#error h2').textContent")
      #expect(english == .string("No performance table found"))
    }
  }

  /// Runs `body` with a fresh browser and quits it whatever happens.
  private func withBrowser(log: String, _ body: (Chromium) async throws -> Void) async throws {
    let browser = try await Chromium.launch(log: log)
    do {
      try await body(browser)
    } catch {
      await browser.quit()
      throw error
    }
    await browser.quit()
  }

  private func waitForScrollToSettle(_ browser: Chromium) async throws {
    var last = JSON.null
    for _ in 0..<40 {
      let position = try await browser.evaluate(
        "[window.scrollX, window.scrollY, ...[...document.querySelectorAll('.table-wrap')].map((w) => w.scrollLeft)].join(',')"
      )
      if position == last { return }
      last = position
      try await Task.sleep(for: .milliseconds(100))
    }
  }
}
