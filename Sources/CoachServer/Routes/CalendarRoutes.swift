import CoachApp
import CoachStoreAPI
import Foundation
import Hummingbird

/// `GET /ics/TOKEN.ics`: a user's follow-ups for a phone's calendar, no login (the token is the secret; only its
/// hash is stored). An unknown or malformed token → 404.
struct CalendarRoutes {
  let state: ServerState

  func add(to router: Router<CoachRequestContext>) {
    router.get("/ics/:file") { request, context in
      let file = try context.parameters.require("file")
      guard file.hasSuffix(".ics"), case let token = String(file.dropLast(4)), Tokens.isWellFormed(token) else {
        throw ServerRefusal.noCalendar
      }
      let db = state.db
      let settings = state.settings
      let host = settings.host
      let text: String? = try await blocking {
        guard let user = try db.user(icsTokenHash: Tokens.hash(token)) else { return nil }
        let session = Session(env: settings.env(language: nil, json: false), db: db, acting: user)
        return try FollowUpCalendar.build(session).ics(host: host)
      }
      guard let text else { throw ServerRefusal.noCalendar }
      return Response(
        status: .ok, headers: [.contentType: "text/calendar; charset=utf-8"],
        body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
  }
}
