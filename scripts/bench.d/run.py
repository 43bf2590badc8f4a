#!/usr/bin/env python3
"""Build the bench datasets through `coach import`, time whole processes with hyperfine against their sqlite3
floors, and write docs/PERFORMANCE.md. Called by `scripts/bench` (which builds the release binary)."""

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ENV = dict(os.environ, COACH_NOW="2026-11-24T09:00:00+08:00", COACH_TZ="Asia/Shanghai", COACH_LANG="zh-CN")
for k in ("COACH_DB", "COACH_USER", "COACH_PLAYBOOKS"):
  ENV.pop(k, None)
SIZES = {"10k": 10_000, "100k": 100_000, "mature": 100_000, "1m": 1_000_000, "1m-mature": 1_000_000}
# The stage mix of each data set (gen --mix): "mature" is 100k leads of a dealership three years in, "1m-mature" a
# group ten times its size (issue 17's growth: one consultant's `next` and one team's alerts should not notice).
MIX = {"mature": "mature", "1m-mature": "mature"}
sys.path.insert(0, HERE)
import floors  # noqa: E402  (the sqlite3 floors and the targets)
import serve  # noqa: E402  (coach serve under wrk)


def sh(args, **kw):
  return subprocess.run(args, env=ENV, check=True, **kw)


def q(s):
  return "'" + s.replace("'", "'\\''") + "'"


def rss_mb(cmd):
  """Peak RSS of one run of `cmd` (a shell string), from /usr/bin/time."""
  r = subprocess.run(["/usr/bin/time", "-f", "%M", "sh", "-c", cmd + " >/dev/null"], env=ENV,
                     stderr=subprocess.PIPE, text=True)
  return int(r.stderr.strip().splitlines()[-1]) / 1024


def hyperfine(cmds, runs, prepare=None, warmup=1):
  """Median ms of each shell command (hyperfine subtracts the shell's own start-up)."""
  out = "/tmp/coach-bench-hf.json"
  args = ["hyperfine", "--style", "none", "--export-json", out, "--runs", str(runs)]
  args += ["--prepare", prepare] if prepare else ["--warmup", str(warmup)]
  sh(args + cmds, stdout=subprocess.DEVNULL)
  with open(out) as f:
    results = json.load(f)["results"]
  CPU.extend((r["user"] + r["system"]) * 1000 for r in results)
  return [r["median"] * 1000 for r in results]


CPU = []  # mean user+system ms of every hyperfine command, in order: contention inflates the median, not this


def build(bin_, size, work, per_consultant):
  d = os.path.join(work, size)
  db = os.path.join(d, "coach.db")
  stamp = os.path.join(d, "done")
  if os.path.exists(stamp):
    return d, db, json.load(open(stamp))
  shutil.rmtree(d, ignore_errors=True)
  gen = subprocess.run([os.path.join(HERE, "gen"), d, "--leads", str(SIZES[size]),
                        "--per-consultant", str(per_consultant), "--mix", MIX.get(size, "growing")],
                       check=True, capture_output=True, text=True)
  print(f"[{size}] {gen.stdout.strip()}", flush=True)
  base = os.path.join(d, "empty.db")
  sh([bin_, "user", "add", "总部", "--role", "admin", "--db", base], stdout=subprocess.DEVNULL)
  shutil.copy(base, db)
  info = {}
  t0 = datetime.datetime.now()
  sh([bin_, "import", "leads", os.path.join(d, "leads.csv"), "--db", db, "--as", "总部"], stdout=subprocess.DEVNULL)
  shutil.copy(db, os.path.join(d, "leads-only.db"))
  chunks = sorted(f for f in os.listdir(d) if f.startswith("touches-"))
  for c in chunks:
    sh([bin_, "import", "touches", os.path.join(d, c), "--db", db, "--as", "总部"], stdout=subprocess.DEVNULL)
  info["import_s"] = (datetime.datetime.now() - t0).total_seconds()
  sh(["sqlite3", db], stdin=open(os.path.join(d, "extra.sql")))
  sh(["sqlite3", db, "PRAGMA wal_checkpoint(TRUNCATE);"], stdout=subprocess.DEVNULL)
  info["chunks"] = chunks
  for k, sql in (("leads", "SELECT count(*) FROM lead"), ("touches", "SELECT count(*) FROM touch"),
                 ("topics", "SELECT count(*) FROM topic"), ("facts", "SELECT count(*) FROM profileFact"),
                 ("tags", "SELECT count(*) FROM leadTag"), ("consultants", "SELECT count(*) FROM user WHERE role='consultant'"),
                 ("mine", "SELECT count(*) FROM lead l JOIN user u ON u.id = l.consultantId WHERE u.name='顾问001'"),
                 ("team", "SELECT count(*) FROM lead l JOIN user u ON u.id = l.consultantId WHERE u.team='组1'"),
                 ("mb", "SELECT page_count * page_size / 1048576 FROM pragma_page_count, pragma_page_size")):
    info[k] = int(sh(["sqlite3", db, sql], capture_output=True, text=True).stdout.strip())
  json.dump(info, open(stamp, "w"))
  return d, db, info


