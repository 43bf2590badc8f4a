import Foundation

/// A whole playbook in one language, after loading and merging its files.
/// Files in `playbooks/<lang>/`: cadence.yaml, care.yaml, topics.yaml, objections.yaml,
/// models.yaml, messages.yaml, labels.yaml. Keys in YAML are snake_case.
public struct Playbook: Codable, Sendable, Hashable {
  /// `zh-CN` or `en`.
  public var language: String
  public var cadence: Cadence
  public var care: Care
  public var topics: Topics
  public var objections: [Objection]
  public var models: [CarModel]
  public var messages: [MessageTemplate]
  /// Texts the engine and CLI print, by key (labels, goals, reasons, warnings, switch phrasings).
  public var labels: Labels
  /// Word classes, spellings and small talk for the objection matcher (vocabulary.yaml; optional).
  public var vocabulary: Vocabulary?

  /// Whether the playbook is written in Chinese (`zh-CN`, `zh-TW`, …).
  public var isChinese: Bool { language.lowercased().hasPrefix("zh") }
  /// What parts a label from its text: `目的：` in Chinese (the full-width colon carries its own space), `Goal: `.
  public var colon: String { isChinese ? "：" : ": " }
  /// What parts the names of a list: `价格太贵、要和家人商量` in Chinese; `; ` in English, whose titles may hold commas.
  public var listSeparator: String { Self.listSeparator(chinese: isChinese) }
  public static func listSeparator(chinese: Bool) -> String { chinese ? "、" : "; " }

  public init(
    language: String, cadence: Cadence, care: Care, topics: Topics, objections: [Objection], models: [CarModel],
    messages: [MessageTemplate], labels: Labels, vocabulary: Vocabulary? = nil
  ) {
    self.language = language
    self.cadence = cadence
    self.care = care
    self.topics = topics
    self.objections = objections
    self.models = models
    self.messages = messages
    self.labels = labels
    self.vocabulary = vocabulary
  }

  public func model(_ code: String?) -> CarModel? {
    catalogModel(code)  // without Foundation's compare for ASCII codes (ModelLookup.swift)
  }

  public func objection(_ code: String) -> Objection? { objections.first { $0.code == code } }

  /// Objections named by their titles in a list (`价格太贵、要和家人商量`); a code the playbook lacks stays as it is.
  public func objectionTitles(_ codes: [String]) -> String {
    codes.map { objection($0)?.title ?? $0 }.joined(separator: listSeparator)
  }
}

// MARK: - Cadence (cadence.yaml)

public struct Cadence: Codable, Sendable, Hashable {
  /// Hours after creation by which a new lead must be first contacted.
  public var firstContactHours: Int
  /// Hours of grace after a follow-up falls due before it counts as overdue (the deadline).
  public var graceHours: Int
  /// Follow-up interval in days per grade for prospects (H 1, A 3, B 7, C 14).
  public var followUpDays: [String: Int]
  /// Interval used when a prospect has no grade.
  public var defaultFollowUpDays: Int
  /// Progress update interval for deposit and waiting customers (7).
  public var deliveryUpdateDays: Int
  /// How much sooner a higher tier is followed (multiplier per tier, e.g. A 0.8, D 1.5).
  public var tierFactor: [String: Double]
  /// Days past its deadline after which an overdue follow-up is escalated: marked in the team lead's alerts.
  /// Optional in a playbook (`escalationDays` then uses 7).
  public var escalateAfterDays: Int?
  /// Hours after its creation after which a new lead nobody has touched is escalated to the team lead (the
  /// consultant is alerted from `first_contact_hours`). Optional (`firstContactEscalationHours` then doubles that).
  public var firstContactEscalateHours: Int?

  /// `escalate_after_days`, or 7 when the playbook leaves it out.
  public var escalationDays: Int { escalateAfterDays ?? 7 }
  /// `first_contact_escalate_hours`, or twice `first_contact_hours` when the playbook leaves it out.
  public var firstContactEscalationHours: Int { firstContactEscalateHours ?? 2 * firstContactHours }

  public func followUpDays(for grade: Grade?) -> Int {
    guard let grade else { return defaultFollowUpDays }
    return followUpDays[grade.rawValue] ?? defaultFollowUpDays
  }
}

