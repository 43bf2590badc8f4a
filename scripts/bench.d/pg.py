#!/usr/bin/env python3
"""`scripts/bench --engine postgres`: the 100k-lead data set on PostgreSQL beside SQLite, on one machine.

Starts a private PostgreSQL cluster with the server's default durability (fsync and synchronous commit on, unlike
the tests' cluster), unless COACH_BENCH_POSTGRES_URL names a server. Then:
- imports: `coach import leads` (100k rows) and `coach import touches` (2M rows in chunks) into an empty database on
  each engine, timed once each (whole processes, wall and CPU of coach; the server's CPU is not in it);
- reads: the SQLite bench database moved into a store of an empty group database with `coach migrate` (also timed),
  its answers checked equal to SQLite's, then `next`, `alerts --team` and the 30-day `audit` timed with hyperfine on
  both engines, as run.py times them on SQLite.
Replaces the `bench-postgres` block of docs/PERFORMANCE.md. With --size mature, the same on the mature data set
(a dealership three years in: half owners, a third lost; issue 17's mix) into the `bench-postgres-mature` block.

With --group: a dealer group of 50 stores (1M leads, 20M touches: each store 20,000 leads of the same kind as the
100k data set, generated with its own seed and prefix, imported into its own SQLite showroom and moved in by `coach
migrate`) beside the 100k showroom alone in a group database; `next` of a consultant with 2,500 leads timed on each
(issue 16: at 1M leads over 50 stores, no more than 1.5× its 100k time). Replaces the `bench-postgres-group` block.
"""

import argparse
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import run  # noqa: E402  (the data set and hyperfine helpers)

TARGETS = {"next": 60, "alerts": 200, "audit": 1500}
GROUP_STORES, STORE_LEADS = 50, 20_000


def timed(cmd):
  """Wall seconds and the child's CPU seconds of one process."""
  before = os.times()
  t0 = time.monotonic()
  subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
  wall = time.monotonic() - t0
  after = os.times()
  return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def fresh_db(admin_url, name):
  base = admin_url.rsplit("/", 1)[0]
  subprocess.run(["psql", admin_url, "-q", "-c", f"DROP DATABASE IF EXISTS {name}"], check=True)
  subprocess.run(["psql", admin_url, "-q", "-c", f"CREATE DATABASE {name}"], check=True)
  return f"{base}/{name}"


def main():
  p = argparse.ArgumentParser()
  p.add_argument("--bin", required=True)
  p.add_argument("--work", default="/tmp/coach-bench")
  p.add_argument("--runs", type=int, default=15)
  p.add_argument("--out", default=os.path.join(ROOT, "docs", "PERFORMANCE.md"))
  p.add_argument("--group", action="store_true", help="only the 50-store group against the 100k store")
  p.add_argument("--size", choices=("100k", "mature"), default="100k", help="the data set of the single-store bench")
  a = p.parse_args()
  if a.group and a.size != "100k":
    p.error("--group measures the 100k store beside the group; it takes no --size")
  os.environ.update(COACH_NOW="2026-11-24T09:00:00+08:00", COACH_TZ="Asia/Shanghai", COACH_LANG="zh-CN")
  cluster = None
  url = os.environ.get("COACH_BENCH_POSTGRES_URL")
  if not url:
    cluster = tempfile.mkdtemp(prefix="coach-bench-pg-")
    url = subprocess.run([os.path.join(ROOT, "scripts", "pg-cluster"), "start", cluster], check=True,
                         capture_output=True, text=True, env=dict(os.environ, PG_CLUSTER_DURABLE="1")).stdout.strip()
  try:
    (group_bench if a.group else bench)(a, url)
  finally:
    if cluster:
      subprocess.run([os.path.join(ROOT, "scripts", "pg-cluster"), "stop", cluster])
      shutil.rmtree(cluster, ignore_errors=True)


