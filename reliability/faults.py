#!/usr/bin/env python3
"""The fault-injection suite's driver (started by reliability/run.sh, which starts the stack first).

Puts the running stack under concurrent load (commands with Idempotency-Keys, retried as a client should:
the same key again after 503 + Retry-After, a refused connection or a timeout), injects the faults, and
afterwards checks every service's event store and read models against the log of every command sent and its
answer. Outcomes in Jepsen's terms, per logical command (one Idempotency-Key):
  acknowledged-and-lost  a 2xx answer, but no event with its key in the service's store (or not in a read model)
  duplicated             the key's effect recorded twice (two streams, or an event type twice), or an event
                         delivered twice to a webhook, or a scheduler tick recorded twice
  unexpected             an event carrying a key of this run that was never sent
  recovered              never acknowledged (timeouts, 503s until the client gave up), yet recorded: the client
                         may learn it by sending the same key again
Standard library only. Loopback only; every loop is bounded.
"""
import argparse
import datetime
import hashlib
import http.server
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter, defaultdict

SERVICES = ["agreement", "subprocessor", "breach", "audit", "reporting"]
PORTS = {s: int(os.environ.get(f"DPA_{s.upper()}_PORT", 8081 + i)) for i, s in enumerate(SERVICES)}
STEP = int(os.environ.get("DPA_INSTANCE_PORT_STEP", "10"))
PREFIX = os.environ.get("DPA_DB_PREFIX", "dpa")
KEYCLOAK = f"http://127.0.0.1:{os.environ.get('DPA_KEYCLOAK_PORT', '8180')}/realms/dpa/protocol/openid-connect/token"
CONVERGENCE_TARGET_S = 30
RECEIVER_PORT = int(os.environ.get("RELI_RECEIVER_PORT", "19999"))


def now():
    return time.time()


def say(msg):
    print(f"[{datetime.datetime.now().strftime('%H:%M:%S')}] {msg}", flush=True)


# ---- the stack --------------------------------------------------------------------------------------------

class Stack:
    def __init__(self, root, run, pg_bin, pg_port):
        self.root, self.run, self.pg_bin, self.pg_port = root, run, pg_bin, pg_port
        self.pids = os.path.join(os.environ["DPA_HOME"], "pids")
        self.instances = {s: [1] for s in SERVICES}  # instances serving load
        self.lock = threading.Lock()

    def url(self, service, instance=1):
        return f"http://127.0.0.1:{PORTS[service] + STEP * (instance - 1)}"

    def any_url(self, service):
        with self.lock:
            return self.url(service, random.choice(self.instances[service]))

    def pid(self, name):
        with open(os.path.join(self.pids, f"{name}.pid")) as f:
            return int(f.read().strip())

    def kill9(self, name):
        pid = self.pid(name)
        os.kill(pid, signal.SIGKILL)
        for _ in range(100):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.1)
        raise RuntimeError(f"{name} (pid {pid}) survived SIGKILL")

    def start(self, part, instance=1):
        out = subprocess.run([os.path.join(self.root, "dpa"), "start", part, str(instance)],
                             capture_output=True, text=True, timeout=300)
        if out.returncode != 0:
            raise RuntimeError(f"./dpa start {part} {instance} failed: {out.stdout}{out.stderr}")

    def pg_ctl(self, *args):
        subprocess.run(["runuser", "-u", "postgres", "--", os.path.join(self.pg_bin, "pg_ctl"), "-D",
                        os.path.join(self.run, "pg"), *args], check=True, capture_output=True, timeout=120)

    def pg_stop_immediate(self):
        self.pg_ctl("-m", "immediate", "-w", "stop")

    def pg_start(self):
        self.pg_ctl("-l", os.path.join(self.run, "pg-socket", "pg.log"), "-w", "-o",
                    f"-p {self.pg_port} -c listen_addresses=127.0.0.1 -k {os.path.join(self.run, 'pg-socket')} "
                    f"-c max_connections=300", "start")

    def sql(self, service, query):
        """Rows of a query in a service's database, each a parsed JSON value (the query selects one json column)."""
        # The query on stdin: a list of thousands of stream ids is longer than a command line may be.
        out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(self.pg_port), "-U", "postgres", "-d",
                              f"{PREFIX}_{service}", "-At", "-v", "ON_ERROR_STOP=1"], input=query + ";\n",
                             capture_output=True, text=True, timeout=300)
        if out.returncode != 0:
            raise RuntimeError(f"psql {service}: {out.stderr}")
        return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


