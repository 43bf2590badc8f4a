import Foundation
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
}
