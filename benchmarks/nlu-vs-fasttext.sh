#!/usr/bin/env bash
# Trains and evaluates CommerceBrain's intent engine and Debian's fastText (apt package `fasttext`, 0.9.2) on the same
# splits in the same run, then writes the results between the `<!-- nlu-benchmark:begin/end -->` markers of
# docs/models.md (section "Measured") and docs/benchmarks.md (section "NLU (intent prediction)").
#
#   benchmarks/nlu-vs-fasttext.sh [--data DIR] [--no-docs] [--seconds S] [--results FILE]
#
#   --data DIR   evaluation data root (default $NLU_BENCH_DATA, else <repo>/../shared/data): banking77/ and hint3/ as
#                described in its README.md
#   --no-docs    print the generated Markdown only, leave docs/ untouched
#   --seconds S  measured seconds per throughput case (default 5)
#   --results F  also keep the raw results as JSON in F (`python3 benchmarks/nlu_vs_fasttext.py render F …` redraws)
#
# Runs: Banking77 full, 5-shot and 10-shot (fewshot_dnnc) → test.csv; HINT3 v2 per bot (curekart, powerplay11,
# sofmattress; NO_NODES_DETECTED = out of scope); the `throughput` benchmark on the Banking77 model. Both engines use
# one fixed out-of-scope rule: reject when the top-1 probability is below THRESHOLD (0.25, our engine's default when
# the training data has no OOS examples). Nothing is tuned on a test set. Progress goes to stderr. Several minutes.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
root=$ROOT
# shellcheck source=benchmarks/lib.sh
source "$ROOT/benchmarks/lib.sh"
DATA=${NLU_BENCH_DATA:-$ROOT/../shared/data}
WRITE_DOCS=1
SECONDS_PER_CASE=5
COMMAND="benchmarks/nlu-vs-fasttext.sh"
KEEP_RESULTS=
while [[ $# -gt 0 ]]; do
  case $1 in
    --data) DATA=$2; COMMAND+=" --data $2"; shift 2 ;;
    --no-docs) WRITE_DOCS=0; COMMAND+=" --no-docs"; shift ;;
    --seconds) SECONDS_PER_CASE=$2; COMMAND+=" --seconds $2"; shift 2 ;;
    --results) KEEP_RESULTS=$2; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

THRESHOLD=0.25
FT_ARGS=$fasttext_args
FT_REPEAT=20        # test texts repeated for fastText's prediction timing, so that loading its model is a small share
BOTS="curekart powerplay11 sofmattress"
OOS=NO_NODES_DETECTED
PY="python3 $ROOT/benchmarks/nlu_vs_fasttext.py"

step() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
die() { echo "nlu-vs-fasttext: $*" >&2; exit 1; }

command -v fasttext >/dev/null || die "fasttext not found; install Debian's package: apt-get install -y fasttext"
command -v python3 >/dev/null || die "python3 not found: apt-get install -y python3"
command -v dotnet >/dev/null || die "dotnet not found (.NET SDK 10 is needed to build the benchmark program)"
[[ -d $DATA ]] || die "data directory '$DATA' not found; pass --data DIR or set NLU_BENCH_DATA (expected banking77/ and hint3/ as in /work/shared/data)"
DATA=$(cd "$DATA" && pwd)
for f in banking77/train.csv banking77/test.csv banking77/fewshot_dnnc/train_5/seq.in banking77/fewshot_dnnc/train_10/label; do
  [[ -f $DATA/$f ]] || die "missing $DATA/$f"
done
for bot in $BOTS; do
  for f in hint3/v2/train/${bot}_train.csv hint3/v2/test/${bot}_test.csv hint3/reference_results_v1/bert_${bot}.csv; do
    [[ -f $DATA/$f ]] || die "missing $DATA/$f"
  done
