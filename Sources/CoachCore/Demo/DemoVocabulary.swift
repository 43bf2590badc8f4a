/// Names, places, models and profile facts the demo data is drawn from.
enum DemoVocabulary {
  // MARK: - People

  static let surnames = Array(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵钱严武戴孔汤"
  ).map(String.init)

  static let maleNames = [
    "伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚", "辉", "鹏", "飞", "鑫", "波", "斌", "宇", "浩", "凯", "俊",
    "建国", "志强", "海涛", "文博", "子轩", "浩然", "宇航", "俊杰", "晓东", "建华", "国栋", "振宇", "一鸣", "明辉", "立新",
  ]
  static let femaleNames = [
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷", "雪", "琳", "洁", "颖", "倩", "慧", "欣", "悦", "萍",
    "佳怡", "雨萱", "思琪", "晓燕", "丽娟", "梦瑶", "婉婷", "诗涵", "文静", "秀英", "雅琴", "美玲", "欣怡", "海燕", "春梅",
  ]
  static let maleMiddles = ["晓", "建", "志", "文", "子", "家", "永", "宏"]
  static let femaleMiddles = ["晓", "雅", "美", "欣", "佳", "丽", "秀", "婉"]

  /// Mobile prefixes in use (second digit 3–9).
  static let phonePrefixes = [
    "130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156", "157", "158", "159",
    "166", "173", "176", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199",
  ]

  static let cities: [(String, Int)] = [("杭州", 45), ("宁波", 20), ("绍兴", 15), ("嘉兴", 10), ("湖州", 10)]
  static let sources: [(String, Int)] = [
    ("展厅", 30), ("电话", 14), ("汽车之家", 20), ("懂车帝", 16), ("老客户推荐", 12), ("车展", 8),
  ]

  // MARK: - Models and grades

  /// Catalog codes by how often they are asked about.
  static let models: [(String, Int)] = [
    ("S30", 10), ("S50", 6), ("S50N", 12), ("X40", 14), ("X60", 16), ("X70", 10), ("M80", 6), ("E20", 8),
    ("E50", 8), ("E60", 10),
  ]
  /// Models with a long supply wait, the ones late deliveries and wait complaints come from.
  static let longWaitModels = ["S50N", "X60"]

  /// Typical supply wait in weeks (the playbook owns the real figures; this only shapes the history).
  static func waitWeeks(_ model: String) -> Int {
    switch model {
    case "S50N": return 16
    case "X60": return 12
    case "X70", "E60": return 8
    case "M80", "E50": return 6
    default: return 3
    }
  }

  static let prospectGrades: [(Grade, Int)] = [(.h, 15), (.a, 25), (.b, 35), (.c, 25)]
  static let orderedGrades: [(Grade, Int)] = [(.h, 6), (.a, 3), (.b, 1)]
  static let churnedGrades: [(Grade, Int)] = [(.a, 1), (.b, 4), (.c, 5)]
  static let tiers: [(Tier, Int)] = [(.a, 15), (.b, 30), (.c, 40), (.d, 15)]

  static let rivals = ["比亚迪汉", "丰田凯美瑞", "大众帕萨特", "本田CR-V", "理想L6", "特斯拉Model Y", "吉利星越L", "哈弗H6"]

  // MARK: - Profile facts

  static let profile: [(key: String, values: [String])] = [
    ("hobby", ["钓鱼", "摄影", "登山", "喝茶", "书法", "打羽毛球", "露营", "看足球", "下围棋", "种花"]),
    ("career", ["中学老师", "程序员", "个体老板", "医生", "公务员", "外贸业务员", "会计", "护士", "工程师", "律师", "餐馆老板", "设计师"]),
    ("family", ["三口之家", "和父母同住", "刚结婚", "两个孩子", "夫妻俩，准备要孩子", "一家五口"]),
    ("children", ["两个孩子", "儿子读初中", "女儿刚上幼儿园", "二胎刚出生", "儿子在读大学", "女儿在学钢琴"]),
    ("travel", ["自驾游西藏", "每年去三亚", "周末常去千岛湖", "想自驾川西", "喜欢去莫干山露营", "春节回安徽老家"]),
    ("commute", ["每天通勤40公里", "上班在滨江", "单程一小时", "主要市区代步", "经常跑高速出差"]),
    ("pet", ["养了一只金毛", "家里有两只猫", "养了一只柯基"]),
    ("sport", ["跑马拉松", "打篮球", "游泳", "骑行", "打网球"]),
    ("investment", ["炒股", "买理财", "投资了一家奶茶店", "关注基金", "在看学区房"]),
  ]
}
