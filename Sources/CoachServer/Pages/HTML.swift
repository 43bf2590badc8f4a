import CoachCore
import Foundation

/// Escapes text for HTML element content and double-quoted attribute values.
func esc(_ text: String) -> String {
  var out = ""
  out.reserveCapacity(text.utf8.count)
  for ch in text.unicodeScalars {
    switch ch {
    case "&": out += "&amp;"
    case "<": out += "&lt;"
    case ">": out += "&gt;"
    case "\"": out += "&quot;"
    case "'": out += "&#39;"
    default: out.unicodeScalars.append(ch)
    }
  }
  return out
}

/// Percent-escapes a path segment (lead ids are digits, but nothing is trusted).
func pathSegment(_ text: String) -> String {
  text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
}

/// `<option>`s for a select, `selected` on `chosen`.
func options(_ values: [(value: String, label: String)], chosen: String? = nil) -> String {
  values.map { "<option value=\"\(esc($0.value))\"\($0.value == chosen ? " selected" : "")>\(esc($0.label))</option>" }
    .joined()
}

/// Local time for people in `zone`: `2025-07-10 10:00`.
func localTime(_ date: Date?, zone: TimeZone) -> String {
  guard let date else { return "–" }
  return Digits.minute(date, in: zone)
}
