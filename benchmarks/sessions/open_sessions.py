#!/usr/bin/env python3
"""Opens one session per demo customer on a silo in Development: mints a customer token (POST /api/dev/tokens), opens a
session (POST /api/sessions) and writes "sessionId token" lines for turns.lua. Usage: open_sessions.py URL COUNT OUT"""
import http.client
import json
import sys
import urllib.parse

url, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
parsed = urllib.parse.urlparse(url)
conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)


def post(path, body, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    conn.request("POST", path, json.dumps(body), headers)
    response = conn.getresponse()
    data = response.read()
    if response.status not in (200, 201):
        sys.exit(f"open_sessions.py: POST {path} answered {response.status}: {data.decode(errors='replace')}")
    return json.loads(data)


with open(out, "w") as f:
    for i in range(1, count + 1):
        customer = f"c-{i:05d}"
        token = post("/api/dev/tokens", {"subject": customer, "role": "customer", "lifetimeMinutes": 240})["token"]
        session = post("/api/sessions", {"channel": "web"}, token)["sessionId"]
        f.write(f"{session} {token}\n")
        if i % 500 == 0:
            print(f"    {i}/{count} sessions open", file=sys.stderr)