// MARK: - Care (care.yaml)

public struct Care: Codable, Sendable, Hashable {
  /// Days after delivery by which the callback must be done (3).
  public var callbackDays: Int
  /// Days within which an after-sales issue must be fixed (7).
  public var issueFixDays: Int
  /// Days before the owner's birthday to remind (1).
  public var birthdayRemindDaysBefore: Int
  /// Whether the delivery anniversary is an occasion.
  public var carBirthday: Bool
  /// Days after delivery when to ask for referrals first, then every `referralEveryDays`.
  public var referralFirstDays: Int
  public var referralEveryDays: Int
  /// Days after churn for the lost-customer interview/win-back attempt, then every `winbackEveryDays`.
  public var winbackFirstDays: Int
  public var winbackEveryDays: Int
  /// Days before a holiday to send greetings (usually 0 or 1).
  public var holidayRemindDaysBefore: Int
  /// The holiday calendar: fixed-date holidays and moving ones listed per year.
  public var holidays: [Holiday]
}

public struct Holiday: Codable, Sendable, Hashable {
  public var id: String
  public var name: String
  /// `MM-DD` for holidays on the same day each year (e.g. "10-01").
  public var fixed: String?
  /// `YYYY-MM-DD` days for holidays that move (Spring Festival, Mid-Autumn, …).
  public var dates: [String]?
  /// Which message template to use (a `MessageTemplate.id`).
  public var message: String
}

// MARK: - Topics (topics.yaml)

public struct Topics: Codable, Sendable, Hashable {
  /// How to raise a buried topic of each kind (key: TopicKind raw value).
  public var buried: [String: BuriedKindGuide]
  /// Rules that turn profile facts into talking points.
  public var dugUp: [DugUpRule]
  /// Dealership events and offers.
  public var created: [CreatedTopic]
  /// Words that mark a profile fact as not to be raised (`别提`, `do not mention`; any language, case ignored): such a
  /// fact is never a talking point, and the brief warns about it instead.
  public var avoid: [String]?

  /// Whether the profile value `value` carries one of the `avoid` words.
  public func isSensitive(_ value: String) -> Bool {
    guard let avoid, !avoid.isEmpty else { return false }
    let text = value.lowercased().replacingOccurrences(of: "’", with: "'")
    return avoid.contains { !$0.isEmpty && text.contains($0.lowercased()) }
  }
}

public struct BuriedKindGuide: Codable, Sendable, Hashable {
  public var name: String
  /// How a customer-facing draft names a loose end of this kind ("the brochure you asked for"); the consultant's
  /// own note is never sent.
  public var draftPhrase: String
  /// What the consultant says to open the call with it (said to the customer: never the note itself).
  public var howToRaise: String
}

public struct DugUpRule: Codable, Sendable, Hashable {
  public var id: String
  /// `person`, `car` or `life`.
  public var area: String
  /// Profile keys that trigger this rule (e.g. hobby, career).
  public var profileKeys: [String]
  /// Optional: only when the value contains one of these words (any language).
  public var match: [String]?
  /// The talking point; `{value}` is the fact, `{name}` the customer's name.
  public var text: String
  /// Optional: the talking point on a care call (greetings, after-sales care), without the selling hint of `text`;
  /// without it, care calls use `text`.
  public var careText: String?
}

public struct CreatedTopic: Codable, Sendable, Hashable {
  public var id: String
  public var title: String
  public var text: String
  /// Window `YYYY-MM-DD` inclusive; or recurrence.
  public var from: String?
  public var to: String?
  /// `weekly:6` (Saturdays), `monthly:15`, … when recurring.
  public var recurrence: String?
  /// Targeting; empty or absent means everyone.
  public var models: [String]?
  public var stages: [String]?
  public var grades: [String]?
}

// MARK: - Objections (objections.yaml)

