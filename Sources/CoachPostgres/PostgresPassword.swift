import CoachCore
import Foundation

/// A connection's password when the URL has none, found where libpq (psql, pg_dump) finds it: the `PGPASSWORD`
/// environment variable, else the first line of the password file (`PGPASSFILE`, else `~/.pgpass`) that names the
/// URL's host, port, database and user. A group's IT keeps the password out of the command line (which `ps` shows
/// every user of the machine) and out of shell histories, in the file its other PostgreSQL tools already read.
extension PostgresURL {
  /// Where the password came from.
  public enum PasswordSource: String, Sendable, Hashable {
    case url, environment, file
  }

  public typealias PasswordFileProblem = ErrorText.PasswordFileProblem

  /// This URL with the password of `PGPASSWORD` or of the password file when it has none of its own; `env`: the
  /// process's environment (`PGPASSWORD`, `PGPASSFILE`, `HOME`).
  public func findingPassword(env: [String: String]) -> PostgresURL {
    guard password == nil else { return self }
    var url = self
    if let password = env["PGPASSWORD"], !password.isEmpty {
      url.password = password
      url.passwordSource = .environment
      return url
    }
    let file =
      env["PGPASSFILE"].flatMap { $0.isEmpty ? nil : $0 }
      ?? (env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/.pgpass"
    url.passwordFile = file
    switch PGPassFile.read(file) {
    case .missing:
      break
    case .passedOver(let problem):
      url.passwordFileProblem = problem
    case .text(let text):
      if let password = PGPassFile.password(in: text, for: self) {
        url.password = password
        url.passwordSource = .file
      }
    }
    return url
  }
}

/// libpq's password file: one `hostname:port:database:username:password` per line, `*` matching anything in the
/// first four fields, `\` escaping a `:` or a `\`, `#` starting a comment line; the first line that matches wins.
enum PGPassFile {
  enum Contents: Equatable {
    case missing
    case passedOver(PostgresURL.PasswordFileProblem)
    case text(String)
  }

  /// The file's text, or why it is not read (libpq ignores a file its owner's group or others may open).
  static func read(_ path: String) -> Contents {
    var info = stat()
    guard stat(path, &info) == 0 else { return .missing }
    guard info.st_mode & S_IFMT == S_IFREG else { return .passedOver(.notAFile) }
    guard info.st_mode & (S_IRWXG | S_IRWXO) == 0 else { return .passedOver(.openToOthers) }
    guard let data = FileManager.default.contents(atPath: path) else { return .missing }
    return .text(String(decoding: data, as: UTF8.self))
  }

  /// The password of the first line of `text` that names `url`'s host, port, database and user. A unix socket is
  /// named by its folder, or as `localhost` when it is the system's own (`/var/run/postgresql`), as libpq names it.
  static func password(in text: String, for url: PostgresURL) -> String? {
    let host: String
    if let folder = url.socketFolder {
      host = systemSocketFolders.contains(folder) ? "localhost" : folder
    } else {
      host = url.host ?? "localhost"
    }
    let wanted = [host, String(url.port), url.database, url.user]
    for line in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
      guard !line.hasPrefix("#") else { continue }
      let fields = self.fields(line)
      guard fields.count >= 5 else { continue }
      if zip(fields, wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
    }
    return nil
  }

  /// The socket folders that libpq (as Debian builds it) calls `localhost`.
  static let systemSocketFolders: Set<String> = ["/var/run/postgresql", "/run/postgresql"]

  /// A line's fields, split at each `:` that no `\` escapes, the escapes removed.
  static func fields(_ line: Substring) -> [String] {
    var fields: [String] = []
    var field = ""
    var escaped = false
    for ch in line {
      if escaped {
        field.append(ch)
        escaped = false
      } else if ch == "\\" {
        escaped = true
      } else if ch == ":" {
        fields.append(field)
        field = ""
      } else {
        field.append(ch)
      }
    }
    fields.append(field)
    return fields
  }
}
