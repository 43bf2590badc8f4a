import CoachCore
import Crypto
import Foundation
import HummingbirdBcrypt

/// Passwords: stored only as bcrypt hashes (salted, slow on purpose).
package enum Passwords {
  /// bcrypt's work factor: 2^12 rounds, about a quarter of a second per hash here; a login pays it once.
  package static let cost: UInt8 = 12
  package static let minimumLength = 8
  /// bcrypt reads at most 72 bytes: a longer password is refused rather than silently cut.
  package static let maximumBytes = 72

  /// Refuses (exit 64, in the user's language) a password too short, too long for bcrypt, or holding control characters.
  package static func check(_ password: String) throws {
    guard password.count >= minimumLength else {
      throw CoachError.refused(.badPassword(.tooShort(minimum: minimumLength)))
    }
    guard password.utf8.count <= maximumBytes else {
      throw CoachError.refused(.badPassword(.tooLong(maximumBytes: maximumBytes)))
    }
    guard !password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
      throw CoachError.refused(.badPassword(.controlCharacter))
    }
  }

  package static func hash(_ password: String) -> String { Bcrypt.hash(password, cost: cost) }

  package static func verify(_ password: String, hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }

  /// A hash of a password nobody has, verified when the user is unknown so that a wrong name takes as long as a
  /// wrong password.
  package static let decoy: String = Bcrypt.hash("decoy-\(Tokens.random())", cost: cost)
}

/// Random secrets for cookies, CSRF and calendar feeds, and the hashes the database keeps of them.
package enum Tokens {
  /// 32 random bytes from the system's secure generator, as 64 hex digits.
  package static func random() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<32).map { _ in hex(UInt8.random(in: .min ... .max, using: &generator)) }.joined()
  }

  /// SHA-256 of `token`, as hex: what the database stores instead of the token.
  package static func hash(_ token: String) -> String {
    SHA256.hash(data: Data(token.utf8)).map(hex).joined()
  }

  /// Whether `token` looks like one of ours (64 hex digits): anything else is refused before a lookup.
  package static func isWellFormed(_ token: String) -> Bool {
    token.utf8.count == 64 && token.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
  }

  private static func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
  }
}
