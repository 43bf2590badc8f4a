import CoachCore
import CoachStoreAPI
import Testing

/// `LeadEdit` names the lead's fields through `LeadFields` (no copy of them): only what was set is applied.
struct LeadEditTests {
  static let lead = LeadFields(
    externalID: "X-1", name: "王芳", phone: "13800000001", city: "上海", model: "X60", grade: .b, tier: .c,
    tags: ["vip", "fleet"], profile: [ProfileFact(key: "hobby", value: "钓鱼"), ProfileFact(key: "kids", value: "1")],
    stage: .deposit)

  @Test func givenNothingSet_whenApplied_thenTheFieldsStayAndTheEditIsEmpty() {
    var edit = LeadEdit()
    edit.phone = nil
    edit.grade = nil
    #expect(edit.isEmpty)
    #expect(edit.phone == nil && edit.name == nil)
    #expect(edit.applied(to: Self.lead) == Self.lead)
  }

  @Test func givenSomeFieldsSet_whenApplied_thenOnlyThoseChange() {
    var edit = LeadEdit()
    edit.city = "杭州"
    edit.grade = .h
    edit.name = "王芳芳"
    #expect(!edit.isEmpty && edit.city == "杭州" && edit.grade == .h && edit.phone == nil)
    var expected = Self.lead
    (expected.city, expected.grade, expected.name) = ("杭州", .h, "王芳芳")
    #expect(edit.applied(to: Self.lead) == expected)
  }

  @Test func givenTagsAndProfile_whenApplied_thenTagsAddedAndRemovedAndFactsReplacedByKey() {
    var edit = LeadEdit()
    edit.addTags = ["warning", "vip"]
    edit.removeTags = ["fleet"]
    edit.profile = [ProfileFact(key: "hobby", value: "跑步")]
    let out = edit.applied(to: Self.lead)
    #expect(out.tags == ["vip", "warning"])
    #expect(out.profile == [ProfileFact(key: "kids", value: "1"), ProfileFact(key: "hobby", value: "跑步")])
    #expect(out.stage == .deposit && out.externalID == "X-1" && out.phone == Self.lead.phone)
  }

  @Test func givenAnOwnerOrADay_whenChecked_thenTheEditIsNotEmptyButTheFieldsStay() {
    var edit = LeadEdit()
    edit.eta = LocalDate(year: 2027, month: 1, day: 15)
    #expect(!edit.isEmpty && edit.applied(to: Self.lead) == Self.lead)
    var move = LeadEdit()
    move.consultantID = 7
    #expect(!move.isEmpty)
  }

  @Test func customerColumnsAreTheCustomerRowInTheStoresOrder() {
    var fields = Self.lead
    fields.birthday = LocalDate(year: 1990, month: 5, day: 12)
    #expect(fields.customerColumns == ["王芳", "13800000001", nil, nil, nil, "1990-05-12", "上海"])
  }
}
