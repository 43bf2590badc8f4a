import CoachPostgres
import Foundation
import TestSupport
import Testing

/// A URL without a password takes one where libpq's tools find it: `PGPASSWORD`, else the first line of the password
/// file that names its host, port, database and user; a file others may open is passed over, as libpq passes it over.
@Suite struct PostgresPasswordTests {
  /// A password file holding `text` with `mode`, in a folder of its own.
  private func passwordFile(_ text: String, mode: Int = 0o600) throws -> String {
    let path = try TempFolder.make(prefix: "coach-pgpass").appendingPathComponent("pgpass").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    return path
  }

  private let file = """
    # the group's servers
    db.example:5432:other:coach:not-this-database
    db.example:*:showroom:coach:s3\\:cret\\\\x
    db.example:*:*:*:any-other
    short:line
    /srv/pg:5433:showroom:coach:by-folder
    localhost:5432:showroom:coach:by-localhost

    """

  @Test func theURLsOwnPasswordComesFirst() throws {
    let url = try PostgresURL("postgres://coach:given@db.example/showroom")
      .findingPassword(env: ["PGPASSWORD": "env", "PGPASSFILE": try passwordFile(file)])
    #expect(url.password == "given" && url.passwordSource == .url)
    #expect(url.redacted == "postgres://coach:***@db.example:5432/showroom")
  }

  @Test func pgpasswordComesBeforeTheFile() throws {
    let url = try PostgresURL("postgres://coach@db.example/showroom")
      .findingPassword(env: ["PGPASSWORD": "from env", "PGPASSFILE": try passwordFile(file)])
    #expect(url.password == "from env" && url.passwordSource == .environment)
    // Not written in the URL, so not shown as if it were.
    #expect(url.redacted == "postgres://coach@db.example:5432/showroom")
  }

  @Test func theFirstLineThatNamesTheServerDatabaseAndUserGivesThePassword() throws {
    let env = ["PGPASSFILE": try passwordFile(file)]
    let showroom = try PostgresURL("postgres://coach@db.example:6543/showroom").findingPassword(env: env)
    #expect(showroom.password == "s3:cret\\x" && showroom.passwordSource == .file)
    #expect(showroom.passwordFile == env["PGPASSFILE"])
    #expect(try PostgresURL("postgres://ops@db.example/reports").findingPassword(env: env).password == "any-other")
    #expect(try PostgresURL("postgres://coach@elsewhere/showroom").findingPassword(env: env).password == nil)
    // A socket is named by its folder, or as localhost when it is the system's own.
    let folder = try PostgresURL("postgres://coach@/showroom?host=/srv/pg").findingPassword(env: env)
    #expect(folder.password == nil, "port 5432, the line says 5433")
    #expect(
      try PostgresURL("postgres://coach@:5433/showroom?host=/srv/pg").findingPassword(env: env).password
        == "by-folder")
    #expect(
      try PostgresURL("postgres://coach@/showroom?host=/var/run/postgresql").findingPassword(env: env).password
        == "by-localhost")
  }

  @Test func theFileInTheHomeFolderIsReadWithoutPGPASSFILE() throws {
    let path = try passwordFile("*:*:*:coach:at-home\n")
    let home = URL(fileURLWithPath: path).deletingLastPathComponent()
    try FileManager.default.moveItem(atPath: path, toPath: home.appendingPathComponent(".pgpass").path)
    let url = try PostgresURL("postgres://coach@db.example/showroom").findingPassword(env: ["HOME": home.path])
    #expect(url.password == "at-home" && url.passwordFile == home.appendingPathComponent(".pgpass").path)
  }

  @Test func aFileOthersMayOpenOrNoFileAtAllIsPassedOver() throws {
    let open = try passwordFile(file, mode: 0o644)
    let url = try PostgresURL("postgres://coach@db.example/showroom").findingPassword(env: ["PGPASSFILE": open])
    #expect(url.password == nil && url.passwordFileProblem == .openToOthers)
    let folder = try TempFolder.make(prefix: "coach-pgpass").path
    let notAFile = try PostgresURL("postgres://coach@db.example/showroom").findingPassword(env: [
      "PGPASSFILE": folder
    ])
    #expect(notAFile.password == nil && notAFile.passwordFileProblem == .notAFile)
    let missing = try PostgresURL("postgres://coach@db.example/showroom").findingPassword(env: [
      "PGPASSFILE": folder + "/none"
    ])
    #expect(missing.password == nil && missing.passwordFileProblem == nil && missing.passwordSource == nil)
  }
}