def bench(a, url):
  b = run.q(a.bin)
  load_before = open("/proc/loadavg").read().split()[:3]
  d, sqlite_db, info = run.build(a.bin, a.size, a.work, 2500)
  rows = []

  # Imports into an empty database on each engine.
  chunks = [os.path.join(d, c) for c in info["chunks"]]
  touches = sum(int(subprocess.run(["sh", "-c", f"tail -n +2 {run.q(c)} | wc -l"], capture_output=True,
                                   text=True).stdout) for c in chunks)
  imports = {}
  for engine in ("sqlite", "postgres"):
    if engine == "postgres":
      db = fresh_db(url, "coach_bench_import")
    else:
      db = os.path.join(d, "bench-pg-import.db")
      for f in (db, db + "-wal", db + "-shm"):
        if os.path.exists(f):
          os.remove(f)
    subprocess.run([a.bin, "user", "add", "总部", "--role", "admin", "--db", db], check=True, stdout=subprocess.DEVNULL)
    leads = timed([a.bin, "import", "leads", os.path.join(d, "leads.csv"), "--db", db, "--as", "总部"])
    t = [timed([a.bin, "import", "touches", c, "--db", db, "--as", "总部"]) for c in chunks]
    imports[engine] = (leads, (sum(x[0] for x in t), sum(x[1] for x in t)))
    print(f"[postgres bench] {engine} imports: leads {leads[0]:.2f} s, touches {imports[engine][1][0]:.2f} s",
          flush=True)
  n_leads = info["leads"]
  for kind, n, i in (("leads", n_leads, 0), ("touches", touches, 1)):
    pg, lite = imports["postgres"][i], imports["sqlite"][i]
    rows.append(dict(name=f"coach import {kind} ({n:,} rows)", pg=pg[0] * 1000, pg_cpu=pg[1] * 1000,
                     lite=lite[0] * 1000, rate=n / pg[0], target="≥ 150k rows/s", met=n / pg[0] >= 150_000))
  # The whole data set, as a dealership brings it in: its leads, then its touches (every file, one import each).
  whole = [sum(imports[e][i][k] for i in (0, 1)) for e in ("postgres", "sqlite") for k in (0, 1)]
  n_all = n_leads + touches
  rows.append(dict(name=f"coach import, the whole data set ({n_leads:,} leads + {touches:,} touches)",
                   pg=whole[0] * 1000, pg_cpu=whole[1] * 1000, lite=whole[2] * 1000, rate=n_all / whole[0],
                   target="≥ 150k rows/s", met=n_all / whole[0] >= 150_000))

  # The SQLite bench database moved into a store of a group database.
  group = fresh_db(url, "coach_bench_group")
  subprocess.run([a.bin, "user", "add", "集团", "--role", "group_admin", "--db", group], check=True,
                 stdout=subprocess.DEVNULL)
  subprocess.run([a.bin, "store", "add", "S01", "--db", group, "--as", "集团"], check=True, stdout=subprocess.DEVNULL)
  moved = timed([a.bin, "migrate", "--from", sqlite_db, "--db", group, "--store", "S01", "--as", "集团"])
  rows.append(dict(name=f"coach migrate (the {a.size} showroom into a store, {n_leads + touches:,}+ rows)",
                   pg=moved[0] * 1000, pg_cpu=moved[1] * 1000, lite=None, target="", met=None))
  print(f"[postgres bench] migrate: {moved[0]:.1f} s", flush=True)
  same = []
  for user, args in (("顾问001", ["next", "--json"]), ("经理1", ["alerts", "--team", "--json"])):
    x = subprocess.run([a.bin] + args + ["--db", sqlite_db, "--as", user], capture_output=True, text=True).stdout
    y = subprocess.run([a.bin] + args + ["--db", group, "--as", user], capture_output=True, text=True).stdout
    same.append(x == y)
  cases = [
    ("coach next (one consultant)", f"next --as 顾问001", "next"),
    ("coach alerts --team (team lead, 10 consultants)", f"alerts --team --as 经理1", "alerts"),
    ("coach audit (30 days, all)", f"audit --from 2026-10-26 --to 2026-11-24 --as 总部", "audit"),
  ]
  for name, args, target in cases:
    run.CPU.clear()
    ms = run.hyperfine([f"{b} {args} --db {run.q(group)}", f"{b} {args} --db {run.q(sqlite_db)}"], a.runs)
    rows.append(dict(name=name, pg=ms[0], pg_cpu=run.CPU[0], lite=ms[1], target=f"≤ {TARGETS[target]:,} ms",
                     met=ms[0] <= TARGETS[target]))
    print(f"[postgres bench] {name}: {ms}", flush=True)
  load_after = open("/proc/loadavg").read().split()[:3]
  write(a.out, rows, info, touches, same, load_before, load_after, a.size)


