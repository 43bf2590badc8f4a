import CoachCore
import Foundation

/// Loads the playbook set once per run: `--playbooks DIR` (with zh-CN/ and en/) or the bundled default.
package enum Playbooks {
  /// The playbook in the run's language: the bundled one comes decoded ahead of time (no YAML at start-up);
  /// with `--playbooks DIR` only that language's files are parsed.
  package static func load(_ env: RunEnvironment) throws -> Playbook {
    if env.playbookDir == nil, let bundled = DefaultPlaybook.decoded(env.language) { return bundled }
    let all = try files(env)
    let languages = PlaybookLoader.languages(in: all)
    guard languages.contains(env.language) else {
      throw CoachError.refused(.noLanguageFolder(language: env.language, found: languages.sorted()))
    }
    return try PlaybookLoader.load(language: env.language, files: all.filter { $0.language == env.language })
  }

  /// Every language's playbook (objection matching uses the examples of all of them).
  package static func loadSet(_ env: RunEnvironment) throws -> PlaybookSet {
    guard env.playbookDir != nil else { return DefaultPlaybook.decodedSet }
    return try PlaybookSet.load(files: try files(env))
  }

  /// The raw files: from `--playbooks DIR` or bundled.
  package static func files(_ env: RunEnvironment) throws -> [PlaybookFile] {
    guard let dir = env.playbookDir else { return DefaultPlaybook.files }
    return try read(dir: dir)
  }

  /// Reads `DIR/<lang>/*.yaml` for every language folder in DIR.
  package static func read(dir: String) throws -> [PlaybookFile] {
    let fm = FileManager.default
    var isDir: ObjCBool = false
    guard fm.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
      throw CoachError.refused(.noPlaybookFolder(dir: dir))
    }
    var files: [PlaybookFile] = []
    for lang in try fm.contentsOfDirectory(atPath: dir).sorted() {
      let sub = (dir as NSString).appendingPathComponent(lang)
      var subIsDir: ObjCBool = false
      guard fm.fileExists(atPath: sub, isDirectory: &subIsDir), subIsDir.boolValue, lang != "tests" else { continue }
      for name in try fm.contentsOfDirectory(atPath: sub).sorted()
      where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
        let path = (sub as NSString).appendingPathComponent(name)
        guard let data = fm.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
          throw CoachError.rejected(code: "invalid_playbook", message: "\(lang)/\(name): cannot read it as UTF-8 text")
        }
        files.append(PlaybookFile(path: "\(lang)/\(name)", text: text))
      }
    }
    if files.isEmpty {
      throw CoachError.rejected(
        code: "invalid_playbook",
        message: "no playbook files under \(dir): expected \(dir)/zh-CN/*.yaml and \(dir)/en/*.yaml")
    }
    return files
  }
}
