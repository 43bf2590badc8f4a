"""The browser half of scripts/browser-test: Selenium drives headless Chromium against a running `coach serve`.

Every check raises AssertionError with what was expected; every wait is bounded (WAIT seconds)."""

import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlparse

import icalendar

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

WAIT = 15


def browser(width, height):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--hide-scrollbars", "--force-device-scale-factor=1", f"--window-size={width},{height}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(10)
    driver.set_window_size(width, height)
    return driver


class Run:
    def __init__(self, args):
        self.url = args.url.rstrip("/")
        self.coach = args.coach
        self.password = args.password
        self.shots = args.screenshots
        self.checks = 0

    def check(self, ok, what):
        if not ok:
            raise AssertionError(what)
        self.checks += 1

    def cli(self, *args):
        out = subprocess.run([self.coach, *args, "--json"], capture_output=True, text=True, timeout=60, check=True)
        return json.loads(out.stdout)

    def open(self, d, path):
        d.get(self.url + path)
        WebDriverWait(d, WAIT).until(lambda x: x.execute_script("return document.readyState") == "complete")

    def path(self, d):
        u = urlparse(d.current_url)
        return u.path + (("?" + u.query) if u.query else "")

    def confirmed(self, d, path, done):
        """Whether the browser is on `path` with the confirmation `done`, as the server's redirect after a change
        gives it: `?done=…` signed for this session (`&mark=…`, DoneMark)."""
        u = urlparse(d.current_url)
        q = parse_qs(u.query)
        return u.path == path and q.get("done") == [done] and len(q.get("mark", [""])[0]) > 0

    def shot(self, d, name):
        if self.shots:
            height = d.execute_script("return Math.max(document.body.scrollHeight, 600)")
            width = d.get_window_size()["width"]
            d.set_window_size(width, min(height + 20, 6000))
            d.save_screenshot(os.path.join(self.shots, name + ".png"))
            d.set_window_size(width, 844 if width < 800 else 900)

    def fits(self, d, what):
        """Nothing but a table's own scroll box is wider than the window (a phone never scrolls sideways)."""
        wide = d.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        self.check(wide <= 0, f"{what}: the page is {wide} px wider than the {d.execute_script('return window.innerWidth')} px window")

    def login(self, d, user, language):
        self.open(d, f"/login?lang={language}")
        self.check(d.find_element(By.TAG_NAME, "html").get_attribute("lang") == language, f"login page in {language}")
        d.find_element(By.NAME, "user").send_keys(user)
        d.find_element(By.NAME, "password").send_keys(self.password)
        d.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]").click()
        WebDriverWait(d, WAIT).until(lambda x: self.path(x) == "/")

    def logout(self, d):
        d.find_element(By.CSS_SELECTOR, "form[action='/logout'] button").click()
        WebDriverWait(d, WAIT).until(lambda x: self.path(x).startswith("/login"))
        self.open(d, "/")
        self.check(self.path(d).startswith("/login"), "after logging out the queue sends the browser to /login")

    def queue_ids(self, d):
        return [a.get_attribute("href").rsplit("/", 1)[1] for a in d.find_elements(By.CSS_SELECTOR, "ol.cards li.card a")]

    def touches(self, lead, user):
        return self.cli("lead", "show", lead, "--as", user)["touches"]

    # MARK: - The consultant on a phone

    def consultant(self):
        d = browser(390, 844)
        try:
            for language in ("en", "zh-CN"):
                self.login(d, "李娜", language)
                self.check(d.execute_script("return window.innerWidth") <= 390, "a 390 px window")
                self.shot(d, f"queue-{language}-390")
                self.fits(d, "queue")
                self.logout(d)
            self.open(d, "/login?lang=zh-CN")
            self.shot(d, "login-zh-CN-390")
            self.open(d, "/login?lang=en")
            self.shot(d, "login-en-390")
            self.login(d, "李娜", "en")
            title = d.find_element(By.TAG_NAME, "h1").text
            self.check(title == "My queue", f"the queue's title, got {title!r}")
            before = self.queue_ids(d)
            cli = [e["lead_id"] for e in self.cli("next", "--as", "李娜", "--limit", "50")["queue"]]
            self.check(before and before == cli, f"the queue page lists coach next's leads in its order: {before} vs {cli}")

            d.find_elements(By.CSS_SELECTOR, "ol.cards li.card a")[0].click()
            lead = before[0]
            WebDriverWait(d, WAIT).until(lambda x: self.path(x) == f"/leads/{lead}")
            self.check(d.find_elements(By.CSS_SELECTOR, "section.brief"), "the lead page shows the brief")
            self.fits(d, "lead page")
            self.shot(d, "lead-en-390")
            count = len(self.touches(lead, "李娜"))

            # Without its token the form is refused and nothing is written.
            form = f"form[action='/leads/{lead}/touches']"
            d.execute_script(f"document.querySelector(\"{form} input[name=csrf_token]\").remove()")
            d.find_element(By.CSS_SELECTOR, f"{form} textarea[name=note]").send_keys("sent without the token")
            d.find_element(By.CSS_SELECTOR, f"{form} button[type=submit]").click()
            WebDriverWait(d, WAIT).until(EC.presence_of_element_located((By.CSS_SELECTOR, "p.error")))
            heading = d.find_element(By.TAG_NAME, "h1").text
            self.check("403" in heading, f"a touch without the CSRF token is refused with 403, the page says {heading!r}")
            self.check(d.find_elements(By.CSS_SELECTOR, "nav a[href='/account']"), "the refusal page has the user's navigation")
            self.check(len(self.touches(lead, "李娜")) == count, "the refused touch wrote nothing")

            # With it (the form as served), the touch is recorded and the queue changes.
            self.open(d, f"/leads/{lead}")
            Select(d.find_element(By.CSS_SELECTOR, f"{form} select[name=channel]")).select_by_value("wechat")
            Select(d.find_element(By.CSS_SELECTOR, f"{form} select[name=outcome]")).select_by_value("reached")
            d.find_element(By.CSS_SELECTOR, f"{form} textarea[name=note]").send_keys("browser test: asked about the ETA")
            d.find_element(By.CSS_SELECTOR, f"{form} input[name=bury]").send_keys("send the new delivery date")
            d.find_element(By.CSS_SELECTOR, f"{form} button[type=submit]").click()
            WebDriverWait(d, WAIT).until(lambda x: self.confirmed(x, f"/leads/{lead}", "touch"))
            self.check(d.find_elements(By.CSS_SELECTOR, "p.ok"), "the lead page confirms the touch")
            after_touches = self.touches(lead, "李娜")
            self.check(len(after_touches) == count + 1, "one touch more in the database")
            last = after_touches[-1]
            self.check(last.get("note") == "browser test: asked about the ETA" and last["channel"] == "wechat"
                       and last.get("actor") == "李娜", f"the touch as typed: {last}")
            self.open(d, "/")
            after = self.queue_ids(d)
            cli = [e["lead_id"] for e in self.cli("next", "--as", "李娜", "--limit", "50")["queue"]]
            self.check(after == cli, f"the queue page follows coach next after the touch: {after} vs {cli}")
            self.check(after != before, "the queue changed after the touch")

            # A snooze set with the lead page's form is recorded as coach snooze records it, and lifted with its button.
            held = after[0]
            self.open(d, f"/leads/{held}")
            snooze = f"form[action='/leads/{held}/snooze']"
            d.execute_script(f"document.querySelector(\"{snooze} input[name=until]\").value = '2026-11-30'")
            d.find_element(By.CSS_SELECTOR, f"{snooze} input[name=reason]").send_keys("browser test: abroad")
            d.find_element(By.CSS_SELECTOR, f"{snooze} button[type=submit]").click()
            WebDriverWait(d, WAIT).until(lambda x: self.confirmed(x, f"/leads/{held}", "snooze"))
            shown = self.cli("lead", "show", held, "--as", "李娜")
            self.check(shown.get("snoozed_until") == "2026-11-30" and shown.get("snooze_reason") == "browser test: abroad",
                       f"the snooze as typed: {shown.get('snoozed_until')} {shown.get('snooze_reason')}")
            lift = f"form[action='/leads/{held}/snooze/clear'] button[type=submit]"
            self.check(d.find_elements(By.CSS_SELECTOR, lift), "the lead page offers to lift the snooze")
            self.open(d, "/")
            cli = [e["lead_id"] for e in self.cli("next", "--as", "李娜", "--limit", "50")["queue"]]
            self.check(self.queue_ids(d) == cli, "the queue page follows coach next while the lead is snoozed")
            self.open(d, f"/leads/{held}")
            d.find_element(By.CSS_SELECTOR, lift).click()
            WebDriverWait(d, WAIT).until(lambda x: self.confirmed(x, f"/leads/{held}", "unsnooze"))
            self.check(self.cli("lead", "show", held, "--as", "李娜").get("snoozed_until") is None, "the snooze is lifted")

            # The objection search box answers as coach objection; the switch arguments as coach switch.
            said = {"en": "it is too expensive", "zh-CN": "太贵了，再便宜点"}
            for language in ("en", "zh-CN"):
                self.open(d, f"/objections?lang={language}")
                d.find_element(By.CSS_SELECTOR, "form[action='/objections'] input[name=q]").send_keys(said[language])
                d.find_element(By.CSS_SELECTOR, "form[action='/objections'] button[type=submit]").click()
                # The page before the search is already /objections?lang=…: wait for the answer's query and its cards.
                WebDriverWait(d, WAIT).until(lambda x: "q=" in self.path(x))
                WebDriverWait(d, WAIT).until(lambda x: x.find_elements(By.CSS_SELECTOR, "ol.cards li.card h2"))
                titles = [h.text for h in d.find_elements(By.CSS_SELECTOR, "ol.cards li.card h2")]
                cli = self.cli("objection", said[language], "--lang", language)["matches"]
                self.check(titles and titles[0].startswith(cli[0]["title"]), f"the search finds coach objection's first match: {titles} vs {cli[0]['title']}")
                self.fits(d, "objection search")
                self.shot(d, f"objections-{language}-390")
            models = [l for l in before if self.cli("lead", "show", l, "--as", "李娜").get("model")]
            if models:
                for language in ("en", "zh-CN"):
                    self.open(d, f"/leads/{models[0]}/switch?lang={language}")
                    cards = d.find_elements(By.CSS_SELECTOR, "ol.cards li.card")
                    cli = self.cli("switch", models[0], "--as", "李娜")["switch"]
                    self.check(len(cards) == len(cli), f"the switch page lists coach switch's {len(cli)} arguments, not {len(cards)}")
                    self.fits(d, "switch page")
                    self.shot(d, f"switch-{language}-390")
            for language in ("en", "zh-CN"):
                self.open(d, f"/leads/{lead}?lang={language}")
                self.shot(d, f"lead-{language}-390")
                self.open(d, f"/account?lang={language}")
                self.fits(d, "account page")
                self.shot(d, f"account-{language}-390")
            self.logout(d)
        finally:
            d.quit()

    # MARK: - The team lead and the admin on a desktop

    def desk(self):
        d = browser(1280, 900)
        try:
            self.login(d, "王经理", "en")
            self.open(d, "/alerts?team=1")
            rows = d.find_elements(By.CSS_SELECTOR, "ol.cards li.card")
            cli = self.cli("alerts", "--team", "--as", "王经理")["alerts"]
            self.check(len(rows) == len(cli), f"the team's alerts page lists {len(rows)}, coach alerts --team {len(cli)}")
            for language in ("en", "zh-CN"):
                self.open(d, f"/audit?from=2026-11-01&to=2026-11-24&lang={language}")
                table = d.find_elements(By.CSS_SELECTOR, "table tbody tr")
                audit = self.cli("audit", "--from", "2026-11-01", "--to", "2026-11-24", "--as", "王经理")
                self.check(len(table) == len(audit["consultants"]), f"one audit row per consultant ({language})")
                self.fits(d, "audit page")
                self.shot(d, f"audit-page-{language}-1280")
                d.find_element(By.CSS_SELECTOR, "a[href^='/audit/report?']").click()
                WebDriverWait(d, WAIT).until(lambda x: self.path(x).startswith("/audit/report?"))
                self.check(d.find_elements(By.CSS_SELECTOR, "svg"), "the audit report has its charts")
                self.check(d.find_elements(By.CSS_SELECTOR, "a[href^='#']"), "the audit report's figures link to their lists")
                self.fits(d, "audit report")
                self.open(d, f"/alerts?team=1&lang={language}")
                self.shot(d, f"alerts-team-{language}-1280")
            for language in ("en", "zh-CN"):
                self.open(d, f"/admin?lang={language}")
                self.check("403" in d.find_element(By.TAG_NAME, "h1").text, "a team lead is refused the admin page")
                self.check(d.find_elements(By.CSS_SELECTOR, "nav a[href='/audit']"), "the refusal has the team lead's navigation")
                self.shot(d, f"forbidden-{language}-1280")
            self.open(d, "/")
            self.logout(d)

            self.login(d, "周主任", "en")
            for language in ("en", "zh-CN"):
                self.open(d, f"/admin?lang={language}")
                names = [th.text for th in d.find_elements(By.CSS_SELECTOR, "table tbody th")]
                users = [u["name"] for u in self.cli("user", "list", "--as", "周主任")["users"]]
                self.check(names == users, f"the admin page lists the users: {names} vs {users}")
                self.fits(d, "admin page")
                self.shot(d, f"admin-{language}-1280")
            self.logout(d)
        finally:
            d.quit()


