import GRDB

/// Every schema version of the coach database, in one place. Never edit a shipped migration: add one.
enum Migrations {
  static var migrator: DatabaseMigrator {
    var m = DatabaseMigrator()
    m.registerMigration("v1") { db in
      try db.create(table: "meta") { t in
        t.primaryKey("key", .text)
        t.column("value", .text).notNull()
      }
      try db.create(table: "user") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("name", .text).notNull().unique(onConflict: .abort)
        t.column("role", .text).notNull()
        t.column("team", .text)
        t.column("createdAt", .datetime).notNull()
      }
      try db.create(table: "customer") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("name", .text).notNull()
        t.column("phone", .text)
        t.column("wechat", .text)
        t.column("email", .text)
        t.column("gender", .text)
        t.column("birthday", .text)
        t.column("city", .text)
        t.column("createdAt", .datetime).notNull()
      }
      try db.create(index: "customer_on_phone", on: "customer", columns: ["phone"])
      try db.create(table: "lead") { t in
        t.autoIncrementedPrimaryKey("id")
        t.belongsTo("customer", onDelete: .restrict).notNull()
        t.column("externalId", .text).unique(onConflict: .abort)
        t.belongsTo("consultant", inTable: "user", onDelete: .restrict)
        t.column("source", .text)
        t.column("model", .text)
        t.column("grade", .text)
        t.column("tier", .text)
        t.column("stage", .text).notNull()
        t.column("createdAt", .datetime).notNull()
        t.column("updatedAt", .datetime).notNull()
      }
      try db.create(index: "lead_on_consultant_stage", on: "lead", columns: ["consultantId", "stage"])
      try db.create(table: "leadTag") { t in
        t.belongsTo("lead", onDelete: .cascade).notNull()
        t.column("tag", .text).notNull()
        t.primaryKey(["leadId", "tag"])
      }
      try db.create(table: "profileFact") { t in
        t.autoIncrementedPrimaryKey("id")
        t.belongsTo("customer", onDelete: .cascade).notNull()
        t.column("key", .text).notNull()
        t.column("value", .text).notNull()
        t.column("createdAt", .datetime).notNull()
      }
      try db.create(table: "stageEvent") { t in
        t.autoIncrementedPrimaryKey("id")
        t.belongsTo("lead", onDelete: .cascade).notNull()
        t.column("fromStage", .text)
        t.column("toStage", .text).notNull()
        t.column("at", .datetime).notNull()
        t.column("actor", .text)
        t.column("reason", .text)
        t.column("note", .text)
        t.column("amount", .double)
        t.column("model", .text)
        t.column("eta", .text)
        t.column("date", .text)
      }
      try db.create(index: "stageEvent_on_lead_at", on: "stageEvent", columns: ["leadId", "at"])
      try db.create(index: "stageEvent_on_to_at", on: "stageEvent", columns: ["toStage", "at"])
      try db.create(table: "touch") { t in
        t.autoIncrementedPrimaryKey("id")
        t.belongsTo("lead", onDelete: .cascade).notNull()
        t.column("at", .datetime).notNull()
        t.column("channel", .text).notNull()
        t.column("outcome", .text).notNull()
        t.column("note", .text)
        t.column("objections", .text)
        t.column("nextAt", .datetime)
        t.column("actor", .text)
      }
      try db.create(index: "touch_on_lead_at", on: "touch", columns: ["leadId", "at"])
      try db.create(table: "topic") { t in
        t.autoIncrementedPrimaryKey("id")
        t.belongsTo("lead", onDelete: .cascade).notNull()
        t.column("category", .text).notNull()
        t.column("text", .text).notNull()
        t.column("kind", .text).notNull()
        t.column("buriedAt", .datetime).notNull()
        t.column("buriedBy", .text)
        t.column("resolvedAt", .datetime)
        t.column("resolvedByTouch", .integer).references("touch", onDelete: .setNull)
      }
      try db.create(table: "exportLog") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("at", .datetime).notNull()
        t.column("actor", .text)
        t.column("what", .text).notNull()
        t.column("format", .text).notNull()
        t.column("rows", .integer).notNull()
        t.column("masked", .boolean).notNull()
        t.column("target", .text)
      }
    }
    // v2: who moved whose leads to whom (`coach lead reassign`).
    m.registerMigration("v2") { db in
      try db.create(table: "reassignLog") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("at", .datetime).notNull()
        t.column("actor", .text)
        t.column("fromUser", .text).notNull()
        t.column("toUser", .text).notNull()
        t.column("leads", .integer).notNull()
      }
    }
    // Hot reads (docs/PERFORMANCE.md): a lead's topics come in (leadId, buriedAt) order without a temporary
    // sort; a team's consultants are found by team. Foreign keys already have indexes (v1's belongsTo), and
    // Tests/CoachStoreTests/QueryPlanTests.swift keeps every hot read a search.
    m.registerMigration("v3") { db in  // perf-indexes
      try db.create(index: "topic_on_lead_buriedAt", on: "topic", columns: ["leadId", "buriedAt"], ifNotExists: true)
      try db.create(index: "user_on_team", on: "user", columns: ["team"], ifNotExists: true)
      // A lead's touches, every column the loader reads, contiguous in one index: touches are written in
      // time order, so reading one consultant's 50k touches through the table touched a page per touch.
      // It replaces both (leadId…) indexes of v1, so an import still maintains one index on touch.
      try db.create(
        index: "touch_by_lead", on: "touch",
        columns: ["leadId", "at", "channel", "outcome", "nextAt", "note", "objections", "actor"], ifNotExists: true)
      try db.drop(index: "touch_on_lead_at")
      try db.execute(sql: "DROP INDEX IF EXISTS touch_on_leadId")
    }
    // The dealership's deliveries by time with their model (COALESCE(event model, lead model)), for the sales
    // figures of switch arguments: counting them through stageEvent looked a lead up per delivery, a group-wide
    // cost in every brief (~80 ms at 1M leads). Kept by triggers, so every writer (commands, imports, demo,
    // restores of older files after migration) keeps it; `DeliveryTableTests` checks it against the join.
    // Deliveries (no table rebuilt: no global foreign-key scan).
    m.registerMigration("v4", foreignKeyChecks: .immediate) { db in
      try db.execute(
        sql: """
          CREATE TABLE delivery (
            eventId INTEGER PRIMARY KEY REFERENCES stageEvent(id) ON DELETE CASCADE,
            at DATETIME NOT NULL,
            model TEXT);
          CREATE INDEX delivery_on_at_model ON delivery(at, model);
          INSERT INTO delivery (eventId, at, model)
            \(deliveries);
          CREATE TRIGGER delivery_on_event AFTER INSERT ON stageEvent WHEN NEW.toStage = 'delivered'
          BEGIN
            INSERT INTO delivery (eventId, at, model)
              VALUES (NEW.id, NEW.at, COALESCE(NEW.model, (SELECT model FROM lead WHERE id = NEW.leadId)));
          END;
          CREATE TRIGGER delivery_on_event_change AFTER UPDATE OF at, model, toStage, leadId ON stageEvent
          BEGIN
            DELETE FROM delivery WHERE eventId = OLD.id;
            INSERT INTO delivery (eventId, at, model)
              SELECT NEW.id, NEW.at, COALESCE(NEW.model, (SELECT model FROM lead WHERE id = NEW.leadId))
              WHERE NEW.toStage = 'delivered';
          END;
          CREATE TRIGGER delivery_on_lead_model AFTER UPDATE OF model ON lead
          BEGIN
            UPDATE delivery SET model = COALESCE((SELECT e.model FROM stageEvent e WHERE e.id = delivery.eventId), NEW.model)
            WHERE eventId IN (SELECT id FROM stageEvent WHERE leadId = NEW.id AND toStage = 'delivered');
          END;
          """)
    }
    // Indexes that a longer index with the same first columns already serves (foreign-key checks and searches use
    // either), and `stageEvent_on_to_at`, which only the sales figures read before v4: each was one more B-tree to
    // write per imported lead (import leads 1.48 -> 1.19 s at 100k). `lead_on_consultantId` stays although
    // (consultantId, stage) starts with it: ranking reads a consultant's leads in id order and by id range, which
    // only (consultantId, rowid) gives without a sort. QueryPlanTests keep the hot reads index searches.
    m.registerMigration("v5", foreignKeyChecks: .immediate) { db in  // redundant indexes
      for index in [
        "leadTag_on_leadId",  // the primary key (leadId, tag)
        "stageEvent_on_leadId",  // stageEvent_on_lead_at (leadId, at)
        "topic_on_leadId",  // topic_on_lead_buriedAt (leadId, buriedAt)
        "stageEvent_on_to_at",  // read by nothing since v4
      ] {
        try db.execute(sql: "DROP INDEX IF EXISTS \(index)")
      }
    }
    // Each lead's last touch and last contact, kept by triggers on `touch` (every writer: commands, imports, demo,
    // restores of older files after migration). Ranking at `now` reads only these two of a lead's touches while
    // none lies at or after `now` (`LeadLoader.loadTouches`): one row range per lead instead of three searches of
    // the touch index, whose pages a team's 25k leads are spread over. `LastTouchTableTests` checks the table
    // against the touches after random writes; the order is the history's, (at, id). An import of touches drops
    // the insert trigger inside its own transaction, writes the rows of the leads it touched at the end and puts
    // the trigger back before committing (`TouchImportWriter`): run per row, the trigger cost 4 µs a touch.
    m.registerMigration("v6", foreignKeyChecks: .immediate) { db in  // last touches
      let columns = lastTouchColumns
      try db.execute(
        sql: """
          CREATE TABLE lastTouch (
            leadId INTEGER NOT NULL,
            kind INTEGER NOT NULL,  -- 0: the last touch; 1: the last contact (the customer reached or met)
            touchId INTEGER NOT NULL, at DATETIME NOT NULL, channel TEXT NOT NULL, outcome TEXT NOT NULL,
            nextAt DATETIME, objections TEXT, actor TEXT,
            PRIMARY KEY (leadId, kind)) WITHOUT ROWID;
          INSERT INTO lastTouch (\(columns))
            SELECT t.leadId, k.kind, t.id, t.at, t.channel, t.outcome, t.nextAt, t.objections, t.actor
            FROM lead l, (SELECT 0 AS kind UNION ALL SELECT 1) k
            JOIN touch t ON t.id = (SELECT id FROM touch WHERE leadId = l.id AND (k.kind = 0 OR \(lastTouchContact))
              ORDER BY at DESC, id DESC LIMIT 1);
          CREATE TRIGGER lastTouch_on_insert AFTER INSERT ON touch
          BEGIN
            INSERT INTO lastTouch (\(columns))
              SELECT NEW.leadId, k.kind, NEW.id, NEW.at, NEW.channel, NEW.outcome, NEW.nextAt, NEW.objections, NEW.actor
              FROM (SELECT 0 AS kind UNION ALL SELECT 1 WHERE NEW.\(lastTouchContact)) k WHERE 1
              ON CONFLICT (leadId, kind) DO UPDATE SET
                touchId = excluded.touchId, at = excluded.at, channel = excluded.channel, outcome = excluded.outcome,
                nextAt = excluded.nextAt, objections = excluded.objections, actor = excluded.actor
              WHERE excluded.at > lastTouch.at OR (excluded.at = lastTouch.at AND excluded.touchId > lastTouch.touchId);
          END;
          CREATE TRIGGER lastTouch_on_delete AFTER DELETE ON touch
          BEGIN
            DELETE FROM lastTouch WHERE leadId = OLD.leadId AND touchId = OLD.id;
            INSERT OR IGNORE INTO lastTouch (\(columns)) \(latestTouch(0, of: "OLD.leadId"));
            INSERT OR IGNORE INTO lastTouch (\(columns)) \(latestTouch(1, of: "OLD.leadId"));
          END;
          CREATE TRIGGER lastTouch_on_update AFTER UPDATE OF id, leadId, at, channel, outcome, nextAt, objections, actor
            ON touch
          BEGIN
            DELETE FROM lastTouch WHERE leadId IN (OLD.leadId, NEW.leadId);
            INSERT OR IGNORE INTO lastTouch (\(columns)) \(latestTouch(0, of: "OLD.leadId"));
            INSERT OR IGNORE INTO lastTouch (\(columns)) \(latestTouch(1, of: "OLD.leadId"));
            INSERT OR IGNORE INTO lastTouch (\(columns)) \(latestTouch(0, of: "NEW.leadId"));
            INSERT OR IGNORE INTO lastTouch (\(columns)) \(latestTouch(1, of: "NEW.leadId"));
          END;
          """)
    }
    // What customers actually said when they raised an objection (`coach touch --objection CODE --said TEXT`): the
    // matcher's examples from this showroom, and what a trainer reviews with `coach playbook objections --learned`.
    m.registerMigration("v-objection-said", foreignKeyChecks: .immediate) { db in
      try db.create(table: "objectionSaid") { t in
        t.autoIncrementedPrimaryKey("id")
        t.belongsTo("touch", onDelete: .cascade).notNull()
        t.column("code", .text).notNull()
        t.column("text", .text).notNull()
        t.column("at", .datetime).notNull()
      }
      try db.create(index: "objectionSaid_on_code", on: "objectionSaid", columns: ["code"])
    }
    // `coach serve`: a password (bcrypt) and a calendar-feed token (its SHA-256) per user, and the browser sessions
    // (the SHA-256 of each cookie; a changed password deletes the user's rows, which ends those sessions).
    m.registerMigration("v7-serve", foreignKeyChecks: .immediate) { db in
      try db.execute(
        sql: """
          ALTER TABLE user ADD COLUMN passwordHash TEXT;
          ALTER TABLE user ADD COLUMN passwordChangedAt DATETIME;
          ALTER TABLE user ADD COLUMN icsTokenHash TEXT;
          CREATE UNIQUE INDEX user_on_icsTokenHash ON user(icsTokenHash);
          CREATE TABLE webSession (
            tokenHash TEXT PRIMARY KEY NOT NULL,
            userId INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
            csrfToken TEXT NOT NULL,
            createdAt DATETIME NOT NULL,
            expiresAt DATETIME NOT NULL) WITHOUT ROWID;
          CREATE INDEX webSession_on_userId ON webSession(userId);
          """)
    }
    // `coach snooze`: holds on a lead's sales follow-ups until a day, with who set them, when and why; a lift
    // (`--clear`) is recorded on the row, never deleted, so that the audit counts every snooze set in its window.
    m.registerMigration("v8-snooze", foreignKeyChecks: .immediate) { db in
      try db.execute(
        sql: """
          CREATE TABLE snooze (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            leadId INTEGER NOT NULL REFERENCES lead(id) ON DELETE CASCADE,
            untilDay TEXT NOT NULL,
            reason TEXT NOT NULL,
            actor TEXT,
            at DATETIME NOT NULL,
            clearedAt DATETIME,
            clearedBy TEXT);
          CREATE INDEX snooze_on_leadId ON snooze(leadId);
          """)
    }
    // Each lead's follow-up as `next` last worked it out (`StoredFollowUp`), so that it reads an index
    // instead of replaying every lead: one row per lead, made with the lead. Every write to what the rules read (the
    // lead, its customer, tags, touches, stage events, topics, snoozes) clears the row by trigger, in the writer's
    // own transaction, and bumps `rev`; the readers work cleared rows out again and store them only where `rev` is
    // still the one they read (`AppDatabase.storeFollowUps`), so a write landing in between is never overwritten.
    // Times are seconds since 1970 (REAL): compared with `now`, never shown. An import of touches sets the touch
    // trigger aside as it does `lastTouch`'s, and clears the rows of the leads it touched at the end.
    m.registerMigration("v9-followup", foreignKeyChecks: .immediate) { db in
      try db.execute(
        sql: """
          CREATE TABLE followUp (
            leadId INTEGER PRIMARY KEY REFERENCES lead(id) ON DELETE CASCADE,
            rev INTEGER NOT NULL DEFAULT 0,
            playbook TEXT, asOf REAL, wakeAt REAL,
            code TEXT, dueAt REAL, deadline REAL, detail TEXT, bound REAL);
          INSERT INTO followUp (leadId) SELECT id FROM lead;
          CREATE TRIGGER followUp_on_lead_insert AFTER INSERT ON lead
          BEGIN
            INSERT OR IGNORE INTO followUp (leadId) VALUES (NEW.id);
          END;
          CREATE TRIGGER followUp_on_lead_update AFTER UPDATE ON lead
          BEGIN
            \(clearFollowUp("OLD.id")) \(clearFollowUp("NEW.id"))
          END;
          CREATE TRIGGER followUp_on_customer_update AFTER UPDATE ON customer
          BEGIN
            UPDATE followUp SET asOf = NULL, rev = rev + 1
              WHERE leadId IN (SELECT id FROM lead WHERE customerId IN (OLD.id, NEW.id));
          END;
          \(followUpTriggers)
          """)
    }
    // `coach touch --lever CODE`: the switch levers a consultant argued with on a touch, in the order given, so that
    // the audit can tell which preceded a deposit or a switch. A table of their own, not a column of `touch`: the
    // loader reads touches from the covering index `touch_by_lead` (v3), which a new column would leave; levers are
    // rare and read by lead (`touchLever_on_lead`).
    m.registerMigration("v10-lever", foreignKeyChecks: .immediate) { db in
      try db.execute(
        sql: """
          CREATE TABLE touchLever (
            touchId INTEGER NOT NULL REFERENCES touch(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            leadId INTEGER NOT NULL,
            lever TEXT NOT NULL,
            PRIMARY KEY (touchId, position)) WITHOUT ROWID;
          CREATE INDEX touchLever_on_lead ON touchLever(leadId, touchId, position, lever);
          """)
    }
    // Each stored follow-up carries its lead's consultant, kept by the lead triggers, and one index holds what a
    // reader of one consultant's queue compares: `next` (and each `coach serve` request) reads that consultant's
    // entries in index order instead of looking up 2,500 rows scattered across the table one by one. The due ones
    // are also kept highest bound first, so that the queue reads the few it needs from the top, unsorted.
    m.registerMigration("v11-followup-owner", foreignKeyChecks: .immediate) { db in
      try db.execute(
        sql: """
          ALTER TABLE followUp ADD COLUMN consultantId INTEGER;
          UPDATE followUp SET consultantId = (SELECT consultantId FROM lead WHERE lead.id = followUp.leadId);
          CREATE INDEX followUp_on_owner
            ON followUp(consultantId, playbook, asOf, wakeAt, code, dueAt, deadline, bound);
          CREATE INDEX followUp_due_on_owner
            ON followUp(consultantId, bound DESC, leadId, playbook, asOf, wakeAt, code, dueAt, deadline)
            WHERE code IS NOT NULL;
          DROP TRIGGER followUp_on_lead_insert;
          CREATE TRIGGER followUp_on_lead_insert AFTER INSERT ON lead
          BEGIN
            INSERT OR IGNORE INTO followUp (leadId, consultantId) VALUES (NEW.id, NEW.consultantId);
          END;
          DROP TRIGGER followUp_on_lead_update;
          CREATE TRIGGER followUp_on_lead_update AFTER UPDATE ON lead
          BEGIN
            \(clearFollowUp("OLD.id")) \(clearFollowUp("NEW.id"))
            UPDATE followUp SET consultantId = NEW.consultantId WHERE leadId = NEW.id;
          END;
          """)
    }
    // PostgreSQL's schema made the stored follow-ups' table (v9) without the triggers that keep it; this version
    // adds them there (`PostgresMigrations.followUpTriggers`). SQLite has had them since v9 (and keeps each row's
    // consultant since v11): nothing to do, and the same name keeps both engines' schema versions alike.
    m.registerMigration("v12-pg-followup", foreignKeyChecks: .immediate) { _ in }
    // Stores of a dealer group (`coach store add`): a user may belong to one; a lead belongs to its consultant's.
    // A database without stores is one showroom, as before. `movedRow` maps the rows `coach migrate` copied from a
    // showroom's database into a store to their ids here, so that running it again copies nothing twice.
    m.registerMigration("v13-store", foreignKeyChecks: .immediate) { db in
      try db.execute(
        sql: """
          CREATE TABLE store (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            createdAt DATETIME NOT NULL);
          ALTER TABLE user ADD COLUMN storeId INTEGER REFERENCES store(id) ON DELETE RESTRICT;
          CREATE INDEX user_on_store ON user(storeId, team);
          CREATE TABLE movedRow (
            storeId INTEGER NOT NULL REFERENCES store(id) ON DELETE CASCADE,
            tbl TEXT NOT NULL,
            sourceId INTEGER NOT NULL,
            targetId INTEGER NOT NULL,
            PRIMARY KEY (storeId, tbl, sourceId)) WITHOUT ROWID;
          """)
    }
    // Deliveries per UTC day and model, kept from `delivery` by trigger: the sales figures a brief argues a switch
    // with (the last 90 days against the 90 before) count whole days here and only the partial days at the windows'
    // edges in `delivery`. Counting `delivery` alone read every delivery of the half year: 6 ms at 100k leads,
    // 57 ms at 1M, the whole of `coach next`'s growth. `coach doctor` checks it with `delivery`.
    m.registerMigration("v14-delivery-day", foreignKeyChecks: .immediate) { db in
      try db.execute(
        sql: """
          CREATE TABLE deliveryDay (
            day TEXT NOT NULL,
            model TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (day, model)) WITHOUT ROWID;
          INSERT INTO deliveryDay (day, model, n) \(deliveryDays);
          CREATE TRIGGER deliveryDay_on_insert AFTER INSERT ON delivery WHEN NEW.model IS NOT NULL
          BEGIN \(countDelivery("NEW", 1)) END;
          CREATE TRIGGER deliveryDay_on_delete AFTER DELETE ON delivery WHEN OLD.model IS NOT NULL
          BEGIN \(countDelivery("OLD", -1)) END;
          CREATE TRIGGER deliveryDay_on_update AFTER UPDATE OF at, model ON delivery
          BEGIN
            \(countDelivery("OLD", -1, when: "OLD.model IS NOT NULL"))
            \(countDelivery("NEW", 1, when: "NEW.model IS NOT NULL"))
          END;
          """)
    }
    // The ways a consultant's stored follow-up stops holding, as index ranges (`AppDatabase.staleByOwner`): woken
    // (`wakeAt` passed) and a due answer that cannot be read back (a partial index, empty unless hand-made).
    // `followUp_on_owner` serves the other ways (fingerprint, cleared, made later). A due row keeps the lead's part
    // of the priority (`base`: rows made before have none, and are made again), so that the queue ranks held leads
    // from the due rows' index alone, which gains it and the detail (`heldDueFollowUps`; without the detail SQLite
    // sorted the consultant's rows found by another index).
    m.registerMigration("v15-followup-stale", foreignKeyChecks: .immediate) { db in
      try db.execute(sql: v15FollowUpStale)
    }
    // A number that every change of `deliveryDay` raises (its own triggers, so that the lead import's count at its
    // end, the doctor's rebuild and a hand edit raise it too): a server keeps the sales windows' whole-day sums while
    // it stays the same (`AppDatabase.salesStats`).
    m.registerMigration("v16-delivery-version", foreignKeyChecks: .immediate) { db in
      try db.execute(
        sql: """
          CREATE TABLE deliveryVersion (n INTEGER NOT NULL);
          INSERT INTO deliveryVersion (n) VALUES (0);
          CREATE TRIGGER deliveryVersion_on_insert AFTER INSERT ON deliveryDay
          BEGIN UPDATE deliveryVersion SET n = n + 1; END;
          CREATE TRIGGER deliveryVersion_on_update AFTER UPDATE ON deliveryDay
          BEGIN UPDATE deliveryVersion SET n = n + 1; END;
          CREATE TRIGGER deliveryVersion_on_delete AFTER DELETE ON deliveryDay
          BEGIN UPDATE deliveryVersion SET n = n + 1; END;
          """)
    }
    // PostgreSQL's touch index gains the touch's id (v17 there); SQLite's has it already (the rowid is in every
    // index). Named here so that both engines list the same versions.
    m.registerMigration("v17-touch-cover", foreignKeyChecks: .immediate) { _ in }
    // Users who left: deactivated by an admin, kept for their history (`coach user deactivate`).
    m.registerMigration("v18-user-deactivated", foreignKeyChecks: .immediate) { db in
      try db.execute(sql: "ALTER TABLE user ADD COLUMN deactivatedAt DATETIME")
    }
    // Each field a lead edit changes, before and after, who and when (`coach lead show`).
    m.registerMigration("v19-lead-edit", foreignKeyChecks: .immediate) { db in
      try db.execute(
        sql: """
          CREATE TABLE leadEdit (
            id INTEGER PRIMARY KEY AUTOINCREMENT, leadId INTEGER NOT NULL REFERENCES lead(id) ON DELETE CASCADE,
            at DATETIME NOT NULL, actor TEXT, field TEXT NOT NULL, oldValue TEXT, newValue TEXT);
          CREATE INDEX leadEdit_on_lead ON leadEdit(leadId, at);
          """)
    }
    return m
  }

  /// The codes of v15's `followUp_unreadable`: the rules' codes then, written out so that the index reads the same in
  /// every database (a binary with other codes makes its own index in a later version).
  static let v15Codes = [
    "delivery_late", "issue_7day", "callback_3day", "agreed_followup", "first_contact", "delivery_update", "birthday",
    "car_birthday", "holiday", "cadence_followup", "referral_ask", "winback",
  ]

  static let v15FollowUpStale = """
    ALTER TABLE followUp ADD COLUMN base REAL;
    CREATE INDEX followUp_wake_on_owner ON followUp(consultantId, playbook, wakeAt);
    DROP INDEX followUp_due_on_owner;
    CREATE INDEX followUp_due_on_owner
      ON followUp(consultantId, bound DESC, leadId, playbook, asOf, wakeAt, code, dueAt, deadline, detail, base)
      WHERE code IS NOT NULL;
    CREATE INDEX followUp_unreadable ON followUp(consultantId) WHERE \(AppDatabase.unreadable(column: "", codes: v15Codes));
    """

  /// The UTC day `deliveryDay` (v14) counts a stored time `at` (an SQL expression) in: its first ten characters.
  static func day(of at: String) -> String { "substr(\(at), 1, 10)" }

  /// The rows `deliveries` (a table or subquery with `at` and `model`) add to `deliveryDay` (v14): those with a
  /// model, counted per day and model.
  static func dayCounts(of deliveries: String) -> String {
    "SELECT \(day(of: "at")) AS day, model, COUNT(*) AS n FROM \(deliveries) WHERE model IS NOT NULL GROUP BY 1, 2"
  }

  /// Every row `deliveryDay` (v14) should hold: what v14 filled it with and what `coach doctor` compares it with.
  static let deliveryDays = dayCounts(of: "delivery")

  /// The trigger statements that count the delivery `row` (`NEW` or `OLD`) in `deliveryDay` by `delta`, when
  /// `condition` holds; a day and model whose count falls to 0 is removed.
  static func countDelivery(_ row: String, _ delta: Int, when condition: String = "1") -> String {
    let key = "\(day(of: "\(row).at")), \(row).model"
    return delta > 0
      ? """
      INSERT INTO deliveryDay (day, model, n) SELECT \(key), 1 WHERE \(condition)
        ON CONFLICT (day, model) DO UPDATE SET n = n + 1;
      """
      : """
      UPDATE deliveryDay SET n = n - 1 WHERE \(condition) AND (day, model) = (\(key));
      DELETE FROM deliveryDay WHERE \(condition) AND (day, model) = (\(key)) AND n <= 0;
      """
  }

  /// Every row `delivery` (v4) should hold, from the stage events and leads: what v4 filled it with, what its
  /// triggers keep, and what `coach doctor` checks and rebuilds (`DerivedTables`).
  /// (The triggers say the same of one event, `NEW`; the table's rows are keyed by event, `eventId`.)
  static let deliveries =
    "SELECT e.id, e.at, COALESCE(e.model, l.model) FROM stageEvent e JOIN lead l ON l.id = e.leadId"
    + " WHERE e.toStage = 'delivered'"

  /// Clears a lead's stored follow-up (v9): it is worked out again by the next reader.
  static func clearFollowUp(_ lead: String) -> String {
    "UPDATE followUp SET asOf = NULL, rev = rev + 1 WHERE leadId = \(lead);"
  }

  /// Clears the stored follow-ups of the leads `leads` (a query of lead ids) at once, as `clearFollowUp` clears one.
  static func clearFollowUps(in leads: String) -> String {
    "UPDATE followUp SET asOf = NULL, rev = rev + 1 WHERE leadId IN (\(leads));"
  }

  /// The tables of a lead's history whose rows clear its stored follow-up (v9) when written, and the name of the
  /// touch insert trigger that an import of touches sets aside.
  static let followUpSources = ["touch", "stageEvent", "topic", "snooze", "leadTag"]
  static let followUpTouchInsertTrigger = "followUp_on_touch_insert"

  static var followUpTriggers: String {
    followUpSources.map { table in
      """
      CREATE TRIGGER followUp_on_\(table)_insert AFTER INSERT ON \(table) BEGIN \(clearFollowUp("NEW.leadId")) END;
      CREATE TRIGGER followUp_on_\(table)_delete AFTER DELETE ON \(table) BEGIN \(clearFollowUp("OLD.leadId")) END;
      CREATE TRIGGER followUp_on_\(table)_update AFTER UPDATE ON \(table)
      BEGIN \(clearFollowUp("OLD.leadId")) \(clearFollowUp("NEW.leadId")) END;
      """
    }.joined(separator: "\n")
  }

  /// The id of the touch `latestTouch` reads: a query for one lead, to be used set-wise (`TouchImportWriter`).
  static func latestTouchID(_ kind: Int, of lead: String) -> String {
    "SELECT id FROM touch WHERE leadId = \(lead)\(kind == 1 ? " AND " + lastTouchContact : "") ORDER BY at DESC, id DESC LIMIT 1"
  }

  /// The outcomes that count as a contact in `lastTouch` (v6), as `Outcome.isContact` said when it shipped.
  static let contactOutcomes = ["reached", "visited"]
  static let lastTouchContact = "outcome IN (\(contactOutcomes.map { "'\($0)'" }.joined(separator: ", ")))"
  static let lastTouchColumns = "leadId, kind, touchId, at, channel, outcome, nextAt, objections, actor"

  /// The lead's last touch (kind 0) or last contact (kind 1) from its touches, in the history's order, as a row of
  /// `lastTouch` (v6): what its triggers keep, and what a touch import writes for the leads it touched.
  static func latestTouch(_ kind: Int, of lead: String) -> String {
    """
    SELECT leadId, \(kind), id, at, channel, outcome, nextAt, objections, actor FROM touch
      WHERE leadId = \(lead)\(kind == 1 ? " AND " + lastTouchContact : "") ORDER BY at DESC, id DESC LIMIT 1
    """
  }
}
