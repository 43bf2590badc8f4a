import Foundation

/// The words of `ImportVocabularyTable` plus the playbook's labels and model catalog, ready to look up: what an
/// import reads a header or cell as when it is not the contract's exact word. Only asked after the exact forms
/// fail, so files written in codes keep the fast path.
public struct ImportVocabulary: Sendable {
  /// A catalog model: its code and names (every language).
  public struct Model: Sendable, Hashable {
    public var code: String
    public var names: [String]
    public init(code: String, names: [String]) {
      self.code = code
      self.names = names
    }
  }

  /// Column keys → column, per kind.
  let headers: [ImportSchema.Kind: [String: String]]
  /// Word key → code, per column (`stage`, `channel`, `outcome`, `gender`, `levers`).
  let words: [String: [String: String]]
  /// The catalog, empty when unknown.
  public let models: [Model]
  /// Answers already worked out: a sheet repeats the same few words (`H级`, `战败`, `极光 X60`) in every row.
  private let memo = Memo()
  /// Each model's keys, worked out once: its code and names (exact matches), and its names (prefix matches).
  private let modelKeys: [(code: String, exact: Set<String>, names: [String])]

  /// The table alone (no playbook labels or model names).
  public static let builtIn = ImportVocabulary(labels: [], models: [])

  /// The table plus `labels` (the playbooks' `ui` labels, every language: `stage_*`, `channel_*`, `outcome_*`) and
  /// the model catalog.
  public init(labels: [[String: String]], models: [Model]) {
    func index(_ table: [String: [String]]) -> [String: String] {
      var out: [String: String] = [:]
      for (column, names) in table {
        for n in names { out[Self.key(n)] = column }
      }
      return out
    }
    headers = [.leads: index(ImportVocabularyTable.leadHeaders), .touches: index(ImportVocabularyTable.touchHeaders)]
    var words: [String: [String: String]] = [
      "stage": index(ImportVocabularyTable.stages), "channel": index(ImportVocabularyTable.channels),
      "outcome": index(ImportVocabularyTable.outcomes), "gender": index(ImportVocabularyTable.genders),
      "tags": index(ImportVocabularyTable.tags.merging(KnownTag.all.map { ($0, [$0]) }) { $0 + $1 }),
    ]
    // The playbook's own labels win over the table's synonyms (a trainer's word means what the playbook says).
    for ui in labels {
      for (key, text) in ui {
        for column in ["stage", "channel", "outcome"] where key.hasPrefix(column + "_") {
          words[column, default: [:]][Self.key(text)] = String(key.dropFirst(column.count + 1))
        }
        // Switch levers (`ui.lever_*`) for a touch's `levers` cell.
        if key.hasPrefix("lever_") { words["levers", default: [:]][Self.key(text)] = String(key.dropFirst(6)) }
      }
    }
    self.words = words
    self.models = models
    modelKeys = models.map { m in
      let names = m.names.map(Self.key)
      return (m.code, Set([Self.key(m.code)] + names), names)
    }
  }

  /// The vocabulary of a playbook set (every language's labels and model names, by code).
  public init(playbooks: [Playbook]) {
    var names: [String: [String]] = [:]
    var order: [String] = []
    for p in playbooks {
      for m in p.models {
        if names[m.code] == nil { order.append(m.code) }
        names[m.code, default: []].append(m.name)
      }
    }
    self.init(
      labels: playbooks.map(\.labels.ui), models: order.map { Model(code: $0, names: names[$0] ?? []) })
  }

  /// How headers and words are compared: lower-cased, without white space (ASCII or full-width), `-` or `_`.
  public static func key(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for s in text.lowercased().unicodeScalars {
      if s.isASCII {
        // ASCII white space is these; no table look-up for the usual letters and digits.
        if s == "-" || s == "_" || s == " " || (0x09...0x0D).contains(s.value) { continue }
      } else if s == "\u{FEFF}" || s.properties.isWhitespace {
        continue
      }
      out.append(s)
    }
    return String(out)
  }

  /// The column a header names, by the table (nil: not in it).
  func column(header: String, kind: ImportSchema.Kind) -> String? { headers[kind]?[Self.key(header)] }