def calendar(run):
    """The calendar feed as a phone's calendar reads it, parsed by the `icalendar` package: every due follow-up of
    the consultant's queue is an event ending at its deadline, each with a reminder, none after 14 days, no phone."""
    path = subprocess.run([run.coach, "user", "ics-token", "李娜", "--as", "李娜"], capture_output=True, text=True,
                          timeout=60, check=True).stdout.strip().splitlines()[-1]
    run.check(path.startswith("/ics/") and path.endswith(".ics"), f"coach user ics-token prints /ics/TOKEN.ics: {path!r}")
    with urllib.request.urlopen(run.url + path, timeout=30) as r:
        run.check(r.headers["Content-Type"].startswith("text/calendar"), "the feed is text/calendar")
        raw = r.read()
    feed = icalendar.Calendar.from_ical(raw)
    events = list(feed.walk("VEVENT"))
    run.check(events, "the feed has events")
    now = datetime.datetime.fromisoformat(os.environ.get("COACH_NOW", "2026-11-24T09:00:00+08:00"))
    ends = {}
    for e in events:
        start, end = e.decoded("DTSTART"), e.decoded("DTEND")
        run.check(str(e.get("SUMMARY", "")).strip() != "" and start < end, f"an event with a summary and DTSTART < DTEND: {e}")
        run.check(start <= now + datetime.timedelta(days=14), f"an event within 14 days: {start}")
        run.check(any(a.get("ACTION") == "DISPLAY" and "TRIGGER" in a for a in e.walk("VALARM")), "each event has a VALARM")
        ends[str(e["UID"]).split("-", 1)[0]] = end
    queue = run.cli("next", "--as", "李娜", "--limit", "1000")["queue"]
    for entry in queue:
        deadline = datetime.datetime.fromisoformat(entry["deadline"])
        run.check(ends.get(entry["lead_id"]) == deadline,
                  f"lead {entry['lead_id']} of the queue is in the feed ending at its deadline {deadline}: {ends.get(entry['lead_id'])}")
    text = raw.decode()
    run.check(not re.search(r"1[3-9]\d{9}|1[3-9]\d\*{4}\d{4}", text), "no phone number in the feed")
    try:
        urllib.request.urlopen(run.url + "/ics/" + "0" * 64 + ".ics", timeout=30)
        run.check(False, "an unknown calendar token is refused")
    except urllib.error.HTTPError as e:
        run.check(e.code == 404, f"an unknown calendar token → 404, got {e.code}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--coach", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--screenshots")
    run = Run(parser.parse_args())
    try:
        run.consultant()
        run.desk()
        calendar(run)
    except AssertionError as e:
        print(f"browser-test: FAILED: {e}", file=sys.stderr)
        return 1
    print(f"browser-test: {run.checks} checks passed (390 px consultant, 1280 px team lead and admin, calendar feed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
