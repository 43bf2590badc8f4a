import CoachCore
import Foundation

/// What a backup or restore copied.
public struct BackupSummary: Sendable, Codable, Hashable {
  /// The file written (backup) or read (restore).
  public var path: String
  /// The schema version of the copy, e.g. `v2`.
  public var schemaVersion: String
  public var leads: Int
  public var touches: Int

  package init(path: String, schemaVersion: String, leads: Int, touches: Int) {
    (self.path, self.schemaVersion, self.leads, self.touches) = (path, schemaVersion, leads, touches)
  }
}
