import CoachCore
import Foundation

/// One recorded export or unmasked view of customer data.
public struct ExportEntry: Codable, Sendable, Hashable {
  public var at: Date
  public var actor: String?
  public var what: String
  public var format: String
  public var rows: Int
  public var masked: Bool
  public var target: String?

  public init(at: Date, actor: String?, what: String, format: String, rows: Int, masked: Bool, target: String?) {
    self.at = at
    self.actor = actor
    self.what = what
    self.format = format
    self.rows = rows
    self.masked = masked
    self.target = target
  }
}
