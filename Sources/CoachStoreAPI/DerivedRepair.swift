import CoachCore
import Foundation

/// What `coach doctor --rebuild-derived` changed.
public struct DerivedRepair: Sendable, Codable, Hashable {
  /// One derived table's repair: leads whose rows were rewritten, and the rows removed and written doing it.
  public struct Change: Sendable, Codable, Hashable {
    public var wrongLeads: Int
    public var rowsRemoved: Int
    public var rowsWritten: Int

    package init(wrongLeads: Int, rowsRemoved: Int, rowsWritten: Int) {
      (self.wrongLeads, self.rowsRemoved, self.rowsWritten) = (wrongLeads, rowsRemoved, rowsWritten)
    }
  }

  /// By table key (`delivery`, `last_touch`): every derived table, with zeros when it was right.
  public var tables: [String: Change]

  package init(tables: [String: Change]) { self.tables = tables }

  /// Whether anything was written.
  public var changedAnything: Bool { tables.values.contains { $0.rowsRemoved + $0.rowsWritten > 0 } }
}
