import Foundation

@testable import CoachCore

extension Fixture {
  static let playbook = makePlaybook()

  static func makePlaybook(holidays: [Holiday] = defaultHolidays, models: [CarModel] = catalog) -> Playbook {
    Playbook(
      language: "en",
      cadence: Cadence(
        firstContactHours: 24, graceHours: 24, followUpDays: ["H": 1, "A": 3, "B": 7, "C": 14],
        defaultFollowUpDays: 7, deliveryUpdateDays: 7, tierFactor: ["A": 0.8, "B": 0.9, "C": 1.0, "D": 1.5]),
      care: Care(
        callbackDays: 3, issueFixDays: 7, birthdayRemindDaysBefore: 1, carBirthday: true, referralFirstDays: 30,
        referralEveryDays: 90, winbackFirstDays: 7, winbackEveryDays: 60, holidayRemindDaysBefore: 1,
        holidays: holidays),
      topics: topics, objections: objections, models: models, messages: messages, labels: labels)
  }

  static let defaultHolidays = [
    Holiday(id: "new_year", name: "New Year's Day", fixed: "01-01", dates: nil, message: "holiday_general"),
    Holiday(
      id: "spring_festival", name: "Spring Festival", fixed: nil,
      dates: ["2025-01-29", "2026-02-17", "2027-02-06"], message: "holiday_spring"),
    Holiday(id: "national_day", name: "National Day", fixed: "10-01", dates: nil, message: "holiday_general"),
    Holiday(
      id: "mid_autumn", name: "Mid-Autumn Festival", fixed: nil, dates: ["2025-10-06", "2026-09-25"],
      message: "holiday_general"),
  ]

  static func model(
    _ code: String, _ segment: String, _ price: Int, wait: Int, maint: Int, run: Double, cargo: Int, interior: Int,
    length: Int, seats: Int = 5, replaces: String? = nil, prestige: Int? = nil, offer: String? = nil
  ) -> CarModel {
    CarModel(
      code: code, name: "Aurora \(code)", segment: segment, price: price, waitWeeks: wait, maintenancePerYear: maint,
      runningCostPer100km: run, cargoLitres: cargo, interiorMm: interior, lengthMm: length, seats: seats,
      replaces: replaces,
      prestige: prestige, sellingPoints: [], competitors: [], offer: offer)
  }

  static let catalog = [
    model("S30", "sedan", 129_800, wait: 1, maint: 2600, run: 48, cargo: 440, interior: 920, length: 4680, prestige: 1),
    model(
      "S50", "sedan", 189_800, wait: 0, maint: 3200, run: 56, cargo: 510, interior: 960, length: 4880, prestige: 2,
      offer: "free 3-year maintenance"),
    model(
      "S50N", "sedan", 199_800, wait: 8, maint: 3000, run: 52, cargo: 520, interior: 980, length: 4900,
      replaces: "S50", prestige: 2),
    model("X40", "suv", 159_800, wait: 2, maint: 2900, run: 52, cargo: 480, interior: 940, length: 4550, prestige: 1),
    model("X60", "suv", 229_800, wait: 10, maint: 3800, run: 64, cargo: 560, interior: 990, length: 4780, prestige: 2),
    model(
      "X70", "suv", 269_800, wait: 12, maint: 4200, run: 70, cargo: 640, interior: 1000, length: 4950, seats: 7,
      prestige: 3),
    model(
      "E50", "ev", 219_800, wait: 3, maint: 1200, run: 12, cargo: 450, interior: 950, length: 4820, prestige: 2,
      offer: "free home charger"),
    model(
      "M80", "mpv", 289_800, wait: 4, maint: 4500, run: 75, cargo: 800, interior: 1050, length: 5150, seats: 7,
      prestige: 3),
  ]

  static let topics = Topics(
    buried: [
      "tech": BuriedKindGuide(
        name: "Technical question", draftPhrase: "the technical question you asked",
        howToRaise: "About your technical question: here is the answer."),
      "supply": BuriedKindGuide(
        name: "Supply news", draftPhrase: "news on your car", howToRaise: "There is news about your car."),
      "other": BuriedKindGuide(
        name: "Other", draftPhrase: "what you asked me", howToRaise: "You mentioned something last time."),
    ],
    dugUp: [
      DugUpRule(
        id: "hobby_fishing", area: "person", profileKeys: ["hobby"], match: ["fishing", "钓鱼"],
        text: "{name} loves fishing: ask about the last catch."),
      DugUpRule(
        id: "hobby_general", area: "person", profileKeys: ["hobby"], match: nil,
        text: "{name}'s hobby is {value}."),
      DugUpRule(id: "family", area: "life", profileKeys: ["family"], match: nil, text: "Family: {value}."),
    ],
    created: [
      CreatedTopic(
        id: "summer_drive", title: "Summer test-drive week", text: "Invite {name} to drive the {model}.",
        from: "2025-07-01", to: "2025-07-31", recurrence: nil, models: nil, stages: ["prospect"],
        grades: nil),
      CreatedTopic(
        id: "saturday_club", title: "Owners' Saturday", text: "Coffee and car care every Saturday.",
        from: nil, to: nil, recurrence: "weekly:6", models: nil, stages: nil, grades: nil),
      CreatedTopic(
        id: "x60_supply", title: "X60 supply", text: "More X60 arrive on the 15th.", from: nil, to: nil,
        recurrence: "monthly:15", models: ["X60"], stages: nil, grades: nil),
    ])

  static func objection(_ code: String, stages: [String]?) -> Objection {
    Objection(
      code: code, title: code, examples: [], approach: "", response: "answer to \(code)", followUpQuestion: "",
      typicalStages: stages, line: nil, aboutWaiting: ["wait_too_long", "delivery_risk"].contains(code) ? true : nil,
      beforeLate: code == "delivery_risk" ? true : nil)
  }

  static let objections = [
    objection("wait_too_long", stages: ["deposit", "waiting_for_delivery"]),
    objection("delivery_risk", stages: ["waiting_for_delivery"]),
    objection("no_discount", stages: ["prospect"]),
    objection("price_too_high", stages: ["prospect"]),
    objection("ask_family", stages: ["prospect"]),
    objection("just_looking", stages: ["prospect"]),
    objection("vs_competitor", stages: nil),
  ]

  static let messages: [MessageTemplate] =
    ActionCode.allCases.filter { $0 != .holiday }.map {
      MessageTemplate(
        id: $0.rawValue, occasion: $0.rawValue,
        text: "\($0.rawValue): Dear {customer}, {topic}. {consultant}, {dealership}",
        fallbacks: ["\($0.rawValue): Dear {customer}. {consultant}, {dealership}"])
    } + [
      MessageTemplate(
        id: "holiday_general", occasion: "holiday", text: "Happy {holiday}, {customer}! {consultant}", fallbacks: nil),
      MessageTemplate(
        id: "holiday_spring", occasion: "holiday", text: "Spring Festival wishes, {customer}! {consultant}",
        fallbacks: nil),
      MessageTemplate(
        id: "long_time_no_see", occasion: "long_time_no_see", text: "Long time no see, {customer}.", fallbacks: nil),
    ]
}
