import CoachApp
import CoachCore
import CoachStoreAPI
import Foundation
import Hummingbird

/// The objection search box (`/objections?q=TEXT`, every logged-in user) and its API (`GET /api/v1/objection?text=
/// TEXT[&limit=N]` → `coach objection TEXT --json`): the command line's `ObjectionSearch`, with the showroom's
/// recorded phrasings among the examples as on the command line.
struct ObjectionRoutes {
  let state: ServerState

  func add(to router: Router<CoachRequestContext>) {
    let pages = state.pages
    router.get("/api/v1/objection") { request, context in
      let session = state.session(try context.requireUser(), language: Language.query(request), json: true)
      let said = try Self.said(request.uri.queryParameters["text"].map(String.init), name: "text")
      let limit = try APIRoutes.count(request.uri.queryParameters["limit"].map(String.init), name: "limit") ?? 3
      guard limit >= 1 else {
        throw FieldRefusal(zh: "limit=\(limit) 至少为 1：最多列出几条应对", en: "limit=\(limit) must be 1 or more")
      }
      let found = try await search(session, said: said, limit: limit)
      return try state.json(["matches": found.matches], zone: session.env.zone)
    }
    router.get("/objections") { request, context in
      let web = try context.requireUser()
      let language = Language.pick(request, default: pages.defaultLanguage)
      let session = state.session(web, language: language, json: false)
      guard let q = request.uri.queryParameters["q"].map(String.init), !q.isEmpty else {
        return pages.at(request).objections(nil, query: "", language: language, user: web)
      }
      let said = try Self.said(q, name: "q")
      let found = try await search(session, said: said, limit: 3)
      return pages.at(request).objections(found, query: said, language: language, user: web)
    }
  }

  func search(_ session: Session, said: String, limit: Int) async throws -> ObjectionSearch.Result {
    try await blocking {
      let learned = try session.db.recordedPhrasings().map(\.learned)
      return try ObjectionSearch.run(session.env, said: said, limit: limit, learned: learned)
    }
  }

  /// What the customer said: given and not blank, or 400.
  static func said(_ text: String?, name: String) throws -> String {
    guard let text else { throw FieldRefusal.required(name, zh: "客户说的话", en: "what the customer said") }
    try FreeText.require(text, option: name, required: true)
    return text
  }
}
