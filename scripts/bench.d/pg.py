#!/usr/bin/env python3
"""`scripts/bench --engine postgres`: the 100k-lead data set on PostgreSQL beside SQLite, on one machine.

Starts a private PostgreSQL cluster with the server's default durability (fsync and synchronous commit on, unlike
the tests' cluster), unless COACH_BENCH_POSTGRES_URL names a server. Then:
- imports: `coach import leads` (100k rows) and `coach import touches` (2M rows in chunks) into an empty database on
  each engine, timed once each (whole processes, wall and CPU of coach; the server's CPU is not in it);
- reads: the SQLite bench database moved into a store of an empty group database with `coach migrate` (also timed),
  its answers checked equal to SQLite's, then `next`, `alerts --team` and the 30-day `audit` timed with hyperfine on
  both engines, as run.py times them on SQLite.
Replaces the `bench-postgres` block of docs/PERFORMANCE.md.
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
  a = p.parse_args()
  os.environ.update(COACH_NOW="2026-11-24T09:00:00+08:00", COACH_TZ="Asia/Shanghai", COACH_LANG="zh-CN")
  cluster = None
  url = os.environ.get("COACH_BENCH_POSTGRES_URL")
  if not url:
    cluster = tempfile.mkdtemp(prefix="coach-bench-pg-")
    url = subprocess.run([os.path.join(ROOT, "scripts", "pg-cluster"), "start", cluster], check=True,
                         capture_output=True, text=True, env=dict(os.environ, PG_CLUSTER_DURABLE="1")).stdout.strip()
  try:
    bench(a, url)
  finally:
    if cluster:
      subprocess.run([os.path.join(ROOT, "scripts", "pg-cluster"), "stop", cluster])
      shutil.rmtree(cluster, ignore_errors=True)


def bench(a, url):
  b = run.q(a.bin)
  load_before = open("/proc/loadavg").read().split()[:3]
  d, sqlite_db, info = run.build(a.bin, "100k", a.work, 2500)
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

  # The SQLite bench database moved into a store of a group database.
  group = fresh_db(url, "coach_bench_group")
  subprocess.run([a.bin, "user", "add", "集团", "--role", "group_admin", "--db", group], check=True,
                 stdout=subprocess.DEVNULL)
  subprocess.run([a.bin, "store", "add", "S01", "--db", group, "--as", "集团"], check=True, stdout=subprocess.DEVNULL)
  moved = timed([a.bin, "migrate", "--from", sqlite_db, "--db", group, "--store", "S01", "--as", "集团"])
  rows.append(dict(name=f"coach migrate (the 100k showroom into a store, {n_leads + touches:,}+ rows)",
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
  write(a.out, rows, info, touches, same, load_before, load_after)


def write(path, rows, info, touches, same, load_before, load_after):
  server = subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout.strip()
  L = ["<!-- generated by scripts/bench --engine postgres -->", "## PostgreSQL beside SQLite (latest run)\n"]
  L.append(f"- Date: {datetime.datetime.now().astimezone().isoformat(timespec='minutes')}; {server}; a private "
           "cluster on this machine with the server's default durability (fsync, synchronous commit), reached over "
           "loopback TCP; release build of coach")
  L.append(f"- Data: the 100k data set ({info['leads']:,} leads, {touches:,} touches, {info['consultants']} "
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
  start, end = "<!-- bench-postgres:start -->", "<!-- bench-postgres:end -->"
  text = open(path).read() if os.path.exists(path) else ""
  if start in text and end in text:
    text = text.split(start)[0] + start + "\n" + block + end + text.split(end)[1]
  else:
    text = text.rstrip("\n") + "\n\n" + start + "\n" + block + end + "\n"
  open(path, "w").write(text)
  print(block)


if __name__ == "__main__":
  main()
