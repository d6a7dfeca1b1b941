import ArgumentParser
import Jixiao
import JixiaoServe

struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Open a local web page: paste a table or drop a file, see what was read and what is wrong.",
    discussion: """
      Serves one page at http://127.0.0.1:8080/ (loopback only, unless --host says
      otherwise). Paste a table or drop a file there and it shows the projects as
      tables — funds in 元 and as written, indicators with their levels, raw and
      parsed targets — with every finding marked on its cell, the residue, and
      downloads of the JSON, the indicators as CSV, and SARIF. Chinese by default,
      English with one click.

      Beside the page, an HTTP API (Schemas/jixiao-api.openapi.yaml):
        POST /api/parse   file bytes → the JSON of `jixiao parse`
        POST /api/check   file bytes → the JSON of `jixiao check --format json`

      Each request is parsed off the network threads, within --time-limit seconds
      (else 503) and --max-size bytes (else 413). Ctrl-C stops the server.

      Exit codes: 0 stopped by Ctrl-C or SIGTERM, 64 usage error, 69 the address
      cannot be bound (the port is taken, or the host is not this machine's).

      Examples:
        jixiao serve
        jixiao serve --port 9000 --lang en
      """
  )

  @Option(help: "The TCP port (0: any free port, printed at start).")
  var port: Int = 8080

  @Option(help: "The address to listen on; anything but loopback exposes the page to the network.")
  var host: String = "127.0.0.1"

  @Option(name: .customLong("max-size"), help: "Refuse request bodies larger than this many bytes (413).")
  var maxSize: Int = ServeConfiguration.defaultMaxBodySize

  @Option(name: .customLong("time-limit"), help: "Seconds a request may wait and parse before it is answered 503.")
  var timeLimit: Double = 10

  @Option(help: "Threads that parse (default: the number of cores, at least 2).")
  var workers: Int = ServeConfiguration.defaultWorkers

  @Option(help: "Language of messages for API requests without ?lang= (default: from the locale).")
  var lang: Language?

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    guard timeLimit > 0, timeLimit <= 3600 else {
      throw ValidationError("--time-limit must be between 0 and 3600 seconds")
    }
    guard maxSize > 0 else { throw ValidationError("--max-size must be positive") }
    guard workers >= 1 else { throw ValidationError("--workers must be at least 1") }
  }

  func run() async throws {
    let language = lang ?? Console.localeLanguage
    let configuration = ServeConfiguration(
      host: host, port: port, maxBodySize: maxSize, timeLimit: .milliseconds(Int(timeLimit * 1000)),
      workers: workers, language: language)
    if !configuration.isLoopback {
      Console.error(
        "jixiao: warning: listening on \(host): anyone who can reach this address can use the page and the API")
    }
    do {
      try await JixiaoServer.run(configuration) { server in
        let port = server.port
        let address = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
        Console.out(
          language == .zh
            ? "Jixiao 网页已启动：\(address)\n在浏览器中打开这个地址，粘贴表格或拖入文件即可检查。按 Ctrl-C 停止。\n"
            : "Jixiao is serving the page at \(address)\nOpen it in a browser, paste a table or drop a file. Ctrl-C stops.\n"
        )
      }
    } catch let error as ServeError {
      Console.error("jixiao: " + error.message)
      throw ExitCode(error.exitCode)
    }
  }
}
