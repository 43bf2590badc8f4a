import Foundation
import Hummingbird

/// An `application/x-www-form-urlencoded` body: every value of every field, in order (checkbox groups repeat a name).
struct Form {
  private(set) var fields: [(name: String, value: String)] = []

  init(_ body: ByteBuffer) {
    let text = String(buffer: body)
    for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = Self.decode(parts[0])
      let value = parts.count > 1 ? Self.decode(parts[1]) : ""
      fields.append((name, value))
    }
  }

  static func decode(_ s: Substring) -> String {
    String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
  }

  /// The first value of `name`; nil when absent or blank (an empty form field means "not given").
  func first(_ name: String) -> String? {
    fields.first { $0.name == name && !$0.value.isEmpty }?.value
  }

  func all(_ name: String) -> [String] { fields.filter { $0.name == name && !$0.value.isEmpty }.map(\.value) }
}
