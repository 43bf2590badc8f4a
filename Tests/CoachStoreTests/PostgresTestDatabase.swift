import CoachPostgres
import Foundation
import Testing

/// A PostgreSQL database of its own for each test, on the server `COACH_TEST_POSTGRES_URL` names (`.ci/run` starts
/// a private cluster and sets it; without it the PostgreSQL cases are skipped, saying so).
enum PostgresTestDatabase {
  static let admin: PostgresURL? = {
    guard let text = ProcessInfo.processInfo.environment["COACH_TEST_POSTGRES_URL"], !text.isEmpty else { return nil }
    return try? PostgresURL(text)
  }()

  static let skipNote: Comment =
    "COACH_TEST_POSTGRES_URL is not set: the PostgreSQL cases are skipped (.ci/run starts a server and sets it)"

  /// A store on a new, empty database, migrated.
  static func fresh() throws -> PostgresStore {
    guard let admin else { throw CancellationError() }
    return try PostgresStore.open(try PostgresStore.createScratchDatabase(admin: admin))
  }
}
