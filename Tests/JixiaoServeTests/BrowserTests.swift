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
    try await Support.onThread {
      let browser = try Chromium(log: Support.outputDirectory + "/chromium.log")
      defer { browser.quit() }
      try browser.open("http://127.0.0.1:\(port)/", width: 1280, height: 900)
      try browser.wait(until: "document.body && document.body.dataset.ready === '1'")
      #expect(try browser.evaluate("document.querySelector('h1').textContent").stringValue?.contains("绩效目标表检查") == true)

      try browser.evaluate("document.getElementById('source').focus()")
      try browser.insertText(Support.text(Support.read(Support.seed000)))
      try browser.click("#submit")
      try browser.wait(until: "['done', 'error'].includes(document.body.dataset.state)")
      #expect(try browser.evaluate("document.body.dataset.state") == .string("done"))

      #expect(try browser.evaluate("document.querySelectorAll('tr[data-row=indicator]').length") == .number("28"))
      #expect(try browser.evaluate("document.querySelectorAll('section.project').length") == .number("4"))
      let cell = try browser.evaluate(
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
      #expect(try browser.evaluate("document.querySelectorAll('#findings li[data-code]').length") == .number("1"))
      try browser.click("#findings li[data-code=JX304] a.loc")
      try browser.wait(until: "document.querySelector('[data-codes~=\"JX304\"]').classList.contains('focused')")
      try browser.wait(until: "getComputedStyle(document.querySelector('[data-codes~=\"JX304\"] > .notes')).display === 'block'")
      try waitForScrollToSettle(browser)
      Support.write(Support.outputDirectory + "/screenshot.png", try browser.screenshot())
      try browser.evaluate("window.scrollTo(0, 0)")
      Support.write(Support.outputDirectory + "/screenshot-full.png", try browser.screenshot(fullPage: true))

      // English: the interface and the library's messages both switch.
      try browser.click("#lang")
      try browser.wait(until: "document.querySelector('#findings li[data-code=JX304] .message')?.textContent.includes('is not a percentage')")
      #expect(try browser.evaluate("document.querySelector('h1').textContent").stringValue?.contains("Performance target") == true)
      #expect(try browser.evaluate("document.querySelectorAll('tr[data-row=indicator]').length") == .number("28"))

      // A phone: one column, the table scrolls inside its box, a tap on the badge opens the note.
      try browser.resize(width: 390, height: 844, mobile: true, scale: 2)
      try browser.click("#lang")
      try browser.wait(until: "document.querySelector('#findings li[data-code=JX304] .message')?.textContent.includes('提高')")
      try browser.evaluate("window.scrollTo(0, 0)")
      #expect(try browser.evaluate("document.documentElement.scrollWidth <= window.innerWidth") == .bool(true))
      Support.write(Support.outputDirectory + "/screenshot-phone.png", try browser.screenshot())
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
    try await Support.onThread {
      let browser = try Chromium(log: Support.outputDirectory + "/chromium-001.log")
      defer { browser.quit() }
      try browser.open("http://127.0.0.1:\(port)/", width: 1280, height: 900)
      try browser.wait(until: "document.body && document.body.dataset.ready === '1'")
      // Typed in, 50 KB would take the browser some fifteen seconds; set as the value it is
      // the same text at once (the paste itself is tested on seed 000).
      try browser.evaluate("document.getElementById('source').value = \(Chromium.quote(Support.text(Support.read(Support.seed001))))")
      try browser.click("#submit")
      try browser.wait(until: "['done', 'error'].includes(document.body.dataset.state)")
      #expect(try browser.evaluate("document.body.dataset.state") == .string("done"))
      let indicators = expected.projects.map(\.indicators.count).reduce(0, +) + expected.departments.map(\.indicators.count).reduce(0, +)
      #expect(try browser.evaluate("document.querySelectorAll('tr[data-row=indicator]').length") == .number(String(indicators)))
      #expect(try browser.evaluate("document.querySelectorAll('tr[data-row=budget]').length") == .number(String(expected.budgetLines.count)))
      #expect(try browser.evaluate("document.querySelectorAll('#residue li').length") == .number(String(expected.residue.count)))
      #expect(try browser.evaluate("document.querySelectorAll('#findings li[data-code]').length") == .number(String(expected.diagnostics.count)))
      // Every linked finding's cell carries its code; the weights finding JX205 sits on a project name.
      #expect(
        try browser.evaluate(
          """
          [...document.querySelectorAll('#findings li[data-code] > a.loc')].every((link) =>
            document.querySelector(link.getAttribute('href')).dataset.codes.split(' ').includes(link.parentElement.dataset.code))
          """) == .bool(true))
      let linked = try browser.evaluate("document.querySelectorAll('#findings li[data-code] > a.loc').length")
      #expect(Int(linked.numberText ?? "0") ?? 0 >= expected.diagnostics.count * 3 / 4, "findings linked to a cell: \(linked)")
      #expect(try browser.evaluate("document.querySelector('[data-codes~=\"JX205\"]')?.closest('table')?.classList.contains('details')") == .bool(true))
      Support.write(Support.outputDirectory + "/screenshot-001.png", try browser.screenshot())
    }
  }

  /// Markup pasted into cells is shown as text: nothing runs, no element is made from it.
  @Test func markupInCellsStaysText() async throws {
    let server = try await TestServer.start { $0.language = .zh }
    defer { Task { await server.stop() } }
    let port = server.port
    try await Support.onThread {
      let browser = try Chromium(log: Support.outputDirectory + "/chromium-markup.log")
      defer { browser.quit() }
      try browser.open("http://127.0.0.1:\(port)/", width: 1280, height: 900)
      try browser.wait(until: "document.body && document.body.dataset.ready === '1'")
      try browser.evaluate("document.getElementById('source').focus()")
      try browser.insertText(Fixtures.markupTable)
      try browser.click("#submit")
      try browser.wait(until: "['done', 'error'].includes(document.body.dataset.state)")
      #expect(try browser.evaluate("document.body.dataset.state") == .string("done"))
      #expect(try browser.evaluate("typeof window.__jixiaoInjected") == .string("undefined"))
      #expect(try browser.evaluate("document.querySelectorAll('#result script, #result img').length") == .number("0"))
      let shown = try browser.evaluate("[...document.querySelectorAll('#result td[data-kind]')].map((c) => c.firstChild.textContent)")
      #expect(shown.arrayValue?.contains(.string(Fixtures.scriptCell)) == true)
      #expect(shown.arrayValue?.contains(.string(Fixtures.imageCell)) == true)
    }
  }

  /// A file that is not a table: the page says so with the command line's message.
  @Test func anInputErrorIsShownWithTheCommandLinesMessage() async throws {
    let server = try await TestServer.start { $0.language = .zh }
    defer { Task { await server.stop() } }
    let port = server.port
    try await Support.onThread {
      let browser = try Chromium(log: Support.outputDirectory + "/chromium-error.log")
      defer { browser.quit() }
      try browser.open("http://127.0.0.1:\(port)/", width: 1280, height: 900)
      try browser.wait(until: "document.body && document.body.dataset.ready === '1'")
      try browser.evaluate("document.getElementById('source').focus()")
      try browser.insertText("这是一段普通的文字，\n没有任何表格。\n")
      try browser.click("#submit")
      try browser.wait(until: "document.body.dataset.state === 'error'")
      let text = try browser.evaluate("document.getElementById('error').textContent").stringValue ?? ""
      #expect(text.contains("没有找到绩效目标表"))
      #expect(text.contains("<paste>: no performance table found"))
      #expect(text.contains("65"))
    }
  }

  private func waitForScrollToSettle(_ browser: Chromium) throws {
    var last = JSON.null
    for _ in 0..<40 {
      let position = try browser.evaluate("[window.scrollX, window.scrollY, ...[...document.querySelectorAll('.table-wrap')].map((w) => w.scrollLeft)].join(',')")
      if position == last { return }
      last = position
      usleep(100_000)
    }
  }
}