def store_showroom(bin_, work, k):
  """Store k of the group as its own SQLite showroom (cached in WORK/group/Snn): 20,000 leads (growing mix, 8
  consultants of 2,500 leads), 400,000 touches, the extra rows; its admin is 总部Snn, its team lead 经理Snn1."""
  code = "S%02d" % k
  d = os.path.join(work, "group", code)
  db = os.path.join(d, "coach.db")
  if os.path.exists(os.path.join(d, "done")):
    return code, db
  shutil.rmtree(d, ignore_errors=True)
  subprocess.run([os.path.join(HERE, "gen"), d, "--leads", str(STORE_LEADS), "--seed", str(20261124 + k),
                  "--prefix", code], check=True, stdout=subprocess.DEVNULL)
  admin = "总部" + code
  subprocess.run([bin_, "user", "add", admin, "--role", "admin", "--db", db], check=True, stdout=subprocess.DEVNULL)
  subprocess.run([bin_, "import", "leads", os.path.join(d, "leads.csv"), "--db", db, "--as", admin], check=True,
                 stdout=subprocess.DEVNULL)
  for c in sorted(f for f in os.listdir(d) if f.startswith("touches-")):
    subprocess.run([bin_, "import", "touches", os.path.join(d, c), "--db", db, "--as", admin], check=True,
                   stdout=subprocess.DEVNULL)
  subprocess.run(["sqlite3", db], stdin=open(os.path.join(d, "extra.sql")), check=True)
  subprocess.run(["sqlite3", db, "PRAGMA wal_checkpoint(TRUNCATE);"], check=True, stdout=subprocess.DEVNULL)
  open(os.path.join(d, "done"), "w").write("ok\n")
  return code, db


def group_bench(a, url):
  b = run.q(a.bin)
  load_before = open("/proc/loadavg").read().split()[:3]
  _, sqlite_db, info = run.build(a.bin, "100k", a.work, 2500)
  dbs = {}
  for name in ("coach_bench_one", "coach_bench_group50"):
    dbs[name] = fresh_db(url, name)
    subprocess.run([a.bin, "user", "add", "集团", "--role", "group_admin", "--db", dbs[name]], check=True,
                   stdout=subprocess.DEVNULL)
  one, group = dbs["coach_bench_one"], dbs["coach_bench_group50"]
  subprocess.run([a.bin, "store", "add", "S00", "--db", one, "--as", "集团"], check=True, stdout=subprocess.DEVNULL)
  moved = timed([a.bin, "migrate", "--from", sqlite_db, "--db", one, "--store", "S00", "--as", "集团"])
  print(f"[postgres group] the 100k showroom moved in: {moved[0]:.1f} s", flush=True)
  move_s = 0.0
  first = None
  for k in range(1, GROUP_STORES + 1):
    code, db = store_showroom(a.bin, a.work, k)
    first = first or db
    subprocess.run([a.bin, "store", "add", code, "--db", group, "--as", "集团"], check=True, stdout=subprocess.DEVNULL)
    w, _ = timed([a.bin, "migrate", "--from", db, "--db", group, "--store", code, "--as", "集团"])
    move_s += w
    print(f"[postgres group] {code} moved in: {w:.1f} s", flush=True)
  counts = {}
  for t in ("store", "lead", "touch", "\"user\""):
    counts[t.strip('"')] = int(subprocess.run(["psql", group, "-At", "-c", f"SELECT count(*) FROM {t}"],
                                              capture_output=True, text=True, check=True).stdout)
  who = "顾问S01001"
  x = subprocess.run([a.bin, "next", "--json", "--db", first, "--as", who], capture_output=True, text=True).stdout
  y = subprocess.run([a.bin, "next", "--json", "--db", group, "--as", who], capture_output=True, text=True).stdout
  same = x == y and x.strip() != ""
  run.CPU.clear()
  ms = run.hyperfine([f"{b} next --db {run.q(one)} --as 顾问001", f"{b} next --db {run.q(group)} --as {who}"], a.runs)
  cpu = list(run.CPU)
  run.CPU.clear()
  team = run.hyperfine([f"{b} alerts --team --db {run.q(one)} --as 经理1",
                        f"{b} alerts --team --db {run.q(group)} --as 经理S011"], a.runs)
  team_cpu = list(run.CPU)
  size = {n: int(subprocess.run(["psql", u, "-At", "-c", "SELECT pg_database_size(current_database()) / 1048576"],
                                capture_output=True, text=True, check=True).stdout) for n, u in dbs.items()}
  load_after = open("/proc/loadavg").read().split()[:3]
  growth = ms[1] / ms[0]
  server = subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout.strip()
  L = ["<!-- generated by scripts/bench --engine postgres --group -->",
       f"## A dealer group on PostgreSQL: {GROUP_STORES * STORE_LEADS:,} leads over {GROUP_STORES} stores (latest run)\n"]
  L.append(f"- Date: {datetime.datetime.now().astimezone().isoformat(timespec='minutes')}; {server}; a private "
           "cluster on this machine with the server's default durability, reached over loopback TCP; release build")
  L.append(f"- One store: the 100k data set ({info['leads']:,} leads, {info['consultants']} consultants) moved into "
           f"an empty group database ({size['coach_bench_one']:,} MB)")
  L.append(f"- The group: {counts['store']} stores, {counts['lead']:,} leads, {counts['touch']:,} touches, "
           f"{counts['user']:,} users ({size['coach_bench_group50']:,} MB); each store {STORE_LEADS:,} leads of the "
           f"same kind (own seed, 8 consultants of 2,500 leads), built as a SQLite showroom and moved in by `coach "
           f"migrate` ({move_s:.0f} s for the {GROUP_STORES})")
  L.append(f"- Same answers: `next --json` of {who} in the group and in store S01's own SQLite file: "
           f"{'yes' if same else '**no**'}")
  L.append(f"- Load average (1/5/15 min) before: {' '.join(load_before)}, after: {' '.join(load_after)}\n")
  L.append("| command | one store, 100k leads: ms (CPU) | 50 stores, 1M leads: ms (CPU) | growth | target | met |")
  L.append("|---|---:|---:|---:|---|---|")
  L.append(f"| coach next (a consultant with 2,500 leads) | {ms[0]:,.0f} ({cpu[0]:,.0f}) | {ms[1]:,.0f} ({cpu[1]:,.0f}) "
           f"| {growth:.2f}× | ≤ 1.5× | {'yes' if growth <= 1.5 else '**no**'} |")
  L.append(f"| coach alerts --team (a team lead, 10 consultants there, 8 here) | {team[0]:,.0f} ({team_cpu[0]:,.0f}) "
           f"| {team[1]:,.0f} ({team_cpu[1]:,.0f}) | {team[1] / team[0]:.2f}× | (information) | |")
  block = "\n".join(L) + "\n"
  replace_block(a.out, "bench-postgres-group", block)
  print(block)


