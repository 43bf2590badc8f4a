import Foundation

/// What a consultant writes: touch notes, objections heard, buried topics, issues and churn notes.
/// `{model}` and `{rival}` are filled in per lead.
enum DemoNotes {
  /// Where the customer is in the purchase, which decides what a touch is about.
  enum Phase { case prospect, ordered, owner }

  static let noAnswer = ["电话未接通", "无人接听，稍后再打", "电话占线", "关机，发了短信留言"]
  static let noReply: [Channel: [String]] = [
    .wechat: ["微信消息未回复", "发了微信，客户还没回"], .sms: ["短信未回复"], .email: ["邮件未回复"],
  ]
  static let declined = ["客户说在开会，不方便接电话", "客户表示暂时不考虑，过段时间再说", "客户说最近太忙，让别再打了"]

  static let prospect = [
    "客户周末要带爱人来试驾{model}", "关心油耗和后排空间", "对比了{rival}，觉得我们配置更高但价格偏贵",
    "询问{model}的置换政策，旧车是2015年的卡罗拉", "客户想等月底看看有没有活动", "发了{model}的实拍视频，客户说回去和家人商量",
    "客户在看贷款方案，想了解首付比例", "问了{model}的颜色，想要白色，需要确认库存", "微信发了最新报价单，客户已读",
    "客户关心{model}的保养费用", "客户说孩子上学要接送，看重安全配置",
  ]
  static let visit = [
    "到店看车，重点看了{model}的后排和后备箱", "带爱人和孩子一起来看车，孩子很喜欢天窗", "到店谈价格，客户希望再送一年保养",
    "到店看了{model}的内饰颜色，比较喜欢浅色",
  ]
  static let testDrive = [
    "试驾{model}，客户对动力和静音很满意", "试驾后客户觉得方向盘偏轻，还想再对比一下", "客户带爱人一起试驾{model}，爱人觉得后排宽敞",
  ]
  static let written: [Channel: [String]] = [
    .sms: ["短信发送本周末店内试驾活动邀请", "短信发送店内限时优惠信息"],
    .email: ["邮件发送{model}配置表和金融方案", "邮件发送{model}与{rival}的配置对比"],
  ]
  static let ordered = [
    "告知{model}生产进度，预计按期交车", "客户询问交车时间，已反馈厂家排产情况", "客户担心等车太久，已说明排产进度并安抚",
    "确认车身颜色和选装包", "提醒客户准备尾款和上牌资料", "客户问交车前能否再看一次车",
  ]
  static let owner = [
    "微信问候用车情况，客户说一切正常", "提醒客户首保时间", "客户介绍同事来看车，已加微信", "发送换季用车小贴士",
    "邀请参加车主自驾活动", "客户问保养套餐价格，已发给他",
  ]

  static func firstContact(_ source: String) -> String { "首次联系（来源：\(source)），客户对{model}感兴趣，约了到店看车" }
  static let deposit = "到店交定金，订了{model}"
  static let contract = "签订购车合同，告知预计交车日期"
  static let delivery = "交车仪式，讲解{model}的功能和保养注意事项"
  static let callback = ["交车三日回访，客户对车很满意", "交车回访，客户说车开着很顺手，提醒首保", "回访：客户满意，问了车机互联怎么设置"]
  static let reactivated = "客户重新来电咨询{model}，重新跟进"
  static func issueRaised(_ issue: String) -> String { "客户来电反映\(issue)，已登记并约售后检查" }
  static func issueFixed(_ issue: String) -> String { "售后已处理\(issue)，回访客户满意" }

  static let objectionNotes: [String: String] = [
    "wait_too_long": "客户嫌等车时间太长，说别家有现车",
    "trim_unavailable": "想要带天窗的顶配，目前没有资源",
    "feature_guarantee": "担心几个月后到的车配置会变",
    "vs_competitor": "对比了{rival}，问我们的优势在哪",
    "no_choice": "只到了一台车，客户觉得没得挑",
    "price_drop_after_purchase": "担心提车后降价",
    "no_discount": "说别家店优惠更多，问能不能再便宜",
    "delivery_risk": "担心交不了车，问定金能不能退",
    "wait_for_promo": "想等金九银十再买",
    "online_defects": "网上看到有车主反映小毛病，有顾虑",
    "price_too_high": "觉得落地价偏高，超出预算",
    "ask_family": "要回去和家里人商量一下",
    "just_looking": "说只是先随便看看",
    "trade_in_value": "觉得旧车置换评估价太低",
    "financing": "关心贷款利率和首付比例",
  ]
  static let prospectObjections = [
    "vs_competitor", "no_discount", "wait_for_promo", "online_defects", "price_too_high", "ask_family", "just_looking",
    "trade_in_value", "financing", "wait_too_long", "trim_unavailable",
  ]
  static let orderedObjections = [
    "wait_too_long", "trim_unavailable", "feature_guarantee", "no_choice", "price_drop_after_purchase", "delivery_risk",
  ]

  static let buried: [TopicKind: [String]] = [
    .tech: ["答应查一下{model}的自适应巡航堵车时能否跟停", "客户问{model}的电池质保年限，答应确认后回复", "答应确认{model}能否加装360全景影像"],
    .brochure: ["答应发{model}的配置单和实拍图", "答应发X70七座版配置单", "答应寄一份{model}的纸质宣传册"],
    .supply: ["答应确认{model}白色现车什么时候到店", "帮客户问{model}顶配的排产时间", "答应查一下{model}的到港批次"],
    .policy: ["确认以旧换新补贴政策", "答应问清楚本月的贷款贴息政策", "确认新能源购置税减免政策"],
    .other: ["答应帮客户预约周末试驾", "客户想要儿童安全座椅，答应申请赠送", "答应问问能否送一年保养"],
  ]
  static let buriedKinds: [(TopicKind, Int)] = [
    (.tech, 25), (.brochure, 20), (.supply, 20), (.policy, 20), (.other, 15),
  ]
  static let issues = ["车机蓝牙偶尔断连", "右后门关门有异响", "空调有异味", "胎压报警灯常亮", "倒车影像偶尔黑屏", "漆面有一处小划痕"]

  static func churn(_ reason: ChurnReason) -> [String] {
    switch reason {
    case .intentDropped: return ["客户说暂时不买车了"]
    case .productDoubt: return ["客户看到网上投诉，对产品质量没信心"]
    case .needsChanged: return ["家里添了二胎，改看七座车"]
    case .betterFitElsewhere: return ["客户最终选了{rival}"]
    case .dealerDoubt: return ["客户对我们店的服务不满意，去了别家店"]
    case .budgetChanged: return ["预算缩减，暂缓购车"]
    case .poorFollowup: return ["跟进不及时，客户已在别处订车"]
    case .supplyMismatch: return ["想要的配置一直没有资源"]
    case .waitTooLong: return ["等车时间太长，退定金买了现车"]
    case .other: return ["客户工作调动去外地", "客户家里出了变故，暂不考虑", "公司配车了，不需要自己买"]
    }
  }

  /// `text` with the lead's model and a rival filled in.
  static func fill(_ text: String, model: String, rival: String) -> String {
    guard text.contains("{") else { return text }
    return text.replacingOccurrences(of: "{model}", with: model).replacingOccurrences(of: "{rival}", with: rival)
  }
}
