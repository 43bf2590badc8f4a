import Foundation

/// The scenarios shipped with the default playbook (`playbooks/tests/*.yaml`, embedded by `scripts/embed-scenarios`).
public enum DefaultScenarios {
  /// Every bundled scenario file, with paths like `tests/en-prospects.yaml`.
  public static var files: [PlaybookFile] { generatedFiles }
}
