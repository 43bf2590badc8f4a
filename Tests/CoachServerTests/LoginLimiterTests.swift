import CoachApp
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

@testable import CoachServer

/// Behind a proxy a showroom shares one address: failures from it must not lock out a user who types the right
/// password, while each name keeps its own few guesses.
@Suite struct LoginLimiterTests {
  @Test func anAddressPastItsLimitLetsOnlyARightPasswordIn() async {
    let limiter = LoginLimiter(perUser: 5, perAddress: 3, window: .seconds(900))
    for i in 0..<3 { #expect(await limiter.begin(user: "nosuch\(i)", address: "10.0.0.1") == .go) }
    guard case .onlyIfRight(let wait) = await limiter.begin(user: "alice", address: "10.0.0.1") else {
      Issue.record("the address is past its limit")
      return
    }
    #expect(wait > 0 && wait <= 901)
    // That was alice's one guess while the address is past its limit: her next is refused whatever the password,
    // from anywhere; a name not tried yet still gets its one.
    guard case .refused = await limiter.begin(user: "alice", address: "10.0.0.1") else {
      Issue.record("alice had her one guess")
      return
    }
    guard case .onlyIfRight = await limiter.begin(user: "bob", address: "10.0.0.1") else {
      Issue.record("bob had no guess yet")
      return
    }
    // A right password forgets the name's failures: alice may try again.
    await limiter.succeeded(user: "alice", address: "10.0.0.1")
    guard case .onlyIfRight = await limiter.begin(user: "alice", address: "10.0.0.1") else {
      Issue.record("alice's failures were forgotten")
      return
    }
    // Another address is not limited by this one.
    #expect(await limiter.begin(user: "alice", address: "10.0.0.2") == .go)
  }

  @Test func aNamePastItsLimitIsRefusedWhateverThePassword() async {
    let limiter = LoginLimiter(perUser: 2, perAddress: 100, window: .seconds(900))
    #expect(await limiter.begin(user: "bob", address: "10.0.0.1") == .go)
    #expect(await limiter.begin(user: "bob", address: "10.0.0.3") == .go)
    guard case .refused = await limiter.begin(user: "bob", address: "10.0.0.4") else {
      Issue.record("bob had two guesses")
      return
    }
    // A right password forgets the name's failures.
    await limiter.succeeded(user: "carol", address: nil)
    #expect(await limiter.begin(user: "carol", address: nil) == .go)
  }

  // MARK: - No hashing for a refused login

  /// A password check that counts its calls (bcrypt all the same).
  final class CountedCheck: Sendable {
    let calls = Mutex(0)
    var count: Int { calls.withLock { $0 } }
    var check: PasswordCheck {
      PasswordCheck({ password, hash in
        self.calls.withLock { $0 += 1 }
        return Passwords.verify(password, hash: hash)
      })
    }
  }

  /// The password of alice and bob in `live`.
  static let password = "a password 42"

  /// The shop's application on a socket (the limiter counts per address: the router test client has none), its
  /// password checks counted, `change` applied to its settings; alice and bob have a `password`.

  static func live(
    _ shop: RouteShop, _ checks: CountedCheck, _ change: (inout ServerSettings) -> Void
  ) throws -> some ApplicationProtocol {
    let hash = Passwords.hash(Self.password)
    for name in ["alice", "bob"] {
      let user = try #require(try shop.db.user(named: name))
      try shop.db.setPasswordHash(userID: user.id ?? 0, hash: hash, now: Date())
    }
    var settings = shop.settings
    change(&settings)
    return buildApplication(
      settings, db: shop.db, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
      passwords: checks.check)
  }

  static func login(_ client: some TestClientProtocol, _ user: String, _ password: String, form: Bool = false)
    async throws -> TestResponse
  {
    form
      ? try await client.execute(
        uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
        body: ByteBuffer(string: "user=\(user)&password=\(password.replacingOccurrences(of: " ", with: "+"))"))
      : try await client.execute(
        uri: "/api/v1/login", method: .post, headers: [.contentType: "application/json"],
        body: ByteBuffer(string: #"{"user": "\#(user)", "password": "\#(password)"}"#))
  }

  /// Made-up names past an address's limit kept both cores hashing: such a login is refused (429) before any check,
  /// as a wrong password of a real name is refused; the right password still goes in.
  @Test func pastTheAddressLimitAMadeUpNameIsRefusedWithoutAPasswordCheck() async throws {
    let shop = try RouteShop()
    let checks = CountedCheck()
    let app = try Self.live(shop, checks) { $0.loginFailuresPerAddress = 3 }
    try await app.test(.live) { client in
      for i in 0..<3 { #expect(try await Self.login(client, "nosuch\(i)", "a guess 123").status == .unauthorized) }
      #expect(checks.count == 3)
      let api = try await Self.login(client, "nosuch3", "a guess 123")
      let form = try await Self.login(client, "nosuch4", "a guess 123", form: true)
      #expect(api.status == .tooManyRequests && form.status == .tooManyRequests)
      #expect(Look.errorObject(api.body)?.code == "too_many_attempts")
      #expect(Int(api.headers[.retryAfter] ?? "") ?? 0 > 0)
      #expect(checks.count == 3, "a refused login checked a password")
      // bob exists: his wrong password is answered as the made-up names were (his check is what would let the right
      // password in); alice's right one goes in.
      let bob = try await Self.login(client, "bob", "a guess 123")
      #expect(bob.status == .tooManyRequests && Look.errorObject(bob.body)?.code == "too_many_attempts")
      #expect(try await Self.login(client, "alice", Self.password).status == .ok)
      #expect(checks.count == 5)
    }
  }

  /// Past a name's limit a login is refused before its password is checked, the right one too.
  @Test func pastTheNameLimitALoginIsRefusedWithoutAPasswordCheck() async throws {
    let shop = try RouteShop()
    let checks = CountedCheck()
    let app = try Self.live(shop, checks) { $0.loginFailuresPerUser = 2 }
    try await app.test(.live) { client in
      for _ in 0..<2 { #expect(try await Self.login(client, "alice", "a guess 123").status == .unauthorized) }
      let right = try await Self.login(client, "alice", Self.password)
      #expect(right.status == .tooManyRequests)
      #expect(try await Self.login(client, "nosuch", "a guess 123").status == .unauthorized)
      #expect(checks.count == 3)
    }
  }
}
