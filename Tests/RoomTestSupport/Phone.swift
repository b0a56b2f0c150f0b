import Foundation
import XCTest

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A participant's phone, simulated with URLSession (libcurl on Linux: another HTTP
/// implementation than the room's): it speaks the page's JSON API.
struct Phone {
  let base: URL
  var code: String?
  var token: String?
  let session: URLSession

  init(pageURL: String, code: String?, session: URLSession = Phone.session) {
    base = URL(string: pageURL)!
    self.code = code
    self.session = session
  }

  static let session: URLSession = {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpMaximumConnectionsPerHost = 32
    configuration.timeoutIntervalForRequest = 30
    return URLSession(configuration: configuration)
  }()

  struct Answer {
    var status: Int
    var json: [String: Any]
    var headers: [String: String]
    var body: Data
  }

  func send(_ method: String, _ path: String, json: [String: Any]? = nil, body: Data? = nil)
    async throws -> Answer
  {
    var request = URLRequest(url: URL(string: path, relativeTo: base)!)
    request.httpMethod = method
    if let code { request.setValue(code, forHTTPHeaderField: "X-Room-Code") }
    if let token { request.setValue(token, forHTTPHeaderField: "X-Device-Token") }
    if let json {
      request.httpBody = try JSONSerialization.data(withJSONObject: json)
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    if let body { request.httpBody = body }
    let (data, response) = try await session.data(for: request)
    let http = response as! HTTPURLResponse
    var headers: [String: String] = [:]
    for (key, value) in http.allHeaderFields {
      headers[String(describing: key).lowercased()] = String(describing: value)
    }
    let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    return Answer(status: http.statusCode, json: object, headers: headers, body: data)
  }

  /// Joins and keeps the token; fails the test when the room refuses.
  mutating func join(file: StaticString = #filePath, line: UInt = #line) async throws {
    let answer = try await send("POST", "/api/join")
    XCTAssertEqual(answer.status, 200, "join: \(answer.json)", file: file, line: line)
    token = answer.json["token"] as? String
  }

  func round() async throws -> Answer { try await send("GET", "/api/round") }

  func rate(_ value: Int, round: Int) async throws -> Answer {
    try await send("PUT", "/api/rating", json: ["round": round, "value": value])
  }

  func park(_ text: String) async throws -> Answer {
    try await send("POST", "/api/park", json: ["text": text])
  }
}

/// Raw bytes to the room and the first line of its answer, for requests no HTTP library sends
/// (a wrong Host, a body larger than it says). Only ever to the loopback address.
enum RawHTTP {
  static func statusLine(port: UInt16, request: String) throws -> String {
    let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw POSIXError(.EIO) }
    defer { close(socket) }
    var timeout = timeval(tv_sec: 20, tv_usec: 0)
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
    let bytes = Array(request.utf8)
    _ = bytes.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while !received.contains(13) {
      let count = recv(socket, &buffer, buffer.count, 0)
      guard count > 0 else { break }
      received += buffer[0..<count]
    }
    return String(decoding: received, as: UTF8.self).components(separatedBy: "\r\n").first ?? ""
  }
}
