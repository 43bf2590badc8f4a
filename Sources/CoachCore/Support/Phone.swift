/// Chinese phone numbers: validation to a canonical digit string, and masking for exports.
public enum Phone {
  /// What `normalize` accepts, for error messages.
  public static let accepted =
    "a mobile like 13812345678 (optionally +86/0086) or a landline with area code like 010-12345678"

  /// Canonical digits of a mobile (`13812345678`) or landline with area code (`01012345678`), or nil.
  /// Spaces, dashes, dots, parentheses, full-width digits and a `+86`/`0086`/`86` prefix are accepted.
  public static func normalize(_ text: String) -> String? {
    var digits = ""
    var sawPlus = false
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x30...0x39: digits.unicodeScalars.append(scalar)
      case 0xFF10...0xFF19: digits.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30) ?? "0")
      case 0x20, 0x3000, 0x2D, 0x2E, 0x28, 0x29, 0xFF08, 0xFF09, 0x2010...0x2015: continue
      case 0x2B, 0xFF0B:
        guard digits.isEmpty, !sawPlus else { return nil }
        sawPlus = true
      default: return nil
      }
    }
    if sawPlus {
      guard digits.hasPrefix("86") else { return nil }
      return national(String(digits.dropFirst(2)), international: true)
    }
    if digits.hasPrefix("0086") { return national(String(digits.dropFirst(4)), international: true) }
    if digits.count == 13, digits.hasPrefix("86"), let mobile = mobile(String(digits.dropFirst(2))) { return mobile }
    return national(digits, international: false)
  }

  /// A WeChat id masked as a phone is, wherever the phone is (`wxid_wzucr34` → `wx********34`): either one reaches
  /// the customer.
  public static func maskHandle(_ text: String) -> String {
    let chars = Array(text)
    let keep = chars.count >= 6 ? 2 : (chars.count >= 3 ? 1 : 0)
    return String(chars.prefix(keep)) + String(repeating: "*", count: chars.count - 2 * keep)
      + String(chars.suffix(keep))
  }

  /// An email address masked likewise: its first letter and its domain (`li.na@example.cn` → `l****@example.cn`).
  public static func maskEmail(_ text: String) -> String {
    guard let at = text.lastIndex(of: "@"), at > text.startIndex else { return maskHandle(text) }
    let local = text[..<at]
    return String(local.prefix(1)) + String(repeating: "*", count: max(3, local.count - 1)) + text[at...]
  }

  /// `138****5678`: the first 3 and last 4 digits kept; shorter numbers keep less so most is hidden.
  /// Text that is not a phone number is masked as written, without spaces and dashes.
  public static func mask(_ text: String) -> String {
    let chars = Array(normalize(text) ?? text.filter { !$0.isWhitespace && $0 != "-" })
    let n = chars.count
    let (head, tail): (Int, Int)
    switch n {
    case 0...2: (head, tail) = (0, 0)
    case 3...5: (head, tail) = (1, 1)
    case 6...7: (head, tail) = (2, 2)
    default: (head, tail) = (3, 4)
    }
    return String(chars.prefix(head)) + String(repeating: "*", count: n - head - tail) + String(chars.suffix(tail))
  }

  // MARK: - Forms

  /// A number without country code; after `+86` a landline drops its leading 0 (`+86 10 12345678`).
  private static func national(_ digits: String, international: Bool) -> String? {
    if let mobile = mobile(digits) { return mobile }
    if international, !digits.hasPrefix("0") { return landline("0" + digits) }
    return landline(digits)
  }

  /// `1[3-9]` followed by 9 digits.
  private static func mobile(_ digits: String) -> String? {
    let d = Array(digits)
    guard d.count == 11, d[0] == "1", ("3"..."9").contains(d[1]) else { return nil }
    return digits
  }

  /// Area code `010`/`02X` + 8 digits, or `0[3-9]XX` + 7 or 8 digits; the local number does not start with 0.
  private static func landline(_ digits: String) -> String? {
    let d = Array(digits)
    guard d.count >= 10, d[0] == "0" else { return nil }
    let area = (d[1] == "1" && d[2] == "0") || d[1] == "2" ? 3 : (("3"..."9").contains(d[1]) ? 4 : 0)
    guard area > 0 else { return nil }
    let local = d.count - area
    guard area == 3 ? local == 8 : (local == 7 || local == 8), d[area] != "0" else { return nil }
    return digits
  }
}

extension LeadSnapshot {
  /// The ways to reach the customer as shown: masked together (phone, WeChat id, email: each reaches the customer),
  /// or all in full.
  public func contacts(masked: Bool) -> (phone: String?, wechat: String?, email: String?) {
    let f = fields
    guard masked else { return (f.phone, f.wechat, f.email) }
    let mask = { (field: String, value: String?) in value.map { Phone.mask(forField: field)?($0) ?? $0 } }
    return (mask("phone", f.phone), mask("wechat", f.wechat), mask("email", f.email))
  }
}

extension Phone {
  /// How a value of contact field `field` (`phone`, `wechat`, `email`) is masked where the phone is
  /// (`LeadSnapshot.contacts(masked:)`, a lead's edit history); nil for any other field, shown as it is.
  public static func mask(forField field: String) -> ((String) -> String)? {
    switch field {
    case "phone": mask
    case "wechat": maskHandle
    case "email": maskEmail
    default: nil
    }
  }
}
