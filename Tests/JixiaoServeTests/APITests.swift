import Foundation
import Jixiao
import Testing

@testable import JixiaoServe

/// The API against the real `jixiao` binary: same bytes in, same bytes out.
@Suite struct APITests {
  @Test func parseAnswersWhatTheCommandLinePrints() async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    for path in [Support.seed000, Support.seed001] {
      let cli = try await ProgramRun.capture([
        Support.jixiao, "parse", "--lang", "en", Support.packageRoot + "/" + path,
      ])
      #expect(cli.status == 0)
      let name = (Support.packageRoot + "/" + path).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
      let response = try await server.post("/api/parse?lang=en&name=\(name)", Support.read(path))
      #expect(response.status == 200)
      #expect(response.header("Content-Type") == "application/json; charset=utf-8")
      #expect(response.body == cli.standardOutput, "\(path)")
    }
  }

  @Test func checkAnswersWhatTheCommandLinePrints() async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    let path = Support.packageRoot + "/" + Support.seed001
    let name = path.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    for (format, language) in [("json", "en"), ("json", "zh"), ("sarif", "zh")] {
      let cli = try await ProgramRun.capture([Support.jixiao, "check", "--format", format, "--lang", language, path])
      #expect(cli.status == 0)
      let response = try await server.post(
        "/api/check?lang=\(language)&format=\(format)&name=\(name)", Support.read(Support.seed001))
      #expect(response.status == 200)
      #expect(response.body == cli.standardOutput, "\(format) \(language)")
    }
  }

  /// `ignore`, `only` and `severity` answer what `--ignore`, `--only` and `--severity` print.
  @Test func checkFiltersAsTheCommandLineDoes() async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    let path = Support.packageRoot + "/" + Support.seed001
    let name = path.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    let cases: [(query: String, arguments: [String])] = [
      ("only=JX2xx&severity=JX205%3Derror", ["--only", "JX2xx", "--severity", "JX205=error"]),
      ("ignore=JX3,JX6&ignore=jx5", ["--ignore", "JX3,JX6", "--ignore", "jx5"]),
      ("severity=JX301%3Dnote,JX306%3Derror&format=sarif", ["--severity", "JX301=note", "--severity", "JX306=error", "--format", "sarif"]),
    ]
    for (query, arguments) in cases {
      let cli = try await ProgramRun.capture([Support.jixiao, "check", "--format", "json", "--lang", "en"] + arguments + [path])
      let response = try await server.post("/api/check?lang=en&name=\(name)&\(query)", Support.read(Support.seed001))
      #expect(response.status == 200, "\(query)")
      #expect(response.body == cli.standardOutput, "\(query)")
    }
    let filtered = try JSONReader.read(try await server.post("/api/check?only=JX2&severity=JX205%3Derror", Support.read(Support.seed001)).body)
    guard case .array(let files) = filtered, case .array(let diagnostics)? = files.first?.member("diagnostics") else {
      Issue.record("not a check result: \(filtered)")
      return
    }
    func text(_ json: JSON?) -> String? { if case .string(let value)? = json { value } else { nil } }
    #expect(!diagnostics.isEmpty)
    #expect(diagnostics.allSatisfy { text($0.member("code"))?.hasPrefix("JX2") == true })
    #expect(diagnostics.contains { text($0.member("code")) == "JX205" && text($0.member("severity")) == "error" })
    let bad = try await server.post("/api/check?severity=JX205%3Dfatal", Support.read(Support.seed000))
    #expect(bad.status == 400)
  }

  @Test func csvHoldsOneRowPerIndicatorWithItsProject() async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    let response = try await server.post("/api/parse?format=csv", Support.read(Support.seed000))
    #expect(response.status == 200)
    #expect(response.header("Content-Type") == "text/csv; charset=utf-8")
    #expect(response.body.starts(with: [0xEF, 0xBB, 0xBF]))
    let lines = Support.text(Array(response.body.dropFirst(3))).split(separator: "\r\n")
    #expect(lines.count == 1 + 28)
    #expect(lines.first?.hasPrefix("document_id,project_id,project_name,indicator_id,horizon,level1,") == true)
    #expect(lines.last?.hasPrefix("1,4,政府长聘人员经费,7,annual,满意度指标,服务对象满意度指标,") == true)
  }

  @Test func multipartFormsCarryTheFileAndItsName() async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    let seed = Support.read(Support.seed000)
    let boundary = "----jixiao-test-boundary"
    let body =
      Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"lang\"\r\n\r\nzh\r\n".utf8)
      + Array(
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"县表.txt\"\r\nContent-Type: text/plain\r\n\r\n"
          .utf8)
      + seed + Array("\r\n--\(boundary)--\r\n".utf8)
    let response = try await server.post(
      "/api/parse", body, headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")])
    #expect(response.status == 200)
    let raw = try await server.post("/api/parse?name=%E5%8E%BF%E8%A1%A8.txt", seed)
    #expect(response.body == raw.body)
    #expect(response.text.contains("\"path\": \"县表.txt\""))
  }

  @Test func otherEncodingsAreDecodedByTheLibrary() async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    let text = Support.text(Support.read(Support.seed000))
    var utf16: [UInt8] = [0xFF, 0xFE]
    for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let gb18030 = try await ProgramRun.capture(["iconv", "-f", "UTF-8", "-t", "GB18030"], input: Array(text.utf8))
    #expect(gb18030.status == 0)
    for (encoding, bytes) in [("UTF-16LE", utf16), ("GB18030", gb18030.standardOutput)] {
      let response = try await server.post("/api/parse", bytes)
      #expect(response.status == 200, "\(encoding)")
      let json = try JSONReader.read(response.body)
      #expect(json.member("source")?.member("encoding") == .string(encoding))
      #expect(json.member("summary")?.member("indicators") == .number("28"), "\(encoding)")
    }
  }

  /// Each input error answers with the message and exit code `jixiao parse -` gives.
  @Test(arguments: [
    ("empty", [UInt8]()),
    ("whitespaceOnly", Array(" \n\t\n".utf8)),
    ("binary", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]),
    ("noTable", Array("这是一段普通的文字，\n没有任何表格。\n".utf8)),
  ])
  func inputErrorsMatchTheCommandLine(kind: String, bytes: [UInt8]) async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    let cli = try await ProgramRun.capture([Support.jixiao, "parse", "-"], input: bytes)
    let response = try await server.post("/api/parse?name=%3Cstdin%3E", bytes)
    #expect(response.status == 422)
    let error = try #require(try JSONReader.read(response.body).member("error"))
    #expect(error.member("kind") == .string(kind))
    #expect(error.member("exitCode") == .number(String(cli.status)))
    #expect(Support.text(cli.standardError) == "jixiao: " + (error.member("message")?.stringValue ?? "") + "\n")
  }

  @Test func unknownOptionsAreBadRequests() async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    let seed = Support.read(Support.seed000)
    for query in ["lang=fr", "dialect=word", "format=xml", "encoding=KLINGON-8"] {
      let response = try await server.post("/api/parse?\(query)", seed)
      #expect(response.status == 400, "\(query)")
      #expect(response.header("Content-Type") == "application/json; charset=utf-8")
    }
    let unknownEncoding = try JSONReader.read(try await server.post("/api/parse?encoding=KLINGON-8", seed).body)
    #expect(unknownEncoding.member("error")?.member("exitCode") == .number("64"))
    let malformed = try await server.post(
      "/api/parse", Array("--x\r\nno blank line".utf8), headers: [("Content-Type", "multipart/form-data; boundary=x")])
    #expect(malformed.status == 400)
  }

  @Test func bodiesOverTheLimitAre413() async throws {
    let server = try await TestServer.start { $0.maxBodySize = 4096 }
    defer { Task { await server.stop() } }
    let seed = Support.read(Support.seed000)  // 7862 bytes
    // Declared too large: refused before the body is read. Streamed: refused on the way.
    for chunked in [false, true] {
      let response = try await server.request("POST", "/api/parse", body: seed, chunked: chunked)
      #expect(response.status == 413, "chunked \(chunked)")
      let error = try JSONReader.read(response.body).member("error")
      #expect(error?.member("kind") == .string("tooLarge"))
      #expect(error?.member("exitCode") == .number("65"))
    }
    let small = try await server.post("/api/parse", Array(seed[..<3000]))
    #expect(small.status != 413)
  }

  @Test func aParseOverTheTimeLimitIs503() async throws {
    let server = try await TestServer.start { $0.timeLimit = .milliseconds(1) }
    defer { Task { await server.stop() } }
    // 12 copies of seed 001 (600 KB) take far more than a millisecond to read.
    let big = Array(repeating: Support.read(Support.seed001), count: 12).flatMap { $0 }
    let response = try await server.post("/api/parse", big)
    #expect(response.status == 503)
    let error = try JSONReader.read(response.body).member("error")
    #expect(error?.member("kind") == .string("timeLimit"))
    #expect(error?.member("message")?.stringValue?.contains("1 ms") == true)
  }

  /// A slow document parses on one worker while small requests keep being answered.
  @Test func aSlowDocumentDoesNotHoldUpOthers() async throws {
    // No deadline in reach: under a loaded CI machine the slow parse must not turn into a 503.
    let server = try await TestServer.start {
      $0.workers = 2
      $0.timeLimit = .seconds(600)
    }
    defer { Task { await server.stop() } }
    // 24 copies of seed 001 (1.2 MB): a couple of seconds in a debug build.
    let big = Array(repeating: Support.read(Support.seed001), count: 24).flatMap { $0 }
    let seed = Support.read(Support.seed000)
    let start = ContinuousClock.now
    // The slow answer's time is taken where it arrives, not after the small requests.
    async let slow = { () async throws -> (HTTPResponse, Double) in
      let response = try await server.post("/api/check", big)
      return (response, Support.milliseconds(since: start))
    }()
    try await Task.sleep(for: .milliseconds(50))
    let page = try await server.request("GET", "/")
    let small = try await server.post("/api/check", seed)
    let smallDone = Support.milliseconds(since: start)
    let (slowResponse, slowDone) = try await slow
    #expect(page.status == 200 && small.status == 200 && slowResponse.status == 200)
    #expect(smallDone < slowDone, "small answered at \(smallDone) ms, the slow one at \(slowDone) ms")
  }

  @Test func cellsWithMarkupComeBackAsText() async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    let response = try await server.post("/api/parse", Array(Fixtures.markupTable.utf8))
    #expect(response.status == 200)
    let json = try JSONReader.read(response.body)
    let targets =
      json.member("projects")?.arrayValue?.first?.member("indicators")?.arrayValue?
      .compactMap { $0.member("target")?.member("raw")?.stringValue } ?? []
    #expect(targets.contains(Fixtures.scriptCell))
    #expect(targets.contains(Fixtures.imageCell))
    #expect(response.header("X-Content-Type-Options") == "nosniff")
  }

  @Test func thePageAndItsFilesComeFromMemory() async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    let page = try await server.request("GET", "/")
    #expect(page.status == 200)
    #expect(page.header("Content-Type") == "text/html; charset=utf-8")
    #expect(page.header("Content-Security-Policy")?.contains("script-src 'self'") == true)
    #expect(page.text.contains("<textarea id=\"source\""))
    for (path, type) in [
      ("/app.js", "text/javascript"), ("/app.css", "text/css"), ("/sample.txt", "text/plain"), ("/api", "text/plain"),
    ] {
      let response = try await server.request("GET", path)
      #expect(response.status == 200, "\(path)")
      #expect(response.header("Content-Type")?.hasPrefix(type) == true, "\(path)")
    }
    #expect(try await server.request("GET", "/etc/passwd").status == 404)
    #expect(try await server.request("GET", "/../Package.swift").status == 404)
  }

  /// The script builds every node from text; markup APIs would turn pasted cells into HTML.
  @Test func theScriptNeverParsesMarkup() {
    for api in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"] {
      #expect(!PageScript.text.contains(api), "\(api)")
    }
  }

  @Test func theSampleReadsWithFindings() throws {
    let document = try Jixiao.parse(Array(SampleTable.text.utf8), path: "sample", options: ParseOptions())
    #expect(document.projects.count == 1)
    #expect(document.projects[0].indicators.count == 6)
    #expect(document.diagnostics.count >= 2)
  }
}

