import CoachApp
import CoachCore
import CoachStoreAPI
import Foundation
import Hummingbird

/// The pages for people: the same use cases as the API, rendered as HTML; forms post back and redirect (303).
struct PageRoutes {
  let state: ServerState

  func add(to router: Router<CoachRequestContext>) {
    let pages = state.pages
    router.get("/") { request, context in
      let web = try context.requireUser()
      let language = Language.pick(request, default: pages.defaultLanguage)
      let session = state.session(web, language: language, json: false)
      // `?limit=N` (1…1000, default 50); one more is read to know whether more are due than are shown.
      let limit = request.uri.queryParameters["limit"].flatMap { Int($0) }.map { min(max($0, 1), 1000) } ?? 50
      let next = try await blocking { try NextQueue.build(session, limit: limit + 1, lead: nil, briefing: false) }
      return pages.at(request).queue(next, limit: limit, language: language, user: web)
    }
    router.get("/leads/:id") { request, context in
      let web = try context.requireUser()
      let language = Language.pick(request, default: pages.defaultLanguage)
      let id = try context.parameters.require("id")
      let session = state.session(web, language: language, json: false)
      let (next, edits) = try await blocking { try Self.leadPage(session, id: id) }
      // Only the confirmation this session's own change marked (a link cannot make the page say a change was saved).
      let flash = DoneMark.done(request, csrf: web.csrfToken).flatMap {
        ["touch": "saved_touch", "stage": "saved_stage", "snooze": "saved_snooze", "unsnooze": "saved_unsnooze"][$0]
      }
      return pages.at(request).lead(
        next, session: session, language: language, user: web, flash: flash, edits: edits)
    }
    router.post("/leads/:id/touches") { request, context in
      try await formPost(request, context, done: "touch") { form, session, id in
        var input = RecordTouch(
          channel: try code(form.first("channel"), "channel", as: Channel.self),
          outcome: try code(form.first("outcome"), "outcome", as: Outcome.self), note: form.first("note"))
        let kind = try optionalCode(form.first("bury_kind"), "bury kind", as: TopicKind.self) ?? .other
        input.bury = form.all("bury").map { (text: $0, kind: kind) }
        input.resolve = try form.all("resolve").map {
          guard let n = Int64($0) else {
            throw FieldRefusal(zh: "resolve \"\($0)\" 不是话题编号", en: "resolve \"\($0)\" is not a topic id")
          }
          return n
        }
        input.objections = form.all("objection")
        input.levers = form.all("lever")
        input.next = form.first("next")
        _ = try input.run(session, leadID: id)
      }
    }
    router.post("/leads/:id/stage") { request, context in
      try await formPost(request, context, done: "stage") { form, session, id in
        var change = ChangeStage(stage: try code(form.first("stage"), "stage", as: Stage.self))
        change.reason = try optionalCode(form.first("reason"), "reason", as: ChurnReason.self)
        change.note = form.first("note")
        change.amount = try form.first("amount").map {
          guard let n = Double($0) else {
            throw FieldRefusal(zh: "定金金额 \"\($0)\" 不是数字", en: "amount \"\($0)\" is not a number")
          }
          return n
        }
        (change.model, change.eta, change.date) = (form.first("model"), form.first("eta"), form.first("date"))
        _ = try change.run(session, leadID: id)
      }
    }
    router.post("/leads/:id/snooze") { request, context in
      try await formPost(request, context, done: "snooze") { form, session, id in
        let (until, reason) = try SnoozeBody.required(until: form.first("until"), reason: form.first("reason"))
        _ = try SnoozeLead.set(session, leadID: id, until: until, reason: reason)
      }
    }
    router.post("/leads/:id/snooze/clear") { request, context in
      try await formPost(request, context, done: "unsnooze") { _, session, id in
        _ = try SnoozeLead.clear(session, leadID: id)
      }
    }
    router.get("/leads/:id/switch") { request, context in
      let web = try context.requireUser()
      let language = Language.pick(request, default: pages.defaultLanguage)
      let id = try context.parameters.require("id")
      let session = state.session(web, language: language, json: false)
      let found = try await blocking { try SwitchArguments.run(session, leadID: id) }
      return pages.at(request).switchArguments(found, language: language, user: web)
    }
    router.get("/alerts") { request, context in
      let web = try context.requireUser()
      let language = Language.pick(request, default: pages.defaultLanguage)
      let team = try APIRoutes.flag(request.uri.queryParameters["team"].map(String.init), name: "team")
      let session = state.session(web, language: language, json: false)
      let list = try await blocking { try AlertList.build(session, team: team, explained: true) }
      return pages.at(request).alerts(list, team: team, language: language, user: web)
    }
    router.get("/audit") { request, context in
      let (web, session, language, from, to, consultant) = try audit(request, context)
      let run = try await blocking { try AuditRun.build(session, from: from, to: to, consultant: consultant) }
      return pages.at(request).audit(run, language: language, user: web, consultant: consultant)
    }
    router.get("/audit/report") { request, context in
      let (_, session, _, from, to, consultant) = try audit(request, context)
      let zone = session.env.zone
      let html = try await blocking {
        try AuditRun.build(session, from: from, to: to, consultant: consultant, drillDown: true)
          .htmlPage(time: { localTime($0, zone: zone) }, generated: session.env.now)
      }
      var response = Responses.html(html)
      response.headers[.contentSecurityPolicy] = SecurityHeadersMiddleware<CoachRequestContext>.reportPolicy
      return response
    }
    // The audit's figures per consultant as the command line's `coach audit --format csv` writes them (formula-like
    // cells defused), to open in a spreadsheet; counts and consultants' names only, no customer.
    router.get("/audit.csv") { request, context in
      let (_, session, _, from, to, consultant) = try audit(request, context)
      let (csv, window) = try await blocking {
        let run = try AuditRun.build(session, from: from, to: to, consultant: consultant)
        let labels = AuditLabels(run.ctx.playbook)
        return (AuditCSV.render(run.report, teamLabel: labels["audit_team"]), run.report.window)
      }
      return Responses.csvDownload(csv, filename: "coach-audit-\(window.from)-\(window.to).csv")
    }
    router.get("/static/app.css") { _, _ in
      Response(
        status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
        body: ResponseBody(byteBuffer: ByteBuffer(string: Stylesheet.css)))
    }
  }

