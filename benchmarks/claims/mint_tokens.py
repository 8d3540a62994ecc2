#!/usr/bin/env python3
"""Mints bearer tokens on a silo in Development (POST /api/dev/tokens): an admin token on stdout, COUNT customer tokens
(c-00001 ...) into OUT, one per line. Usage: mint_tokens.py URL COUNT OUT"""
import http.client
import json
import sys
import urllib.parse

url, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
parsed = urllib.parse.urlparse(url)
conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)


def token(subject, role):
    conn.request("POST", "/api/dev/tokens", json.dumps({"subject": subject, "role": role, "lifetimeMinutes": 240}),
                 {"Content-Type": "application/json"})
    response = conn.getresponse()
    data = response.read()
    if response.status != 200:
        sys.exit(f"mint_tokens.py: POST /api/dev/tokens answered {response.status}: {data.decode(errors='replace')}")
    return json.loads(data)["token"]


with open(out, "w") as f:
    for i in range(1, count + 1):
        f.write(token(f"c-{i:05d}", "customer") + "\n")
print(token("bench-admin", "admin"))
