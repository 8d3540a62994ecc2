#!/usr/bin/env python3
"""Glue for benchmarks/run-all.sh (python3 standard library only): reads the load driver's JSON reports (the shape of
docs/load-driver.md: scenarios with latency_ms, timeline rows of ok/failed per second), keeps the run's figures in one
results JSON, computes what the kill cost, and writes the block between the run-all markers of docs/benchmarks.md.

Subcommands (the shell script owns every path):
  put RESULTS.json KEY VALUE             set RESULTS[k1][k2]… (KEY = k1.k2…) to VALUE, a JSON literal or @file.json
  http REPORT.json                       "<rps> <mean ms> <p99 ms>" of the report's first scenario
  probe RESULTS.json REPORT.json RATE    append the probe's outcome to rate.probes; prints "<failed> <worst p99 ms>"
  verify RESULTS.json KEY OUTPUT.txt RC  parse `verify`'s "verified N acknowledged writes: L lost" into KEY; prints "N L"
  kill-cost RESULTS.json REPORT.json KILL_T_S
                                         (the kill's time in the timeline's seconds) errors after the kill and recovery seconds into cluster.*; prints
                                         "<kill t_s> <failed after kill> <recovery s, or -1 when never>"
  render RESULTS.json BENCHMARKS.md      rewrite the block between the markers (added above the first section the
                                         first time); the block is also printed
"""
import glob
import json
import os
import re
import sys

BEGIN = "<!-- run-all:begin -->"
END = "<!-- run-all:end -->"
# Seconds of failed == 0 in a row after which the cluster counts as recovered from the kill.
RECOVERED_AFTER_CLEAN_SECONDS = 10


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def save(path, value):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(value, f, indent=1)
    os.replace(tmp, path)


def results_of(path):
    return load(path) if os.path.exists(path) and os.path.getsize(path) > 0 else {}


def put(results_path, key, value):
    results = results_of(results_path)
    parsed = load(value[1:]) if value.startswith("@") else json.loads(value)
    node = results
    parts = key.split(".")
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = parsed
    save(results_path, results)


def scenarios(report):
    return report.get("scenarios") or []


# Steps that wait for a simulated person (the hand-over's agent attaching, replying, resolving) rather than for the
# system: they are reported, but the rate probe's latency limit does not apply to them.
WAITING_STEPS = {"agent_attached", "agent_reply_seen", "resolved"}


def system_p99(scenario):
    """The scenario's iteration p99, or, when it has steps that wait for a person, the worst p99 of its other steps."""
    steps = scenario.get("steps") or []
    if any(step["name"] in WAITING_STEPS for step in steps):
        return max((step["latency_ms"]["p99"] for step in steps if step["name"] not in WAITING_STEPS and step.get("ok", 0) + step.get("failed", 0)),
                   default=0.0)
    return scenario["latency_ms"]["p99"]


def worst_p99(report):
    return max((system_p99(s) for s in scenarios(report) if s.get("iterations")), default=0.0)


def failed(report):
    return sum(s.get("failed", 0) for s in scenarios(report))


def http(report_path):
    s = scenarios(load(report_path))[0]
    print(f'{s["rps"]:.1f} {s["latency_ms"]["mean"]:.3f} {s["latency_ms"]["p99"]:.3f}')


def probe(results_path, report_path, rate):
    report = load(report_path)
    row = {"rate": float(rate), "failed": failed(report), "ok": sum(s.get("ok", 0) for s in scenarios(report)),
           "p99_ms": worst_p99(report)}
    results = results_of(results_path)
    results.setdefault("rate", {}).setdefault("probes", []).append(row)
    save(results_path, results)
    print(f'{row["failed"]} {row["p99_ms"]:.1f}')


