import Foundation

/// The answers of one import's cell rules for the words a sheet repeats in every row (`H级`, `战败`, `极光 X60`):
/// each distinct text of a code or model column is worked out once. Owned by one `RowProcessor` (one file, one
/// thread, one model catalog); bounded (a column's answers are forgotten past `limit` texts).
final class ImportCellMemo {
  static let limit = 4096
  /// Column → text → the code it reads as (nil: none).
  private var codes: [String: [String: String?]] = [:]
  /// Text → the model code, or why it names none.
  private var models: [String: Result<String, ModelProblem>] = [:]

  /// Why a model cell names no catalog model (the row's reason).
  struct ModelProblem: Error {
    let problem: ImportProblem
  }

  func code(_ column: String, _ text: String, _ work: () -> String?) -> String? {
    if let known = codes[column]?[text] { return known }
    let answer = work()
    if codes[column, default: [:]].count >= Self.limit { codes[column] = [:] }
    codes[column, default: [:]][text] = .some(answer)
    return answer
  }

  func model(_ text: String, _ work: () -> Result<String, ModelProblem>) -> Result<String, ModelProblem> {
    if let known = models[text] { return known }
    let answer = work()
    if models.count >= Self.limit { models = [:] }
    models[text] = answer
    return answer
  }
}
