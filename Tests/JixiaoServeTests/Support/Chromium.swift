import Foundation
import Jixiao

#if canImport(Glibc)
  import Glibc
#endif

/// Headless Chromium driven through its DevTools protocol over `--remote-debugging-pipe`:
/// commands go in on the browser's fd 3 and answers come back on its fd 4, each a JSON
/// message ended by NUL. No WebSocket, no driver binary, no port to race for. Every wait has a
/// deadline, so a browser that hangs fails the test rather than hanging it. Each call blocks
/// on the pipe, so the async methods run it on a thread of its own (Support.onThread); one
/// test drives one browser, one call at a time.
final class Chromium: @unchecked Sendable {
  struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
  }

  static let names = ["chromium", "chromium-browser", "google-chrome"]

  /// The browser on PATH, if any.
  static let executable: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for name in names {
      for directory in path.split(separator: ":")
      where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
        return "\(directory)/\(name)"
      }
    }
    return nil
  }()

  private let pid: pid_t
  private let commands: Int32
  private let answers: Int32
  private let profile: String
  private var buffer: [UInt8] = []
  private var nextID = 0
  private var session: String?
  private var closed = false

  /// Starts the browser with a fresh profile; its output goes to `log`.
  static func launch(log: String) async throws -> Chromium {
    try await Support.onThread { try Chromium(log: log) }
  }

  private init(log: String) throws {
    guard let executable = Self.executable else { throw Failure("no Chromium on PATH (apt-get install chromium)") }
    profile = NSTemporaryDirectory() + "jixiao-chromium-\(UUID().uuidString)"
    var toBrowser: [Int32] = [-1, -1]
    var fromBrowser: [Int32] = [-1, -1]
    guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else {
      throw Failure("pipe: \(String(cString: strerror(errno)))")
    }
    // Moved above 3 and 4 so the dup2 onto them in the child never overwrites its own
    // source, and close-on-exec so no other child this process spawns inherits them.
    let childReads = Self.highCopy(toBrowser[0])
    let childWrites = Self.highCopy(fromBrowser[1])
    commands = Self.highCopy(toBrowser[1])
    answers = Self.highCopy(fromBrowser[0])
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    posix_spawn_file_actions_adddup2(&actions, childReads, 3)
    posix_spawn_file_actions_adddup2(&actions, childWrites, 4)
    let arguments = [
      executable, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
      "--no-default-browser-check", "--disable-extensions", "--disable-background-networking", "--disable-sync",
      "--hide-scrollbars", "--mute-audio", "--remote-debugging-pipe", "--user-data-dir=\(profile)", "about:blank",
    ]
    do {
      pid = try ProgramRun.spawn(arguments, actions: &actions)
    } catch {
      for fd in [childReads, childWrites, commands, answers] { Glibc.close(fd) }
      throw error
    }
    Glibc.close(childReads)
    Glibc.close(childWrites)
  }

  private static func highCopy(_ fd: Int32) -> Int32 {
    let copy = fcntl(fd, F_DUPFD_CLOEXEC, 10)
    Glibc.close(fd)
    return copy
  }

  deinit { quitNow() }

  /// Asks the browser to quit, then makes sure it has: the pid is this object's own child.
  func quit() async {
    _ = try? await Support.onThread { self.quitNow() }
  }

  private func quitNow() {
    guard !closed else { return }
    closed = true
    _ = try? send("Browser.close", [:], inSession: false, timeout: 5)
    Glibc.close(commands)
    var status: Int32 = 0
    var exited = false
    for _ in 0..<50 where !exited {
      exited = waitpid(pid, &status, WNOHANG) == pid
      if !exited { usleep(100_000) }
    }
    if !exited {
      kill(pid, SIGKILL)
      waitpid(pid, &status, 0)
    }
    Glibc.close(answers)
    try? FileManager.default.removeItem(atPath: profile)
  }

  // MARK: Protocol

  /// Opens a tab on `url` at the given viewport and attaches to it.
  func open(_ url: String, width: Int, height: Int, mobile: Bool = false, scale: Double = 1) async throws {
    try await Support.onThread { try self.openNow(url, width: width, height: height, mobile: mobile, scale: scale) }
  }

  private func openNow(_ url: String, width: Int, height: Int, mobile: Bool, scale: Double) throws {
    let target = try send("Target.createTarget", ["url": .string("about:blank")], inSession: false)
    guard let id = target.member("targetId")?.stringValue else { throw Failure("no targetId in \(target)") }
    let attached = try send(
      "Target.attachToTarget", ["targetId": .string(id), "flatten": .bool(true)], inSession: false)
    guard let session = attached.member("sessionId")?.stringValue else { throw Failure("no sessionId in \(attached)") }
    self.session = session
    try resizeNow(width: width, height: height, mobile: mobile, scale: scale)
    _ = try send("Page.navigate", ["url": .string(url)])
  }

  /// Downloads are refused rather than written anywhere; a test sees them as the blobs the
  /// page hands to `URL.createObjectURL`.
  func refuseDownloads() async throws {
    _ = try await Support.onThread {
      try self.send("Browser.setDownloadBehavior", ["behavior": .string("deny")], inSession: false)
    }
  }

  func resize(width: Int, height: Int, mobile: Bool = false, scale: Double = 1) async throws {
    try await Support.onThread { try self.resizeNow(width: width, height: height, mobile: mobile, scale: scale) }
  }

  private func resizeNow(width: Int, height: Int, mobile: Bool, scale: Double) throws {
    _ = try send(
      "Emulation.setDeviceMetricsOverride",
      [
        "width": .number(String(width)), "height": .number(String(height)),
        "deviceScaleFactor": .number(String(scale)), "mobile": .bool(mobile),
      ])
  }

  /// The value of a JavaScript expression in the page (promises awaited).
  @discardableResult
  func evaluate(_ expression: String) async throws -> JSON {
    try await Support.onThread { try self.evaluateNow(expression) }
  }

  private func evaluateNow(_ expression: String) throws -> JSON {
    let result = try send(
      "Runtime.evaluate",
      ["expression": .string(expression), "returnByValue": .bool(true), "awaitPromise": .bool(true)])
    if let exception = result.member("exceptionDetails") {
      throw Failure("script failed: \(String(decoding: exception.render(pretty: false), as: UTF8.self))")
    }
    return result.member("result")?.member("value") ?? .null
  }

  /// Polls until the expression is true.
  func wait(until expression: String, timeout: Double = 30) async throws {
    try await Support.onThread { try self.waitNow(until: expression, timeout: timeout) }
  }

  private func waitNow(until expression: String, timeout: Double) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if try evaluateNow("Boolean(\(expression))") == .bool(true) { return }
      usleep(50_000)
    }
    throw Failure("timed out after \(timeout) s waiting for \(expression)")
  }

  /// Types text as a paste would: one input event with all of it at the focus.
  func insertText(_ text: String) async throws {
    _ = try await Support.onThread { try self.send("Input.insertText", ["text": .string(text)]) }
  }

  /// Chooses a file in the `<input type=file>` that `selector` finds, as the file dialog
  /// would; the page then reads it like a dropped file.
  func chooseFile(_ selector: String, path: String) async throws {
    try await Support.onThread {
      let root = try self.send("DOM.getDocument", [:])
      guard let document = root.member("root")?.member("nodeId") else { throw Failure("no document node") }
      let found = try self.send("DOM.querySelector", ["nodeId": document, "selector": .string(selector)])
      guard let node = found.member("nodeId"), node != .number("0") else { throw Failure("no \(selector)") }
      _ = try self.send("DOM.setFileInputFiles", ["nodeId": node, "files": .array([.string(path)])])
    }
  }

  /// A real left click (press and release) at the centre of the element `selector` finds,
  /// after scrolling it into view.
  func click(_ selector: String) async throws {
    try await Support.onThread { try self.clickNow(selector) }
  }

  private func clickNow(_ selector: String) throws {
    let point = try evaluateNow(
      """
      (() => { const e = document.querySelector(\(Self.quote(selector))); if (!e) return null;
        e.scrollIntoView({ block: 'center', inline: 'center' }); const r = e.getBoundingClientRect();
        return [r.left + r.width / 2, r.top + r.height / 2]; })()
      """)
    guard case .array(let xy) = point, xy.count == 2, let x = xy[0].numberText, let y = xy[1].numberText else {
      throw Failure("nothing to click at \(selector)")
    }
    for type in ["mousePressed", "mouseReleased"] {
      _ = try send(
        "Input.dispatchMouseEvent",
        [
          "type": .string(type), "x": .number(x), "y": .number(y), "button": .string("left"),
          "clickCount": .number("1"),
        ])
    }
  }

  /// A PNG of the viewport, or of the whole page when `fullPage`.
  func screenshot(fullPage: Bool = false) async throws -> [UInt8] {
    try await Support.onThread { try self.screenshotNow(fullPage: fullPage) }
  }

  private func screenshotNow(fullPage: Bool) throws -> [UInt8] {
    var parameters: [String: JSON] = ["format": .string("png")]
    if fullPage { parameters["captureBeyondViewport"] = .bool(true) }
    if fullPage, let size = try send("Page.getLayoutMetrics", [:]).member("cssContentSize"),
      let width = size.member("width")?.numberText, let height = size.member("height")?.numberText
    {
      parameters["clip"] = .object([
        ("x", .number("0")), ("y", .number("0")), ("width", .number(width)), ("height", .number(height)),
        ("scale", .number("1")),
      ])
    }
    let result = try send("Page.captureScreenshot", parameters, timeout: 60)
    guard let base64 = result.member("data")?.stringValue, let data = Data(base64Encoded: base64) else {
      throw Failure("no screenshot data")
    }
    return Array(data)
  }

  static func quote(_ text: String) -> String {
    String(decoding: JSON.string(text).render(pretty: false), as: UTF8.self)
  }

  /// Sends one command and reads messages until its answer; events in between are dropped.
  private func send(_ method: String, _ parameters: [String: JSON], inSession: Bool = true, timeout: Double = 30) throws
    -> JSON
  {
    nextID += 1
    var message: [(String, JSON)] = [
      ("id", .number(String(nextID))), ("method", .string(method)),
      ("params", .object(parameters.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })),
    ]
    if inSession, let session { message.append(("sessionId", .string(session))) }
    try write(JSON.object(message).render(pretty: false) + [0])
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let answer = try readMessage(deadline: deadline, method: method)
      guard answer.member("id") == .number(String(nextID)) else { continue }
      if let error = answer.member("error") {
        throw Failure("\(method): \(String(decoding: error.render(pretty: false), as: UTF8.self))")
      }
      return answer.member("result") ?? .null
    }
  }

  private func write(_ bytes: [UInt8]) throws {
    var sent = 0
    while sent < bytes.count {
      let count = bytes[sent...].withUnsafeBytes { Glibc.write(commands, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else {
        throw Failure("the browser stopped reading commands: \(String(cString: strerror(errno)))")
      }
      sent += count
    }
  }

  private func readMessage(deadline: Date, method: String) throws -> JSON {
    while true {
      if let end = buffer.firstIndex(of: 0) {
        let message = Array(buffer[..<end])
        buffer.removeSubrange(...end)
        do {
          return try JSONReader.read(message)
        } catch {
          throw Failure("unreadable message from the browser: \(error.message)")
        }
      }
      let remaining = deadline.timeIntervalSinceNow
      guard remaining > 0 else { throw Failure("no answer to \(method) in time") }
      var poller = pollfd(fd: answers, events: Int16(POLLIN), revents: 0)
      let ready = poll(&poller, 1, Int32(min(remaining, 1) * 1000))
      if ready < 0 && errno == EINTR { continue }
      guard ready > 0 else { continue }
      var chunk = [UInt8](repeating: 0, count: 1 << 20)
      let count = chunk.withUnsafeMutableBytes { read(answers, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { throw Failure("the browser closed its pipe (see its log)") }
      buffer += chunk[0..<count]
    }
  }
}
