#!/usr/bin/env python3
"""`coach serve` under load on loopback: wrk with 50 connections for a bounded time on the queue page and on
/api/v1/next as one consultant of a bench data set; p50/p90/p99, errors (socket errors and non-2xx answers),
the server's CPU per request and its peak RSS; then 20 sessions at once recording 100 touches each (all 2,000
must be in the database). Writes its own block of docs/PERFORMANCE.md. Called by run.py
(and by `scripts/bench --serve-only`)."""

import datetime
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import threading
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
USER = "顾问001"
PASSWORD = "bench-pass-1"
PATHS = [("queue page `/`", "/"), ("`/api/v1/next`", "/api/v1/next")]
TARGET = "p99 ≤ 100 ms, 0 errors, RSS ≤ 150 MB"


def _cpu_ms(pid):
  """User + system CPU time of a process so far, in ms (from /proc/PID/stat)."""
  fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
  return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def _hwm_mb(pid):
  for line in open(f"/proc/{pid}/status"):
    if line.startswith("VmHWM:"):
      return int(line.split()[1]) / 1024
  return None


def _wait_idle(pid, limit=180):
  """Waits (at most `limit` s) until the server has nearly stopped using CPU: requests wrk left queued are done."""
  deadline = time.monotonic() + limit
  while time.monotonic() < deadline:
    before = _cpu_ms(pid)
    time.sleep(0.5)
    if _cpu_ms(pid) - before < 50:
      return True
  return False


def _listening(proc, seconds):
  """The server's first stdout line, `listening on http://HOST:PORT`, within `seconds`."""
  deadline = time.monotonic() + seconds
  line = b""
  os.set_blocking(proc.stdout.fileno(), False)
  while time.monotonic() < deadline and not line.endswith(b"\n"):
    if proc.poll() is not None:
      raise RuntimeError(f"coach serve exited with {proc.returncode} before listening")
    chunk = proc.stdout.read(256) or b""
    line += chunk
    if not chunk:
      time.sleep(0.05)
  text = line.decode().strip()
  if not text.startswith("listening on "):
    raise RuntimeError(f"coach serve did not say where it listens within {seconds} s: {text!r}")
  return text[len("listening on "):]


def _login(url):
  req = urllib.request.Request(url + "/api/v1/login", method="POST",
                               data=json.dumps({"user": USER, "password": PASSWORD}).encode(),
                               headers={"Content-Type": "application/json"})
  with urllib.request.urlopen(req, timeout=60) as r:
    return r.headers["Set-Cookie"].split(";", 1)[0], json.loads(r.read())["csrf_token"]


def writers(url, leads, copy, clients=20, each=100, limit=300):
  """`clients` sessions at once, each recording `each` touches on leads of its own through the API; then counts
  what the database holds. Bounded: a request waits at most 60 s, the whole at most `limit` s."""
  sessions = [_login(url) for _ in range(clients)]
  failures = []
  deadline = time.monotonic() + limit

  def client(i):
    cookie, csrf = sessions[i]
    for j in range(each):
      if time.monotonic() > deadline:
        failures.append("out of time")
        return
      lead = leads[(i * each + j) % len(leads)]
      body = json.dumps({"channel": "call", "outcome": "no_answer", "note": f"bench-serve {i}-{j}"}).encode()
      req = urllib.request.Request(f"{url}/api/v1/leads/{lead}/touches", method="POST", data=body,
                                   headers={"Content-Type": "application/json", "Cookie": cookie,
                                            "X-CSRF-Token": csrf})
      try:
        with urllib.request.urlopen(req, timeout=60) as r:
          if r.status != 201:
            failures.append(r.status)
      except Exception as e:  # noqa: BLE001  (an HTTP error or a socket error: counted, not fatal)
        failures.append(getattr(e, "code", type(e).__name__))

  t0 = time.monotonic()
  threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
  for t in threads:
    t.start()
  for t in threads:
    t.join(timeout=max(1, deadline - time.monotonic() + 70))
  elapsed = time.monotonic() - t0
  con = sqlite3.connect(copy, timeout=30)
  present = con.execute("SELECT count(*) FROM touch WHERE note LIKE 'bench-serve %'").fetchone()[0]
  con.close()
  return dict(clients=clients, each=each, sent=clients * each, failed=len(failures), present=present,
              seconds=elapsed, per_s=clients * each / elapsed, kinds=sorted({str(f) for f in failures}))


