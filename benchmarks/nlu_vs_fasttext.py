#!/usr/bin/env python3
"""Glue for benchmarks/nlu-vs-fasttext.sh: data conversion, fastText metrics, HINT3 reference figures, doc rendering.

Subcommands (all paths explicit; the shell script owns the temporary directory):
  fewshot-csv SEQ_IN LABEL OUT.csv             line-aligned seq.in + label -> CSV "text,label"
  to-fasttext DATA.csv TRAIN.txt LABELS.json   CSV -> fastText training lines "__label__<n> <text>" (+ label index)
  texts DATA.csv OUT.txt                       CSV -> one normalised text per line (input of `fasttext predict`)
  ft-metrics DATA.csv PRED.txt LABELS.json THRESHOLD OOS_LABEL OUT.json
                                               metrics of `fasttext predict-prob ... 1` output, same definitions as
                                               `nlu eval --json` (src/CommerceBrain.Nlu/Intents/IntentEvaluator.cs)
  bert-ref CSV OUT.json                        HINT3 paper's BERT row(s) from reference_results_v1/bert_<bot>.csv
  throughput OUT.txt OUT.json                  parse the `throughput` subcommand's report
  put RESULTS.json KEY VALUE                   set RESULTS[k1][k2]… (KEY = k1.k2…) to VALUE, a JSON literal or @file.json
  render RESULTS.json MODELS.md BENCHMARKS.md  write the generated blocks between the marker comments
"""
import csv
import json
import re
import sys

BEGIN = "<!-- nlu-benchmark:begin -->"
END = "<!-- nlu-benchmark:end -->"


