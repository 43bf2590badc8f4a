import CoachApp
import CoachCore
import CoachStoreAPI
import Foundation
import Hummingbird

/// What every route shares: the settings, the open database, the login limiter, the password check and the page
/// renderer.
struct ServerState: Sendable {
  let settings: ServerSettings
  let db: any CoachDataStore
  let limiter: LoginLimiter
  let passwords: PasswordCheck
  let pages: PageRenderer

  /// The use-case session of a logged-in request: the same store, rules and scopes as the command line.
  func session(_ web: WebSession, language: String? = nil, json: Bool) -> Session {
    Session(env: settings.env(language: language, json: json), db: db, acting: web.user)
  }

  /// A value as the command line's `--json` prints it (same encoder, same trailing line break).
  func json<T: Encodable>(_ value: T, zone: TimeZone, status: HTTPResponse.Status = .ok) throws -> Response {
    Responses.json(try JSONOutput.encoder(zone: zone).encode(value) + Data("\n".utf8), status: status)
  }
}

/// Decodes a required code (a channel, an outcome, a stage …), refusing an unknown one with the accepted values.
func code<T: RawRepresentable & CaseIterable>(_ text: String?, _ field: String, as: T.Type) throws -> T
where T.RawValue == String {
  let accepted = T.allCases.map(\.rawValue).joined(separator: ", ")
  guard let text else { throw FieldRefusal.required(field, zh: "可选 \(accepted)", en: "one of \(accepted)") }
  guard let value = T(rawValue: text) else { throw FieldRefusal.notOneOf(field, text, accepted: accepted) }
  return value
}

/// The optional code `field`: nil when absent, refused when unknown.
func optionalCode<T: RawRepresentable & CaseIterable>(_ text: String?, _ field: String, as type: T.Type) throws -> T?
where T.RawValue == String {
  guard let text else { return nil }
  return try code(text, field, as: type)
}
