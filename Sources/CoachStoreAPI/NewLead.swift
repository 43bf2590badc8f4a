import CoachCore
import Foundation

/// A new lead as given by `lead add` or the demo: its fields, its owner and when it was created.
public struct NewLead: Sendable, CarriesLeadFields {
  public var fields: LeadFields
  public var consultantID: Int64?
  public var createdAt: Date

  public init(
    externalID: String? = nil, name: String, phone: String? = nil, wechat: String? = nil, email: String? = nil,
    gender: String? = nil, birthday: LocalDate? = nil, city: String? = nil, source: String? = nil,
    consultantID: Int64? = nil, model: String? = nil, grade: Grade? = nil, tier: Tier? = nil, tags: [String] = [],
    profile: [ProfileFact] = [], stage: Stage = .prospect, createdAt: Date
  ) {
    fields = LeadFields(
      externalID: externalID, name: name, phone: phone, wechat: wechat, email: email, gender: gender,
      birthday: birthday, city: city, source: source, model: model, grade: grade, tier: tier, tags: tags,
      profile: profile, stage: stage)
    self.consultantID = consultantID
    self.createdAt = createdAt
  }

  public init(_ fields: LeadFields, consultantID: Int64?, createdAt: Date) {
    (self.fields, self.consultantID, self.createdAt) = (fields, consultantID, createdAt)
  }
}