# ---- HTTP -------------------------------------------------------------------------------------------------

class Tokens:
    def __init__(self):
        self.cache = {}
        self.lock = threading.Lock()

    def get(self, user):
        with self.lock:
            token, at = self.cache.get(user, (None, 0))
            if token and now() - at < 60:
                return token
        data = f"grant_type=password&client_id=dpa-cli&username={user}&password=demo".encode()
        for attempt in range(60):
            try:
                with urllib.request.urlopen(urllib.request.Request(KEYCLOAK, data=data), timeout=10) as r:
                    token = json.load(r)["access_token"]
                    break
            except (urllib.error.URLError, OSError):
                time.sleep(1)
        else:
            raise RuntimeError(f"no token for {user}")
        with self.lock:
            self.cache[user] = (token, now())
        return token


def call(method, url, token=None, body=None, headers=None, timeout=10):
    """(status, headers, parsed body or text, error); status 0 when no answer came."""
    h = {"Content-Type": "application/json", **(headers or {})}
    if token:
        h["Authorization"] = f"Bearer {token}"
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers=h)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            text = r.read().decode()
            return r.status, dict(r.headers), parse(text), None
    except urllib.error.HTTPError as e:
        text = e.read().decode(errors="replace")
        return e.code, dict(e.headers), parse(text), None
    except Exception as e:  # refused, reset, timeout: no answer
        return 0, {}, None, f"{type(e).__name__}: {e}"


def parse(text):
    try:
        return json.loads(text) if text else None
    except ValueError:
        return text


# ---- the load ---------------------------------------------------------------------------------------------

def day(days):
    return (datetime.date.today() + datetime.timedelta(days=days)).isoformat()


def instant(hours):
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M:%SZ")


