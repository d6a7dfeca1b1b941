import Hummingbird
import NIOCore

/// The page and its three files, all held in memory: a request never reaches the file system.
enum Page {
  static func register(on router: Router<BasicRequestContext>) {
    let files: [(path: RouterPath, contentType: String, text: String)] = [
      ("/", "text/html; charset=utf-8", PageHTML.text),
      ("/app.js", "text/javascript; charset=utf-8", PageScript.text),
      ("/app.css", "text/css; charset=utf-8", PageStyle.text),
      ("/favicon.svg", "image/svg+xml", favicon),
      ("/sample.txt", "text/plain; charset=utf-8", SampleTable.text),
      ("/api", "text/plain; charset=utf-8", apiHelp),
    ]
    for file in files {
      let bytes = ByteBuffer(string: file.text)
      router.get(file.path) { _, _ in
        Response(status: .ok, headers: [.contentType: file.contentType], body: ResponseBody(byteBuffer: bytes))
      }
    }
  }

  static let favicon = #"""
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f5fbf"/><text x="16" y="23" font-size="19" text-anchor="middle" fill="#fff" font-family="sans-serif">绩</text></svg>
    """#

  static let apiHelp = """
    Jixiao HTTP API (described in Schemas/jixiao-api.openapi.yaml)

    POST /api/parse   the document as JSON, as `jixiao parse` prints it (?format=csv: its indicators)
    POST /api/check   its findings, as `jixiao check --format json` prints them (?format=sarif: SARIF)

    The body is the file's raw bytes (UTF-8, UTF-16 or GB18030), or a multipart/form-data
    form whose part `file` holds them. Query parameters: lang=zh|en, encoding, dialect,
    name (stands for the file path), compact=1; for check also ignore, only and
    severity, as the CLI's --ignore, --only and --severity (severity=JX205%3Derror).

      curl --data-binary @table.txt 'http://127.0.0.1:8080/api/check?lang=zh'
      curl -F file=@table.txt http://127.0.0.1:8080/api/parse

    Errors are JSON: {"error": {"kind", "message", "exitCode"}}, with the message and the exit
    code `jixiao parse` gives the same input.

    """
}