done

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
RESULTS=$WORK/results.json
put() { $PY put "$RESULTS" "$1" "$2"; }
now() { date +%s.%N; }
elapsed() { python3 -c 'import sys; print(f"{float(sys.argv[2]) - float(sys.argv[1]):.3f}")' "$1" "$2"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
json_str() { python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$1"; }

LOAD_START=$(loadavg)
put started "$(json_str "$(date -u '+%Y-%m-%d %H:%M')")"
put command "$(json_str "$COMMAND")"
put data "$(json_str "$DATA")"
put threshold "$THRESHOLD"
put fasttext_args "$(json_str "fasttext supervised $FT_ARGS")"
put ft_repeat "$FT_REPEAT"

step "building benchmarks/CommerceBrain.Nlu.Benchmarks (Release)"
dotnet build -c Release "$ROOT/benchmarks/CommerceBrain.Nlu.Benchmarks" -v q -nologo >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log" >&2; die "build failed"; }
NLU="$ROOT/benchmarks/CommerceBrain.Nlu.Benchmarks/bin/Release/net10.0/CommerceBrain.Nlu.Benchmarks"

# run_pair KEY TITLE TRAIN.csv TEST.csv OOS_LABEL: trains and evaluates both engines; results under KEY.
run_pair() {
  local key=$1 title=$2 train=$3 test=$4 oos=$5 dir=$WORK/$1 t0 t1
  mkdir -p "$dir"
  put "$key.train_examples" "$(python3 -c 'import csv,sys; print(sum(1 for _ in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"))))' "$train")"

  step "$title: fastText train"
  $PY to-fasttext "$train" "$dir/train.txt" "$dir/labels.json"
  $PY texts "$test" "$dir/test.txt"
  t0=$(now)
  # shellcheck disable=SC2086
  fasttext supervised -input "$dir/train.txt" -output "$dir/ft" $FT_ARGS -verbose 0
  t1=$(now)
  step "$title: fastText predict"
  fasttext predict-prob "$dir/ft.bin" "$dir/test.txt" 1 >"$dir/ft.pred"
  $PY ft-metrics "$test" "$dir/ft.pred" "$dir/labels.json" "$THRESHOLD" "$oos" "$dir/ft.json"
  put "$key.fasttext" "@$dir/ft.json"
  put "$key.fasttext.train_seconds" "$(elapsed "$t0" "$t1")"
  put "$key.fasttext.model_bytes" "$(stat -c %s "$dir/ft.bin")"
  if [[ $key == banking77.full ]]; then
    step "$title: fastText prediction speed (test texts ×$FT_REPEAT, one thread)"
    local per_second load
    read -r per_second load < <(fasttext_prediction_rate "$dir/ft.bin" "$dir/test.txt" "$FT_REPEAT")
    put "$key.fasttext.per_second" "$per_second"
    put "$key.fasttext.load_seconds" "$load"
  fi
  rm -f "$dir/ft.bin" "$dir/ft.vec" # 800 MB each

  step "$title: CommerceBrain.Nlu train"
  t0=$(now)
  "$NLU" nlu train --data "$train" --out "$dir/nlu" --quiet >/dev/null
  t1=$(now)
  step "$title: CommerceBrain.Nlu eval"
  "$NLU" nlu eval --model "$dir/nlu" --test "$test" --json --oos-label "$oos" >"$dir/nlu.json"
  put "$key.nlu" "@$dir/nlu.json"
  put "$key.nlu.train_seconds" "$(elapsed "$t0" "$t1")"
}

run_pair banking77.full "Banking77 full" "$DATA/banking77/train.csv" "$DATA/banking77/test.csv" oos
for k in 5 10; do
  $PY fewshot-csv "$DATA/banking77/fewshot_dnnc/train_$k/seq.in" "$DATA/banking77/fewshot_dnnc/train_$k/label" "$WORK/train_$k.csv"
  run_pair "banking77.shot$k" "Banking77 $k-shot" "$WORK/train_$k.csv" "$DATA/banking77/test.csv" oos