class Load:
    """Workers sending commands; each logical command is one Idempotency-Key, retried until an answer or 180 s."""

    GIVE_UP_S = 180

    def __init__(self, stack, tokens, agreement, demo_agreement, run_id, log_path, workers, rate):
        self.stack, self.tokens, self.agreement, self.demo = stack, tokens, agreement, demo_agreement
        self.run_id, self.workers = run_id, workers
        self.interval = 1.0 / rate if rate > 0 else 0.0  # between new commands, over all workers (retries not paced)
        self.next_slot = 0.0
        self.pace_lock = threading.Lock()
        self.log = open(log_path, "a")
        self.log_lock = threading.Lock()
        self.ops = []  # every logical command: dict(kind, service, key, outcome, id, acked_at, phase)
        self.ops_lock = threading.Lock()
        self.running = threading.Event()
        self.threads = []
        self.counter = 0
        self.phase = "setup"
        self.statuses = defaultdict(Counter)  # phase → answers (HTTP status or 'no answer')
        self.no_retry_after = Counter()       # phase → 503 answers without Retry-After

    def kinds(self):
        a = self.agreement
        return [
            ("agreement.create", "agreement", "opwijk-dpo", "/agreements", lambda k: self.demo),
            ("breach.report", "breach", "esn-staff", f"/agreements/{a}/breaches", lambda k: {
                "processorAwareAt": instant(-1), "description": f"Reliability run {k}: a laptop was stolen",
                "circumstances": ["A"]}),
            ("evidence.add", "audit", "esn-staff", f"/agreements/{a}/evidence", lambda k: {
                "kind": "CERTIFICATION", "content": {"title": f"ISO/IEC 27001 {k}", "issuer": "BSI Group",
                                                     "scope": "Hosting platform", "effectiveOn": day(-300),
                                                     "validUntil": day(20)}}),
            ("change.announce", "subprocessor", "esn-staff", f"/agreements/{a}/subprocessor-changes", lambda k: {
                "kind": "ADD", "subprocessor": {"name": f"Reliability {k} BV", "headOffice": "Gent", "country": "BE"},
                "intendedFrom": day(45), "reason": "Reliability run"}),
        ]

    def start(self):
        self.running.set()
        for i in range(self.workers):
            t = threading.Thread(target=self.worker, args=(i,), daemon=True)
            t.start()
            self.threads.append(t)

    def stop(self):
        self.running.clear()
        for t in self.threads:
            t.join(timeout=self.GIVE_UP_S + 30)
        self.threads = []

    def worker(self, i):
        kinds = self.kinds()
        rnd = random.Random(i)
        while self.running.is_set():
            self.pace()
            if self.running.is_set():
                self.one(rnd.choice(kinds))

    def pace(self):
        """Waits for the next slot of the fixed rate (--rate commands a second; 0: as fast as answers come)."""
        if not self.interval:
            return
        with self.pace_lock:
            slot = max(self.next_slot, now())
            self.next_slot = slot + self.interval
        time.sleep(max(0.0, slot - now()))

    def record(self, entry):
        with self.log_lock:
            self.log.write(json.dumps(entry) + "\n")
            self.log.flush()

    def one(self, kind):
        name, service, user, path, body_of = kind
        with self.ops_lock:
            self.counter += 1
            key = f"reli-{self.run_id}-{self.counter}"
        op = {"kind": name, "service": service, "key": key, "outcome": "indeterminate", "id": None,
              "sent_at": now(), "acked_at": None, "phase": self.phase}
        with self.ops_lock:
            self.ops.append(op)
        body = body_of(key)
        deadline = now() + self.GIVE_UP_S
        attempt = 0
        while now() < deadline:
            attempt += 1
            url = self.stack.any_url(service) + path
            phase = self.phase
            status, headers, answer, error = call("POST", url, self.tokens.get(user), body, {"Idempotency-Key": key})
            self.statuses[phase][status or "no answer"] += 1
            retry_after = headers.get("Retry-After") or headers.get("retry-after")
            if status == 503 and not retry_after:
                self.no_retry_after[phase] += 1
            self.record({"t": now(), "phase": phase, "op": name, "key": key, "attempt": attempt, "url": url,
                         "status": status, "retryAfter": retry_after, "error": error,
                         "id": answer.get("id") if isinstance(answer, dict) else None,
                         "problem": answer.get("type") if isinstance(answer, dict) and status >= 400 else None})
            if 200 <= status < 300:
                op.update(outcome="acknowledged", id=answer.get("id"), acked_at=now())
                return
            if 400 <= status < 500:
                op.update(outcome="refused", problem=answer)
                return
            # 503 (wait as told), another 5xx, or no answer: the same request again with the same key
            wait = min(float(retry_after), 10.0) if retry_after and retry_after.isdigit() else 1.0
            time.sleep(wait)
        op["outcome"] = "indeterminate"

    def acked(self, before=None):
        with self.ops_lock:
            return [o for o in self.ops if o["outcome"] == "acknowledged" and (before is None or o["acked_at"] <= before)]


# ---- webhooks ---------------------------------------------------------------------------------------------

class Receiver:
    """A controller's webhook endpoint: records every delivery (webhook-id, event id) and answers 204."""

    def __init__(self, port):
        self.phase = "setup"
        self.deliveries = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                body = parse(self.rfile.read(length).decode())
                with receiver.lock:
                    receiver.deliveries.append({"path": self.path, "webhookId": self.headers.get("webhook-id"),
                                                "event": body.get("id") if isinstance(body, dict) else None,
                                                "type": body.get("type") if isinstance(body, dict) else None,
                                                "t": now(), "phase": receiver.phase})
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


# ---- checks -----------------------------------------------------------------------------------------------

# Read models keyed by a stream id with the stream version they reflect: (service, table, id column, version
# column, stream type, the service whose events feed it).
READ_MODELS = [
    ("agreement", "agreement_list", "agreement_id", "stream_version", "agreement", "agreement"),
    ("breach", "breach_register", "breach_id", "stream_version", "breach", "breach"),
    ("audit", "evidence_items", "item_id", "stream_version", "evidence", "audit"),
    ("subprocessor", "changes", "change_id", "stream_version", "subprocessor", "subprocessor"),
    ("reporting", "portfolio", "agreement_id", "stream_version", "agreement", "agreement"),
    ("reporting", "breach_facts", "breach_id", "stream_version", "breach", "breach"),
]