def measure(bin_, db, env, seconds=15, connections=50, threads=2):
  """Runs the server on a copy of `db` and loads each path; returns one row per path."""
  copy = db + ".serve.db"
  for suffix in ("", "-wal", "-shm"):
    if os.path.exists(copy + suffix):
      os.remove(copy + suffix)
  shutil.copy(db, copy)
  subprocess.run([bin_, "user", "passwd", USER, "--password-stdin", "--db", copy, "--as", "总部"], env=env,
                 input=PASSWORD + "\n", text=True, check=True, stdout=subprocess.DEVNULL)
  server = subprocess.Popen([bin_, "serve", "--db", copy, "--port", "0"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
  rows = []
  try:
    url = _listening(server, 60)
    cookie, _ = _login(url)
    for name, path in PATHS:
      if not _wait_idle(server.pid):
        raise RuntimeError("the server stayed busy for 3 minutes after the previous load")
      one = urllib.request.Request(url + path, headers={"Cookie": cookie})
      t0 = time.monotonic()
      with urllib.request.urlopen(one, timeout=30) as r:  # warm-up, and the time of one request alone
        body = r.read()
        if r.status != 200:
          raise RuntimeError(f"{path}: {r.status}")
      alone_ms = (time.monotonic() - t0) * 1000
      cpu0 = _cpu_ms(server.pid)
      out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s",
         os.path.join(HERE, "wrk-report.lua"), "-H", f"Cookie: {cookie}", url + path],
        capture_output=True, text=True, timeout=seconds + 60, check=True).stdout
      _wait_idle(server.pid)  # the requests still queued when wrk stopped cost CPU too
      cpu = _cpu_ms(server.pid) - cpu0
      w = json.loads(next(l for l in out.splitlines() if l.startswith("WRK_JSON "))[len("WRK_JSON "):])
      errors = w["connect"] + w["read"] + w["write"] + w["status"] + w["timeout"]
      rows.append(dict(name=name, path=path, seconds=seconds, connections=connections, requests=w["requests"],
                       rps=w["requests"] / (w["duration_us"] / 1e6), p50=w["p50"] / 1000, p90=w["p90"] / 1000,
                       p99=w["p99"] / 1000, max=w["max"] / 1000, errors=errors, alone_ms=alone_ms,
                       cpu_per_request=cpu / w["requests"] if w["requests"] else None, bytes=len(body)))
      print(f"  serve {path}: {rows[-1]}", flush=True)
    _wait_idle(server.pid)
    leads = [l["id"] for l in json.loads(subprocess.run(
      [bin_, "lead", "list", "--json", "--db", copy, "--as", USER], env=env, capture_output=True, text=True,
      check=True).stdout)["leads"]]
    write = writers(url, leads, copy)
    print(f"  serve writers: {write}", flush=True)
    rss = _hwm_mb(server.pid)
    for r in rows:
      r["rss"] = rss
      r["writers"] = write
  finally:
    if server.poll() is None:
      server.send_signal(signal.SIGTERM)
      try:
        server.wait(timeout=30)
      except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    for suffix in ("", "-wal", "-shm"):
      if os.path.exists(copy + suffix):
        os.remove(copy + suffix)
  for r in rows:
    r["stopped"] = server.returncode
  return rows


def write(path, size, info, rows, load_before, load_after):
  """Replaces the `bench-serve` block of docs/PERFORMANCE.md with this run's table."""
  L = ["<!-- generated by scripts/bench (serve.py) -->", "## `coach serve` under load (latest run)\n"]
  L.append(f"- Date: {datetime.datetime.now().astimezone().isoformat(timespec='minutes')}; data set `{size}` "
           f"({info['leads']:,} leads, {info['touches']:,} touches), logged in as {USER} ({info['mine']:,} leads of "
           f"their own); release build, clock pinned as above")
  L.append(f"- Load: `wrk -t2 -c{rows[0]['connections'] if rows else 50} -d{rows[0]['seconds'] if rows else 0}s` on "
           "loopback, wrk itself on the same 2 cores; load average before "
           f"{' '.join(load_before)}, after {' '.join(load_after)} (other engineers' builds share the machine)")
  L.append(f"- Server stopped by SIGTERM with exit status {rows[0]['stopped'] if rows else '?'}; 'one alone' is a single request"
           " on the idle server before the load; CPU per request counts the server's CPU until it is idle again\n")
  L.append("| path | requests | req/s | one alone ms | p50 ms | p90 ms | p99 ms | max ms | errors | server CPU ms/request "
           "| server peak RSS MB | target | met |")
  L.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
  for r in rows:
    # No answer within the run is a failure, not a p99 of 0.
    ok = r["requests"] > 0 and r["p99"] <= 100 and r["errors"] == 0 and (r["rss"] or 0) <= 150
    cpu = "–" if r["cpu_per_request"] is None else f"{r['cpu_per_request']:,.1f}"
    L.append(f"| {r['name']} | {r['requests']:,} | {r['rps']:,.1f} | {r['alone_ms']:,.0f} | {r['p50']:,.0f} | "
             f"{r['p90']:,.0f} | {r['p99']:,.0f} | {r['max']:,.0f} | {r['errors']} | {cpu} | "
             f"{r['rss']:,.0f} | {TARGET} | {'yes' if ok else '**no**'} |")
  w = rows[0].get("writers") if rows else None
  if w:
    verdict = "yes" if w["present"] == w["sent"] and w["failed"] == 0 else "**no**"
    L.append(f"\nWriters at once: {w['clients']} sessions each recording {w['each']} touches through "
             f"`POST /api/v1/leads/ID/touches`: {w['sent']:,} sent in {w['seconds']:.1f} s ({w['per_s']:,.0f}/s), "
             f"{w['failed']} refused or failed{' (' + ', '.join(w['kinds']) + ')' if w['kinds'] else ''}, "
             f"{w['present']:,} in the database afterwards (target: all {w['sent']:,}: {verdict}).")
  block = "\n".join(L) + "\n"
  start, end = "<!-- bench-serve:start -->", "<!-- bench-serve:end -->"
  text = open(path).read() if os.path.exists(path) else "# Performance\n"
  if start in text and end in text:
    text = text.split(start)[0] + start + "\n" + block + end + text.split(end)[1]
  else:
    marker = "<!-- bench:end -->"
    cut = text.index(marker) + len(marker) if marker in text else len(text)
    text = text[:cut] + "\n\n" + start + "\n" + block + end + text[cut:]
  with open(path, "w") as f:
    f.write(text)
  print(block)
