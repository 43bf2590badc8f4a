import ArgumentParser
import CoachCore
import CoachStore
import Foundation

extension CoachCommand.LeadCommand {
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Add a lead; prints its id.")
    @OptionGroup var fields: LeadFieldOptions
    @Option(help: "An id from another system (unique).") var externalId: String?
    @Flag(help: "Add the lead even when an existing lead has the same phone number.") var allowDuplicate = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
      guard fields.name != nil else { throw ValidationError("--name is required") }
      guard fields.phone != nil else { throw ValidationError("--phone is required") }
    }

    func run() throws {
      let env = try RunEnvironment(global)
      try FreeText.require(fields.name ?? "", option: "--name")
      let session = try Session.open(env)
      var consultantID = session.user?.role == .consultant ? session.user?.id : nil
      if let name = fields.consultant {
        consultantID = try session.consultantID(name)
        if session.user?.role == .consultant && consultantID != session.user?.id {
          throw CoachError.refused(.consultantAddsOwnLeads)
        }
      }
      let lead = NewLead(
        externalID: externalId, name: (fields.name ?? "").trimmingCharacters(in: .whitespaces),
        phone: try fields.parsedPhone(), wechat: fields.wechat, email: fields.email, gender: try fields.parsedGender(),
        birthday: try fields.birthday.map { try env.date($0, option: "--birthday") }, city: fields.city,
        source: fields.source, consultantID: consultantID, model: try fields.checkedModel(env), grade: fields.grade,
        tier: fields.tier, tags: fields.cleanTags, profile: try fields.parsedProfile(), createdAt: env.now)
      let id = try session.db.addLead(lead, actor: session.actor, allowDuplicatePhone: allowDuplicate)
      if env.json {
        try Output(env: env).json(["id": id])
      } else {
        print(id)
      }
    }
  }

  struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Change a lead's fields, tags, profile or ETA.")
    @Argument(help: "Lead id.") var id: String
    @OptionGroup var fields: LeadFieldOptions
    @Option(help: "Remove a tag; repeatable.") var untag: [String] = []
    @Option(help: "New promised delivery day YYYY-MM-DD (deposit or waiting leads).") var eta: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let env = try RunEnvironment(global)
      let session = try Session.open(env)
      var edit = LeadEdit()
      if let name = fields.name {
        try FreeText.require(name, option: "--name")
        edit.name = name.trimmingCharacters(in: .whitespaces)
      }
      edit.phone = try fields.parsedPhone()
      edit.wechat = fields.wechat
      edit.email = fields.email
      edit.gender = try fields.parsedGender()
      edit.birthday = try fields.birthday.map { try env.date($0, option: "--birthday") }
      edit.city = fields.city
      edit.source = fields.source
      if let c = fields.consultant {
        guard session.isAdmin || session.user?.role == .lead else {
          throw CoachError.refused(.onlyLeadsMoveLeads)
        }
        edit.consultantID = try session.consultantID(c)
        if let me = session.user, me.role == .lead, try session.db.user(named: c)?.team != me.team || me.team == nil {
          throw CoachError.refused(.teamLeadOwnTeam(team: me.team))
        }
      }
      edit.model = try fields.checkedModel(env)
      edit.grade = fields.grade
      edit.tier = fields.tier
      edit.addTags = fields.cleanTags
      edit.removeTags = untag.map { $0.lowercased() }
      edit.profile = try fields.parsedProfile()
      edit.eta = try eta.map { try env.date($0, option: "--eta") }
      if let eta = edit.eta { try StageMachine.checkETA(eta, today: env.today) }
      guard !edit.isEmpty else { throw CoachError.refused(.nothingToChange) }
      try session.db.editLead(id: id, edit, now: env.now, actor: session.actor, scope: session.scope)
      if env.json {
        try Output(env: env).json(["id": id])
      } else {
        print(UIText.leadUpdated(leadID: id).text(env.ui))
      }
    }
  }
}
