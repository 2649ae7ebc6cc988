#!/usr/bin/env bash
# Benchmarks kb against its floors and its Python peer; see docs/performance.md.
#
#   bench/run.sh [--sizes 1000,10000] [--runs 5] [--peer-runs N] [--pure-peer-runs N]
#                [--seed 1] [--skip-build]
#
# Builds kb and the floors in Release (build-bench/), generates the vaults
# once into bench/.vaults/ (again only when gen_vault.py changes), then prints
# a Markdown table of medians, beside `rg -l` (Debian's ripgrep, installed
# here when missing and run as root) and the Python peer. The page cache is warm for every figure:
# nothing is dropped (that needs root), so no figure is a cold-disk one.
# KB_BENCH_CXXFLAGS adds compiler flags to the build; PYTHON picks the interpreter.
set -euo pipefail
self=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
cd "$(dirname "$self")/.."

sizes=1000,10000
runs=5
peer_runs=
pure_peer_runs=
seed=1
build=1
python=${PYTHON:-python3}
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --peer-runs) peer_runs=$2; shift 2 ;;
    --pure-peer-runs) pure_peer_runs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --skip-build) build=0; shift ;;
    -h|--help) sed -n '2,12p' "$self" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --runs must be a positive number" >&2; exit 2; }

# One run at a time: two would share build-bench/ and skew each other's timings.
mkdir -p bench/.vaults
exec 9>bench/.vaults/.lock
if command -v flock >/dev/null && ! flock -n 9; then
  echo "run.sh: another bench/run.sh is running; waiting for it" >&2
  flock 9
fi

if ! command -v rg >/dev/null; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "run.sh: installing ripgrep (the rg -l column)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep >/dev/null || true
  fi
  command -v rg >/dev/null || echo "run.sh: no rg (apt-get install ripgrep): its column is n/a" >&2
fi

if [[ $build == 1 ]]; then
  cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DKB_BUILD_TESTS=OFF -DKB_WERROR=OFF \
    -DCMAKE_CXX_FLAGS="${KB_BENCH_CXXFLAGS:-}" >/dev/null
  cmake --build build-bench -j"$(nproc)" --target kb_read_floor kb_stat_floor
  log=build-bench/kb-build.log
  # kb is built with -DKB_WERROR=OFF here, so GCC 12's false
  # -Wrestrict warnings at -O3 (GCC bug 105329) cannot stop the benchmark.
  cmake --build build-bench -j"$(nproc)" --target kb >"$log" 2>&1 || true
  if [[ ! -x build-bench/kb ]] || grep -q 'Error [0-9]' "$log"; then
    # kb may not build while it is being written: its figures are then n/a.
    grep -m5 -E 'error' "$log" >&2 || true
    echo "run.sh: kb did not build (see $log); its figures will be n/a" >&2
    rm -f build-bench/kb
  fi
fi

generator_hash=$(sha256sum bench/gen_vault.py | cut -c1-16)
vault_args=()
IFS=, read -ra size_list <<<"$sizes"
for n in "${size_list[@]}"; do
  [[ $n =~ ^[0-9]+$ && $n -ge 100 ]] || { echo "run.sh: bad size '$n' (need >= 100)" >&2; exit 2; }
  vault=bench/.vaults/n$n-s$seed
  stamp=$vault.stamp  # generator hash and the generator's summary line
  if [[ ! -d $vault || ! -f $stamp || $(head -1 "$stamp") != "$generator_hash" ]]; then
    echo "run.sh: generating $vault" >&2
    rm -rf "$vault" "$vault.tmp" "$stamp"
    summary=$("$python" bench/gen_vault.py --notes "$n" --seed "$seed" --out "$vault.tmp")
    mv "$vault.tmp" "$vault"
    printf '%s\n%s\n' "$generator_hash" "$summary" >"$stamp"
  fi
  vault_args+=(--vault "$n=$PWD/$vault")
done

"$python" bench/measure.py --bin build-bench --runs "$runs" ${peer_runs:+--peer-runs "$peer_runs"} \
  ${pure_peer_runs:+--pure-peer-runs "$pure_peer_runs"} \
  --python "$python" --json-out bench/.vaults/last-results.json "${vault_args[@]}"