def verify(results_path, key, output_path, rc):
    with open(output_path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    m = re.search(r"verified\s+([\d,]+)\s+acknowledged writes:\s+([\d,]+)\s+lost", text)
    value = {"exit": int(rc), "line": (m.group(0) if m else text.strip().splitlines()[-1:] or [""])[0][:300]}
    if m:
        value["verified"] = int(m.group(1).replace(",", ""))
        value["lost"] = int(m.group(2).replace(",", ""))
    put(results_path, key, json.dumps(value))
    print(value.get("verified", -1), value.get("lost", -1))


def failed_per_second(report):
    """Timeline rows summed over scenarios: {t_s: failed}, and every second of the run (gaps count as 0)."""
    per = {}
    for row in report.get("timeline") or []:
        t = int(row["t_s"])
        per[t] = per.get(t, 0) + int(row.get("failed", 0))
    return per


def kill_cost(report, kill_t):
    """(failed in seconds >= the kill's second, recovery seconds or None). Recovery: the kill → the first second from
    which failed stays 0 for RECOVERED_AFTER_CLEAN_SECONDS seconds (the run must last that long after it)."""
    per = failed_per_second(report)
    kill_second = int(kill_t)
    after = sum(v for t, v in per.items() if t >= kill_second)
    last = max(per, default=-1)
    for start in range(kill_second, last - RECOVERED_AFTER_CLEAN_SECONDS + 2):
        if all(per.get(t, 0) == 0 for t in range(start, start + RECOVERED_AFTER_CLEAN_SECONDS)):
            return after, max(0.0, start - kill_t)
    return after, None


def kill_cost_command(results_path, report_path, kill_t_s):
    report = load(report_path)
    kill_t = float(kill_t_s)
    after, recovery = kill_cost(report, kill_t)
    results = results_of(results_path)
    cluster = results.setdefault("cluster", {})
    cluster.update({"kill_t_s": round(kill_t, 1), "failed_after_kill": after,
                    "failed_before_kill": sum(v for t, v in failed_per_second(report).items() if t < int(kill_t)),
                    "recovery_s": None if recovery is None else round(recovery, 1)})
    save(results_path, results)
    print(f'{kill_t:.1f} {after} {-1 if recovery is None else round(recovery, 1)}')


# ---- rendering ----

def num(v, digits=0):
    if v is None:
        return "n/a"
    if isinstance(v, (int, float)) and digits == 0:
        return f"{v:,.0f}"
    return f"{v:,.{digits}f}"


def ms(v, digits):
    return "n/a" if v is None else f"{v:,.{digits}f} ms"


def ratio(a, b):
    if a is None or not b:
        return "n/a"
    x = a / b
    # Three decimals, or two significant digits for the small ratios of a full request path to a bare baseline.
    return f"{x:.3f}" if x == 0 or abs(x) >= 0.01 else f"{x:.2g}"


def find(report, *patterns):
    """Scenarios whose name matches any of the patterns (case-insensitive regular expressions)."""
    return [s for s in scenarios(report) if any(re.search(p, s["name"], re.I) for p in patterns)]


def ok_rate(report, chosen):
    duration = report.get("duration_s") or 0
    return sum(s.get("ok", 0) for s in chosen) / duration if duration and chosen else None


def peak_ok_second(report, chosen):
    names = {s["name"] for s in chosen}
    per = {}
    for row in report.get("timeline") or []:
        if row["scenario"] in names:
            per[row["t_s"]] = per.get(row["t_s"], 0) + row.get("ok", 0)
    return max(per.values(), default=None)


def scenario_table(report):
    out = ["| scenario | iterations | ok | failed | ok/s | mean | p50 | p99 | p99.9 | max |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    duration = report.get("duration_s") or 0
    for s in scenarios(report):
        lat = s["latency_ms"]
        measured = s.get("duration_s") or duration
        out.append(f'| {s["name"]} | {num(s["iterations"])} | {num(s["ok"])} | {num(s["failed"])} | '
                   f'{num(s["ok"] / measured if measured else None, 1)} | {ms(lat["mean"], 1)} | {ms(lat["p50"], 1)} | '
                   f'{ms(lat["p99"], 1)} | {ms(lat["p999"], 1)} | {ms(lat["max"], 1)} |')
    total_ok = sum(s["ok"] for s in scenarios(report))
    out.append(f'| **all** | {num(sum(s["iterations"] for s in scenarios(report)))} | {num(total_ok)} | '
               f'{num(failed(report))} | {num(total_ok / duration if duration else None, 1)} | | | '
               f'worst {num(worst_p99(report), 1)} ms¹ | | |')
    out += ["", "¹ The worst p99 over the scenarios, the hand-over's steps that wait for a simulated person "
                "(`agent_attached`, `agent_reply_seen`, `resolved`) left out; iteration latencies include every step."]
    return out


def links(docs_dir, name):
    found = [f"[{name}.md](load/{name}.md)"]
    for svg in sorted(glob.glob(os.path.join(docs_dir, "load", glob.escape(name) + "-*.svg"))):
        found.append(f"[{os.path.basename(svg)}](load/{os.path.basename(svg)})")
    return ", ".join(found)


def verify_text(v):
    if not v:
        return "not run"
    if "lost" not in v:
        return f'could not be read (exit {v.get("exit")}: `{v.get("line", "")}`)'
    text = f'{num(v["verified"])} acknowledged writes read back, **{num(v["lost"])} lost**'
    return text + (" ⚠ LOST ACKNOWLEDGED WRITES" if v["lost"] else "")


def render_block(r, docs_dir):
    m = r.get("machine", {})
    out = [BEGIN, "",
           f'Generated by `{r.get("command", "benchmarks/run-all.sh")}` on {r.get("started", "?")} (finished '
           f'{r.get("finished", "?")}), commit {r.get("commit", "?")}. Machine: {m.get("cpu", "?")}, nproc {m.get("nproc", "?")}, '
           f'{m.get("memory", "?")}, {m.get("kernel", "?")}; load average {m.get("load_start", "?")} at the start, '
           f'{m.get("load_end", "?")} at the end. Tools: {m.get("tools", "?")}.', ""]
    if r.get("quick"):
        out += ["**`--quick` run: a trial of the script, not a measurement.**", ""]
    failures = r.get("failures") or []
    out += ["Checks: " + ("all passed." if not failures else "**FAILED: " + "; ".join(failures) + "**"), ""]

    h = r.get("http") or {}
    wrk, drv = h.get("wrk") or {}, h.get("driver") or {}
    out += [f'**HTTP ceiling and driver agreement** (`GET /health/live`, {h.get("connections", "?")} connections, '
            f'{h.get("seconds", "?")} s each; {h.get("pinning", "")})', "",
            "| generator | requests/s | mean | p99 |", "|---|---:|---:|---:|",
            f'| wrk | {num(wrk.get("rps"))} | {ms(wrk.get("mean_ms"), 3)} | {ms(wrk.get("p99_ms"), 2)} |',
            f'| driver (`http` profile) | {num(drv.get("rps"))} | {ms(drv.get("mean_ms"), 3)} | {ms(drv.get("p99_ms"), 2)} |',
            f'| driver ÷ wrk | {ratio(drv.get("rps"), wrk.get("rps"))} | {ratio(drv.get("mean_ms"), wrk.get("mean_ms"))} | '
            f'{ratio(drv.get("p99_ms"), wrk.get("p99_ms"))} |', ""]
    if h.get("agreement"):
        out += [f'Agreement: {h["agreement"]}.', ""]

    rate = r.get("rate") or {}
    probes = rate.get("probes") or []
    single = r.get("single") or {}
    report_path = os.path.join(docs_dir, single["report"]) if single.get("report") else None
    report = load(report_path) if report_path and os.path.exists(report_path) else None
    rate_text = f'{num(rate.get("value"), 1)} iterations/s at peak'
    if rate.get("mode") == "auto":
        rate_text += (" (80 % of the highest probed peak rate with 0 errors and p99 ≤ 1 s, hand-over waits for a person "
                      "excepted; probes: the profile's own shape for "
                      f'{rate.get("probe_seconds", "?")} s: ' +
                      ", ".join(f'{num(p["rate"], 1)}/s → {num(p["failed"])} failed, p99 {num(p["p99_ms"])} ms' for p in probes) + ")")
    else:
        rate_text += " (given with --rate)"
    out += [f'**Double-11, one silo** (`{r.get("profile", "double11")}` profile, {single.get("duration", "?")}, {rate_text}; '
            f'reports: {links(docs_dir, os.path.splitext(os.path.basename(single["report"]))[0]) if single.get("report") else "none"})', ""]
    if report:
        out += scenario_table(report) + [""]
        if report.get("interrupted"):
            out += ["**The run was interrupted before the end of its schedule.**", ""]
    else:
        out += ["No report (the run did not complete; see the console log).", ""]
    out += [f'Acknowledged writes (journal): {num(single.get("journal_writes"))}; verify: {verify_text(single.get("verify"))}.', ""]

    b = r.get("baselines") or {}
    pg, redis, ft = b.get("pgbench") or {}, b.get("redis") or {}, b.get("fasttext") or {}
    duration = (report or {}).get("duration_s")
    total_ok = ok_rate(report, scenarios(report)) if report else None
    writes = single.get("journal_writes") / duration if report and duration and single.get("journal_writes") is not None else None
    claims = find(report, r"claim", r"coupon") if report else []
    faq = find(report, r"faq") if report else []
    claims_peak = peak_ok_second(report, claims) if claims else None
    faq_rate = ok_rate(report, faq) if faq else None
    out += ["**Every figure next to its baseline** (baselines measured in the same run on the same machine)", "",
            "| figure (one silo) | absolute | baseline | baseline figure | ratio |", "|---|---:|---|---:|---:|",
            f'| all iterations completed ok, per second | {num(total_ok, 1)} | wrk `/health/live` requests/s (HTTP ceiling) | '
            f'{num(wrk.get("rps"))} | {ratio(total_ok, wrk.get("rps"))} |',
            f'| acknowledged writes/s (journal lines ÷ duration) | {num(writes, 1)} | pgbench simple-update TPS '
            f'(-N, -c {pg.get("clients", "?")} -j {pg.get("threads", "?")}) | {num(pg.get("update_tps"))} | {ratio(writes, pg.get("update_tps"))} |',
            f'| all iterations completed ok, per second | {num(total_ok, 1)} | pgbench select-only TPS (-S) | '
            f'{num(pg.get("select_tps"))} | {ratio(total_ok, pg.get("select_tps"))} |',
            f'| coupon claims ok in the busiest second ({", ".join(s["name"] for s in claims) or "no claim scenario"}) | '
            f'{num(claims_peak)} | Redis `EVALSHA` flash_sale.lua, appendfsync everysec / always | '
            f'{num(redis.get("everysec"))} / {num(redis.get("always"))} | {ratio(claims_peak, redis.get("everysec"))} / {ratio(claims_peak, redis.get("always"))} |',
            f'| FAQ answers/s ({", ".join(s["name"] for s in faq) or "no FAQ scenario"}) | {num(faq_rate, 1)} | '
            f'fastText predictions/s, one thread (Banking77, {ft.get("epochs", "?")} epochs) | {num(ft.get("per_second"))} | '
            f'{ratio(faq_rate, ft.get("per_second"))} |', ""]

    c = r.get("cluster") or {}
    creport_path = os.path.join(docs_dir, c["report"]) if c.get("report") else None
    creport = load(creport_path) if creport_path and os.path.exists(creport_path) else None
    out += [f'**Double-11, {c.get("silos", 3)} silos behind haproxy, one SIGKILLed mid-peak** ({c.get("duration", "?")}, '
            f'{num(c.get("rate", rate.get("value")), 1)} iterations/s at peak'
            + (f' ({num(c.get("rate_factor"), 2)} × the single silo\'s, after a {c.get("warmup_s")}-s warm-up run not counted)' if c.get("rate_factor") else '')
            + f'; haproxy roundrobin, health check `/health/ready`, `retries 3`, '
            f'`option redispatch`; reports: {links(docs_dir, os.path.splitext(os.path.basename(c["report"]))[0]) if c.get("report") else "none"})', ""]
    if creport:
        out += scenario_table(creport) + [""]
        cluster_ok = ok_rate(creport, scenarios(creport))
        out += [f'Cluster ÷ one silo, iterations completed ok per second: {num(cluster_ok, 1)} ÷ {num(total_ok, 1)} = '
                f'{ratio(cluster_ok, total_ok)} (the cluster run is shorter, includes the kill, and its three silos share the same '
                f'{m.get("nproc", "?")} cores).', ""]
    else:
        out += ["No cluster report (the run did not complete; see the console log).", ""]
    recovery = c.get("recovery_s")
    out += [f'Kill cost: silo {c.get("victim", "?")} SIGKILLed at t = {num(c.get("kill_t_s"), 1)} s; failed iterations from '
            f'that second on: **{num(c.get("failed_after_kill"))}** (before it: {num(c.get("failed_before_kill"))}); recovery '
            f'(kill → first second after which failed stays 0 for {RECOVERED_AFTER_CLEAN_SECONDS} s): '
            f'**{"never within the run" if recovery is None and "kill_t_s" in c else num(recovery, 1) + " s"}**; '
            f'lost acknowledged writes: {verify_text(c.get("verify"))} (journal: {num(c.get("journal_writes"))} writes).', ""]
    out += [END]
    return "\n".join(out)


def render(results_path, benchmarks_md):
    r = load(results_path)
    docs_dir = os.path.dirname(os.path.abspath(benchmarks_md))
    block = render_block(r, docs_dir)
    with open(benchmarks_md, encoding="utf-8") as f:
        text = f.read()
    if BEGIN in text and END in text:
        text = text[:text.index(BEGIN)] + block + text[text.index(END) + len(END):]
    else:
        at = text.find("\n## ")
        section = ("\n## One command: `benchmarks/run-all.sh`\n\n" + block + "\n")
        text = text + section if at < 0 else text[:at] + "\n" + section + text[at:]
    with open(benchmarks_md, "w", encoding="utf-8") as f:
        f.write(text)
    print(block)


def main(argv):
    commands = {"put": (put, 3), "http": (http, 1), "probe": (probe, 3), "verify": (verify, 4),
                "kill-cost": (kill_cost_command, 3), "render": (render, 2)}
    if len(argv) < 2 or argv[1] not in commands or len(argv) - 2 != commands[argv[1]][1]:
        print(__doc__, file=sys.stderr)
        return 2
    commands[argv[1]][0](*argv[2:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
