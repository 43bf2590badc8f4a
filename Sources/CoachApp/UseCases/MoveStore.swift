import CoachCore
import CoachPostgres
import CoachStore
import CoachStoreAPI
import Foundation

/// `coach migrate --from FILE.sqlite --to postgres://… --store S`: a showroom's database moved into a store of the
/// group's (a group admin, or an admin of no store, of the group's database when it has users).
package enum MoveStore {
  /// `target`: the group's database URL (`--to`; else the run's `--db` when it is PostgreSQL).
  package static func run(_ env: RunEnvironment, from path: String, to target: String?, store: String) throws
    -> StoreMove
  {
    var env = env
    if let target {
      guard PostgresURL.isPostgres(target) else { throw CoachError.refused(.migrateNeedsPostgres(given: target)) }
      env.postgres = try PostgresURL(target).findingPassword(env: ProcessInfo.processInfo.environment)
      env.dbPath = env.postgres?.redacted ?? target
    }
    guard let url = env.postgres else { throw CoachError.refused(.migrateNeedsPostgres(given: env.dbPath)) }
    if PostgresURL.isPostgres(path) {
      throw CoachError.refused(.notAShowroom(given: (try? PostgresURL(path))?.redacted ?? "--from"))
    }
    guard FileManager.default.fileExists(atPath: path) else {
      throw CoachError.refused(.unreadableFile(path: path, missing: true))
    }
    let group = try PostgresStore.open(url)
    let session = try Session.open(env, db: group)
    guard session.isAdmin, session.storeID == nil else {
      throw CoachError.refused(
        .notAllowed(.moveStores, user: session.actor ?? "", role: session.user?.role.rawValue ?? ""))
    }
    let showroom: AppDatabase
    do {
      showroom = try AppDatabase.open(path: path)
    } catch CoachError.said(.notADatabase(_, _, nil)), CoachError.said(.foreignDatabase),
      CoachError.said(.emptyDatabaseFile)
    {
      throw CoachError.refused(.notAShowroom(given: path))
    }
    return try group.move(from: showroom, into: store)
  }
}
