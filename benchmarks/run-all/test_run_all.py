"""Tests of benchmarks/run_all.py on sample-report.json (a report in the load driver's JSON shape: three scenarios over
60 s, a claim storm of 500/s at t = 30-34 s, 3 failed iterations per second at t = 40-42 s).

    python3 -m unittest discover -s benchmarks/run-all -v
"""
import contextlib
import io
import json
import os
import shutil
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import run_all  # noqa: E402

SAMPLE = os.path.join(HERE, "sample-report.json")


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def quiet(fn, *args):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        fn(*args)
    return out.getvalue()


class KillCost(unittest.TestCase):
    def setUp(self):
        self.report = run_all.load(SAMPLE)

    def test_counts_failures_from_the_kill_second_and_recovery_to_the_first_clean_ten_seconds(self):
        after, recovery = run_all.kill_cost(self.report, 40.3)
        self.assertEqual(after, 9)
        self.assertAlmostEqual(recovery, 2.7)

    def test_failures_before_the_kill_are_not_counted(self):
        after, recovery = run_all.kill_cost(self.report, 45.0)
        self.assertEqual(after, 0)
        self.assertAlmostEqual(recovery, 0.0)

    def test_a_run_that_never_stays_clean_for_ten_seconds_after_the_kill_has_no_recovery(self):
        for row in self.report["timeline"]:
            if row["t_s"] >= 40 and row["scenario"] == "orders" and row["t_s"] % 5 == 0:
                row["failed"] = 1
        after, recovery = run_all.kill_cost(self.report, 40.3)
        self.assertIsNone(recovery)
        self.assertGreater(after, 9)

    def test_the_command_records_the_kill_cost_in_the_results(self):
        with tempfile.TemporaryDirectory() as d:
            results = os.path.join(d, "results.json")
            printed = quiet(run_all.kill_cost_command, results, SAMPLE, "40.3")
            self.assertEqual(printed.split(), ["40.3", "9", "2.7"])
            cluster = run_all.load(results)["cluster"]
            self.assertEqual((cluster["failed_after_kill"], cluster["failed_before_kill"], cluster["recovery_s"]), (9, 0, 2.7))


class Figures(unittest.TestCase):
    def test_http_prints_the_first_scenarios_rate_mean_and_p99(self):
        self.assertEqual(quiet(run_all.http, SAMPLE).split(), ["10.0", "5.100", "20.000"])

    def test_probe_records_failed_iterations_and_the_worst_p99(self):
        with tempfile.TemporaryDirectory() as d:
            results = os.path.join(d, "results.json")
            self.assertEqual(quiet(run_all.probe, results, SAMPLE, "40").split(), ["9", "30.0"])
            self.assertEqual(run_all.load(results)["rate"]["probes"], [{"rate": 40.0, "failed": 9, "ok": 3700, "p99_ms": 30.0}])

    def test_the_latency_limit_leaves_out_steps_that_wait_for_a_simulated_person(self):
        lat = lambda p99: {"mean": 1, "p50": 1, "p90": 1, "p99": p99, "p999": p99, "max": p99}
        handoff = {"name": "handoff", "iterations": 5, "ok": 5, "failed": 0, "latency_ms": lat(9000.0), "steps": [
            {"name": "open", "ok": 5, "failed": 0, "latency_ms": lat(40.0)},
            {"name": "agent_attached", "ok": 5, "failed": 0, "latency_ms": lat(8000.0)},
            {"name": "resolved", "ok": 5, "failed": 0, "latency_ms": lat(7000.0)}]}
        faq = {"name": "faq", "iterations": 5, "ok": 5, "failed": 0, "latency_ms": lat(25.0), "steps": []}
        self.assertEqual(run_all.worst_p99({"scenarios": [handoff, faq]}), 40.0)
        faq["latency_ms"]["p99"] = 1500.0
        self.assertEqual(run_all.worst_p99({"scenarios": [handoff, faq]}), 1500.0)

    def test_verify_reads_the_lost_count_and_a_missing_line_is_no_count(self):
        with tempfile.TemporaryDirectory() as d:
            results, out = os.path.join(d, "results.json"), os.path.join(d, "verify.txt")
            with open(out, "w") as f:
                f.write("reading back...\nverified 1,234 acknowledged writes: 2 lost\n")
            self.assertEqual(quiet(run_all.verify, results, "cluster.verify", out, "1").split(), ["1234", "2"])
            self.assertEqual(run_all.load(results)["cluster"]["verify"]["lost"], 2)
            with open(out, "w") as f:
                f.write("Unhandled exception\n")
            self.assertEqual(quiet(run_all.verify, results, "single.verify", out, "134").split(), ["-1", "-1"])


