import FlyingFox
import Foundation

/// The room's HTTP side: reads a phone's request into a ``ParticipantRequest``, has the room's
/// state answer it, and writes the answer as JSON (or the page) with the security headers. It
/// keeps no state of its own and logs nothing.
///
/// The API, all of it same-origin and JSON, each request carrying `X-Room-Code` (and, after
/// joining, `X-Device-Token`):
///
///     GET  /              the page (also /room.css, /room.js): the only requests without a code
///     POST /api/join      → {"token": "…"}
///     GET  /api/round     → {"state": "waiting"} or {"state": "open", "round": 3, "text": …}
///     PUT  /api/rating    {"round": 3, "value": 4} → {"ok": true}
///     POST /api/park      {"text": "…"} → {"ok": true}
///
/// A refusal is {"error": "wrong-code"} (see ``Refusal``) with its own status code.
struct RoomHTTPHandler: HTTPHandler {
  let core: RoomCore
  let limits: RoomLimits
  let clock: @Sendable () -> Double

  func handleRequest(_ request: HTTPRequest) async -> HTTPResponse {
    let address = Self.address(of: request)
    let route = Route(method: request.method, path: request.path)

    var action = ParticipantRequest.Action.page
    var unreadable: HTTPResponse?
    switch route {
    case .join: action = .join
    case .round: action = .round
    case .rate:
      if let body = await read(RatingBody.self, from: request) {
        action = .rate(round: body.round, value: body.value)
      } else {
        unreadable = badBody(request)
      }
    case .park:
      if let body = await read(ParkBody.self, from: request) {
        action = .park(text: body.text)
      } else {
        unreadable = badBody(request)
      }
    case .file, .noIcon, .notFound, .wrongMethod:
      break
    }
    // Every request counts against the rate limits, even one for a page that does not exist,
    // for the wrong host, or with a body that cannot be read (these go through as the page).
    let refusal: HTTPResponse? =
      if let unreadable {
        unreadable
      } else if let host = core.host, request.headers[.host] == host {
        nil
      } else {
        // Only the room's own address as `Host` (see ``RoomCore/host``): a page elsewhere
        // cannot reach the room by rebinding a name of its own to the room's address.
        respond(.misdirectedRequest, ["error": "wrong-host"])
      }
    if let refusal {
      let gate = answer(.init(action: .page, address: address))
      return gate == .page ? refusal : response(for: gate)
    }
    let reply = answer(
      .init(
        action: action,
        code: request.headers[HTTPHeader("X-Room-Code")],
        token: request.headers[HTTPHeader("X-Device-Token")],
        address: address))
    switch (route, reply) {
    case (.file(let file), .page):
      return page(file)
    case (.noIcon, .page):
      return HTTPResponse(statusCode: .noContent, headers: Self.headers(type: "image/x-icon"))
    case (.notFound, .page):
      return respond(.notFound, ["error": "not-found"])
    case (.wrongMethod(let allowed), .page):
      var response = respond(.methodNotAllowed, ["error": "wrong-method"])
      response.headers[HTTPHeader("Allow")] = allowed
      return response
    default:
      return response(for: reply)
    }
  }

  private func answer(_ request: ParticipantRequest) -> ParticipantReply {
    let now = clock()
    return core.update { $0.handle(request, newToken: .random(), at: now) }
  }

  /// The address the connection came from. Never `X-Forwarded-For`, which the sender writes.
  private static func address(of request: HTTPRequest) -> String {
    switch request.remoteAddress {
    case .ip4(let ip, _), .ip6(let ip, _): ip
    case .unix(let path): path
    case nil: "unknown"
    }
  }

  // MARK: Reading

  private struct RatingBody: Decodable {
    var round: Int
    var value: Int
  }

  private struct ParkBody: Decodable {
    var text: String
  }

  /// Reads a JSON body of at most `limits.bodyBytes`; nil when it is larger or not that shape.
  private func read<Body: Decodable>(_ type: Body.Type, from request: HTTPRequest) async -> Body? {
    guard let data = await boundedBody(of: request) else { return nil }
    return try? JSONDecoder().decode(Body.self, from: data)
  }

  private func boundedBody(of request: HTTPRequest) async -> Data? {
    if let declared = request.bodySequence.count, declared > limits.bodyBytes { return nil }
    var data = Data()
    do {
      for try await chunk in request.bodySequence {
        data.append(chunk)
        if data.count > limits.bodyBytes { return nil }
      }
    } catch {
      return nil
    }
    return data
  }

