import CoachCore
import Foundation

/// Changes to a lead's fields; nil leaves a field as it is.
public struct LeadEdit: Sendable {
  public var name: String?
  public var phone: String?
  public var wechat: String?
  public var email: String?
  public var gender: String?
  public var birthday: LocalDate?
  public var city: String?
  public var source: String?
  public var consultantID: Int64?
  public var model: String?
  public var grade: Grade?
  public var tier: Tier?
  public var addTags: [String] = []
  public var removeTags: [String] = []
  public var profile: [ProfileFact] = []
  /// A new promised delivery day (recorded as an ETA change in the stage history).
  public var eta: LocalDate?

  public init() {}

  public var isEmpty: Bool {
    name == nil && phone == nil && wechat == nil && email == nil && gender == nil && birthday == nil && city == nil
      && source == nil && consultantID == nil && model == nil && grade == nil && tier == nil && addTags.isEmpty
      && removeTags.isEmpty && profile.isEmpty && eta == nil
  }
}
