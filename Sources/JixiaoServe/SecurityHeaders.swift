import HTTPTypes
import Hummingbird

/// Headers that keep a browser from ever running or framing anything but the page's own
/// script: user text only arrives as JSON data, and JSON is never sniffed as HTML.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
  private static var headers: HTTPFields {
    var fields = HTTPFields()
    fields[HTTPField.Name("Content-Security-Policy")!] =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
      + "form-action 'none'; base-uri 'none'; frame-ancestors 'none'"
    fields[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
    fields[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
    fields[.cacheControl] = "no-store"
    return fields
  }

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    var response = try await next(request, context)
    for field in Self.headers where response.headers[field.name] == nil { response.headers.append(field) }
    return response
  }
}