public struct Objection: Codable, Sendable, Hashable {
  public var code: String
  public var title: String
  /// Example customer phrasings (used by the matcher).
  public var examples: [String]
  /// The approach in one or two lines.
  public var approach: String
  /// What to say.
  public var response: String
  /// A question to move on with.
  public var followUpQuestion: String
  /// Stages where this objection is typical (brief lists them for leads at that stage).
  public var typicalStages: [String]?
  /// The answer in one line, for the brief (the full `response` is `coach objection CODE`'s script).
  public var line: String?
  /// Whether the objection is about waiting for the car (a brief for a model in stock leaves it out).
  public var aboutWaiting: Bool?
  /// Whether the answer holds only before the car is late ("what if you can't deliver?": it promises the date); a
  /// brief for a car past its promised day leaves it out unless the customer raised it (then its compensation is
  /// what they want to hear).
  public var beforeLate: Bool?
  /// What the objection is about, as words in any language or `@class` ids of vocabulary.yaml (for the matcher).
  public var concepts: [String]?
}

// MARK: - Vocabulary (vocabulary.yaml)

/// Words the objection matcher treats alike, in one file per language the trainer can extend.
public struct Vocabulary: Codable, Sendable, Hashable {
  /// Shared word classes (competitor brands, durations, colours, …), referred to as `@id` in concepts.
  public var classes: [WordClass]
  /// Other spellings and what they stand for (pinyin, dialect, slang): `dengche: 等车`.
  public var spellings: [String: String]?
  /// Things customers say that are no objection (greetings, scheduling, thanks).
  public var smallTalk: [String]?
}

/// One word class: its id and its words; `#` in a word stands for any number (`#个月`, `# weeks`).
public struct WordClass: Codable, Sendable, Hashable {
  public var id: String
  public var words: [String]
}

// MARK: - Models (models.yaml)

public struct CarModel: Codable, Sendable, Hashable {
  public var code: String
  public var name: String
  public var segment: String
  /// Price in yuan.
  public var price: Int
  /// Current supply wait in weeks.
  public var waitWeeks: Int
  public var maintenancePerYear: Int
  /// Running cost in yuan per 100 km.
  public var runningCostPer100km: Double
  /// Cargo volume in litres.
  public var cargoLitres: Int
  /// Rear legroom or an interior space figure in mm.
  public var interiorMm: Int
  public var lengthMm: Int
  /// Seats (switch arguments never offer fewer than the customer needs).
  public var seats: Int
  /// Code of the model this one replaces (old→new version pair), if any.
  public var replaces: String?
  /// Whether the model counts as upmarket within its segment (prestige lever).
  public var prestige: Int?
  public var sellingPoints: [String]
  public var competitors: [Competitor]
  /// Current offer on this model, if any (gain / vested benefit levers).
  public var offer: String?
}

public struct Competitor: Codable, Sendable, Hashable {
  public var name: String
  /// Other names the rival goes by (its name in the other language, a short form): a note naming any finds it.
  public var aliases: [String]?
  public var weakness: String
  public var answer: String
}

// MARK: - Messages (messages.yaml)

public struct MessageTemplate: Codable, Sendable, Hashable {
  public var id: String
  /// `holiday`, `birthday`, `season`, `long_time_no_see`, `delivery_update`, `callback`, … or an action code.
  public var occasion: String
  /// The preferred wording; its placeholders are facts (`DraftFact`): {customer}, {consultant}, {dealership},
  /// {model}, {eta}, {holiday}, {years}, {topic}, {visit}.
  public var text: String
  /// Other wordings, tried in order when a fact of `text` is unknown (no ETA, no model, …); the last should need
  /// only facts that are always known, so a draft never has an empty slot (`playbook lint` checks).
  public var fallbacks: [String]?
}

// MARK: - Labels (labels.yaml)

public struct Labels: Codable, Sendable, Hashable {
  /// The dealership's name used in messages.
  public var dealership: String
  /// Goal of the call per action code.
  public var goals: [String: String]
  /// Suggested channel per action code (a Channel raw value).
  public var channels: [String: String]
  /// Reason phrasings; placeholders in braces.
  public var reasons: [String: String]
  /// Warnings; placeholders in braces.
  public var warnings: [String: String]
  /// Switch argument phrasings per lever; placeholders in braces.
  public var switchTexts: [String: String]
  /// Anything else the CLI prints (headings, stage names, …).
  public var ui: [String: String]
}