  /// An audit page's request: the logged-in user, their use-case session, the page's language, the window asked
  /// for (`?from=&to=`, the default window when left out), and one consultant (`?consultant=`, as the API and
  /// `coach audit --consultant` take it; another team's is refused as there).
  func audit(_ request: Request, _ context: CoachRequestContext) throws -> (
    WebSession, Session, String, String?, String?, String?
  ) {
    let web = try context.requireUser()
    let language = Language.pick(request, default: state.pages.defaultLanguage)
    let q = request.uri.queryParameters
    let consultant = q["consultant"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
    return (
      web, state.session(web, language: language, json: false), language, q["from"].map(String.init),
      q["to"].map(String.init), consultant
    )
  }

  /// A form post on a lead: the change through the use case, then back to the lead's page (303), or the page again
  /// with the refusal and its status (400, 404, 422) and the form as it was typed (`done` names it).
  func formPost(
    _ request: Request, _ context: CoachRequestContext, done: String,
    _ apply: @escaping @Sendable (Form, Session, String) throws -> Void
  ) async throws -> Response {
    let web = try context.requireUser()
    let language = Language.pick(request, default: state.pages.defaultLanguage)
    let id = try context.parameters.require("id")
    let form = Form(try await request.body.collect(upTo: context.maxUploadSize))
    let session = state.session(web, language: language, json: false)
    do {
      try await blocking { try apply(form, session, id) }
      return Responses.redirect("/leads/\(pathSegment(id))?\(DoneMark.signed("done=\(done)", csrf: web.csrfToken))")
    } catch {
      guard let apiError = ErrorMiddleware.refusal(error, language: UILanguage(code: language)),
        apiError.status != .notFound
      else { throw error }
      let (next, edits) = try await blocking { try Self.leadPage(session, id: id) }
      return state.pages.at(path: "/leads/\(pathSegment(id))").lead(
        next, session: session, language: language, user: web, error: apiError, typed: TypedForm(done, form),
        edits: edits)
    }
  }

  /// What a lead's page shows: its brief (`NextQueue` of the one lead) and its edit history, masked as its phone is.
  static func leadPage(_ session: Session, id: String) throws -> (NextQueue, [FieldChange]) {
    let next = try NextQueue.build(session, limit: 0, lead: id)
    guard let lead = next.briefLead else { return (next, []) }
    return (next, try LeadDetail.edits(session, of: lead, fullPhone: session.showsFullPhone(of: lead, unmasked: false)))
  }
}
