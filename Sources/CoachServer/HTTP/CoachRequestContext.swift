import CoachStoreAPI
import Hummingbird
import NIOCore

/// Each request's context: who is logged in (found by the auth middleware) and the peer's address (rate limits).
package struct CoachRequestContext: RequestContext {
  package var coreContext: CoreRequestContextStorage
  /// The peer's IP address; used for the login rate limit, never logged.
  package let remoteAddress: String?
  /// The live browser session of this request's cookie, if any.
  package var web: WebSession?
  /// The SHA-256 of the session cookie (what the database keys sessions by).
  package var sessionTokenHash: String?

  package init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    remoteAddress = source.channel.remoteAddress?.ipAddress
  }

  /// Request bodies are small JSON or form documents.
  package var maxUploadSize: Int { 64 * 1024 }
}