def replace_block(path, name, block):
  start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
  text = open(path).read() if os.path.exists(path) else ""
  if start in text and end in text:
    text = text.split(start)[0] + start + "\n" + block + end + text.split(end)[1]
  else:
    text = text.rstrip("\n") + "\n\n" + start + "\n" + block + end + "\n"
  open(path, "w").write(text)


def write(path, rows, info, touches, same, load_before, load_after, size="100k"):
  server = subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout.strip()
  mature = size == "mature"
  L = [f"<!-- generated by scripts/bench --engine postgres{' --size mature' if mature else ''} -->",
       f"## PostgreSQL beside SQLite{', mature data' if mature else ''} (latest run)\n"]
  L.append(f"- Date: {datetime.datetime.now().astimezone().isoformat(timespec='minutes')}; {server}; a private "
           "cluster on this machine with the server's default durability (fsync, synchronous commit), reached over "
           "loopback TCP; release build of coach")
  L.append(f"- Data: the {size} data set ({info['leads']:,} leads, {touches:,} touches, {info['consultants']} "
           "consultants); reads on the SQLite bench database moved into one store of a group database by `coach "
           "migrate`")
  L.append(f"- Same answers on both engines (`next --json` of 顾问001, `alerts --team --json` of 经理1): "
           f"{'yes' if all(same) else '**no**'}")
  L.append(f"- Load average (1/5/15 min) before: {' '.join(load_before)}, after: {' '.join(load_after)}\n")
  L.append("| command | PostgreSQL ms | coach CPU ms | SQLite ms | ratio | rows/s | target | met |")
  L.append("|---|---:|---:|---:|---:|---:|---|---|")
  for r in rows:
    ratio = f"{r['pg'] / r['lite']:.1f}×" if r.get("lite") else ""
    rate = f"{r['rate']:,.0f}" if r.get("rate") else ""
    lite = f"{r['lite']:,.0f}" if r.get("lite") else ""
    met = "" if r["met"] is None else ("yes" if r["met"] else "**no**")
    L.append(f"| {r['name']} | {r['pg']:,.0f} | {r['pg_cpu']:,.0f} | {lite} | {ratio} | {rate} | {r['target']} | {met} |")
  block = "\n".join(L) + "\n"
  replace_block(path, "bench-postgres-mature" if mature else "bench-postgres", block)
  print(block)


if __name__ == "__main__":
  main()