class Render(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        os.makedirs(os.path.join(self.dir, "load"))
        for name in ("double11-single", "double11-cluster"):
            shutil.copy(SAMPLE, os.path.join(self.dir, "load", name + ".json"))
            open(os.path.join(self.dir, "load", name + "-throughput.svg"), "w").close()
        self.md = os.path.join(self.dir, "benchmarks.md")
        with open(self.md, "w") as f:
            f.write("# Benchmarks\n\nIntro.\n\n## Claims\n\nOld text.\n")
        self.results = os.path.join(self.dir, "results.json")
        with open(self.results, "w") as f:
            json.dump({
                "command": "benchmarks/run-all.sh --quick", "started": "2026-11-30 03:10 UTC", "commit": "abc1234",
                "machine": {"cpu": "AMD EPYC", "nproc": "2"},
                "http": {"connections": 64, "seconds": 20, "wrk": {"rps": 20000, "mean_ms": 3.0, "p99_ms": 9.0},
                         "driver": {"rps": 19000, "mean_ms": 3.2, "p99_ms": 10.0}, "agreement": "throughput within 5.0 %"},
                "rate": {"mode": "auto", "value": 32.0, "probe_seconds": 20, "probes": [{"rate": 40.0, "failed": 0, "ok": 1, "p99_ms": 30.0}]},
                "single": {"duration": "1m", "report": "load/double11-single.json", "journal_writes": 1200,
                           "verify": {"exit": 0, "verified": 1200, "lost": 0}},
                "baselines": {"pgbench": {"clients": 16, "threads": 2, "select_tps": 40000, "update_tps": 6000},
                              "redis": {"everysec": 100000, "always": 50000}, "fasttext": {"per_second": 50000, "epochs": 50}},
                "cluster": {"silos": 3, "duration": "30s", "victim": "c1", "report": "load/double11-cluster.json",
                            "kill_t_s": 40.3, "failed_after_kill": 9, "failed_before_kill": 0, "recovery_s": 2.7,
                            "verify": {"exit": 0, "verified": 900, "lost": 0}, "journal_writes": 900},
                "failures": []}, f)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_adds_the_markers_above_the_first_section_once_and_replaces_only_the_block(self):
        quiet(run_all.render, self.results, self.md)
        first = read(self.md)
        self.assertLess(first.index(run_all.BEGIN), first.index("## Claims"))
        self.assertIn("Old text.", first)
        quiet(run_all.render, self.results, self.md)
        second = read(self.md)
        self.assertEqual(second.count(run_all.BEGIN), 1)
        self.assertEqual(first, second)

    def test_every_figure_comes_with_its_baseline_ratio(self):
        block = quiet(run_all.render, self.results, self.md)
        # 3,700 ok iterations in 60 s = 61.7/s ÷ 20,000 wrk requests/s
        self.assertIn("| 61.7 | wrk `/health/live` requests/s (HTTP ceiling) | 20,000 | 0.0031 |", block)
        # 1,200 journal lines / 60 s = 20 writes/s ÷ 6,000 TPS
        self.assertIn("| 20.0 | pgbench simple-update TPS (-N, -c 16 -j 2) | 6,000 | 0.0033 |", block)
        # the claim scenario's busiest second: 500 ÷ 100,000 / 50,000
        self.assertIn("| 500 | Redis", block)
        self.assertIn("| 0.005 / 0.010 |", block)
        # FAQ: 600 / 60 s = 10/s ÷ 50,000
        self.assertIn("| FAQ answers/s (faq) | 10.0 |", block)
        self.assertIn("| 50,000 | 0.0002 |", block)
        self.assertIn("driver ÷ wrk | 0.950 | 1.067 |", block)
        self.assertIn("[double11-cluster-throughput.svg](load/double11-cluster-throughput.svg)", block)
        self.assertIn("**9**", block)
        self.assertIn("**2.7 s**", block)
        self.assertIn("**0 lost**", block)

    def test_lost_writes_and_failed_checks_are_shouted(self):
        r = run_all.load(self.results)
        r["cluster"]["verify"]["lost"] = 3
        r["failures"] = ["cluster after the kill: 3 acknowledged writes lost"]
        with open(self.results, "w") as f:
            json.dump(r, f)
        block = quiet(run_all.render, self.results, self.md)
        self.assertIn("**3 lost** ⚠ LOST ACKNOWLEDGED WRITES", block)
        self.assertIn("**FAILED: cluster after the kill: 3 acknowledged writes lost**", block)


if __name__ == "__main__":
    unittest.main()
