import Foundation

/// Words that mark a promotion or a new-model announcement, which greetings must never carry.
public enum PromoWords {
  /// Chinese terms, matched as substrings.
  public static let chinese = [
    "优惠", "促销", "特价", "折扣", "降价", "新车", "新款", "上市", "限时", "活动价", "团购",
  ]
  /// English terms, matched as whole words (case-insensitive; plural and -ed forms too).
  public static let english = ["promotion", "discount", "offer", "sale", "deal", "new model", "launch", "price cut"]

  /// The promo terms found in `text`, in list order (both languages are always checked).
  public static func find(in text: String) -> [String] {
    let lower = text.lowercased()
    let words = lower.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    let chineseHits = chinese.filter { lower.contains($0) }
    let englishHits = english.filter { term in
      let parts = term.split(separator: " ").map(String.init)
      guard parts.count <= words.count else { return false }
      return (0...(words.count - parts.count)).contains { start in
        parts.enumerated().allSatisfy { k, part in
          let word = words[start + k]
          return k < parts.count - 1 ? word == part : [part, part + "s", part + "es", part + "ed"].contains(word)
        }
      }
    }
    return chineseHits + englishHits
  }
}