def xlsx_case(bin_, work, runs):
  """A dealership's own 20k-row sheet (`scripts/make-xlsx-fixtures --rows`: Chinese headers, phones, dates, grades,
  stages and models as people type them; written by LibreOffice) imported into a fresh database in one command,
  against coach's import of the same rows as CSV."""
  d = os.path.join(work, "xlsx")
  n = 20_000
  xlsx, csv = os.path.join(d, f"dealership-{n}.xlsx"), os.path.join(d, f"dealership-{n}.csv")
  name = f"coach import leads .xlsx ({n:,} rows, Chinese headers, values as typed)"
  if not os.path.exists(xlsx):
    if shutil.which("soffice") is None:
      return dict(size="xlsx", name=name, ms=None, floor_ms=None, rss=None, target="xlsx",
                  note="pending: LibreOffice (soffice) not installed to write the sheet")
    subprocess.run([os.path.join(ROOT, "scripts", "make-xlsx-fixtures"), "--rows", str(n), d], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
  base = os.path.join(d, "empty.db")
  if not os.path.exists(base):
    sh([bin_, "user", "add", "总部", "--role", "admin", "--db", base], stdout=subprocess.DEVNULL)
  work_db = os.path.join(d, "bench-import.db")
  prep = f"cp {q(base)} {q(work_db)}; rm -f {q(work_db)}-wal {q(work_db)}-shm"
  cmd = f"{q(bin_)} import leads {q(xlsx)} --db {q(work_db)} --as 总部"
  floor = f"{q(bin_)} import leads {q(csv)} --db {q(work_db)} --as 总部"
  CPU.clear()
  ms = hyperfine([cmd, floor], runs, prepare=prep)
  subprocess.run(["sh", "-c", prep], check=True)
  rss = rss_mb(cmd)
  print(f"  import xlsx: {ms}", flush=True)
  return dict(size="xlsx", name=name, ms=ms[0], floor_ms=ms[1], rss=rss, target="xlsx", rows=n,
              floor="coach import leads of the same rows as CSV", cpu=CPU[0], floor_cpu=CPU[1])


def has_audit(bin_):
  """Whether `coach` has the audit subcommand (an unknown one followed by --help still exits 0)."""
  out = subprocess.run([bin_, "--help"], env=ENV, capture_output=True, text=True).stdout
  return any(line.split()[:1] == ["audit"] for line in out.splitlines())


def main():
  p = argparse.ArgumentParser()
  p.add_argument("--bin", required=True)
  p.add_argument("--work", default="/tmp/coach-bench")
  p.add_argument("--sizes", default="10k,100k,mature,xlsx")
  p.add_argument("--runs", type=int, default=15)
  p.add_argument("--import-runs", type=int, default=3)
  p.add_argument("--out", default=os.path.join(ROOT, "docs", "PERFORMANCE.md"))
  p.add_argument("--per-consultant", type=int, default=2500)
  p.add_argument("--serve-seconds", type=int, default=15, help="wrk's duration per path (0: no serve bench)")
  p.add_argument("--serve-only", action="store_true", help="only the serve bench, on the 100k data set")
  a = p.parse_args()
  if a.serve_only:
    run_serve(a)
    return
  b = q(a.bin)
  rows = []
  datasets = {}
  dbs = {}
  load_before = open("/proc/loadavg").read().split()[:3]
  for size in a.sizes.split(","):
    if size == "xlsx":
      print("[xlsx] timing", flush=True)
      rows.append(xlsx_case(a.bin, a.work, a.runs))
      continue
    d, db, info = build(a.bin, size, a.work, a.per_consultant)
    datasets[size] = info
    dbs[size] = db
    # A cached data set brought to this binary's schema and checkpointed before timing, as the imports' starting
    # files are: otherwise the first timed command migrates it (a warm-up run), and every run reads through the WAL
    # that left (the mature `next` measured 36 ms in such a run, 26 ms on the same file checkpointed).
    sh([a.bin, "user", "list", "--db", db, "--as", "总部"], stdout=subprocess.DEVNULL)
    sh(["sqlite3", db, "PRAGMA wal_checkpoint(TRUNCATE);"], stdout=subprocess.DEVNULL)
    D = "--db " + q(db)
    print(f"[{size}] timing", flush=True)
    cases = [("coach next (one consultant)", f"{b} next {D} --as 顾问001", floors.next_sql(db), "next")]
    if size == "1m-mature":
      cases.append(
        ("coach alerts --team (team lead, 10 consultants)", f"{b} alerts --team {D} --as 经理1", floors.alerts_sql(db, "组1"), "alerts"))
    if size in ("100k", "mature"):
      cases += [
        ("coach next --json (one consultant)", f"{b} next --json {D} --as 顾问001", None, "next"),
        ("coach alerts --team (team lead, 10 consultants)", f"{b} alerts --team {D} --as 经理1", floors.alerts_sql(db, "组1"), "alerts"),
        ("coach alerts --team (admin, all leads)", f"{b} alerts --team {D} --as 总部", floors.alerts_sql(db, None), "info"),
      ]
      audit = f"{b} audit --from 2026-10-26 --to 2026-11-24 {D} --as 总部"
      if has_audit(a.bin):
        cases.append(("coach audit (30 days, all)", audit, floors.audit_sql(db), "audit"))
      else:
        rows.append(dict(size=size, name="coach audit (30 days, all)", ms=None, floor_ms=None, rss=None,
                         target="audit", note="pending: `coach audit` not on main when this ran"))
    if size == "100k":  # the playbook commands do not depend on the data: timed once
      cases += [
        ("coach objection", f"{b} objection 等太久了不想等", f"{b} --help", "start"),
        ("coach playbook lint (bundled)", f"{b} playbook lint", f"{b} --help", "start"),
        ("coach models", f"{b} models", f"{b} --help", "start"),
      ]
    for name, cmd, floor, target in cases:
      CPU.clear()
      ms = hyperfine([cmd] + ([floor] if floor else []), a.runs)
      rows.append(dict(size=size, name=name, ms=ms[0], floor_ms=ms[1] if floor else None, rss=rss_mb(cmd),
                       target=target, floor=floors.describe(floor), cpu=CPU[0], floor_cpu=CPU[1] if floor else None))
      print(f"  {name}: {ms}", flush=True)
    if size in ("100k", "mature"):
      for kind, csvs, base in (("leads", ["leads.csv"], "empty.db"), ("touches", info["chunks"], "leads-only.db")):
        csv = os.path.join(d, csvs[0])
        work_db = os.path.join(d, "bench-import.db")
        n = int(sh(["sh", "-c", f"tail -n +2 {q(csv)} | wc -l"], capture_output=True, text=True).stdout)
        # The starting database brought to this binary's schema first (a cached data set may predate a migration):
        # the timed runs import, they do not migrate.
        start = os.path.join(d, base.replace(".db", "-now.db"))
        shutil.copy(os.path.join(d, base), start)
        for f in (start + "-wal", start + "-shm"):
          if os.path.exists(f):
            os.remove(f)
        sh([a.bin, "user", "list", "--db", start, "--as", "总部"], stdout=subprocess.DEVNULL)
        sh(["sqlite3", start, "PRAGMA wal_checkpoint(TRUNCATE);"], stdout=subprocess.DEVNULL)
        prep = f"cp {q(start)} {q(work_db)}; rm -f {q(work_db)}-wal {q(work_db)}-shm /tmp/coach-bench-floor.db"
        cmd = f"{b} import {kind} {q(csv)} --db {q(work_db)} --as 总部"
        floor = f"sqlite3 /tmp/coach-bench-floor.db '.import --csv {csv} t'"
        CPU.clear()
        ms = hyperfine([cmd, floor], a.import_runs, prepare=prep)
        subprocess.run(["sh", "-c", prep], check=True)
        rss = rss_mb(cmd)
        rows.append(dict(size=size, name=f"coach import {kind} ({n:,} rows)", ms=ms[0], floor_ms=ms[1], rss=rss,
                         target="import", rows=n, floor="sqlite3 .import of the same CSV", cpu=CPU[0], floor_cpu=CPU[1]))
        print(f"  import {kind}: {ms}", flush=True)
  # Growth of `next` from each data set to the one ten times its size, timed back to back in one hyperfine call
  # (the two rows above are minutes apart, between imports: 18 against 23 ms in one run, 18.6 against 19.3 ms back
  # to back on the same files).
  growth = {}
  for small, big in (("100k", "1m"), ("mature", "1m-mature")):
    if small in dbs and big in dbs:
      print(f"[growth] {small} → {big}", flush=True)
      CPU.clear()
      growth[big] = hyperfine([f"{b} next --db {q(dbs[small])} --as 顾问001", f"{b} next --db {q(dbs[big])} --as 顾问001"],
                              a.runs * 2, warmup=3)
  load_after = open("/proc/loadavg").read().split()[:3]
  floors.write(a.out, rows, datasets, load_before, load_after, growth=growth)
  if a.serve_seconds > 0 and "100k" in a.sizes.split(","):
    run_serve(a)


def run_serve(a):
  """`coach serve` on the 100k data set under wrk (issue 15's targets), into its own block of PERFORMANCE.md."""
  d, db, info = build(a.bin, "100k", a.work, a.per_consultant)
  print("[100k] coach serve under wrk", flush=True)
  before = open("/proc/loadavg").read().split()[:3]
  rows = serve.measure(a.bin, db, ENV, seconds=a.serve_seconds or 15)
  serve.write(a.out, "100k", info, rows, before, open("/proc/loadavg").read().split()[:3])


if __name__ == "__main__":
  main()
