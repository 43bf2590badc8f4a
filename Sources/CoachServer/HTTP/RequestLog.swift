import Hummingbird
import Logging

/// One structured line per request: method, route template (`/api/v1/leads/{id}`, never the path itself: it may
/// hold a lead id or a calendar token), status and milliseconds. No names, addresses, cookies or bodies.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    let start = ContinuousClock.now
    let response = try await next(request, context)
    let elapsed = ContinuousClock.now - start
    let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    context.logger.info(
      "request",
      metadata: [
        "method": "\(request.method.rawValue)", "route": "\(context.endpointPath ?? "unmatched")",
        "status": "\(response.status.code)", "ms": "\((ms * 10).rounded() / 10)",
      ])
    return response
  }
}
