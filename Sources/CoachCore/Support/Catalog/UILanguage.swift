/// The language coach's own words are printed in: errors, confirmations, labels. The playbook has its own texts;
/// these are the interface's, so that an error before any playbook is loaded still speaks the user's language.
public enum UILanguage: String, Sendable, Hashable, CaseIterable {
  case zh = "zh-CN"
  case en

  /// `en…` is English; everything else (the default) Chinese, as `--lang` resolves.
  public init(code: String) {
    self = code.lowercased().hasPrefix("en") ? .en : .zh
  }

  /// Picks the text of this language.
  @inline(__always)
  func pick(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }

  /// `7.9` (one decimal), as every count of days is printed.
  static func oneDecimal(_ days: Double) -> String {
    let tenths = (days * 10).rounded()
    let whole = Int(tenths / 10)
    let frac = Int(abs(tenths).truncatingRemainder(dividingBy: 10))
    return (tenths < 0 && whole == 0 ? "-" : "") + "\(whole).\(frac)"
  }
}
