#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a room listens: the machine's address on the local network (for phones), loopback (for
/// tests and trials on one machine), or an IPv4 address the host names. Only that one address:
/// never every interface, so a room is not reachable through a VPN or a container bridge.
///
///     RoomListenAddress.localNetwork.resolve()  // "192.168.1.23", or nil without a network
public enum RoomListenAddress: Hashable, Sendable {
  case localNetwork
  case loopback
  case ip4(String)

  /// The IPv4 address to bind, or nil when there is no local network.
  public func resolve() -> String? {
    switch self {
    case .loopback: "127.0.0.1"
    case .ip4(let address): address
    case .localNetwork: Self.choose(from: NetworkInterface.current())
    }
  }

  /// The best address for phones among `interfaces`: an interface that is up, not loopback, and
  /// not one of the virtual kinds (containers, VPNs), with a private address (10/8, 172.16/12,
  /// 192.168/16) preferred to any other and link-local (169.254/16) only as a last resort.
  static func choose(from interfaces: [NetworkInterface]) -> String? {
    let virtualPrefixes = [
      "docker", "br-", "veth", "virbr", "vmnet", "vboxnet", "tun", "tap", "wg", "utun", "zt",
      "tailscale", "lxc", "lxd", "podman", "cni",
    ]
    let candidates = interfaces.filter { interface in
      interface.isUp && !interface.isLoopback
        && !virtualPrefixes.contains { interface.name.hasPrefix($0) }
    }
    func rank(_ address: String) -> Int {
      let octets = address.split(separator: ".").compactMap { Int($0) }
      guard octets.count == 4 else { return 9 }
      switch (octets[0], octets[1]) {
      case (192, 168), (10, _): return 0
      case (172, 16...31): return 0
      case (169, 254): return 2
      default: return 1
      }
    }
    return candidates.map(\.address).min { rank($0) < rank($1) }
  }
}

/// One IPv4 address of a network interface, as `getifaddrs` lists it.
struct NetworkInterface: Hashable, Sendable {
  var name: String
  var address: String
  var isUp: Bool
  var isLoopback: Bool

  static func current() -> [NetworkInterface] {
    var first: UnsafeMutablePointer<ifaddrs>?
    guard getifaddrs(&first) == 0, let first else { return [] }
    defer { freeifaddrs(first) }
    var found: [NetworkInterface] = []
    for entry in sequence(first: first, next: { $0.pointee.ifa_next }) {
      guard let socketAddress = entry.pointee.ifa_addr,
        socketAddress.pointee.sa_family == sa_family_t(AF_INET)
      else { continue }
      var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
      let status = getnameinfo(
        socketAddress, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count),
        nil, 0, NI_NUMERICHOST)
      guard status == 0 else { continue }
      let flags = Int32(entry.pointee.ifa_flags)
      found.append(
        NetworkInterface(
          name: String(cString: entry.pointee.ifa_name),
          address: String(
            decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self),
          isUp: flags & Int32(IFF_UP) != 0 && flags & Int32(IFF_RUNNING) != 0,
          isLoopback: flags & Int32(IFF_LOOPBACK) != 0))
    }
    return found
  }
}
