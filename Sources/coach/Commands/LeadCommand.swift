import ArgumentParser
import CoachCore
import CoachStoreAPI
import Foundation

extension Grade: ExpressibleByArgument {}
extension Tier: ExpressibleByArgument {}
extension Stage: ExpressibleByArgument {}

extension CoachCommand {
  /// `coach lead add|show|list|edit`.
  struct LeadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "lead", abstract: "Add, show, list and edit leads.",
      subcommands: [Add.self, Show.self, List.self, Edit.self, Reassign.self])
  }
}

/// Customer and lead fields shared by `lead add` and `lead edit`.
struct LeadFieldOptions: ParsableArguments {
  @Option(help: "Customer's name.") var name: String?
  @Option(help: "Phone number (mobile 1XXXXXXXXXX, optional +86; or a landline 0XX-XXXXXXX).") var phone: String?
  @Option var wechat: String?
  @Option var email: String?
  @Option(help: "male, female or other (男/女/其他, 先生/女士 accepted).") var gender: String?
  @Option(help: "YYYY-MM-DD.") var birthday: String?
  @Option var city: String?
  @Option(help: "Where the lead came from (showroom, phone, web, referral, …).") var source: String?
  @Option(help: "Consultant in charge (a user name); lead add without it: the acting consultant or team lead.")
  var consultant: String?
  @Option(help: "Catalog code of the model of interest (`coach models`).") var model: String?
  @Option(help: "Purchase intent: H, A, B or C.") var grade: Grade?
  @Option(help: "Value tier: A, B, C or D.") var tier: Tier?
  @Option(help: "A tag (warning, vip, fleet, difficult, …); repeatable.") var tag: [String] = []
  @Option(help: "A profile fact key=value (hobby=钓鱼); repeatable.") var profile: [String] = []

  func parsedPhone() throws -> String? {
    guard let phone else { return nil }
    guard let p = Phone.normalize(phone) else {
      throw CoachError.refused(.badPhone(given: phone))
    }
    return p
  }

  func parsedGender() throws -> String? {
    guard let gender else { return nil }
    guard let code = ImportVocabularyTable.gender(gender) else { throw CoachError.refused(.badGender(given: gender)) }
    return code
  }

  func parsedProfile() throws -> [ProfileFact] {
    try profile.map { item in
      let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
        throw CoachError.refused(.badProfile(given: item))
      }
      try Self.refuseSeparator(item, option: "--profile")
      return ProfileFact(key: parts[0], value: parts[1])
    }
  }

  /// Tags as given, the well-known ones as their codes however written (`警示客户` → `warning`).
  func cleanTags() throws -> [String] {
    try tag.map { given in
      try Self.refuseSeparator(given, option: "--tag")
      return KnownTag.code(for: given.trimmingCharacters(in: .whitespaces).lowercased())
    }.filter { !$0.isEmpty }
  }

  /// `;` (or `；`) separates a lead's tags and profile facts in a CSV or workbook export, as the import reads them:
  /// a tag or fact holding one came back as two tags, or its row was refused.
  static func refuseSeparator(_ given: String, option: String) throws {
    if given.contains(";") || given.contains("；") {
      throw CoachError.refused(.listSeparatorInValue(option: option, given: given))
    }
  }

  func checkedModel(_ env: RunEnvironment) throws -> String? {
    guard let model else { return nil }
    let playbook = try Playbooks.load(env)
    guard let m = playbook.model(model) else {
      throw CoachError.refused(.unknownModel(code: model, known: playbook.models.map(\.code)))
    }
    return m.code
  }
}
