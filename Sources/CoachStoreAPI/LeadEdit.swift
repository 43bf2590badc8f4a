import CoachCore
import Foundation

/// Changes to a lead: its fields (`LeadFields`, set by name: `edit.phone = "…"`; a field not set, or set to nil,
/// is left as it is), its tags, profile facts, owner and promised day.
///
/// `stage` moves only through `changeStage` (the stage machine) and `externalID` stays the import's key: setting
/// either, or `tags` (use `addTags`/`removeTags`), is a programming error.
@dynamicMemberLookup
public struct LeadEdit: Sendable {
  /// The values set, over placeholders; only those of `given` are applied.
  private var values = LeadFields(name: "")
  /// How to copy each field set from `values` onto a lead's fields, by the field's key path. Key paths and these
  /// closures are immutable once made and the dictionary is a value copied with the edit, so sharing an edit across
  /// tasks is safe although the compiler cannot prove it (`PartialKeyPath` is not `Sendable`).
  nonisolated(unsafe) private var given: [PartialKeyPath<LeadFields>: (inout LeadFields, LeadFields) -> Void] = [:]
  /// The new owner (a user id); nil leaves the owner as is.
  public var consultantID: Int64?
  public var addTags: [String] = []
  public var removeTags: [String] = []
  /// Profile facts to set, each replacing the fact of the same key.
  public var profile: [ProfileFact] = []
  /// A new promised delivery day (recorded as an ETA change in the stage history).
  public var eta: LocalDate?
  /// Whether a new phone number that a lead of another customer already has is accepted; refused (naming that lead,
  /// `duplicatePhone`) when false, as `addLead` does.
  public var allowDuplicatePhone = true

  public init() {}

  /// A field of the lead, as set by this edit (nil: not set).
  public subscript<T>(dynamicMember field: WritableKeyPath<LeadFields, T>) -> T? {
    get { given[field] == nil ? nil : values[keyPath: field] }
    set { if let value = newValue { set(field, value) } }
  }

  /// An optional field of the lead, as set by this edit (nil: not set; an edit does not clear a field).
  public subscript<T>(dynamicMember field: WritableKeyPath<LeadFields, T?>) -> T? {
    get { given[field] == nil ? nil : values[keyPath: field] }
    set { if let value = newValue { set(field, value) } }
  }

  private mutating func set<T>(_ field: WritableKeyPath<LeadFields, T>, _ value: T) {
    precondition(
      field != \LeadFields.stage && field != \LeadFields.externalID && field != \LeadFields.tags,
      "a lead's stage, external id and tags are not edited as fields")
    values[keyPath: field] = value
    given[field] = { $0[keyPath: field] = $1[keyPath: field] }
  }

  public var isEmpty: Bool {
    given.isEmpty && consultantID == nil && addTags.isEmpty && removeTags.isEmpty && profile.isEmpty && eta == nil
  }

  /// `fields` with this edit applied: the fields set, the tags added and removed, the profile facts replaced by key.
  public func applied(to fields: LeadFields) -> LeadFields {
    var out = fields
    for copy in given.values { copy(&out, values) }
    out.tags = (out.tags + addTags.filter { !out.tags.contains($0) }).filter { !removeTags.contains($0) }
    let keys = Set(profile.map(\.key))
    out.profile = out.profile.filter { !keys.contains($0.key) } + profile
    return out
  }
}

extension LeadFields {
  /// The values of the customer row's columns `name, phone, wechat, email, gender, birthday, city`, in that order,
  /// as both stores write them: an edit writes the row only when these differ.
  package var customerColumns: [String?] { [name, phone, wechat, email, gender, birthday?.description, city] }
}

/// One field a lead edit changed, as the lead's history keeps it (`coach lead show`): who, when, before and after.
public struct FieldChange: Sendable, Hashable {
  public var at: Date
  public var actor: String?
  /// `name`, `phone`, `wechat`, `email`, `gender`, `birthday`, `city`, `source`, `model`, `grade`, `tier`, `tags`,
  /// `consultant`, or `profile.KEY`.
  public var field: String
  public var before: String?
  public var after: String?

  public init(at: Date, actor: String?, field: String, before: String?, after: String?) {
    (self.at, self.actor, self.field, self.before, self.after) = (at, actor, field, before, after)
  }

}

extension LeadFields {
  /// The fields that differ from `self` to `after`, in the order of the record (tags `;`-joined as the import writes
  /// them, profile facts by key), as `(field, before, after)`.
  package func changes(to after: LeadFields) -> [(field: String, before: String?, after: String?)] {
    let plain: [(String, String?, String?)] = [
      ("name", name, after.name), ("phone", phone, after.phone), ("wechat", wechat, after.wechat),
      ("email", email, after.email), ("gender", gender, after.gender),
      ("birthday", birthday?.description, after.birthday?.description), ("city", city, after.city),
      ("source", source, after.source), ("model", model, after.model),
      ("grade", grade?.rawValue, after.grade?.rawValue),
      ("tier", tier?.rawValue, after.tier?.rawValue),
      (
        "tags", tags.isEmpty ? nil : tags.joined(separator: ";"),
        after.tags.isEmpty ? nil : after.tags.joined(separator: ";")
      ),
    ]
    var out = plain.filter { $0.1 != $0.2 }.map { (field: $0.0, before: $0.1, after: $0.2) }
    let old = Dictionary(profile.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    let new = Dictionary(after.profile.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    for key in Set(old.keys).union(new.keys).sorted() where old[key] != new[key] {
      out.append((field: "profile.\(key)", before: old[key], after: new[key]))
    }
    return out
  }
}
