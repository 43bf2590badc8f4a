import CoachApp
import Hummingbird

extension DoneMark {
  /// The `done` of `request`'s query (`?done=…&n=…&mark=…`) when this session's change marked it, with the parameters
  /// of `carrying` as the redirect wrote them after it; else nil (a link cannot make a page confirm a change).
  static func done(_ request: Request, csrf: String, carrying: [String] = []) -> String? {
    let q = request.uri.queryParameters
    guard let done = q["done"].map(String.init) else { return nil }
    let query = "done=\(done)" + carrying.compactMap { key in q[Substring(key)].map { "&\(key)=\($0)" } }.joined()
    return isValid(query, mark: q["mark"].map(String.init), csrf: csrf) ? done : nil
  }
}
