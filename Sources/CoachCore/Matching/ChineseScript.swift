/// Traditional Chinese characters folded to simplified ones, so that a customer typing on a
/// traditional-script phone (車, 價, 還) matches simplified examples. Covers the characters of
/// everyday car-buying talk; a character not listed is kept as it is.
enum ChineseScript {
  /// Pairs written traditional then simplified, two characters per pair.
  private static let pairs =
    "車车價价錢钱貴贵還还這这說说們们時时間间長长對对買买賣卖優优惠惠點点個个話话會会為为與与從从來来現现訂订單单"
    + "貸贷款款裝装機机動动問问題题網网質质量量漏漏響响關关開开門门後后視视頻频擋挡離离導导顏颜色色頂顶級级銷销廠厂"
    + "產产報报證证險险費费請请讓让給给麼么樣样體体驗验試试駕驾輛辆臺台檯台沒没貨货選选擇择紅红藍蓝銀银灰灰綠绿黃黄"
    + "氣气囊囊簾帘窗窗統统約约寫写合合同同萬万億亿兩两幾几週周禮礼拜拜邊边裡里裏里認认識识覺觉聽听見见讀读論论壇坛"
    + "評评測测頻频投投訴诉題题異异顛颠陣阵問问題题鬧闹壞坏舊旧換换估估補补貼贴擔担憂忧務务維维護护隊队號号碼码標标"
    + "準准較较強强區区別别牌牌輕轻鬆松靜静環环節节慶庆雙双傳传統统紹绍實实際际處处態态樂乐歡欢嗎吗呢呢啊啊吧吧"
    + "媽妈爺爷奶奶孫孙婦妇兒儿媳媳們们兄兄長长決决做做主主聯联繫系電电鐘钟趕赶緊紧遲迟慢慢廣广東东臨临發发達达總总"
    + "賠赔償偿責责負负擔担憑凭據据簽签書书麵面紙纸鋼钢鐵铁鋁铝輪轮胎胎燈灯煞煞剎刹車车倉仓內内飾饰噸吨積积聲声響响"
    + "濟济節节省省級级漲涨跌跌虧亏賺赚劃划算算貨货庫库存存預预計计劃划約约辦办續续審审批批額额鎖锁儲储遠远專专業业"
    + "騙骗壓压價价殺杀砍砍減减設设備备種种類类參参數数選选擇择猶犹豫豫願愿並并條条隨随盡尽稱称讚赞嗎吗麼么"

  /// Traditional scalar value -> simplified scalar.
  static let table: [UInt32: Unicode.Scalar] = {
    var table: [UInt32: Unicode.Scalar] = [:]
    var scalars = pairs.unicodeScalars.makeIterator()
    while let from = scalars.next(), let to = scalars.next() {
      if from != to { table[from.value] = to }
    }
    return table
  }()

  /// `text` with traditional characters replaced by simplified ones.
  static func simplified(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { table[$0.value] != nil }) else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { out.append(table[scalar.value] ?? scalar) }
    return String(out)
  }
}
