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

  /// Refuses (exit 64, in the user's language) a password too short, too long for bcrypt, holding control characters,
  /// or too easy to guess (`tooEasy`) for the user `name`.
  package static func check(_ password: String, name: String? = nil) throws {
    guard password.count >= minimumLength else {
      throw CoachError.refused(.badPassword(.tooShort(minimum: minimumLength)))
    }
    guard password.utf8.count <= maximumBytes else {
      throw CoachError.refused(.badPassword(.tooLong(maximumBytes: maximumBytes)))
    }
    guard !password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
      throw CoachError.refused(.badPassword(.controlCharacter))
    }
    guard !tooEasy(password, name: name) else { throw CoachError.refused(.badPassword(.tooEasy)) }
  }

  /// What a guesser tries first: blanks, a few characters repeated (`11111111`, `陈静陈静陈静陈静`), a run of
  /// consecutive ones (`12345678`, `abcdefgh`), the user's own name with little else, and the most common passwords.
  static func tooEasy(_ password: String, name: String?) -> Bool {
    let lowered = password.lowercased()
    var rest = lowered
    if let name = name?.lowercased(), !name.isEmpty { rest = rest.replacingOccurrences(of: name, with: "") }
    if Set(rest.filter { !$0.isWhitespace }).count < 4 { return true }
    let scalars = lowered.unicodeScalars.map(\.value)
    let steps = Set(zip(scalars, scalars.dropFirst()).map { Int64($1) - Int64($0) })
    if steps == [1] || steps == [-1] { return true }
    return common.contains(lowered)
  }

  /// Passwords of eight characters or more found at the top of leaked lists (Chinese and English ones).
  static let common: Set<String> = [
    "password", "password1", "password123", "passw0rd", "p@ssw0rd", "qwertyui", "qwerty123", "qwertyuiop", "1qaz2wsx",
    "1q2w3e4r", "1q2w3e4r5t", "zxcvbnm1", "asdfghjk", "iloveyou", "abc12345", "abcd1234", "a1234567", "aa123456",
    "admin123", "admin888", "woaini1314", "5201314520", "12341234", "11223344", "123123123", "123456abc",
    "welcome1", "letmein1", "changeme", "trustno1", "sunshine", "football", "baseball", "superman",
  ]

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

  /// Compares in time independent of where the strings differ (a secret against what a request gave).
  package static func same(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8), y = Array(b.utf8)
    guard x.count == y.count else { return false }
    return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
  }

  static func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
  }
}

/// A confirmation a page shows after a change (`?done=…`), marked with a code that only the session which made the
/// change can write (an HMAC keyed by its CSRF token): a link someone sends cannot make a page say that leads were
/// moved or a stage saved.
package enum DoneMark {
  /// The mark of `query` (`done=moved&n=3`) for the session of `csrf`.
  package static func mark(_ query: String, csrf: String) -> String {
    let code = HMAC<SHA256>.authenticationCode(for: Data(query.utf8), using: SymmetricKey(data: Data(csrf.utf8)))
    return code.prefix(12).map(Tokens.hex).joined()
  }

  /// `query` with its mark: `done=moved&n=3&mark=…`.
  package static func signed(_ query: String, csrf: String) -> String { query + "&mark=" + mark(query, csrf: csrf) }

  /// Whether `mark` is the session's mark of `query` (compared in constant time).
  package static func isValid(_ query: String, mark: String?, csrf: String) -> Bool {
    guard let mark else { return false }
    return Tokens.same(self.mark(query, csrf: csrf), mark)
  }
}
