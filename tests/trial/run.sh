#!/usr/bin/env bash
# Scores minsheng on the trial notices (constructed notices with hand-written answer keys).
#   tests/trial/run.sh             # one line per notice, then a summary
#   tests/trial/run.sh -v          # also every miss (project, field, got != want)
#   MINSHENG=path/to/minsheng tests/trial/run.sh
#   KEEP=dir tests/trial/run.sh    # keep the parser's JSON (dir/NAME.json) and stderr (dir/NAME.err)
# Does not build: uses $MINSHENG or target/release/minsheng (cargo build --release).
# Exit 1 when a notice falls short of 100% on document, categories, projects, lead units,
# measures or targets.
set -u
here=$(cd "$(dirname "$0")" && pwd)
verbose=""; [ "${1:-}" = "-v" ] && verbose=1
bin=${MINSHENG:-$here/../../target/release/minsheng}
[ -x "$bin" ] || { echo "run.sh: no minsheng binary at $bin (set MINSHENG)"; exit 2; }
if [ -n "${KEEP:-}" ]; then out=$KEEP; mkdir -p "$out"; else out=$(mktemp -d); trap 'rm -rf "$out"' EXIT; fi
short=0; n=0
lines=()
for key in "$here"/keys/*.json; do
  name=$(basename "$key" .json)
  file=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1], encoding="utf-8"))["file"])' "$key")
  n=$((n+1))
  "$bin" parse "$here/$file" >"$out/$name.json" 2>"$out/$name.err"
  q=--quiet; [ -n "$verbose" ] && q=""
  line=$(python3 "${SCORE:-$here/../../../shared/score.py}" "$out/$name.json" "$key" $q \
    --min projects_found=1 --min projects_extra=1 --min lead_units=1 --min measures=1 \
    --min target_recall=1 --min target_precision=1 --min document=1 --min categories=1)
  rc=$?
  [ $rc -eq 0 ] || short=$((short+1))
  printf '%s: %s\n' "$name" "$line"
  lines+=("$(printf '%s' "$line" | tail -n 1)")
done
# summary: every field summed over the notices
printf '%s\n' "${lines[@]}" | python3 -c '
import sys, re
tot = {}
order = []
for l in sys.stdin:
    l = l.split(" | ")[-1]
    for f, a, b in re.findall(r"(\w+) (\d+)/(\d+)", l):
        if f not in tot:
            tot[f] = [0, 0]; order.append(f)
        tot[f][0] += int(a); tot[f][1] += int(b)
print("summary:")
for f in order:
    a, b = tot[f]
    if f == "projects_extra":
        print(f"  {f:20s} {a} extra")
    else:
        print(f"  {f:20s} {a}/{b}" + (f"  {100*a/b:.1f}%" if b else ""))
'
echo "$((n-short))/$n notices read in full"
[ $short -eq 0 ]
