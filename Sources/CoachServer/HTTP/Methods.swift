import Hummingbird

/// The methods each route's path takes, from the router's own table: the answer to a known path asked with another
/// method (405 and `Allow`), told apart from a path that is not there (404).
struct RouteMethods: Sendable {
  private let routes: [(path: RouterPath, methods: Set<HTTPRequest.Method>)]

  /// The order `Allow` lists them in.
  static let order: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete, .options]

  /// `routes` as the router lists them; a path with GET also takes HEAD (the router answers it as GET, bodiless).
  init(_ routes: [Router<CoachRequestContext>.RouteDescription]) {
    var byPath: [String: (path: RouterPath, methods: Set<HTTPRequest.Method>)] = [:]
    for route in routes {
      byPath[route.path.description, default: (route.path, [])].methods.insert(route.method)
      if route.method == .get { byPath[route.path.description]?.methods.insert(.head) }
    }
    self.routes = byPath.keys.sorted().compactMap { byPath[$0] }
  }

  /// The methods some route takes on `path`, in `order`; empty when no route's path matches it.
  func allowed(on path: String) -> [HTTPRequest.Method] {
    let segments = path.split(separator: "/", omittingEmptySubsequences: true)
    var methods: Set<HTTPRequest.Method> = []
    for route in routes where route.path.components.count == segments.count {
      if zip(route.path.components, segments).allSatisfy({ $0 ~= $1 }) { methods.formUnion(route.methods) }
    }
    return Self.order.filter(methods.contains) + methods.subtracting(Self.order).sorted { $0.rawValue < $1.rawValue }
  }
}

/// Added after every route, so that it runs only for the requests no route took: a path some route takes, asked
/// with a method none takes, is refused 405 with `Allow`; anything else goes on to the router's 404.
struct MethodNotAllowedMiddleware: RouterMiddleware {
  typealias Context = CoachRequestContext
  let table: RouteMethods

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    let allowed = table.allowed(on: request.uri.path)
    guard !allowed.isEmpty, !allowed.contains(request.method) else { return try await next(request, context) }
    throw ServerRefusal.methodNotAllowed(request.method, allowed: allowed)
  }
}

/// HEAD is answered as GET without the body (RFC 9110 §9.3.2), with the length the body would have had; this holds
/// for refusals too (404, 405), which the router's own HEAD handling does not reach.
struct HeadMiddleware<Context: RequestContext>: RouterMiddleware {
  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    let response = try await next(request, context)
    guard request.method == .head else { return response }
    var head = response.createHeadResponse()
    if head.headers[.contentLength] == nil, let length = response.body.contentLength {
      head.headers[.contentLength] = String(length)
    }
    return head
  }
}
