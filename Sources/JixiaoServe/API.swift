import Hummingbird
import Jixiao
import JixiaoBatch
import NIOCore

/// `POST /api/parse` and `POST /api/check` (Schemas/jixiao-api.openapi.yaml): the request
/// body is the document's raw bytes, or a multipart form holding it; the answer is the JSON
/// `jixiao parse` and `jixiao check --format json` print for the same bytes.
struct API: Sendable {
  let configuration: ServeConfiguration
  let workers: ParseWorkers

  func register(on router: Router<BasicRequestContext>) {
    router.post("api/parse") { request, _ in await answer(request, endpoint: .parse) }
    router.post("api/check") { request, _ in await answer(request, endpoint: .check) }
  }

  enum Endpoint {
    case parse
    case check
  }

  private func answer(_ request: Request, endpoint: Endpoint) async -> Response {
    do throws(APIError) {
      let query = try Query(request, endpoint: endpoint, defaultLanguage: configuration.language)
      let body = try await readBody(request)
      let contentType = request.headers[.contentType]
      let outcome = await workers.run { () -> Result<Output, APIError> in
        do throws(APIError) {
          return .success(try Self.output(body, contentType: contentType, query: query))
        } catch {
          return .failure(error)
        }
      }
      switch outcome {
      case .done(.success(let output)): return Self.response(.ok, output.contentType, output.bytes)
      case .done(.failure(let error)): throw error
      case .timedOut: throw APIError.timedOut(configuration.timeLimit)
      case .busy: throw APIError.busy
      }
    } catch {
      var response = Self.response(error.status, "application/json; charset=utf-8", error.json)
      if error.kind == APIError.busy.kind { response.headers[.retryAfter] = "1" }
      return response
    }
  }

  /// The whole body, refused past the size limit: at once when Content-Length says so,
  /// otherwise as soon as the stream passes it.
  private func readBody(_ request: Request) async throws(APIError) -> [UInt8] {
    let limit = configuration.maxBodySize
    if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
      throw APIError(InputError.tooLarge(path: "<request>", bytes: declared, limit: limit))
    }
    do {
      var request = request
      var buffer = try await request.collectBody(upTo: limit)
      return buffer.readBytes(length: buffer.readableBytes) ?? []
    } catch is NIOTooManyBytesError {
      throw APIError(InputError.tooLarge(path: "<request>", bytes: limit + 1, limit: limit))
    } catch {
      throw APIError.badRequest("the request body could not be read (\(error))")
    }
  }

  struct Output: Sendable {
    var contentType: String
    var bytes: [UInt8]
  }

  /// Runs on a parse worker: unpacking a form, decoding and parsing are all CPU work.
  private static func output(_ body: [UInt8], contentType: String?, query: Query) throws(APIError) -> Output {
    var bytes = body
    var path = query.name ?? "<request>"
    do throws(Multipart.Failure) {
      if let contentType, let boundary = try Multipart.boundary(contentType: contentType) {
        let part = try Multipart.document(body, boundary: boundary)
        bytes = Array(part.body)
        if query.name == nil, let filename = part.filename.flatMap(Query.label) { path = filename }
      }
    } catch {
      throw APIError.badRequest(error.message)
    }
    let document: Document
    do throws(InputError) {
      document = try Jixiao.parse(bytes, path: path, options: query.options)
    } catch {
      throw APIError(error)
    }
    switch query.format {
    case .json:
      return Output(
        contentType: "application/json; charset=utf-8",
        bytes: DocumentEncoder.encode(document, language: query.language, pretty: !query.compact))
    case .csv:
      return Output(contentType: "text/csv; charset=utf-8", bytes: DocumentCSV.indicators(document))
    case .checkJSON:
      // The shape of `jixiao check --format json`: one entry per file.
      var writer = JSONWriter(pretty: !query.compact)
      writer.array { w in
        w.element()
        w.object { w in
          w.field("path", path)
          w.field("diagnostics") {
            $0.array(query.filter.apply(document.diagnostics)) { DocumentEncoder.write($1, language: query.language, into: &$0) }
          }
        }
      }
      return Output(contentType: "application/json; charset=utf-8", bytes: writer.bytes + [0x0A])
    case .sarif:
      let log = SARIF.log(
        [SARIF.FileResult(path: path, diagnostics: query.filter.apply(document.diagnostics))], language: query.language)
      return Output(
        contentType: "application/sarif+json; charset=utf-8", bytes: log.render(pretty: !query.compact) + [0x0A])
    }
  }

  static func response(_ status: HTTPResponse.Status, _ contentType: String, _ bytes: [UInt8]) -> Response {
    Response(
      status: status,
      headers: [.contentType: contentType],
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
  }
}

/// The query parameters of an API request, checked before the body is read.
struct Query: Sendable {
  enum Format: Sendable {
    case json, csv, checkJSON, sarif
  }

  var language: Language
  var options: ParseOptions
  var format: Format
  var compact: Bool
  /// `ignore`, `only`, `severity` of `/api/check`, as `jixiao check` takes them.
  var filter = DiagnosticFilter.none
  /// Stands for the file path in the output and in error messages.
  var name: String?

  init(_ request: Request, endpoint: API.Endpoint, defaultLanguage: Language) throws(APIError) {
    let parameters = request.uri.queryParameters
    func value(_ key: String) -> String? { parameters[Substring(key)].map(String.init) }

    if let lang = value("lang") {
      guard let language = Language(rawValue: lang) else { throw .badRequest("lang must be zh or en, not '\(lang)'") }
      self.language = language
    } else {
      language = defaultLanguage
    }
    var options = ParseOptions()
    if let encoding = value("encoding"), !encoding.isEmpty { options.encoding = encoding }
    if let dialect = value("dialect"), !dialect.isEmpty {
      guard let known = Dialect(rawValue: dialect) else {
        throw .badRequest(
          "unknown dialect '\(dialect)' (one of \(Dialect.allCases.map(\.rawValue).joined(separator: ", ")))")
      }
      options.dialect = known
    }
    self.options = options
    let format = value("format")
    switch (endpoint, format) {
    case (.parse, nil), (.parse, "json"): self.format = .json
    case (.parse, "csv"): self.format = .csv
    case (.check, nil), (.check, "json"): self.format = .checkJSON
    case (.check, "sarif"): self.format = .sarif
    case (.parse, let other?): throw .badRequest("format must be json or csv, not '\(other)'")
    case (.check, let other?): throw .badRequest("format must be json or sarif, not '\(other)'")
    }
    if endpoint == .check {
      do throws(DiagnosticFilter.InvalidOverride) {
        filter = try DiagnosticFilter(
          ignore: parameters[values: "ignore"].map(String.init), only: parameters[values: "only"].map(String.init),
          overrides: parameters[values: "severity"].map(String.init))
      } catch {
        throw .badRequest(error.message)
      }
    }
    compact = ["1", "true", ""].contains(value("compact") ?? "-")
    name = value("name").flatMap(Self.label)
  }

  /// A client's file name as a label: printable, at most 200 characters, never empty. It is
  /// only ever written into JSON and messages, never used to open anything.
  static func label(_ text: String) -> String? {
    let printable = String(
      String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(200)))
    return printable.isEmpty ? nil : printable
  }
}
