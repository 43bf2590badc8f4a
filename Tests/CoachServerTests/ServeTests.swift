import CoachStore
import CoachStoreAPI
import Foundation
import GRDB
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `coach serve` as a client meets it: the real binary on `--port 0`, a temp database, URLSession on loopback.
@Suite(.serialized) struct ServeTests {
  @Test func loginGivesAStrictHttpOnlyCookieAndACSRFTokenAndAWrongPasswordIs401() async throws {
    let shop = try Showroom()
    let server = try Server(shop)
    let ok = try await server.send("POST", "/api/v1/login", json: ["user": "alice", "password": Showroom.password])
    #expect(ok.status == 200)
    let body = try ok.json()
    #expect(body["user"] as? String == "alice")
    #expect(body["role"] as? String == "consultant")
    #expect((body["csrf_token"] as? String)?.count == 64)
    let cookie = try #require(ok.header("Set-Cookie"))
    #expect(cookie.contains("HttpOnly"))
    #expect(cookie.contains("SameSite=Strict"))
    #expect(ok.sessionCookie?.count == 64)

    let wrong = try await server.send("POST", "/api/v1/login", json: ["user": "alice", "password": "not the password"])
    #expect(wrong.status == 401)
    #expect(try wrong.json()["error"] as? [String: String] != nil)
    #expect(wrong.header("Set-Cookie") == nil)
    let nobody = try await server.send(
      "POST", "/api/v1/login", json: ["user": "mallory", "password": Showroom.password])
    #expect(nobody.status == 401)
    #expect(try server.stop() == 0)
  }

  @Test func withoutASessionTheAPIAnswers401AndPagesRedirectToLogin() async throws {
    let server = try Server(try Showroom())
    #expect(try await server.send("GET", "/api/v1/next").status == 401)
    let page = try await server.send("GET", "/")
    #expect(page.status == 303)
    #expect(page.header("Location") == "/login")
    let login = try await server.send("GET", "/login")
    #expect(login.status == 200)
    #expect(login.text.contains("<form method=\"post\" action=\"/login\""))
    #expect(try server.stop() == 0)
  }