enum Fixtures {
  static let scriptCell = "<script>window.__jixiaoInjected = 1</script>"
  static let imageCell = "<img src=x onerror=\"window.__jixiaoInjected = 2\">"

  /// A one-project table in tab rows whose cells hold markup a careless page would run. The
  /// markup sits in targets, whose raw text the library keeps as written.
  static let markupTable = """
    部门项目支出预算绩效目标表\t\t\t\t
    (2024 年度)\t\t\t\t
    项目名称\t测试项目\t\t\t
    项目资金 (万元)\t年度资金总额:\t10\t\t
    年度总体目标\t\(imageCell)\t\t\t
    名称\t一级指标\t二级指标\t三级指标\t指标值
    绩效指标\t产出指标\t数量指标\t完成数量\t\(scriptCell)
    \t\t质量指标\t合格率\t\(imageCell)
    \t满意度指标\t服务对象满意度指标\t满意度\t≥90%

    """

  /// A department-wide form with two main tasks (年度主要任务) whose 金额合计 row says 1600
  /// where the tasks add up to 1500 (JX211 on line 8, column 8).
  static let departmentTasks = """
    部门（单位）整体支出绩效目标申报表
    （2024年度）
    部门（单位）名称\t某县教育局
    年度主要任务\t任务名称\t主要内容\t预算金额（万元）
    \t\t\t总额\t财政拨款\t其他资金
    \t义务教育保障\t保障义务教育学校正常运转\t1200\t1100\t100
    \t学生资助\t落实各项学生资助政策\t300\t300\t0
    金额合计\t\t\t1600\t1400\t100
    年度总体目标\t保障全县义务教育学校正常运转，落实学生资助政策。
    年度绩效指标\t一级指标\t二级指标\t三级指标\t指标值
    \t产出指标\t数量指标\t资助学生人数\t≥3000人

    """
}
