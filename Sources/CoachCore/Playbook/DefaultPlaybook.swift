import Foundation

/// The playbook bundled into coach (from `playbooks/zh-CN` and `playbooks/en`, embedded by `scripts/embed-playbooks`).
public enum DefaultPlaybook {
  /// Every bundled file, with paths like `zh-CN/cadence.yaml`.
  public static var files: [PlaybookFile] { generatedFiles }

  /// Bundled language codes, sorted (`en`, `zh-CN`).
  public static var languages: [String] { generatedLanguages }

  /// The bundled playbook in `language` (an exact code), decoded ahead of time by `scripts/embed-playbooks`:
  /// no YAML is parsed. Equal to parsing `files` (DefaultPlaybookTests); nil for a language not bundled.
  public static func decoded(_ language: String) -> Playbook? { generatedPlaybook(language) }

  /// Every bundled language, decoded ahead of time: `PlaybookSet.load(files: files)` without parsing YAML.
  public static var decodedSet: PlaybookSet {
    let pairs = languages.compactMap { lang in decoded(lang).map { (lang, $0) } }
    return PlaybookSet(languages: Dictionary(uniqueKeysWithValues: pairs))
  }
}
