/// The pages' own words in both languages (the playbook's `labels.ui` gives actions, channels, stages …).
enum PageText {
  static let texts: [String: [String: String]] = [
    "en": [
      "app": "Coach", "login": "Log in", "user": "User", "password": "Password", "logout": "Log out",
      "queue": "My queue", "alerts": "Alerts", "audit": "Audit", "team": "Team", "mine": "Mine",
      "nothing_due": "Nothing is due now.", "nothing_overdue": "Nothing is overdue.",
      "due": "Due", "deadline": "Deadline", "overdue_days": "Days overdue", "reason": "Why", "action": "Action",
      "goal": "Goal", "channel": "Channel", "talking_points": "Talking points", "objections": "Likely objections",
      "switch": "Switch arguments", "draft": "Message draft", "warnings": "Warnings",
      "no_action": "No follow-up planned.",
      "call": "Call", "record_touch": "Record a touch", "outcome": "Outcome", "note": "Note",
      "bury": "Topic for next time", "bury_kind": "Kind", "resolve": "Resolved topics", "heard": "Objections heard",
      "next": "Next contact agreed", "save": "Save", "stage_change": "Change stage", "stage": "Stage",
      "churn_reason": "Reason (lost)", "amount": "Deposit amount", "model": "Model", "eta": "Promised delivery day",
      "delivery_date": "Delivery day", "history": "Recent touches", "open_topics": "Open topics",
      "consultant": "Consultant", "severity": "Severity", "escalated": "escalated", "from": "From", "to": "To", "show": "Show",
      "leads_open": "Open leads", "touches": "Touches", "on_time": "On time", "late": "Late", "missed": "Missed",
      "overdue_now": "Overdue now", "on_time_rate": "On-time rate", "callback_rate": "3-day callback",
      "total": "Team", "saved_touch": "Touch recorded.", "saved_stage": "Stage changed.", "error": "Not done",
      "back": "Back to my queue", "phone": "Phone", "wechat": "WeChat", "lead": "Lead", "language": "中文",
      "bad_login": "Wrong user or password.", "too_many": "Too many failed logins: wait a few minutes.",
      "none": "–", "model_keep": "(no change)",
    ],
    "zh-CN": [
      "app": "跟进教练", "login": "登录", "user": "用户", "password": "密码", "logout": "退出",
      "queue": "我的待办", "alerts": "逾期提醒", "audit": "跟进审计", "team": "团队", "mine": "我的",
      "nothing_due": "现在没有到期的跟进。", "nothing_overdue": "没有逾期的跟进。",
      "due": "到期", "deadline": "截止", "overdue_days": "逾期天数", "reason": "原因", "action": "动作",
      "goal": "目标", "channel": "方式", "talking_points": "话题", "objections": "可能的异议",
      "switch": "换车理由", "draft": "消息草稿", "warnings": "注意", "no_action": "暂无跟进计划。",
      "call": "拨打", "record_touch": "记录跟进", "outcome": "结果", "note": "备注",
      "bury": "下次话题（埋点）", "bury_kind": "类别", "resolve": "已解决的话题", "heard": "客户提出的异议",
      "next": "约定下次联系", "save": "保存", "stage_change": "变更阶段", "stage": "阶段",
      "churn_reason": "战败原因", "amount": "定金金额", "model": "车型", "eta": "承诺交车日",
      "delivery_date": "交车日", "history": "最近跟进", "open_topics": "未结话题",
      "consultant": "销售顾问", "severity": "严重度", "escalated": "已升级", "from": "从", "to": "到", "show": "查看",
      "leads_open": "在跟客户", "touches": "跟进次数", "on_time": "按时", "late": "迟到", "missed": "漏跟",
      "overdue_now": "当前逾期", "on_time_rate": "按时率", "callback_rate": "三日回访率",
      "total": "团队", "saved_touch": "跟进已记录。", "saved_stage": "阶段已变更。", "error": "未完成",
      "back": "返回我的待办", "phone": "电话", "wechat": "微信", "lead": "客户", "language": "English",
      "bad_login": "用户名或密码错误。", "too_many": "登录失败次数过多，请几分钟后再试。",
      "none": "–", "model_keep": "（不变）",
    ],
  ]

  static func text(_ key: String, _ language: String) -> String {
    texts[language]?[key] ?? texts["en"]?[key] ?? key
  }
}
