#!/usr/bin/env bash
# Trains and evaluates CommerceBrain's intent model and Debian's fastText (apt package `fasttext`) on the same split
# in the same run, and prints a Markdown table. Usage:
#   benchmarks/nlu-vs-fasttext.sh [train.csv] [test.csv]
# Both files: CSV with a header naming a text column (text|sentence) and a label column (label|category).
set -euo pipefail
TRAIN=${1:-/work/shared/data/banking77/train.csv}
TEST=${2:-/work/shared/data/banking77/test.csv}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
command -v fasttext >/dev/null || { echo "fasttext not found: apt-get install -y fasttext" >&2; exit 1; }

# fastText input: "__label__<label> <text>", lower-cased, whitespace collapsed (text may hold newlines in the CSV).
to_fasttext() {
  python3 - "$1" "$2" <<'PY'
import csv, re, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f, open(sys.argv[2], 'w', encoding='utf-8') as out:
    rows = csv.DictReader(f)
    text_col = 'text' if 'text' in rows.fieldnames else 'sentence'
    label_col = 'label' if 'label' in rows.fieldnames else 'category'
    for r in rows:
        text = re.sub(r'\s+', ' ', r[text_col].lower()).strip()
        out.write(f"__label__{r[label_col].strip().lower()} {text}\n")
PY
}
to_fasttext "$TRAIN" "$WORK/train.txt"
to_fasttext "$TEST" "$WORK/test.txt"

seconds() { python3 -c 'import sys; print(f"{float(sys.argv[2]) - float(sys.argv[1]):.1f}")' "$1" "$2"; }

t0=$(date +%s.%N)
fasttext supervised -input "$WORK/train.txt" -output "$WORK/ft" -epoch 50 -wordNgrams 2 -lr 0.5 -dim 100 -minn 3 -maxn 5 -thread 2 -verbose 0
t1=$(date +%s.%N)
FT_TRAIN=$(seconds "$t0" "$t1")
FT_ACC=$(fasttext test "$WORK/ft.bin" "$WORK/test.txt" | awk '/^P@1/ {printf "%.2f", $2 * 100}')
N=$(wc -l < "$WORK/test.txt")
p0=$(date +%s.%N)
fasttext predict "$WORK/ft.bin" "$WORK/test.txt" > /dev/null
p1=$(date +%s.%N)
FT_PPS=$(python3 -c 'import sys; print(f"{int(sys.argv[1]) / max(float(sys.argv[3]) - float(sys.argv[2]), 1e-9):.0f}")' "$N" "$p0" "$p1")
FT_BYTES=$(stat -c %s "$WORK/ft.bin")

dotnet build -c Release "$ROOT/benchmarks/CommerceBrain.Nlu.Benchmarks" -v q -nologo > /dev/null
NLU="$ROOT/benchmarks/CommerceBrain.Nlu.Benchmarks/bin/Release/net10.0/CommerceBrain.Nlu.Benchmarks"
t0=$(date +%s.%N)
"$NLU" nlu train --data "$TRAIN" --out "$WORK/nlu" --quiet > /dev/null
t1=$(date +%s.%N)
NLU_TRAIN=$(seconds "$t0" "$t1")
NLU_JSON=$("$NLU" nlu eval --model "$WORK/nlu" --test "$TEST" --json)
read -r NLU_ACC NLU_TOP1 NLU_PPS NLU_BYTES <<< "$(python3 -c 'import json,sys; j=json.loads(sys.argv[1]); print("%.2f %.2f %.0f %d" % (j["accuracy"]*100, j["top1_accuracy"]*100, j["predictions_per_second"], j["model_bytes"]))' "$NLU_JSON")"

echo "Machine: $(nproc) cores, $(uname -m); load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"
echo "Train: $TRAIN  Test: $TEST ($N examples)"
echo
echo "fastText predictions/s include loading its model file (fasttext predict has no warm-up); ours are measured after loading."
echo
echo "| model | top-1 accuracy | accuracy with OOS rejection | train s (wall) | predictions/s (1 thread) | model bytes |"
echo "|---|---|---|---|---|---|"
echo "| fastText 0.9.2 (-epoch 50 -wordNgrams 2 -dim 100 -minn 3 -maxn 5) | $FT_ACC % | n/a | $FT_TRAIN | $FT_PPS | $FT_BYTES |"
echo "| CommerceBrain.Nlu (defaults) | $NLU_TOP1 % | $NLU_ACC % | $NLU_TRAIN | $NLU_PPS | $NLU_BYTES |"
