import CoachCore
import CoachStoreAPI
import Foundation

/// `coach lead add` (and any front end that adds a lead): the lead's fields as given, checked, and who may own it.
package struct AddLead {
  package var fields: LeadFields
  /// The owner's name; nil: the acting consultant's or team lead's own lead (a lead of nobody's would be outside the
  /// team lead's sight at once); an admin's is nobody's until assigned.
  package var consultant: String?
  package var allowDuplicatePhone = false

  package init(fields: LeadFields, consultant: String?, allowDuplicatePhone: Bool = false) {
    (self.fields, self.consultant, self.allowDuplicatePhone) = (fields, consultant, allowDuplicatePhone)
  }

  /// Adds the lead, created now, and returns its id. A consultant adds only their own leads.
  package func run(_ session: Session) throws -> LeadID {
    try FreeText.require(fields.name, option: "--name", required: true)
    if let day = fields.birthday, day > session.env.today {
      throw CoachError.refused(.futureBirthday(given: day, today: session.env.today))
    }
    var fields = fields
    fields.name = fields.name.trimmingCharacters(in: .whitespaces)
    fields.wechat = try FreeText.tidy(fields.wechat, option: "--wechat")
    fields.email = try FreeText.tidy(fields.email, option: "--email")
    try Email.check(fields.email)
    fields.city = try FreeText.tidy(fields.city, option: "--city")
    fields.source = try FreeText.tidy(fields.source, option: "--source")
    let ownsByDefault = session.user?.role.ownsLeads ?? false
    var consultantID = ownsByDefault ? session.user?.id : nil
    if let name = consultant {
      consultantID = try session.ownerID(name)
      if session.user?.role == .consultant && consultantID != session.user?.id {
        throw CoachError.refused(.consultantAddsOwnLeads)
      }
    }
    return try DuplicatePhone.told(to: session) {
      try session.db.addLead(
        NewLead(fields, consultantID: consultantID, createdAt: session.env.now), actor: session.actor,
        allowDuplicatePhone: allowDuplicatePhone)
    }
  }
}

/// `coach lead edit`: changes to a lead's fields, tags, profile or promised day, and a move to another consultant.
package struct EditLead {
  package var edit: LeadEdit
  /// The new owner's name; nil leaves the owner as is.
  package var consultant: String?
  /// Accept a new phone number that a lead of another customer already has (refused otherwise, as `lead add` does).
  package var allowDuplicatePhone = false

  package init(edit: LeadEdit, consultant: String?, allowDuplicatePhone: Bool = false) {
    (self.edit, self.consultant, self.allowDuplicatePhone) = (edit, consultant, allowDuplicatePhone)
  }

  /// Applies the changes to lead `id` in one transaction. Only a team lead (within their team) or an admin moves a
  /// lead; a promised day must be a possible one; an edit that changes nothing is refused. Returns false, writing
  /// nothing, when the lead already has every value given (run again, or typed twice).
  @discardableResult
  package func run(_ session: Session, id: String) throws -> Bool {
    let env = session.env
    var edit = edit
    edit.name = try FreeText.tidy(edit.name, option: "--name")
    edit.wechat = try FreeText.tidy(edit.wechat, option: "--wechat")
    edit.email = try FreeText.tidy(edit.email, option: "--email")
    try Email.check(edit.email)
    edit.city = try FreeText.tidy(edit.city, option: "--city")
    edit.source = try FreeText.tidy(edit.source, option: "--source")
    if let c = consultant {
      guard session.isAdmin || session.user?.role == .lead else { throw CoachError.refused(.onlyLeadsMoveLeads) }
      edit.consultantID = try session.ownerID(c)
      if let me = session.user, me.role == .lead, try session.db.user(named: c)?.team != me.team || me.team == nil {
        throw CoachError.refused(.teamLeadOwnTeam(team: me.team))
      }
    }
    if let eta = edit.eta { try StageMachine.checkETA(eta, today: env.today) }
    if let day = edit.birthday, day > env.today {
      throw CoachError.refused(.futureBirthday(given: day, today: env.today))
    }
    guard !edit.isEmpty else { throw CoachError.refused(.nothingToChange) }
    edit.allowDuplicatePhone = allowDuplicatePhone
    let leadID = try LeadID.typed(id)
    let lead = try session.db.snapshot(id: leadID, scope: session.scope)
    let moves = consultant.map { $0 != lead.consultant } ?? false
    let newETA = edit.eta.map { $0 != lead.eta } ?? false
    guard moves || newETA || !lead.fields.changes(to: edit.applied(to: lead.fields)).isEmpty else { return false }
    try DuplicatePhone.told(to: session) {
      try session.db.editLead(id: leadID, edit, now: env.now, actor: session.actor, scope: session.scope)
    }
    return true
  }
}

/// The refusal of a phone number another lead has, as the acting user may read it.
enum DuplicatePhone {
  /// Runs `write`; a `duplicatePhone` refusal naming a lead the acting user may not open (another consultant's)
  /// says so instead of naming it and offering `coach lead show`, which would be refused.
  static func told<T>(to session: Session, _ write: () throws -> T) throws -> T {
    do {
      return try write()
    } catch CoachError.said(.duplicatePhone(let phone, let other)) {
      if session.scope != .all, try session.db.leadIDs(LeadFilter(scope: session.scope, leadIDs: [other])).isEmpty {
        // A lead of another store of the group: its store's people, not the team lead here, can sort it out.
        if let store = session.storeID,
          try session.db.leadIDs(LeadFilter(scope: .store(store), leadIDs: [other])).isEmpty
        {
          throw CoachError.refused(.duplicatePhoneOfOtherStore(phone: phone))
        }
        throw CoachError.refused(.duplicatePhoneOfOther(phone: phone))
      }
      throw CoachError.refused(.duplicatePhone(phone: phone, leadID: other))
    }
  }
}
