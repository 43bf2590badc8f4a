import CoachCore
import CoachStoreAPI
import GRDB

/// A lead id is the `lead` table's integer key: bound and read as that integer.
extension LeadID: DatabaseValueConvertible {
  public var databaseValue: DatabaseValue { rawValue.databaseValue }

  public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> LeadID? {
    Int64.fromDatabaseValue(dbValue).map { LeadID($0) }
  }
}