done

for bot in $BOTS; do
  test=$DATA/hint3/v2/test/${bot}_test.csv
  run_pair "hint3.$bot" "HINT3 v2 $bot" "$DATA/hint3/v2/train/${bot}_train.csv" "$test" "$OOS"
  put "hint3.$bot.oos" "$(python3 -c 'import csv,sys; print(sum(r["label"].strip() == sys.argv[2] for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"))))' "$test" "$OOS")"
  put "hint3.$bot.in_scope" "$(python3 -c 'import csv,sys; print(sum(r["label"].strip() != sys.argv[2] for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"))))' "$test" "$OOS")"
  $PY bert-ref "$DATA/hint3/reference_results_v1/bert_${bot}.csv" "$WORK/bert_$bot.json"
  put "hint3.$bot.bert" "@$WORK/bert_$bot.json"
done

i=0
for batch in "" 8; do
  args=(throughput --model "$WORK/banking77.full/nlu" --texts "$DATA/banking77/test.csv" --seconds "$SECONDS_PER_CASE" --callers 1,64)
  [[ -n $batch ]] && args+=(--max-batch "$batch")
  step "throughput${batch:+ (MaxBatchSize $batch)}: ${SECONDS_PER_CASE} s per case after 1 s warm-up, 6 cases"
  "$NLU" "${args[@]}" >"$WORK/throughput$i.txt"
  $PY throughput "$WORK/throughput$i.txt" "$WORK/throughput$i.json"
  put "throughput_run$i" "@$WORK/throughput$i.json"
  shown="\$NLU throughput --model <Banking77 full model> --texts banking77/test.csv --seconds $SECONDS_PER_CASE --callers 1,64${batch:+ --max-batch $batch}"
  put "throughput_run$i.command" "$(json_str "$shown")"
  i=$((i + 1))
done
# Our engine's single-thread figure for the Banking77 table: the warm C# forward pass.
python3 - "$RESULTS" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
r["throughput"] = [r.pop("throughput_run0"), r.pop("throughput_run1")]
r["banking77"]["full"]["nlu"]["per_second"] = next(c["per_second"] for c in r["throughput"][0]["cases"] if c["case"] == "C# forward pass, 1 thread")
json.dump(r, open(sys.argv[1], "w"), indent=1)
PY

LOAD_END=$(loadavg)
put finished "$(json_str "$(date -u '+%H:%M')")"
put machine "$(python3 - "$LOAD_START" "$LOAD_END" "$(nproc)" <<'PY'
import json, platform, subprocess, sys
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
mem = next((f"{round(int(l.split()[1]) / 2**20)} GiB" for l in open("/proc/meminfo") if l.startswith("MemTotal")), "?")
fasttext = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "fasttext"], capture_output=True, text=True).stdout or "?"
dotnet = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
nproc = int(sys.argv[3])
load1 = max(float(sys.argv[1].split()[0]), float(sys.argv[2].split()[0]))
print(json.dumps({"nproc": nproc, "cpu": cpu, "memory": mem, "kernel": f"{platform.system()} {platform.release()}",
                  "dotnet": dotnet, "fasttext": fasttext, "load_start": sys.argv[1], "load_end": sys.argv[2],
                  "busy": load1 > nproc}))
PY
)"

[[ -z $KEEP_RESULTS ]] || cp "$RESULTS" "$KEEP_RESULTS"
if [[ $WRITE_DOCS == 1 ]]; then
  step "writing docs/models.md and docs/benchmarks.md"
  $PY render "$RESULTS" "$ROOT/docs/models.md" "$ROOT/docs/benchmarks.md"
else
  cp "$ROOT/docs/models.md" "$WORK/models.md"; cp "$ROOT/docs/benchmarks.md" "$WORK/benchmarks.md"
  $PY render "$RESULTS" "$WORK/models.md" "$WORK/benchmarks.md"
fi
step "done"