def read_dataset(path):
    """(text, label) pairs from a CSV whose header names text|sentence and label|category (extra columns ignored)."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = csv.DictReader(f)
        names = rows.fieldnames or []
        text_col = "text" if "text" in names else "sentence"
        label_col = "label" if "label" in names else "category"
        if text_col not in names or label_col not in names:
            sys.exit(f"{path}: header must name a text|sentence and a label|category column, got {names}")
        return [(r[text_col], r[label_col].strip()) for r in rows]


def normalise(text):
    # fastText splits on whitespace only; lower-casing and collapsing whitespace (newlines inside CSV fields) is the
    # preprocessing of the reference figure in /work/shared/data/README.md.
    return re.sub(r"\s+", " ", text.lower()).strip()


def fewshot_csv(seq_in, label, out):
    with open(seq_in, encoding="utf-8") as f:
        texts = f.read().splitlines()
    with open(label, encoding="utf-8") as f:
        labels = f.read().splitlines()
    if len(texts) != len(labels):
        sys.exit(f"{seq_in} has {len(texts)} lines but {label} has {len(labels)}")
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["text", "label"])
        w.writerows(zip(texts, labels))


def to_fasttext(data, train_txt, labels_json):
    rows = read_dataset(data)
    # Labels become indices so that labels with spaces or odd characters survive fastText's whitespace tokenizer.
    labels = sorted({label for _, label in rows})
    index = {label: i for i, label in enumerate(labels)}
    with open(train_txt, "w", encoding="utf-8") as out:
        for text, label in rows:
            out.write(f"__label__{index[label]} {normalise(text)}\n")
    with open(labels_json, "w", encoding="utf-8") as f:
        json.dump(labels, f)


def texts(data, out_txt):
    with open(out_txt, "w", encoding="utf-8") as out:
        for text, _ in read_dataset(data):
            out.write(normalise(text) + "\n")


def ft_metrics(data, pred, labels_json, threshold, oos, out_json):
    rows = read_dataset(data)
    with open(labels_json, encoding="utf-8") as f:
        labels = json.load(f)
    with open(pred, encoding="utf-8") as f:
        lines = f.read().split("\n")[: len(rows)]
    if len(lines) != len(rows):
        sys.exit(f"{pred}: {len(lines)} predictions for {len(rows)} test rows")
    threshold = float(threshold)
    correct = top1 = rejected = in_scope = in_scope_correct = oos_truth = oos_predicted = oos_hit = 0
    truth_counts, predicted_counts, hits = {}, {}, {}
    for (_, truth), line in zip(rows, lines):
        parts = line.split()
        if parts:
            label, prob = labels[int(parts[0][len("__label__"):])], float(parts[1])
        else:  # empty text after normalisation: fastText predicts nothing
            label, prob = None, 0.0
        top1 += label == truth
        is_oos = label is None or prob < threshold  # the engine's rule: reject when top-1 confidence < threshold
        decision = oos if is_oos else label
        rejected += is_oos
        ok = decision == truth
        correct += ok
        truth_counts[truth] = truth_counts.get(truth, 0) + 1
        predicted_counts[decision] = predicted_counts.get(decision, 0) + 1
        if ok:
            hits[truth] = hits.get(truth, 0) + 1
        if truth == oos:
            oos_truth += 1
            oos_hit += is_oos
        else:
            in_scope += 1
            in_scope_correct += ok
        oos_predicted += is_oos
    f1s = []
    for c in set(truth_counts) | set(predicted_counts):
        tp = hits.get(c, 0)
        p = tp / predicted_counts[c] if predicted_counts.get(c) else 0.0
        r = tp / truth_counts[c] if truth_counts.get(c) else 0.0
        f1s.append(2 * p * r / (p + r) if p + r > 0 else 0.0)
    n = len(rows)
    result = {
        "examples": n,
        "accuracy": correct / n,
        "top1_accuracy": top1 / n,
        "macro_f1": sum(f1s) / len(f1s),
        "in_scope_accuracy": in_scope_correct / in_scope if in_scope else None,
        "oos_precision": (oos_hit / oos_predicted if oos_predicted else 0.0) if oos_truth else None,
        "oos_recall": oos_hit / oos_truth if oos_truth else None,
        "rejected": rejected,
    }
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump(result, f)


def bert_ref(path, out_json):
    # One row per confidence threshold 0.1 … 0.9 (a prediction below it counts as NO_NODES_DETECTED), metrics on the
    # v1 test set. There is no per-query output, so two rows are reported: the lowest threshold (nearly no rejection)
    # and the row with the highest MCC (selected on the test set by whoever reads the table: an optimistic figure).
    with open(path, newline="", encoding="utf-8") as f:
        rows = [{k: float(v) for k, v in r.items()} for r in csv.DictReader(f)]
    pick = lambda r: {"threshold": r["Threshold"], "accuracy": r["Accuracy"], "in_scope_accuracy": r["Inscope Accuracy"],
                      "oos_recall": r["OOS Recall"], "mcc": r["MCC"]}
    lowest = min(rows, key=lambda r: r["Threshold"])
    best = max(rows, key=lambda r: r["MCC"])
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump({"lowest": pick(lowest), "best_mcc": pick(best)}, f)


def throughput(report, out_json):
    cases = []
    with open(report, encoding="utf-8") as f:
        header = f.readline().strip()
        for line in f:
            m = re.match(r"^(.*?)\s+(\d+) predictions/s\s+p50\s+([\d.]+) ms\s+p99\s+([\d.]+) ms(?:\s+mean batch ([\d.]+))?", line)
            if m:
                cases.append({"case": m.group(1).strip(), "per_second": float(m.group(2)), "p50_ms": float(m.group(3)),
                              "p99_ms": float(m.group(4)), "mean_batch": float(m.group(5)) if m.group(5) else None})
    if not cases:
        sys.exit(f"{report}: no measurements found")
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump({"header": header, "cases": cases}, f)


# ---------------------------------------------------------------------------------------------------------- render
def pct(x):
    return "—" if x is None else f"{100 * x:.1f} %"


def num(x):
    return f"{x:,.0f}"


def machine_lines(r):
    m = r["machine"]
    return [
        f"Generated by `{r['command']}` on {r['started']} (UTC), finished {r['finished']}.",
        f"Machine: `nproc` = {m['nproc']}, CPU \"{m['cpu']}\", {m['memory']}, {m['kernel']}; .NET SDK {m['dotnet']}, "
        f"fastText {m['fasttext']} (Debian). Load average (1/5/15 min) at start {m['load_start']}, at end {m['load_end']}"
        f"{' — the machine was busy with other work, so the speed figures are low and noisy' if m['busy'] else ''}.",
        f"Data: `{r['data']}` (not in the repository). Thresholds: both engines reject a request as out of scope when "
        f"its top-1 probability is below {r['threshold']} (our engine's default without OOS training data; the same fixed "
        f"rule for fastText's `predict-prob`; nothing tuned on a test set). fastText: `{r['fasttext_args']}`, text "
        f"lower-cased, whitespace collapsed; our engine: `nlu train` defaults (seed 42).",
    ]


def banking_table(r):
    b = r["banking77"]
    lines = [
        "| data | engine | train examples | top-1 accuracy | accuracy with OOS rule | macro-F1 | train s (wall) | model bytes | predictions/s (1 thread) |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for key, title in (("full", "Banking77 full"), ("shot5", "Banking77 5-shot"), ("shot10", "Banking77 10-shot")):
        run = b[key]
        for engine, e in (("CommerceBrain.Nlu", run["nlu"]), ("fastText", run["fasttext"])):
            lines.append(
                f"| {title} | {engine} | {num(run['train_examples'])} | {pct(e['top1_accuracy'])} | {pct(e['accuracy'])} "
                f"({num(e['rejected'])} rejected) | {e['macro_f1']:.3f} | {e['train_seconds']:.1f} | {num(e['model_bytes'])} | "
                f"{num(e['per_second']) if e.get('per_second') else '—'} |")
    return lines


def hint3_table(r):
    lines = [
        "| bot (test: in-scope / OOS) | engine | train examples | in-scope accuracy | OOS recall | OOS precision | accuracy | train s (wall) |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for bot in r["hint3"]:
        h = r["hint3"][bot]
        title = f"{bot} v2 ({h['in_scope']} / {h['oos']})"
        for engine, e in (("CommerceBrain.Nlu", h["nlu"]), ("fastText", h["fasttext"])):
            lines.append(f"| {title} | {engine} | {h['train_examples']} | {pct(e['in_scope_accuracy'])} | {pct(e['oos_recall'])} | "
                         f"{pct(e['oos_precision'])} | {pct(e['accuracy'])} | {e['train_seconds']:.1f} |")
        for key, label in (("lowest", "lowest threshold"), ("best_mcc", "best MCC on test")):
            bert = h["bert"][key]
            lines.append(f"| {bot} **v1** | BERT (paper), {label}, t = {bert['threshold']:.1f} | — | {pct(bert['in_scope_accuracy'])} | "
                         f"{pct(bert['oos_recall'])} | — | {pct(bert['accuracy'])} | — |")
    return lines


def throughput_table(r, cases=None):
    lines = []
    for run in r["throughput"]:
        lines.append(f"`{run['command']}` — {run['header']}")
        lines.append("")
        lines.append("| case | predictions/s | p50 ms | p99 ms | mean batch |")
        lines.append("|---|---:|---:|---:|---:|")
        for c in run["cases"]:
            if cases and not any(c["case"].startswith(p) for p in cases):
                continue
            mb = "—" if c["mean_batch"] is None else f"{c['mean_batch']:.1f}"
            lines.append(f"| {c['case']} | {num(c['per_second'])} | {c['p50_ms']:.3f} | {c['p99_ms']:.3f} | {mb} |")
        lines.append("")
    return lines


def throughput_summary(r):
    parts = []
    for run in r["throughput"]:
        batch = re.search(r"MaxBatchSize (\d+)", run["header"])
        many = [c for c in run["cases"] if c["case"].startswith("InferenceService") and c["mean_batch"] and not c["case"].startswith("InferenceService, 1 ")]
        one = next((c for c in run["cases"] if c["case"].startswith("InferenceService, 1 ")), None)
        if many and one:
            parts.append(f"MaxBatchSize {batch.group(1) if batch else '?'}: {num(many[-1]['per_second'])} predictions/s "
                         f"({many[-1]['case'].split(', ', 1)[1]}), single-request p99 {one['p99_ms']:.3f} ms")
    return ["**ONNX Runtime with micro-batching**: " + "; ".join(parts) + "."] if parts else []


def block_models(r):
    out = [BEGIN, "<!-- generated by benchmarks/nlu-vs-fasttext.sh; edits between these markers are overwritten -->", ""]
    out += machine_lines(r) + [""]
    out += ["**Banking77** (test.csv: 3,080 examples, 77 intents; few-shot rows train on `fewshot_dnnc/train_5|train_10` "
            "and test on the full test.csv). Macro-F1 is over final decisions (a rejected request counts as the OOS "
            "label), as `nlu eval --json` defines it. Predictions/s: ours is the warm C# forward pass on one thread from "
            "`throughput` (Banking77 full model); fastText's is `fasttext predict` on one thread over the test texts "
            f"repeated {r['ft_repeat']}×, minus the time to load its model (measured on a one-line file).", ""]
    out += banking_table(r) + [""]
    out += ["**HINT3 v2** (per bot; training sets have no out-of-scope examples, `NO_NODES_DETECTED` in test = out of "
            "scope). BERT rows are the paper's own results on the **v1** test set (`reference_results_v1/bert_<bot>.csv`, "
            "labels before the v2 corrections, so not strictly comparable): the file holds one row per threshold "
            "0.1–0.9; shown are the lowest threshold and the row with the best MCC, which is chosen on the test set and "
            "therefore optimistic.", ""]
    out += hint3_table(r) + [""]
    out += ["**Throughput** (Banking77 full model, ONNX Runtime through the micro-batcher; the single sequential "
            "caller's p99 is the single-request latency):", ""]
    out += throughput_summary(r) + [""] + throughput_table(r)
    out.append(END)
    return "\n".join(out)


def block_benchmarks(r):
    out = [BEGIN, "<!-- generated by benchmarks/nlu-vs-fasttext.sh; edits between these markers are overwritten -->", ""]
    out += machine_lines(r) + [""]
    out += banking_table(r)[:2] + banking_table(r)[2:4] + [""]
    out += ["Few-shot and HINT3 rows of the same run: docs/models.md, section \"Measured\".", ""]
    out += throughput_summary(r) + [""] + throughput_table(r, cases=("C# forward pass, 1 thread", "ORT direct", "InferenceService"))
    out.append(END)
    return "\n".join(out)


def replace_block(path, block):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if text.count(BEGIN) != 1 or text.count(END) != 1 or text.index(BEGIN) > text.index(END):
        sys.exit(f"{path}: expected exactly one '{BEGIN}' followed by one '{END}'")
    start, end = text.index(BEGIN), text.index(END) + len(END)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text[:start] + block + text[end:])


def render(results_json, models_md, benchmarks_md):
    with open(results_json, encoding="utf-8") as f:
        r = json.load(f)
    replace_block(models_md, block_models(r))
    replace_block(benchmarks_md, block_benchmarks(r))
    print(block_models(r))


def put(results_json, key, value):
    try:
        with open(results_json, encoding="utf-8") as f:
            results = json.load(f)
    except FileNotFoundError:
        results = {}
    if value.startswith("@"):
        with open(value[1:], encoding="utf-8") as f:
            value = f.read()
    node = results
    *parents, last = key.split(".")
    for k in parents:
        node = node.setdefault(k, {})
    node[last] = json.loads(value)
    with open(results_json, "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1)


COMMANDS = {
    "fewshot-csv": (fewshot_csv, 3), "to-fasttext": (to_fasttext, 3), "texts": (texts, 2),
    "ft-metrics": (ft_metrics, 6), "bert-ref": (bert_ref, 2), "throughput": (throughput, 2), "put": (put, 3), "render": (render, 3),
}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS or len(sys.argv) - 2 != COMMANDS[sys.argv[1]][1]:
        sys.exit(__doc__)
    COMMANDS[sys.argv[1]][0](*sys.argv[2:])
