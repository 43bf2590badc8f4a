/// What the user typed into a form the server refused: the page draws that form again with it (escaped like any
/// text), so that a refusal costs nothing typed. Passwords are never drawn again.
struct TypedForm: Sendable {
  /// Which form of the page it was (`touch`, `stage`, `snooze` on a lead; `user`, `password`, `reassign` on
  /// `/admin`).
  let form: String
  private let fields: [(name: String, value: String)]

  init(_ form: String, _ posted: Form) {
    self.form = form
    fields = posted.fields.filter { !["csrf_token", "password", "repeat", "current"].contains($0.name) }
  }

  /// The typed form if it is `form`, else nil (the page's other forms are drawn empty).
  static func of(_ typed: TypedForm?, _ form: String) -> TypedForm? {
    typed?.form == form ? typed : nil
  }

  /// The first value typed in `name` (blank too); nil when the form had no such field.
  func value(_ name: String) -> String? {
    fields.first { $0.name == name }?.value
  }

  /// Whether the box `name` with `value` was ticked.
  func ticked(_ name: String, _ value: String) -> Bool {
    fields.contains { $0.name == name && $0.value == value }
  }
}

extension Optional where Wrapped == TypedForm {
  /// ` value="…"` for an input, with what was typed in `name`; empty when nothing was.
  func valueAttribute(_ name: String) -> String {
    guard let typed = self?.value(name), !typed.isEmpty else { return "" }
    return " value=\"\(esc(typed))\""
  }

  /// ` checked` for a box ticked before.
  func checked(_ name: String, _ value: String) -> String {
    self?.ticked(name, value) == true ? " checked" : ""
  }
}
