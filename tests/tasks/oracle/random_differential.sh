#!/usr/bin/env bash
# Random differential test of kb's JavaScript regular expressions against
# node's V8 (docs/tasks-query.md, "Deviations from the plugin"). Not run by
# scripts/test or CI: it needs node (20, as the rows in js_regex_test.cpp).
#
#   tests/tasks/oracle/random_differential.sh [-b BUILD_DIR] [-n COUNT] [-o OUT_DIR] [SEED...]
#
# For each seed (default 1 to 6): js_regex_random.js writes COUNT (default
# 1000) random patterns with node's answers to OUT_DIR/seed-S.tsv, the driver
# (built in BUILD_DIR, default build/) runs them through kb's RegexMatcher and
# writes the rows that differ or that kb refuses to OUT_DIR/seed-S.out, and
# one line sums it up:
#   seed S: N patterns, R refused by kb, D differ, G of them at the match limit
#   (U more refused by the plugin's safety check, X dropped by node)
# Exit 1 when a seed has a differing pattern.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
build_dir=$root/build
count=1000
out_dir=
while getopts b:n:o: option; do
  case $option in
    b) build_dir=$OPTARG ;;
    n) count=$OPTARG ;;
    o) out_dir=$OPTARG ;;
    *) echo "usage: $0 [-b BUILD_DIR] [-n COUNT] [-o OUT_DIR] [SEED...]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
seeds=("$@")
[ ${#seeds[@]} -gt 0 ] || seeds=(1 2 3 4 5 6)
command -v node >/dev/null || { echo "$0: needs node (20)" >&2; exit 2; }
if [ -z "$out_dir" ]; then
  out_dir=$(mktemp -d "${TMPDIR:-/tmp}/kb-js-regex-random.XXXXXX")
fi
mkdir -p "$out_dir"

cmake --build "$build_dir" --target kb_js_regex_random_driver >/dev/null
driver=$build_dir/tests/kb_js_regex_random_driver

status=0
for seed in "${seeds[@]}"; do
  node "$root/tests/tasks/oracle/js_regex_random.js" "$seed" "$count" >"$out_dir/seed-$seed.tsv"
  rc=0
  "$driver" "$out_dir/seed-$seed.tsv" >"$out_dir/seed-$seed.out" || rc=$?
  [ "$rc" -le 1 ] || exit "$rc"
  [ "$rc" -eq 0 ] || status=1
  echo "seed $seed: $(tail -n 1 "$out_dir/seed-$seed.out")"
done
echo "patterns, node's answers and the differing rows: $out_dir"
exit $status
