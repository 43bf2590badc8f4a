import Testing

@testable import CoachCore

/// Seats read from the way a consultant writes down a family.
@Suite struct SeatsNeededTests {
  @Test(arguments: [
    ("family", "一家五口", 5), ("family", "三口之家", 3), ("family", "两个孩子", 4), ("family", "二胎家庭", 4),
    ("family", "两个孩子加爷爷奶奶", 6), ("family", "一个孩子，周末接外公外婆", 5), ("family", "和岳父母同住，一个孩子", 5),
    ("family", "两个老人，三个孩子", 7), ("family", "family of 5", 5), ("family", "family of six", 6),
    ("kids", "three kids", 5), ("family", "2 kids plus grandma", 5), ("family", "two kids and the grandparents", 6),
    ("family", "we take my in-laws on trips", 4), ("family", "三代同堂", 5), ("seats", "seven", 7), ("seats", "7", 7),
  ])
  func aFamilyWrittenOutIsItsSeats(key: String, value: String, seats: Int) {
    #expect(SeatsNeeded.seats(in: value, key: key) == seats, "\(value)")
  }

  @Test(arguments: ["女儿在学钢琴", "my kids love it", "someone said one thing", "喜欢露营"])
  func wordsWithoutANumberOfPeopleAreNoSeats(value: String) {
    #expect(SeatsNeeded.seats(in: value, key: "family") == nil, "\(value)")
  }
}
