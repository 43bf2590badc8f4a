import CoachCore
import Testing

@Suite struct PhoneTests {
  @Test(
    "mobiles normalise to 11 digits from common spellings",
    arguments: [
      "13812345678", "138 1234 5678", "138-1234-5678", "+86 138 1234 5678", "+8613812345678", "008613812345678",
      "8613812345678", "（138）1234-5678", "１３８１２３４５６７８",
    ])
  func mobiles(_ text: String) {
    #expect(Phone.normalize(text) == "13812345678")
  }

  @Test("landlines keep their area code as leading-zero digits")
  func landlines() {
    #expect(Phone.normalize("010-12345678") == "01012345678")
    #expect(Phone.normalize("0755-1234567") == "07551234567")
    #expect(Phone.normalize("0755 12345678") == "075512345678")
    #expect(Phone.normalize("(021) 6123 4567") == "02161234567")
    #expect(Phone.normalize("+86 10 12345678") == "01012345678")
  }

  @Test(
    "wrong lengths, prefixes and letters are rejected",
    arguments: [
      "", "12345", "12812345678", "1381234567", "138123456789", "+1 138 1234 5678", "010-1234567",
      "0755-123456", "0155-1234567", "010-02345678", "12345678", "138abcd5678", "13812345678+",
    ])
  func rejected(_ text: String) {
    #expect(Phone.normalize(text) == nil)
  }

  @Test("masking keeps the first 3 and last 4 digits, and hides most of short numbers")
  func masking() {
    #expect(Phone.mask("13812345678") == "138****5678")
    #expect(Phone.mask("+86 138-1234-5678") == "138****5678")
    #expect(Phone.mask("010-12345678") == "010****5678")
    #expect(Phone.mask("12345678") == "123*5678")
    #expect(Phone.mask("1234567") == "12***67")
    #expect(Phone.mask("12345") == "1***5")
    #expect(Phone.mask("12") == "**")
    #expect(Phone.mask("") == "")
  }

  @Test("a WeChat id and an email address are masked as a phone is")
  func handles() {
    #expect(Phone.maskHandle("wxid_wzucr34") == "wx********34")
    #expect(Phone.maskHandle("abc") == "a*c")
    #expect(Phone.maskHandle("李娜微信号") == "李***号")
    #expect(Phone.maskEmail("li.na@example.cn") == "l****@example.cn")
    #expect(Phone.maskEmail("a@b.cn") == "a***@b.cn")
    #expect(Phone.maskEmail("@x") == "**")
  }
}