OP_STREAM_TYPE = {"agreement.create": "agreement", "breach.report": "breach", "evidence.add": "evidence",
                  "change.announce": "subprocessor"}


def heads(stack, service, stream_type, ids=None):
    where = f"stream_type = '{stream_type}'"
    return {r["s"]: r["v"] for r in stack.sql(service, f"SELECT json_build_object('s', stream_id, 'v', max(version)) "
                                                       f"FROM events WHERE {where} GROUP BY stream_id")}


def read_model(stack, service, table, id_col, version_col):
    return {r["s"]: r["v"] for r in stack.sql(service, f"SELECT json_build_object('s', {id_col}, 'v', {version_col}) FROM {table}")}


def lagging(stack, ops):
    """Streams of acknowledged commands whose read models do not yet show the event store's head: [(table, id)]."""
    wanted = defaultdict(set)
    for o in ops:
        if o["id"]:
            wanted[OP_STREAM_TYPE[o["kind"]]].add(o["id"])
    behind = []
    head_cache = {}
    for service, table, id_col, version_col, stream_type, source in READ_MODELS:
        if not wanted[stream_type]:
            continue
        if (source, stream_type) not in head_cache:
            head_cache[(source, stream_type)] = heads(stack, source, stream_type)
        h = head_cache[(source, stream_type)]
        rm = read_model(stack, service, table, id_col, version_col)
        behind += [(f"{service}.{table}", s) for s in wanted[stream_type] if rm.get(s) is None or rm[s] < h.get(s, 0)]
    return behind


def wait_converged(stack, load, since, label, limit=180):
    """Seconds from `since` (the fault's end) until every command acknowledged by then shows in every read model."""
    ops = load.acked(before=now())
    deadline = now() + limit
    behind = []
    while now() < deadline:
        try:
            behind = lagging(stack, ops)
        except RuntimeError as e:  # the database itself still starting
            behind = [("database", str(e)[:80])]
        if not behind:
            took = now() - since
            say(f"  {label}: read models converged {took:.1f} s after the fault ended ({len(ops)} commands)")
            return round(took, 1)
        time.sleep(0.5)
    say(f"  {label}: NOT converged within {limit} s; behind: {behind[:5]}")
    return None


def canonical(value):
    """docs/EVIDENCE.md "Canonical JSON", written here independently of the kernel."""
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return re.sub(r"\\u00([0-9a-f]{2})", lambda m: "\\u00" + m.group(1).upper(), text)


def instant_text(pg_text):
    """Java's Instant.toString of a microsecond instant: 0, 3 or 6 fractional digits."""
    base, frac = pg_text.split(".")
    frac = frac.rstrip("Z")
    if frac == "000000":
        return base + "Z"
    if frac.endswith("000"):
        return f"{base}.{frac[:3]}Z"
    return f"{base}.{frac}Z"


def verify_chains(stack, service):
    """(streams, events, broken streams) of a service's store, recomputed from the stored fields."""
    rows = stack.sql(service, "SELECT json_build_object('eventId', event_id, 'streamId', stream_id, 'streamType', stream_type, "
                              "'version', version, 'type', event_type, 'schemaVersion', schema_version, 'payload', payload, "
                              "'metadata', metadata, 'occurredAt', to_char(occurred_at AT TIME ZONE 'UTC', "
                              "'YYYY-MM-DD\"T\"HH24:MI:SS.US'), 'previousHash', previous_hash, 'hash', hash) "
                              "FROM events ORDER BY stream_id, version")
    streams = defaultdict(list)
    for r in rows:
        streams[r["streamId"]].append(r)
    broken = []
    for sid, events in streams.items():
        previous = "0" * 64
        for expected_version, e in enumerate(events, start=1):
            obj = {k: e[k] for k in ("eventId", "streamId", "streamType", "version", "type", "schemaVersion",
                                     "payload", "metadata")}
            obj["occurredAt"] = instant_text(e["occurredAt"])
            digest = hashlib.sha256((canonical(obj) + previous).encode()).hexdigest()
            if e["version"] != expected_version or e["previousHash"] != previous or e["hash"] != digest:
                broken.append((sid, e["version"]))
                break
            previous = e["hash"]
    return len(streams), len(rows), broken


