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
    m.registerMigration("v4", foreignKeyChecks: .immediate) { db in  // deliveries (no table rebuilt: no global foreign-key scan)
      try db.execute(
        sql: """
          CREATE TABLE delivery (
            eventId INTEGER PRIMARY KEY REFERENCES stageEvent(id) ON DELETE CASCADE,
            at DATETIME NOT NULL,
            model TEXT);
          CREATE INDEX delivery_on_at_model ON delivery(at, model);
          INSERT INTO delivery (eventId, at, model)
            SELECT e.id, e.at, COALESCE(e.model, l.model) FROM stageEvent e JOIN lead l ON l.id = e.leadId
            WHERE e.toStage = 'delivered';
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
    return m
  }
}