  private func badBody(_ request: HTTPRequest) -> HTTPResponse {
    let declared = request.bodySequence.count ?? Int.max
    if declared > limits.bodyBytes {
      // The rest of the body is not read: tell the client to close rather than reuse the line.
      var response = respond(.payloadTooLarge, ["error": "too-large"])
      response.headers[.connection] = "close"
      return response
    }
    return respond(.badRequest, ["error": "bad-request"])
  }

  // MARK: Writing

  private func response(for reply: ParticipantReply) -> HTTPResponse {
    switch reply {
    case .page:
      return page(.html)  // not reached: a page request is answered above
    case .joined(let token):
      return respond(.ok, ["token": token.text])
    case .waiting:
      return respond(.ok, RoundBody(state: "waiting"))
    case .question(let round, let question, let yours):
      return respond(
        .ok,
        RoundBody(
          state: "open", round: round, text: question.text, lowest: question.lowest,
          highest: question.highest, lowestLabel: question.lowestLabel,
          highestLabel: question.highestLabel, yours: yours))
    case .accepted:
      return respond(.ok, ["ok": true])
    case .refused(let refusal, let retryAfter):
      var response = respond(Self.status(of: refusal), ["error": refusal.rawValue])
      if let retryAfter { response.headers[HTTPHeader("Retry-After")] = String(retryAfter) }
      return response
    }
  }

  private struct RoundBody: Encodable {
    var state: String
    var round: Int?
    var text: String?
    var lowest: Int?
    var highest: Int?
    var lowestLabel: String?
    var highestLabel: String?
    var yours: Int?
  }

  private static func status(of refusal: Refusal) -> HTTPStatusCode {
    switch refusal {
    case .closed: .gone
    case .slowDown: .tooManyRequests
    case .wrongCode: .forbidden
    case .unknownDevice: .unauthorized
    case .roomFull, .parkingFull: .serviceUnavailable
    case .roundClosed: .conflict
    case .notOnScale, .emptyText: .unprocessableContent
    case .tooLong: .payloadTooLarge
    }
  }

  private func respond(_ status: HTTPStatusCode, _ body: some Encodable) -> HTTPResponse {
    let data = (try? JSONEncoder().encode(body)) ?? Data("{}".utf8)
    return HTTPResponse(
      statusCode: status, headers: Self.headers(type: "application/json"), body: data)
  }

  private func page(_ file: PhonePage.File) -> HTTPResponse {
    HTTPResponse(statusCode: .ok, headers: Self.headers(type: file.contentType), body: file.data)
  }

  /// The same strict headers on every response: nothing from elsewhere, nothing inline, no
  /// framing, no referrer, nothing cached.
  static func headers(type: String) -> HTTPHeaders {
    [
      .contentType: type,
      .cacheControl: "no-store",
      HTTPHeader("Content-Security-Policy"):
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'",
      HTTPHeader("X-Content-Type-Options"): "nosniff",
      HTTPHeader("Referrer-Policy"): "no-referrer",
      HTTPHeader("X-Frame-Options"): "DENY",
      HTTPHeader("Cross-Origin-Opener-Policy"): "same-origin",
      HTTPHeader("Cross-Origin-Resource-Policy"): "same-origin",
      HTTPHeader("Permissions-Policy"): "camera=(), microphone=(), geolocation=()",
    ]
  }
}

/// What a method and path ask for.
enum Route: Hashable, Sendable {
  case file(PhonePage.File)
  case join, round, rate, park
  /// Browsers ask for `/favicon.ico` by themselves: "no content" rather than an error.
  case noIcon
  case notFound
  case wrongMethod(allowed: String)

  init(method: HTTPMethod, path: String) {
    let (wanted, route): (HTTPMethod, Route)
    switch path {
    case "/", "/index.html": (wanted, route) = (.GET, .file(.html))
    case "/room.css": (wanted, route) = (.GET, .file(.css))
    case "/room.js": (wanted, route) = (.GET, .file(.script))
    case "/favicon.ico": (wanted, route) = (.GET, .noIcon)
    case "/api/join": (wanted, route) = (.POST, .join)
    case "/api/round": (wanted, route) = (.GET, .round)
    case "/api/rating": (wanted, route) = (.PUT, .rate)
    case "/api/park": (wanted, route) = (.POST, .park)
    default:
      self = .notFound
      return
    }
    self = method == wanted ? route : .wrongMethod(allowed: wanted.rawValue)
  }
}
