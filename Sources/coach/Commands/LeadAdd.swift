import ArgumentParser
import CoachCore
import CoachStoreAPI
import Foundation

extension CoachCommand.LeadCommand {
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a lead; prints its id.")
    @OptionGroup var fields: LeadFieldOptions
    @Option(help: "An id from another system (unique).") var externalId: String?
    @Flag(help: "Add the lead even when an existing lead has the same phone number.") var allowDuplicate = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
      guard fields.name != nil else { throw ValidationError(OptionRuleText.required(option: "--name").text(global.ui)) }
      guard fields.phone != nil else {
        throw ValidationError(OptionRuleText.required(option: "--phone").text(global.ui))
      }
    }

    func run() throws {
      let env = try RunEnvironment(global)
      // Checked again by AddLead; here first, because opening the database creates its file.
      try FreeText.require(fields.name ?? "", option: "--name", required: true)
      let session = try Session.open(env)
      let lead = LeadFields(
        externalID: externalId, name: fields.name ?? "", phone: try fields.parsedPhone(), wechat: fields.wechat,
        email: fields.email, gender: try fields.parsedGender(),
        birthday: try fields.birthday.map { try env.date($0, option: "--birthday") }, city: fields.city,
        source: fields.source, model: try fields.checkedModel(env), grade: fields.grade, tier: fields.tier,
        tags: try fields.cleanTags(), profile: try fields.parsedProfile())
      let id = try AddLead(fields: lead, consultant: fields.consultant, allowDuplicatePhone: allowDuplicate).run(
        session)
      if env.json {
        try Output(env: env).json(["id": id])
      } else {
        print(id)
      }
    }
  }

  struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "edit", abstract: "Change a lead's fields, tags, profile or ETA.")
    @Argument(help: "Lead id.") var id: String
    @OptionGroup var fields: LeadFieldOptions
    @Option(help: "Remove a tag; repeatable.") var untag: [String] = []
    @Option(help: "New promised delivery day YYYY-MM-DD (deposit or waiting leads).") var eta: String?
    @Flag(help: "Take the new --phone even when another lead has the same phone number.") var allowDuplicate = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let env = try RunEnvironment(global)
      let session = try Output.reading(env)
      var edit = LeadEdit()
      edit.name = fields.name
      edit.phone = try fields.parsedPhone()
      edit.wechat = fields.wechat
      edit.email = fields.email
      edit.gender = try fields.parsedGender()
      edit.birthday = try fields.birthday.map { try env.date($0, option: "--birthday") }
      edit.city = fields.city
      edit.source = fields.source
      edit.model = try fields.checkedModel(env)
      edit.grade = fields.grade
      edit.tier = fields.tier
      edit.addTags = try fields.cleanTags()
      edit.removeTags = untag.map { KnownTag.code(for: $0.trimmingCharacters(in: .whitespaces).lowercased()) }
      edit.profile = try fields.parsedProfile()
      edit.eta = try eta.map { try env.date($0, option: "--eta") }
      let changed = try EditLead(edit: edit, consultant: fields.consultant, allowDuplicatePhone: allowDuplicate)
        .run(session, id: id)
      let lead = try LeadID.typed(id)
      if env.json {
        try Output(env: env).json(EditedJSON(id: lead, changed: changed))
      } else {
        print((changed ? UIText.leadUpdated(leadID: lead) : UIText.leadUnchanged(leadID: lead)).text(env.ui))
      }
    }
  }
}

/// `coach lead edit --json`: the lead, and whether anything changed (false: it already had every value given).
struct EditedJSON: Encodable {
  let id: LeadID
  let changed: Bool
}