def topic_order(stack, root):
    """Per-stream order on the four topics against the stores: (records, duplicates, out of order, missing)."""
    lib = os.path.join(os.environ.get("DPA_CACHE", os.path.join(root, ".cache")), "kafka-4.1.2", "lib", "*")
    out = subprocess.run(["java", "-cp", lib, os.path.join(root, "reliability", "TopicDump.java"),
                          f"127.0.0.1:{os.environ.get('DPA_KAFKA_PORT', '9092')}",
                          "dpa.agreements", "dpa.subprocessors", "dpa.breaches", "dpa.audits"],
                         capture_output=True, text=True, timeout=300)
    if out.returncode != 0:
        raise RuntimeError(f"TopicDump: {out.stderr[-2000:]}")
    seen = defaultdict(set)
    last = {}
    records = duplicates = out_of_order = 0
    lines = [line.split("\t") for line in out.stdout.splitlines() if line.count("\t") == 6]
    lines.sort(key=lambda f: (f[0], int(f[1]), int(f[2])))  # partition order = publication order
    for topic, partition, offset, key, ce_id, ce_type, version in lines:
        if not version:
            continue
        records += 1
        v = int(version)
        if v in seen[key]:
            duplicates += 1  # published again after a crash; consumers skip it (idempotent)
            continue
        if last.get(key, 0) != v - 1:
            out_of_order += 1
        seen[key].add(v)
        last[key] = max(last.get(key, 0), v)
    # Every stored event of the four services is on its topic.
    missing = 0
    for service in ["agreement", "subprocessor", "breach", "audit"]:
        for r in stack.sql(service, "SELECT json_build_object('s', stream_id, 'v', version) FROM events"):
            if r["v"] not in seen.get(r["s"], ()):
                missing += 1
    return records, duplicates, out_of_order, missing


NOT_READ_MODELS = {"events", "outbox", "outbox_parked", "idempotency_keys", "projection_applied_events",
                   "flyway_schema_history", "personal_data_keys", "signing_keys", "checkpoints", "checkpoint_heads",
                   "webhook_subscriptions", "webhook_deliveries", "webhook_attempts", "feed_tokens",
                   "organisation_settings", "daily_snapshots", "dead_letters", "dead_letter_actions",
                   "personal_data_erasures", "legal_holds"}


def checksums(stack, service):
    tables = [r for r in stack.sql(service, "SELECT to_json(tablename) FROM pg_tables WHERE schemaname = 'public'")
              if r not in NOT_READ_MODELS]
    sums = {}
    for t in tables:
        sums[t] = stack.sql(service, f"SELECT to_json(md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), ''))) "
                                     f"FROM {t} x")[0]
    return sums


# ---- the phases -------------------------------------------------------------------------------------------