  @Test func aChangeWithoutTheCSRFTokenIs403AndWritesNothing() async throws {
    let shop = try Showroom()
    let server = try Server(shop)
    let (cookie, csrf) = try await server.login("alice")
    let touch: [String: Any] = ["channel": "call", "outcome": "reached", "note": "asked about the ETA"]
    let path = "/api/v1/leads/\(shop.aliceLead)/touches"
    #expect(try await server.send("POST", path, json: touch, cookie: cookie).status == 403)
    #expect(
      try await server.send(
        "POST", path, json: touch, cookie: cookie, headers: ["X-CSRF-Token": String(repeating: "0", count: 64)]
      ).status == 403)
    #expect(try await server.send("POST", "/api/v1/logout", cookie: cookie).status == 403)
    let form = try await server.send(
      "POST", "/leads/\(shop.aliceLead)/touches", form: "channel=call&outcome=reached", cookie: cookie)
    #expect(form.status == 403)
    #expect(
      (try shop.coach(["lead", "show", shop.aliceLead, "--json", "--as", "alice"]).json()["touches"] as? [Any])?.isEmpty
        == true)
    #expect(
      try await server.send("POST", path, json: touch, cookie: cookie, headers: ["X-CSRF-Token": csrf]).status == 201)
    #expect(try server.stop() == 0)
  }

  @Test func aConsultantMeetsTheSameScopesAsOnTheCommandLine() async throws {
    let shop = try Showroom()
    let server = try Server(shop)
    let (cookie, csrf) = try await server.login("alice")
    #expect(try await server.send("GET", "/api/v1/leads/\(shop.aliceLead)", cookie: cookie).status == 200)
    let other = try await server.send("GET", "/api/v1/leads/\(shop.bobLead)", cookie: cookie)
    #expect(other.status == 404)
    #expect((try other.json()["error"] as? [String: String])?["code"] == "unknown_lead")
    #expect(try await server.send("GET", "/api/v1/leads/99999", cookie: cookie).status == 404)
    let touch = try await server.send(
      "POST", "/api/v1/leads/\(shop.bobLead)/touches", json: ["channel": "call", "outcome": "reached"], cookie: cookie,
      headers: ["X-CSRF-Token": csrf])
    #expect(touch.status == 404)
    #expect(try await server.send("GET", "/api/v1/alerts?team=1", cookie: cookie).status == 403)
    #expect(try await server.send("GET", "/api/v1/audit?from=2026-11-01&to=2026-11-24", cookie: cookie).status == 403)
    #expect(try await server.send("GET", "/leads/\(shop.bobLead)", cookie: cookie).status == 404)

    let lead = try await server.login("lena")
    let teamAlerts = try await server.send("GET", "/api/v1/alerts?team=1", cookie: lead.cookie)
    #expect(teamAlerts.status == 200)
    #expect(teamAlerts.text == (try shop.coach(["alerts", "--team", "--json", "--as", "lena"]).stdout))
    let audit = try await server.send("GET", "/api/v1/audit?from=2026-11-01&to=2026-11-24", cookie: lead.cookie)
    #expect(audit.status == 200)
    let cli = try shop.coach(["audit", "--from", "2026-11-01", "--to", "2026-11-24", "--json", "--as", "lena"])
    #expect(audit.text == cli.stdout)
    // The audit report with its charts and drill-down lists is the page coach audit --format html writes.
    let report = try await server.send(
      "GET", "/audit/report?from=2026-11-01&to=2026-11-24&lang=en", cookie: lead.cookie)
    #expect(report.status == 200)
    let html = try shop.coach([
      "audit", "--from", "2026-11-01", "--to", "2026-11-24", "--format", "html", "--as", "lena",
    ])
    #expect(report.text == html.stdout)
    #expect(report.text.contains("<svg") && !report.text.contains("<script"))
    let csp = report.header("Content-Security-Policy") ?? ""
    #expect(
      csp.contains("script-src 'none'") && csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'none'"))
    #expect(try await server.send("GET", "/audit/report", cookie: cookie).status == 403)
    #expect(try server.stop() == 0)
  }

  @Test func nextIsExactlyTheCommandLinesNextJSON() async throws {
    let shop = try Showroom()
    let server = try Server(shop)
    let (cookie, _) = try await server.login("alice")
    let api = try await server.send("GET", "/api/v1/next", cookie: cookie)
    #expect(api.status == 200)
    #expect(api.header("Content-Type")?.hasPrefix("application/json") == true)
    let cli = try shop.coach(["next", "--json", "--as", "alice"])
    #expect(api.text == cli.stdout)
    #expect(try api.json()["consultant"] as? String == "alice")
    #expect((try api.json()["queue"] as? [Any])?.count == 1)

    let one = try await server.send("GET", "/api/v1/next?lead=\(shop.aliceLead)&limit=0", cookie: cookie)
    #expect(
      one.text
        == (try shop.coach(["next", "--json", "--as", "alice", "--lead", shop.aliceLead, "--limit", "0"]).stdout))
    let shown = try await server.send("GET", "/api/v1/leads/\(shop.aliceLead)", cookie: cookie)
    #expect(shown.text == (try shop.coach(["lead", "show", shop.aliceLead, "--json", "--as", "alice"]).stdout))
    #expect(try await server.send("GET", "/api/v1/next?limit=-1", cookie: cookie).status == 400)
    #expect(try server.stop() == 0)
  }

  @Test func aTouchAndAStageChangeAreRecordedAndBadInputIsRefusedWithTheErrorObject() async throws {
    let shop = try Showroom()
    let server = try Server(shop)
    let (cookie, csrf) = try await server.login("alice")
    let headers = ["X-CSRF-Token": csrf]
    let path = "/api/v1/leads/\(shop.aliceLead)/touches"
    let created = try await server.send(
      "POST", path,
      json: [
        "channel": "call", "outcome": "reached", "note": "wants the 7-seat brochure",
        "bury": [["text": "send the X60 7-seat spec", "kind": "brochure"]], "objections": ["wait_too_long"],
        "next": "2026-11-28T10:00", "levers": ["availability", "vested_benefit"],
      ], cookie: cookie, headers: headers)
    #expect(created.status == 201)
    let id = try #require(try created.json()["id"] as? String)
    let shown = try shop.coach(["lead", "show", shop.aliceLead, "--json", "--as", "alice"]).json()
    let touches = try #require(shown["touches"] as? [[String: Any]])
    #expect(touches.count == 1)
    #expect(touches.first.map { "\($0["id"] ?? "")" } == id)
    #expect(touches.first?["actor"] as? String == "alice")
    #expect(touches.first?["at"] as? String == "2026-11-24T09:00:00+08:00")
    #expect(touches.first?["levers"] as? [String] == ["availability", "vested_benefit"])
    #expect((shown["topics"] as? [[String: Any]])?.first?["text"] as? String == "send the X60 7-seat spec")

    for (bad, status) in [
      (["channel": "fax", "outcome": "reached"], 400), (["outcome": "reached"], 400),
      (["channel": "call", "outcome": "reached", "objections": ["no_such_objection"]], 422),
      (["channel": "call", "outcome": "reached", "levers": ["faster"]], 422),
      (["channel": "call", "outcome": "reached", "next": "2026-11-01T10:00"], 422),
      (["channel": "call", "outcome": "reached", "note": "   "], 400),
    ] as [([String: Any], Int)] {
      let r = try await server.send("POST", path, json: bad, cookie: cookie, headers: headers)
      #expect(r.status == status, "\(bad): \(r.text)")
      let error = try r.json()["error"] as? [String: String]
      #expect(error?["code"]?.isEmpty == false && error?["message"]?.isEmpty == false)
    }
    let notJSON = try await server.send("POST", path, form: "channel=call", cookie: cookie, headers: headers)
    #expect(notJSON.status == 400)
    #expect(
      (try shop.coach(["lead", "show", shop.aliceLead, "--json", "--as", "alice"]).json()["touches"] as? [Any])?.count
        == 1)

    let stage = "/api/v1/leads/\(shop.aliceLead)/stage"
    let illegal = try await server.send("POST", stage, json: ["stage": "delivered"], cookie: cookie, headers: headers)
    #expect(illegal.status == 422)
    #expect((try illegal.json()["error"] as? [String: String])?["code"] == "illegal_stage_change")
    let missing = try await server.send("POST", stage, json: ["stage": "deposit"], cookie: cookie, headers: headers)
    #expect(missing.status == 422)
    let deposit = try await server.send(
      "POST", stage, json: ["stage": "deposit", "amount": 5000], cookie: cookie, headers: headers)
    #expect(deposit.status == 200)
    #expect((try deposit.json()["event"] as? [String: Any])?["to"] as? String == "deposit")
    #expect(
      try shop.coach(["lead", "show", shop.aliceLead, "--json", "--as", "alice"]).json()["stage"] as? String
        == "deposit")
    #expect(try server.stop() == 0)
  }

  @Test func aSnoozeOverHTTPAnswersWhatCoachSnoozeJSONPrintsAndTheCommandLineSeesIt() async throws {
    let shop = try Showroom()
    let server = try Server(shop)
    let (cookie, csrf) = try await server.login("alice")
    let path = "/api/v1/leads/\(shop.aliceLead)/snooze"
    let set = try await server.send(
      "POST", path, json: ["until": "2026-12-05", "reason": "abroad until the 5th"], cookie: cookie,
      headers: ["X-CSRF-Token": csrf])
    #expect(set.status == 201)
    // The same snooze of bob's lead by bob on the command line prints the same document, but for the lead and who.
    func asAlices(_ cli: Showroom.Result) -> String {
      cli.stdout.replacingOccurrences(of: "\"\(shop.bobLead)\"", with: "\"\(shop.aliceLead)\"")
        .replacingOccurrences(of: "\"bob\"", with: "\"alice\"")
    }
    let cli = try shop.coach([
      "snooze", shop.bobLead, "--until", "2026-12-05", "--reason", "abroad until the 5th", "--json", "--as", "bob",
    ])
    #expect(set.text == asAlices(cli))
    let shown = try shop.coach(["lead", "show", shop.aliceLead, "--json", "--as", "alice"]).json()
    #expect(shown["snoozed_until"] as? String == "2026-12-05")
    #expect(shown["snoozed_by"] as? String == "alice")

    let lifted = try await server.send("POST", "\(path)/clear", cookie: cookie, headers: ["X-CSRF-Token": csrf])
    #expect(lifted.status == 200)
    #expect(lifted.text == asAlices(try shop.coach(["snooze", shop.bobLead, "--clear", "--json", "--as", "bob"])))
    #expect(
      try shop.coach(["lead", "show", shop.aliceLead, "--json", "--as", "alice"]).json()["snoozed_until"] is NSNull)
    #expect(try server.stop() == 0)
  }

  @Test func theObjectionSearchAnswersAsCoachObjectionAndItsPageShowsTheMatchesInBothLanguages() async throws {
    let shop = try Showroom()
    let server = try Server(shop)
    let (cookie, _) = try await server.login("alice")
    for (said, language) in [("别家有现车，凭什么要我等", "zh-CN"), ("it is too expensive, I will wait for a discount", "en")] {
      let text = said.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
      let api = try await server.send("GET", "/api/v1/objection?text=\(text)&limit=2&lang=\(language)", cookie: cookie)
      #expect(api.status == 200)
      let cli = try shop.coach(["objection", said, "--limit", "2", "--json", "--lang", language])
      #expect(api.text == cli.stdout)
      let first = try #require((try cli.json()["matches"] as? [[String: Any]])?.first)
      let page = try await server.send("GET", "/objections?q=\(text)&lang=\(language)", cookie: cookie)
      #expect(page.status == 200)
      #expect(page.text.contains("<html lang=\"\(language)\">"))
      #expect(page.text.contains("value=\"\(said)\""))
      let title = ((first["title"] as? String) ?? "no title").replacingOccurrences(of: "'", with: "&#39;")
      #expect(page.text.contains("<h2>\(title) <small>"))
    }
    let blank = try await server.send("GET", "/api/v1/objection?text=%20%20", cookie: cookie)
    #expect(blank.status == 400)
    #expect((try blank.json()["error"] as? [String: String])?["code"] == "blank_text")
    #expect(try await server.send("GET", "/api/v1/objection?text=expensive").status == 401)
    #expect(try server.stop() == 0)
  }

  @Test func everyResponseCarriesTheSecurityHeadersAndPagesLoadNothingFromElsewhere() async throws {
    let shop = try Showroom()
    let server = try Server(shop)
    let (cookie, _) = try await server.login("alice")
    var replies = [
      try await server.send("GET", "/login"), try await server.send("GET", "/api/v1/next"),
      try await server.send("GET", "/no/such/page"), try await server.send("GET", "/static/app.css"),
      try await server.send("POST", "/api/v1/login", json: ["user": "alice", "password": "wrong password"]),
    ]
    for path in [
      "/", "/leads/\(shop.aliceLead)", "/alerts", "/?lang=zh-CN", "/api/v1/next", "/objections?q=too%20expensive",
      "/leads/\(shop.aliceLead)/switch", "/leads/\(shop.bobLead)", "/audit",
    ] {
      replies.append(try await server.send("GET", path, cookie: cookie))
    }
    for r in replies {
      let csp = try #require(r.header("Content-Security-Policy"), "status \(r.status)")
      #expect(csp.contains("frame-ancestors 'none'"))
      #expect(csp.contains("script-src 'none'"))
      #expect(!csp.contains("unsafe-inline"))
      #expect(r.header("X-Content-Type-Options") == "nosniff")
      if r.header("Content-Type")?.hasPrefix("text/html") == true {
        #expect(!r.text.contains("<script"))
        #expect(!r.text.contains("style=\""))
        #expect(!r.text.contains("http://") && !r.text.contains("https://") && !r.text.contains("src=\"//"))
      }
    }
    #expect(try server.stop() == 0)
  }

  @Test func pagesShowTheQueueAndTheBriefInBothLanguagesAndTheFormsRecordATouch() async throws {
    let shop = try Showroom()
    let server = try Server(shop)
    let (cookie, csrf) = try await server.login("alice")
    let queue = try await server.send("GET", "/?lang=en", cookie: cookie)
    #expect(queue.status == 200)
    #expect(queue.text.contains("王芳"))
    #expect(queue.text.contains("href=\"/leads/\(shop.aliceLead)\""))
    #expect(queue.text.contains("My queue"))
    #expect(queue.text.contains("name=\"viewport\" content=\"width=device-width"))
    #expect(!queue.text.contains("李雷"))
    let chinese = try await server.send("GET", "/?lang=zh-CN", cookie: cookie)
    #expect(chinese.text.contains("我的待办"))
    #expect(chinese.text.contains("<html lang=\"zh-CN\">"))

    let brief = try await server.send("GET", "/leads/\(shop.aliceLead)?lang=en", cookie: cookie)
    #expect(brief.status == 200)
    #expect(brief.text.contains("First contact"))
    #expect(brief.text.contains("tel:13812345678"))
    #expect(brief.text.contains("name=\"csrf_token\" value=\"\(csrf)\""))
    #expect(brief.text.contains("action=\"/leads/\(shop.aliceLead)/touches\""))
    #expect(brief.text.contains("action=\"/leads/\(shop.aliceLead)/stage\""))

    let posted = try await server.send(
      "POST", "/leads/\(shop.aliceLead)/touches",
      form:
        "csrf_token=\(csrf)&channel=wechat&outcome=reached&note=sent+the+brochure&bury=&bury_kind=other&next=2026-11-27T10%3A00",
      cookie: cookie)
    #expect(posted.status == 303)
    #expect(posted.header("Location")?.hasPrefix("/leads/\(shop.aliceLead)?done=touch&mark=") == true)
    let touches =
      try shop.coach(["lead", "show", shop.aliceLead, "--json", "--as", "alice"]).json()["touches"] as? [[String: Any]]
    #expect(touches?.first?["channel"] as? String == "wechat")
    #expect(touches?.first?["note"] as? String == "sent the brochure")
    let after = try await server.send("GET", "/?lang=en", cookie: cookie)
    #expect(!after.text.contains("href=\"/leads/\(shop.aliceLead)\""))

    let refused = try await server.send(
      "POST", "/leads/\(shop.aliceLead)/stage", form: "csrf_token=\(csrf)&stage=delivered", cookie: cookie)
    #expect(refused.status == 422)
    #expect(refused.text.contains("role=\"alert\""))
    #expect(try server.stop() == 0)
  }

  @Test func theLeadPagesHistoryNamesTheObjectionsHeardByTitleInBothLanguages() async throws {
    let shop = try Showroom()
    let id =
      try shop.coach([
        "lead", "add", "--name", "陈先生", "--phone", "13900001112", "--consultant", "alice", "--model", "X60", "--json",
        "--as", "boss",
      ])
      .json()["id"] as? String ?? ""
    let touch = ["touch", id, "--channel", "call", "--outcome", "reached", "--objection", "price_too_high"]
    #expect(try shop.coach(touch + ["--objection", "ask_family", "--as", "alice"]).status == 0)
    let server = try Server(shop)
    let (cookie, _) = try await server.login("alice")
    let zh = try await server.send("GET", "/leads/\(id)?lang=zh-CN", cookie: cookie)
    #expect(zh.text.contains("客户提出的异议：价格太贵、要和家人商量</li>"), "\(zh.text)")
    let en = try await server.send("GET", "/leads/\(id)?lang=en", cookie: cookie)
    #expect(en.text.contains("Objections heard: It&#39;s too expensive; I need to ask my family</li>"), "\(en.text)")
  }

  @Test func theLeadPageCarriesTheBriefsSellingPointsAndTheNamedCompetitorsLine() async throws {
    let shop = try Showroom()
    let id =
      try shop.coach([
        "lead", "add", "--name", "陈先生", "--phone", "13900001111", "--consultant", "alice", "--model", "X60",
        "--profile", "competitor=在对比远航S6", "--json", "--as", "boss",
      ])
      .json()["id"] as? String ?? ""
    let server = try Server(shop)
    let (cookie, _) = try await server.login("alice")
    let page = try await server.send("GET", "/leads/\(id)?lang=zh-CN", cookie: cookie)
    #expect(page.status == 200)
    #expect(page.text.contains("卖点") && page.text.contains("热销中型 SUV"))
    #expect(page.text.contains(" · 极光 X60 · alice</p>"), "the model by its name, as the brief says it")
    #expect(page.text.contains("远航 S6") && page.text.contains("别的车有现车是因为没人抢"))
    // The switch arguments on demand: the API answers coach switch --json, the page lists them.
    #expect(page.text.contains("href=\"/leads/\(id)/switch\""))
    let api = try await server.send("GET", "/api/v1/leads/\(id)/switch", cookie: cookie)
    #expect(api.status == 200)
    let cli = try shop.coach(["switch", id, "--json", "--as", "alice"])
    #expect(api.text == cli.stdout)
    let arguments = try cli.json()["switch"] as? [[String: Any]] ?? []
    #expect(!arguments.isEmpty, "an X60 prospect has switch arguments")
    let switchPage = try await server.send("GET", "/leads/\(id)/switch?lang=en", cookie: cookie)
    #expect(switchPage.status == 200)
    #expect(switchPage.text.contains("Switch arguments"))
    for a in arguments {
      #expect(switchPage.text.contains((a["text"] as? String ?? "?").replacingOccurrences(of: "'", with: "&#39;")))
    }
    let noModel = try await server.send("GET", "/api/v1/leads/\(shop.aliceLead)/switch", cookie: cookie)
    #expect(noModel.status == 422)
    #expect((try noModel.json()["error"] as? [String: String])?["code"] == "no_model")
  }

  @Test func theTouchFormOffersTheBriefsSwitchLeversAndRecordsThoseTicked() async throws {
    let shop = try Showroom()
    // An X60 waits 12 weeks: the brief argues a switch, and the touch form offers its levers to tick.
    let id =
      try shop.coach([
        "lead", "add", "--name", "陈先生", "--phone", "13900001111", "--consultant", "alice", "--model", "X60",
        "--json", "--as", "boss",
      ])
      .json()["id"] as? String ?? ""
    let offered = try #require(
      (try shop.coach(["next", "--lead", id, "--json", "--as", "alice"]).json()["brief"] as? [String: Any])?["switch"]
        as? [[String: Any]]
    ).compactMap { $0["lever"] as? String }
    #expect(!offered.isEmpty)
    let server = try Server(shop)
    let (cookie, csrf) = try await server.login("alice")
    let page = try await server.send("GET", "/leads/\(id)?lang=en", cookie: cookie)
    #expect(page.text.contains("Switch arguments you used"))
    for lever in offered { #expect(page.text.contains("name=\"lever\" value=\"\(lever)\"")) }
    let plain = try await server.send("GET", "/leads/\(shop.aliceLead)?lang=en", cookie: cookie)
    #expect(!plain.text.contains("name=\"lever\""))  // no switch argued for 王芳 (no model): nothing to tick
    let posted = try await server.send(
      "POST", "/leads/\(id)/touches",
      form: "csrf_token=\(csrf)&channel=call&outcome=reached&lever=\(offered[0])", cookie: cookie)
    #expect(posted.status == 303)
    let touches = try shop.coach(["lead", "show", id, "--json", "--as", "alice"]).json()["touches"] as? [[String: Any]]
    #expect(touches?.first?["levers"] as? [String] == [offered[0]])
    #expect(try server.stop() == 0)
  }

  @Test func theCalendarFeedListsTheFollowUpsWithoutPhonesAndAnUnknownTokenIs404() async throws {
    let shop = try Showroom()
    let first = try shop.coach(["user", "ics-token", "alice", "--as", "alice"]).stdout.trimmingCharacters(
      in: .whitespacesAndNewlines)
    #expect(first.hasPrefix("/ics/") && first.hasSuffix(".ics"))
    try shop.coach(["user", "ics-token", "bob", "--as", "alice"], expecting: 65)
    let server = try Server(shop)
    let feed = try await server.send("GET", first)
    #expect(feed.status == 200)
    #expect(feed.header("Content-Type")?.hasPrefix("text/calendar") == true)
    let ics = feed.text
    #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
    #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
    #expect(ics.components(separatedBy: "BEGIN:VEVENT").count == 2)
    #expect(ics.contains("SUMMARY:王芳 · First contact"))
    #expect(ics.contains("BEGIN:VALARM"))
    #expect(ics.contains("DTEND:"))
    #expect(!ics.contains("李雷"))
    #expect(!ics.contains("13812345678") && !ics.contains("5678"))
    // The event is the follow-up `coach next --lead` briefs: same action, same due time.
    let brief = try #require(
      try shop.coach(["next", "--json", "--as", "alice", "--lead", shop.aliceLead, "--limit", "0"]).json()["brief"]
        as? [String: Any])
    let due = try #require(ISO8601DateFormatter().date(from: brief["due_at"] as? String ?? ""))
    let action = try #require(brief["action"] as? String)
    #expect(ics.contains("UID:\(shop.aliceLead)-\(action)-\(Int(due.timeIntervalSince1970))@"))

    let second = try shop.coach(["user", "ics-token", "alice", "--as", "boss"]).stdout.trimmingCharacters(
      in: .whitespacesAndNewlines)
    #expect(second != first)
    #expect(try await server.send("GET", first).status == 404)
    #expect(try await server.send("GET", second).status == 200)
    #expect(try await server.send("GET", "/ics/\(String(repeating: "a", count: 64)).ics").status == 404)
    #expect(try await server.send("GET", "/ics/nonsense.ics").status == 404)
    let stored = try shop.strings("SELECT icsTokenHash FROM user WHERE icsTokenHash IS NOT NULL")
    #expect(stored.count == 1)
    #expect(!second.contains(stored[0]))
    #expect(try server.stop() == 0)
  }

  @Test func aChangedPasswordEndsTheSessionsAndLogoutEndsOne() async throws {
    let shop = try Showroom()
    let server = try Server(shop)
    let first = try await server.login("alice")
    let second = try await server.login("alice")
    #expect(
      try await server.send("POST", "/api/v1/logout", cookie: first.cookie, headers: ["X-CSRF-Token": first.csrf])
        .status == 204)
    #expect(try await server.send("GET", "/api/v1/next", cookie: first.cookie).status == 401)
    #expect(try await server.send("GET", "/api/v1/next", cookie: second.cookie).status == 200)
    try shop.coach(["user", "passwd", "alice", "--password-stdin", "--as", "alice"], stdin: "a new password 7\n")
    #expect(try await server.send("GET", "/api/v1/next", cookie: second.cookie).status == 401)
    #expect(
      try await server.send("POST", "/api/v1/login", json: ["user": "alice", "password": Showroom.password]).status
        == 401)
    _ = try await server.login("alice", password: "a new password 7")
    let hash = try shop.strings("SELECT passwordHash FROM user WHERE name = 'alice'").first
    #expect(hash?.hasPrefix("$2b$12$") == true)
    #expect(hash?.contains("a new password") == false)
    #expect(try server.stop() == 0)
  }

  @Test func passwdTakesOneLineFromStdinForAnAdminOrTheUserThemself() throws {
    let shop = try Showroom()
    try shop.coach(
      ["user", "passwd", "bob", "--password-stdin", "--as", "alice"], stdin: "long enough 123\n", expecting: 65)
    try shop.coach(["user", "passwd", "alice", "--password-stdin", "--as", "alice"], stdin: "short\n", expecting: 64)
    try shop.coach(["user", "passwd", "alice", "--as", "alice"], stdin: "long enough 123\n", expecting: 64)
    try shop.coach(
      ["user", "passwd", "nobody", "--password-stdin", "--as", "boss"], stdin: "long enough 123\n", expecting: 65)
    let before = try shop.strings("SELECT passwordHash FROM user WHERE name = 'bob'")
    try shop.coach(["user", "passwd", "bob", "--password-stdin", "--as", "boss"], stdin: "ends with a space \r\n")
    let after = try shop.strings("SELECT passwordHash FROM user WHERE name = 'bob'")
    #expect(after != before)
  }

  @Test func loginsAreRateLimitedPerUser() async throws {
    let shop = try Showroom()
    let server = try Server(shop)
    for _ in 0..<5 {
      #expect(
        try await server.send("POST", "/api/v1/login", json: ["user": "bob", "password": "guess guess"]).status == 401)
    }
    let limited = try await server.send("POST", "/api/v1/login", json: ["user": "bob", "password": Showroom.password])
    #expect(limited.status == 429)
    #expect((try limited.json()["error"] as? [String: String])?["code"] == "too_many_attempts")
    #expect(Int(limited.header("Retry-After") ?? "") ?? 0 > 0)
    #expect(
      try await server.send("POST", "/api/v1/login", json: ["user": "alice", "password": Showroom.password]).status
        == 200)
    #expect(try server.stop() == 0)
  }

  @Test func sessionsExpire() async throws {
    let shop = try Showroom()
    let server = try Server(shop, extra: ["--session-seconds", "1"])
    let (cookie, _) = try await server.login("alice")
    #expect(try await server.send("GET", "/api/v1/next", cookie: cookie).status == 200)
    try await Task.sleep(for: .milliseconds(1_300))
    #expect(try await server.send("GET", "/api/v1/next", cookie: cookie).status == 401)
    #expect(try server.stop() == 0)
  }

  @Test func sigtermStopsTheServerCleanlyAndItsLogCarriesNoPersonalData() async throws {
    let shop = try Showroom()
    let server = try Server(shop)
    let (cookie, csrf) = try await server.login("alice")
    _ = try await server.send("GET", "/leads/\(shop.aliceLead)", cookie: cookie)
    _ = try await server.send(
      "POST", "/api/v1/leads/\(shop.aliceLead)/touches",
      json: ["channel": "call", "outcome": "reached", "note": "私人备注"],
      cookie: cookie, headers: ["X-CSRF-Token": csrf])
    #expect(try server.stop() == 0)
    let log = server.log()
    #expect(log.contains("route=/api/v1/leads/{id}/touches"))
    for secret in ["alice", "王芳", "13812345678", "私人备注", cookie, csrf, Showroom.password] {
      #expect(!log.contains(secret), "the log holds \(secret)")
    }
  }

  @Test func aPortInUseOrAPlaybookThatDoesNotLoadIsRefusedWith65() async throws {
    let shop = try Showroom()
    let server = try Server(shop)
    let port = try #require(server.baseURL.port)
    let taken = try shop.coach(["serve", "--port", "\(port)"], expecting: 65)
    #expect(taken.stderr.contains("cannot listen on 127.0.0.1:\(port)"))
    #expect(taken.stdout.isEmpty)
    try shop.coach(
      ["serve", "--port", "0", "--playbooks", shop.dir.appendingPathComponent("none").path], expecting: 65)
    #expect(try server.stop() == 0)
  }

  @Test func touchesPostedAtTheSameTimeAreAllRecorded() async throws {
    let shop = try Showroom()
    let server = try Server(shop)
    let (cookie, csrf) = try await server.login("alice")
    let (clients, each) = (8, 15)
    let path = "/api/v1/leads/\(shop.aliceLead)/touches"
    let statuses = try await withThrowingTaskGroup(of: [Int].self) { group in
      for client in 0..<clients {
        group.addTask {
          var got: [Int] = []
          for n in 0..<each {
            let r = try await server.send(
              "POST", path, json: ["channel": "call", "outcome": "no_answer", "note": "client \(client) try \(n)"],
              cookie: cookie, headers: ["X-CSRF-Token": csrf])
            got.append(r.status)
          }
          return got
        }
      }
      return try await group.reduce(into: [Int]()) { $0 += $1 }
    }
    #expect(statuses.count == clients * each)
    #expect(statuses.allSatisfy { $0 == 201 })
    let touches =
      try shop.coach(["lead", "show", shop.aliceLead, "--json", "--as", "alice"]).json()["touches"] as? [Any]
    #expect(touches?.count == clients * each)
    #expect(try server.stop() == 0)
  }
}
