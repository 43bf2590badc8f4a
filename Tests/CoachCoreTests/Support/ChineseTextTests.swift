import Foundation
import Testing

@testable import CoachCore

/// Chinese drafts are typeset as Chinese is written, whatever the template's punctuation and line folding.
@Suite struct ChineseTextTests {
  @Test func foldedLinesJoinWithoutASpaceBetweenChinese() {
    #expect(ChineseText.joiningFoldedLines("说明情况和 我们的补偿方案") == "说明情况和我们的补偿方案")
    #expect(ChineseText.joiningFoldedLines("身体健康、 阖家幸福。 想听听") == "身体健康、阖家幸福。想听听")
    #expect(
      ChineseText.joiningFoldedLines("天天开心。 {consultant} ({dealership}) 敬上") == "天天开心。{consultant} ({dealership}) 敬上")
    // Next to a placeholder, a space stays: the trainer parted two facts, or a Latin fact needs it.
    #expect(ChineseText.joiningFoldedLines("{dealership} {consultant}") == "{dealership} {consultant}")
    #expect(ChineseText.joiningFoldedLines("您订的{model} 预计{eta}到店") == "您订的{model} 预计{eta}到店")
    #expect(ChineseText.joiningFoldedLines("Hello {customer}, see you") == "Hello {customer}, see you")
  }

  @Test func punctuationAmongChineseIsFullWidth() {
    #expect(ChineseText.punctuated("王思您好, 我是李娜。") == "王思您好，我是李娜。")
    #expect(ChineseText.punctuated("感谢您关注极光 X60, 我整理了资料, 可以吗?") == "感谢您关注极光 X60，我整理了资料，可以吗？")
    #expect(ChineseText.punctuated("补偿方案; 注意保暖! 极光汽车城东店 李娜") == "补偿方案；注意保暖！极光汽车城东店 李娜")
    #expect(ChineseText.punctuated("爱车进度: 您订的极光 X60") == "爱车进度：您订的极光 X60")
    #expect(ChineseText.punctuated("10:30 到店, 优惠 1,000 元") == "10:30 到店，优惠 1,000 元")
  }

  @Test func latinWordsBracketsNumbersAndTimesStayAsWritten() {
    #expect(ChineseText.punctuated("您订的极光 S50N (新一代 S50)没能按时交车") == "您订的极光 S50N (新一代 S50)没能按时交车")
    #expect(
      ChineseText.punctuated("Hello, see you at 10:30! (Aurora Motors)") == "Hello, see you at 10:30! (Aurora Motors)")
    #expect(ChineseText.punctuated("") == "" && ChineseText.joiningFoldedLines(" ") == " ")
  }

  @Test func aLatinWordBesideChineseIsSpacedAsTheCatalogWritesNames() {
    #expect(ChineseText.spacingLatin("想问问您对极光 E60还有什么想了解的") == "想问问您对极光 E60 还有什么想了解的")
    #expect(ChineseText.spacingLatin("Ann您好，我是李娜") == "Ann 您好，我是李娜")
    #expect(ChineseText.spacingLatin("多花 2万 元，3天后") == "多花 2万 元，3天后")
    #expect(ChineseText.spacingLatin("极光 X60，预计") == "极光 X60，预计")
    #expect(ChineseText.spacingLatin("极光 S50 (老款)开得") == "极光 S50 (老款)开得")
    #expect(ChineseText.spacingLatin("您订的极光 E60 预计") == "您订的极光 E60 预计")
  }
}