class Suite:
    def __init__(self, args):
        self.args = args
        self.stack = Stack(args.root, args.run, args.pg_bin, args.pg_port)
        self.tokens = Tokens()
        self.results = {"phases": {}}
        self.rnd = random.Random(args.seed)

    def setup(self):
        opwijk = self.tokens.get("opwijk-dpo")
        status, _, page, _ = call("GET", self.stack.url("agreement") + "/agreements?status=ACTIVE", opwijk)
        active = [a for a in (page or {}).get("items", []) if a.get("status") == "ACTIVE"]
        if status != 200 or not active:
            raise RuntimeError(f"no ACTIVE demo agreement ({status} {page})")
        self.agreement = active[0]["agreementId"]
        with open(os.path.join(self.args.root, "deploy", "demo", "opwijk-esn-agreement.json")) as f:
            demo = json.load(f)
        run_id = datetime.datetime.now().strftime("%H%M%S")
        self.receiver = Receiver(RECEIVER_PORT)
        self.receiver_path = f"/{run_id}"  # deliveries of this run's subscription only
        status, _, sub, _ = call("POST", self.stack.url("reporting") + "/webhook-subscriptions", opwijk,
                                 {"url": f"http://127.0.0.1:{RECEIVER_PORT}{self.receiver_path}", "eventTypes": ["*"]})
        if status != 201:
            raise RuntimeError(f"webhook subscription refused: {status} {sub}")
        self.subscription = sub["id"]
        self.load = Load(self.stack, self.tokens, self.agreement, demo, run_id,
                         os.path.join(self.args.run, "commands.jsonl"), self.args.workers, self.args.rate)
        say(f"load: {self.args.workers} workers, {self.args.rate or 'unlimited'} new commands/s, on agreement {self.agreement}; log {self.args.run}/commands.jsonl")

    def phase(self, name):
        self.load.phase = name
        self.receiver.phase = name
        say(f"phase {name}")
        return self.results["phases"].setdefault(name, {})

    def kill_9(self):
        r = self.phase("kill-9")
        r["services"] = {}
        for s in SERVICES:
            time.sleep(self.rnd.uniform(3, 10))
            t0 = now()
            self.stack.kill9(s)
            self.stack.start(s)  # at once; returns when the service is ready again: the fault's end
            back = now()
            converged = wait_converged(self.stack, self.load, back, f"kill -9 {s} (from ready again)")
            r["services"][s] = {"downSeconds": round(back - t0, 1), "convergedSeconds": converged,
                                "fromKillSeconds": None if converged is None else round(converged + back - t0, 1)}

    def kafka(self):
        r = self.phase("kafka")
        self.stack.kill9("kafka")
        time.sleep(60)
        self.stack.start("kafka")
        r["outageSeconds"] = 60
        r["convergedSeconds"] = wait_converged(self.stack, self.load, now(), "Kafka back")

    def postgres(self):
        r = self.phase("postgres")
        self.stack.pg_stop_immediate()
        t0 = now()
        time.sleep(20)
        self.stack.pg_start()
        r["outageSeconds"] = round(now() - t0, 1)
        r["convergedSeconds"] = wait_converged(self.stack, self.load, now(), "PostgreSQL back")

    def two(self):
        r = self.phase("two")
        for s in SERVICES:
            self.stack.start(s, 2)
        with self.stack.lock:
            for s in SERVICES:
                self.stack.instances[s] = [1, 2]
        say("  a second instance of every service is serving load")
        time.sleep(60)
        r["convergedSeconds"] = wait_converged(self.stack, self.load, now(), "two instances")

    def rebuild(self):
        r = self.phase("rebuild")
        self.load.stop()
        r["convergedSeconds"] = wait_converged(self.stack, self.load, now(), "load stopped")
        operator = self.tokens.get("operator")
        r["projections"] = {}
        for s in SERVICES:
            before = checksums(self.stack, s)
            status, _, page, _ = call("GET", self.stack.url(s) + "/admin/projections?limit=100", operator)
            names = (page or {}).get("items", []) if status == 200 else []
            for name in names:
                status, _, answer, error = call("POST", self.stack.url(s) + f"/admin/projections/{name}/rebuild",
                                                self.tokens.get("operator"), timeout=300)
                r["projections"][f"{s}/{name}"] = status
            after = checksums(self.stack, s)
            differ = sorted(t for t in before if before[t] != after.get(t))
            r.setdefault("tables", {})[s] = {"tables": len(before), "differ": differ}
            say(f"  {s}: {len(names)} projections rebuilt, {len(before)} tables, checksums differ: {differ or 'none'}")

    def expected_webhook_events(self):
        """Event ids of the streams the load created (all of Opwijk's agreements): each is due to Opwijk's endpoint."""
        expected = set()
        for service in ["agreement", "subprocessor", "breach", "audit"]:
            streams = [o["id"] for o in self.load.acked() if o["service"] == service and o["id"]]
            if streams:
                ids = ",".join(f"'{s}'" for s in streams)
                expected |= set(self.stack.sql(service, f"SELECT to_json(event_id) FROM events WHERE stream_id IN ({ids})"))
        return expected

    def drain_webhooks(self, limit=300):
        """Seconds after the load stopped until every event of the load's streams reached the webhook endpoint.
        The expected events are read again each round (a scheduler may still add expiry warnings); the last list
        read is the one the checks use."""
        t0 = now()
        while True:
            self.expected_webhooks = self.expected_webhook_events()
            got = {d["event"] for d in self.receiver.deliveries if d["path"] == self.receiver_path}
            if self.expected_webhooks <= got:
                say(f"  webhooks: all {len(self.expected_webhooks)} events delivered {now() - t0:.1f} s after the checks began")
                return round(now() - t0, 1)
            if now() - t0 >= limit:
                say(f"  webhooks: {len(self.expected_webhooks - got)} events not delivered after {limit} s")
                return None
            time.sleep(1)

    def check(self):
        say("checking the stores and read models against the log")
        ops = self.load.ops
        r = self.results
        outcomes = Counter(o["outcome"] for o in ops)
        r["commands"] = dict(outcomes)
        r["commandsTotal"] = len(ops)
        by_key = {o["key"]: o for o in ops}
        lost, duplicated, unexpected, recovered = [], [], [], []
        for service in ["agreement", "subprocessor", "breach", "audit"]:
            rows = self.stack.sql(service, "SELECT json_build_object('k', metadata->>'idempotencyKey', 's', stream_id, "
                                           f"'t', event_type) FROM events WHERE metadata->>'idempotencyKey' LIKE 'reli-{self.load.run_id}-%'")
            effects = defaultdict(list)
            for row in rows:
                effects[row["k"]].append(row)
            for key, events in effects.items():
                op = by_key.get(key)
                if op is None:
                    unexpected.append(key)
                    continue
                types = Counter(e["t"] for e in events)
                if len({e["s"] for e in events}) > 1 or max(types.values()) > 1:
                    duplicated.append(key)
                if op["outcome"] != "acknowledged":
                    recovered.append(key)
                elif op["id"] and op["id"] not in {e["s"] for e in events}:
                    lost.append(key)
            for op in ops:
                if op["service"] == service and op["outcome"] == "acknowledged" and op["key"] not in effects:
                    lost.append(op["key"])
        behind = lagging(self.stack, self.load.acked())
        r["acknowledgedAndLost"] = len(lost)
        r["duplicated"] = len(duplicated)
        r["unexpected"] = len(unexpected)
        r["recovered"] = len(recovered)
        r["readModelsBehind"] = len(behind)
        r["examples"] = {"lost": lost[:5], "duplicated": duplicated[:5], "unexpected": unexpected[:5],
                         "recovered": recovered[:5], "behind": behind[:5]}
        # Scheduler ticks: one expiry warning per certificate, whichever instance ticked.
        warned = self.stack.sql("audit", "SELECT json_build_object('s', stream_id, 'n', count(*)) FROM events "
                                         "WHERE event_type = 'EvidenceExpiring' GROUP BY stream_id")
        certificates = {o["id"] for o in self.load.acked() if o["kind"] == "evidence.add"}
        r["schedulerTicks"] = {"certificates": len(certificates),
                               "warned": sum(1 for w in warned if w["s"] in certificates),
                               "warnedTwice": sum(1 for w in warned if w["n"] > 1)}
        # Webhooks: each event of the load's streams delivered to Opwijk's endpoint once.
        deliveries = [d for d in self.receiver.deliveries if d["path"] == self.receiver_path]
        per_event = Counter(d["event"] for d in deliveries)
        ids_per_event = defaultdict(set)
        for d in deliveries:
            ids_per_event[d["event"]].add(d["webhookId"])
        expected = self.expected_webhooks
        # The same webhook-id again: at-least-once after a crash or an outage (a send whose outcome could not be
        # recorded is sent again when its lease ends); receivers skip an id seen. Counted under the phase of the
        # FIRST delivery, the one whose outcome was lost, not the phase in which the lease happened to end.
        redelivered = Counter()
        first_phase = {}
        for d in deliveries:
            if d["webhookId"] in first_phase:
                redelivered[first_phase[d["webhookId"]]] += 1
            else:
                first_phase[d["webhookId"]] = d["phase"]
        r["webhooks"] = {"deliveries": len(deliveries), "events": len(per_event),
                         "expectedEvents": len(expected),
                         "missing": len(expected - set(per_event)),
                         "sameWebhookIdAgain": dict(redelivered),
                         "twoWebhookIds": sum(1 for v in ids_per_event.values() if len(v) > 1)}
        # Chains and topics.
        r["chains"] = {}
        for service in ["agreement", "subprocessor", "breach", "audit", "reporting"]:
            streams, events, broken = verify_chains(self.stack, service)
            r["chains"][service] = {"streams": streams, "events": events, "broken": len(broken)}
        records, dups, disorder, missing = topic_order(self.stack, self.args.root)
        r["topics"] = {"records": records, "republished": dups, "outOfOrder": disorder, "storedButNotPublished": missing}
        r["statuses"] = {p: {str(k): v for k, v in c.items()} for p, c in self.load.statuses.items()}
        r["503WithoutRetryAfter"] = sum(self.load.no_retry_after.values())
        r["5xxOtherThan503"] = sum(v for c in self.load.statuses.values() for k, v in c.items()
                                   if isinstance(k, int) and k >= 500 and k != 503)

    def run(self):
        started = now()
        self.setup()
        self.load.start()
        self.phase("warm-up")
        time.sleep(self.args.warmup)
        phases = {"kill-9": self.kill_9, "kafka": self.kafka, "postgres": self.postgres, "two": self.two,
                  "rebuild": self.rebuild}
        for name in filter(None, self.args.phases.split(",")):
            phases[name]()
        if self.load.running.is_set():
            self.load.stop()
            wait_converged(self.stack, self.load, now(), "load stopped")
        time.sleep(10)  # last scheduler ticks (5 s)
        self.results["webhookDrainSeconds"] = self.drain_webhooks()
        self.check()
        call("DELETE", self.stack.url("reporting") + f"/webhook-subscriptions/{self.subscription}", self.tokens.get("opwijk-dpo"))
        self.results["seconds"] = round(now() - started)
        return self.results