  /// The code `value` stands for in `column` (`stage`, `channel`, `outcome`, `gender`, `tags`), or nil.
  public func code(_ column: String, _ value: String) -> String? {
    memo.code(column, value) { words[column]?[Self.key(value)] }
  }

  /// `H级` → `H`: a grade or tier without its suffix (nil when it has none).
  public static func withoutGradeSuffix(_ value: String) -> String? {
    let v = value.trimmedFast(.whitespaces)
    for suffix in ImportVocabularyTable.gradeSuffixes where v.hasSuffix(suffix) {
      return String(v.dropLast(suffix.count)).trimmedFast(.whitespaces)
    }
    return nil
  }

  /// What a model cell names: a code, a name, or several (ambiguous) or none.
  public enum ModelMatch: Sendable, Hashable {
    case code(String)
    case ambiguous([String])
    case unknown
  }

  /// The model `value` names (see `ImportVocabularyTable.modelRule`). Codes are asked first by the caller.
  public func model(_ value: String) -> ModelMatch {
    memo.model(value) { modelUncached(value) }
  }

  /// `model(value)` worked out (the memo's source).
  func modelUncached(_ value: String) -> ModelMatch {
    let k = Self.key(value)
    guard !k.isEmpty else { return .unknown }
    var exact: [String] = []
    var prefix: [String] = []
    for m in modelKeys {
      if m.exact.contains(k) {
        exact.append(m.code)
      } else if m.names.contains(where: { $0.hasPrefix(k) }) {
        prefix.append(m.code)
      }
    }
    if exact.count == 1 { return .code(exact[0]) }
    if exact.count > 1 { return .ambiguous(exact) }
    if prefix.count == 1 { return .code(prefix[0]) }
    if prefix.count > 1 { return .ambiguous(prefix) }
    return .unknown
  }

  /// `Model` names of `codes`, for messages: `S50 (极光 S50 (老款))`.
  func describe(_ codes: [String]) -> [String] {
    codes.map { c in models.first(where: { $0.code == c }).flatMap(\.names.first).map { "\(c) (\($0))" } ?? c }
  }
}

/// Remembers the vocabulary's answers per cell text, so that each distinct word is keyed and looked up once. Bounded
/// (emptied past `limit` entries); locked, as the vocabulary is shared across threads (tests, the CLI's two).
final class Memo: @unchecked Sendable {
  static let limit = 4096
  private let lock = NSLock()
  private var codes: [String: [String: String?]] = [:]
  private var models: [String: ImportVocabulary.ModelMatch] = [:]

  func code(_ column: String, _ value: String, _ work: () -> String?) -> String? {
    lock.lock()
    if let known = codes[column]?[value] {
      lock.unlock()
      return known
    }
    lock.unlock()
    let answer = work()
    lock.lock()
    if codes[column, default: [:]].count >= Self.limit { codes[column] = [:] }
    codes[column, default: [:]][value] = .some(answer)
    lock.unlock()
    return answer
  }

  func model(_ value: String, _ work: () -> ImportVocabulary.ModelMatch) -> ImportVocabulary.ModelMatch {
    lock.lock()
    if let known = models[value] {
      lock.unlock()
      return known
    }
    lock.unlock()
    let answer = work()
    lock.lock()
    if models.count >= Self.limit { models = [:] }
    models[value] = answer
    lock.unlock()
    return answer
  }
}

extension ImportVocabulary {
  /// Full-width letters, digits and signs as their ASCII ones (`Ｈ级` → `H级`, `Ｘ６０` → `X60`: a Chinese input method
  /// left in full-width mode), the ideographic space as a space; `text` itself when it holds none.
  public static func halfWidth(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { (0xFF01...0xFF5E).contains($0.value) || $0.value == 0x3000 }) else {
      return text
    }
    var out = String.UnicodeScalarView()
    for u in text.unicodeScalars {
      if (0xFF01...0xFF5E).contains(u.value), let narrow = Unicode.Scalar(u.value - 0xFEE0) {
        out.append(narrow)
      } else {
        out.append(u.value == 0x3000 ? " " : u)
      }
    }
    return String(out)
  }
}
