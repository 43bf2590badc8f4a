import CoachCore
import Foundation

/// A customer's own words for an objection, as a touch recorded them.
public struct RecordedPhrasing: Sendable, Hashable {
  public var code: String
  public var text: String
  public var at: Date
  public var leadID: LeadID

  package init(code: String, text: String, at: Date, leadID: LeadID) {
    (self.code, self.text, self.at, self.leadID) = (code, text, at, leadID)
  }

  /// As the matcher takes it.
  public var learned: LearnedPhrasing { LearnedPhrasing(code: code, text: text) }
}