def verdict(r):
    converged = [v for p in r["phases"].values() for v in
                 ([p["convergedSeconds"]] if "convergedSeconds" in p else [])
                 + [s["convergedSeconds"] for s in p.get("services", {}).values()]]
    rebuild_differs = [t for s in r["phases"].get("rebuild", {}).get("tables", {}).values() for t in s["differ"]]
    failures = []
    if r["acknowledgedAndLost"]:
        failures.append("acknowledged commands lost")
    # A webhook event under two webhook-ids is a duplicate; the same webhook-id again after a crash is
    # at-least-once delivery (Standard Webhooks: receivers skip an id seen), except with no crash at all.
    if (r["duplicated"] or r["schedulerTicks"]["warnedTwice"] or r["webhooks"]["twoWebhookIds"]
            or r["webhooks"]["sameWebhookIdAgain"].get("two") or r["webhooks"]["sameWebhookIdAgain"].get("warm-up")):
        failures.append("duplicated effects")
    if r["unexpected"]:
        failures.append("unexpected events")
    if r["readModelsBehind"]:
        failures.append("read models behind")
    if any(c is None or c > CONVERGENCE_TARGET_S for c in converged):
        failures.append(f"a read model took over {CONVERGENCE_TARGET_S} s")
    if any(c["broken"] for c in r["chains"].values()):
        failures.append("broken hash chains")
    if r["topics"]["outOfOrder"] or r["topics"]["storedButNotPublished"]:
        failures.append("topic order or completeness")
    if r["5xxOtherThan503"] or r["503WithoutRetryAfter"]:
        failures.append("500s or 503 without Retry-After")
    if r["webhooks"]["missing"]:
        failures.append("webhook deliveries missing")
    if rebuild_differs:
        failures.append("rebuilt read models differ")
    return failures


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--root", required=True)
    p.add_argument("--run", required=True)
    p.add_argument("--pg-bin", required=True)
    p.add_argument("--pg-port", required=True)
    p.add_argument("--phases", default="kill-9,kafka,postgres,two,rebuild")
    p.add_argument("--workers", type=int, default=6)
    p.add_argument("--warmup", type=int, default=20)
    p.add_argument("--rate", type=float, default=20, help="new commands a second over all workers (0: unlimited)")
    p.add_argument("--seed", type=int, default=int(time.time()))
    args = p.parse_args()
    say(f"seed {args.seed}")
    results = Suite(args).run()
    failures = verdict(results)
    results["verdict"] = failures or "pass"
    with open(os.path.join(args.run, "results.json"), "w") as f:
        json.dump(results, f, indent=2)
    print(json.dumps(results, indent=2))
    say("PASS" if not failures else f"FAIL: {', '.join(failures)}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
