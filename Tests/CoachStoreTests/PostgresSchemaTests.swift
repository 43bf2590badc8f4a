import CoachCore
import CoachPostgres
import CoachStore
import CoachStoreAPI
import Foundation
import Testing

/// The PostgreSQL schema is kept next to SQLite's, numbered the same, and its URLs are read as the contract says.
@Suite struct PostgresSchemaTests {
  @Test func bothEnginesNameTheSameMigrationsInTheSameOrder() {
    #expect(PostgresStore.schemaVersions == AppDatabase.schemaVersions)
    #expect(PostgresStore.schemaVersions.last == AppDatabase.currentSchemaVersion)
  }

  @Test func urlsAreReadAsTheContractSays() throws {
    let tcp = try PostgresURL("postgres://coach:s3cret@db.example:6543/showroom")
    #expect(tcp.user == "coach" && tcp.password == "s3cret" && tcp.host == "db.example" && tcp.port == 6543)
    #expect(tcp.database == "showroom" && tcp.socketFolder == nil)
    #expect(tcp.redacted == "postgres://coach:***@db.example:6543/showroom")
    let socket = try PostgresURL("postgresql://coach@/group?host=/run/postgresql")
    #expect(socket.socketFolder == "/run/postgresql" && socket.host == nil && socket.port == 5432)
    #expect(socket.server == "/run/postgresql/.s.PGSQL.5432")
    #expect(try PostgresURL("POSTGRES://u@localhost/db").port == 5432)
    // TLS as libpq's sslmode says; none unless asked (a group's server on its own network, or a unix socket).
    #expect(tcp.tls == .disable)
    for mode in PostgresURL.TLSMode.allCases {
      let url = try PostgresURL("postgres://u:pw@db.example/db?sslmode=\(mode.rawValue)")
      #expect(url.tls == mode)
      #expect(url.redacted.hasSuffix(mode == .disable ? "/db" : "/db?sslmode=\(mode.rawValue)"), "\(url.redacted)")
    }
    // An IPv6 address in brackets, as URLs write it: connected to without them, shown with them.
    let v6 = try PostgresURL("postgres://u@[::1]:6543/db")
    #expect(v6.host == "::1" && v6.port == 6543 && v6.redacted == "postgres://u@[::1]:6543/db")
    let verified = try PostgresURL("postgres://u@db.example/db?sslmode=verify-full&sslrootcert=/etc/hostname")
    #expect(verified.rootCertificate == "/etc/hostname")
  }

  @Test(arguments: [
    ("postgres://localhost/db", "the user name"),
    ("postgres://u@localhost", "the database name"),
    ("postgres://u@localhost:port/db", "the port \"port\""),
    ("postgres://u@localhost:70000/db", "the port \"70000\""),
    ("postgres://u@/db", "the host"),
    ("postgres://u@/db?host=relative/dir", "not an absolute folder"),
    ("postgres://u:pw@localhost/db?sslmode=allow", "sslmode=allow is not valid"),
    ("postgres://u:pw@localhost/db?sslmode=require&sslrootcert=/etc/hostname", "sslrootcert=/etc/hostname"),
    ("postgres://u:pw@localhost/db?sslmode=verify-full&sslrootcert=/nonexistent.pem", "sslrootcert=/nonexistent"),
    ("postgres://u:pw@localhost/db?application_name=x", "the parameter application_name"),
  ])
  func aBadURLIsRefusedNamingWhatIsWrong(_ url: String, _ problem: String) throws {
    do {
      _ = try PostgresURL(url)
      Issue.record("\(url) was accepted")
    } catch let error as CoachError {
      #expect(error.exitCode == 64 && error.code == "bad_database_url")
      #expect(error.message.contains(problem), "\(error.message)")
      #expect(error.message.contains("accepted: postgres://user[:password]@host[:port]/database"))
      #expect(!error.message.contains("pw@"))
      #expect(error.message(in: .zh).contains("不是可用的 PostgreSQL 地址"))
    }
  }
}
