import Foundation

/// The playbook bundled into coach (from `playbooks/zh-CN` and `playbooks/en`, embedded by `scripts/embed-playbooks`).
public enum DefaultPlaybook {
  /// Every bundled file, with paths like `zh-CN/cadence.yaml`.
  public static var files: [PlaybookFile] { generatedFiles }

  /// Loads the bundled playbook in every language.
  public static func load() throws -> PlaybookSet { try PlaybookSet.load(files: files) }
}
