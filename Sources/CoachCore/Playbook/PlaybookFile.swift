import Foundation

/// One playbook file as text, named by its path relative to the playbook root (`zh-CN/models.yaml`).
public struct PlaybookFile: Sendable, Hashable {
  /// Path relative to the playbook root, `/`-separated, e.g. `en/models.yaml`.
  public var path: String
  /// The file's UTF-8 text.
  public var text: String

  public init(path: String, text: String) {
    self.path = path
    self.text = text
  }

  /// The folder the file sits in (`zh-CN` for `zh-CN/models.yaml`), the playbook language.
  public var language: String? {
    let parts = path.split(separator: "/").map(String.init)
    return parts.count >= 2 ? parts[parts.count - 2] : nil
  }

  /// The section the file holds (`models` for `en/models.yaml`), when it is a YAML file.
  public var section: String? {
    guard let name = path.split(separator: "/").last.map(String.init) else { return nil }
    for ext in [".yaml", ".yml"] where name.hasSuffix(ext) { return String(name.dropLast(ext.count)) }
    return nil
  }
}

/// The playbooks of every language found, each fully loaded.
public struct PlaybookSet: Sendable {
  /// Playbooks by language code (`zh-CN`, `en`).
  public let languages: [String: Playbook]

  public init(languages: [String: Playbook]) { self.languages = languages }

  /// The playbook for `lang`: exact code first, then forgiving forms (`en_US.UTF-8` → `en`, `zh` → `zh-CN`).
  public func playbook(_ lang: String) -> Playbook? {
    if let exact = languages[lang] { return exact }
    let wanted = lang.split(separator: ".").first.map(String.init)?.replacingOccurrences(of: "_", with: "-") ?? lang
    if let match = languages.first(where: { $0.key.caseInsensitiveCompare(wanted) == .orderedSame }) {
      return match.value
    }
    let base = wanted.split(separator: "-").first.map { $0.lowercased() } ?? wanted.lowercased()
    let candidates = languages.keys.sorted().filter { $0.split(separator: "-").first?.lowercased() == base }
    return candidates.first.flatMap { languages[$0] }
  }

  /// Loads every language folder present in `files` (folders holding at least one section file).
  public static func load(files: [PlaybookFile]) throws -> PlaybookSet {
    let langs = PlaybookLoader.languages(in: files)
    guard !langs.isEmpty else {
      throw CoachError.rejected(
        code: "invalid_playbook",
        message: "no playbook found; expected language folders such as zh-CN/ and en/ holding "
          + PlaybookLoader.sections.map { "\($0).yaml" }.joined(separator: ", "))
    }
    var loaded: [String: Playbook] = [:]
    for lang in langs { loaded[lang] = try PlaybookLoader.load(language: lang, files: files) }
    return PlaybookSet(languages: loaded)
  }
}
