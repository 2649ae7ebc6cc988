#!/usr/bin/env python3
"""Times kb against its floors and its Python peer on generated vaults.

Called by bench/run.sh (which builds the binaries and generates the vaults):

    bench/measure.py --bin build-bench --vault 1000=bench/.vaults/n1000-s1 --runs 5

Every figure is a median over --runs runs after one warm-up run, so the page
cache is warm: nothing is dropped (that needs root) and cold-disk numbers are
not measured. "cold" means kb without its parse cache (--no-cache), not a cold
disk. A kb command that fails or prints nothing (kb not written yet) is
reported as n/a with the reason, and the rest is still measured.
"""
import argparse
import datetime
import json
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

PERSON = "Asaf Levy"
HERE = os.path.dirname(os.path.abspath(__file__))


def run(cmd, timeout=3600):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          timeout=timeout)


def median_seconds(cmd, runs, warmup, ignore_failure=False):
    """(median wall time, mean user+system CPU time) of cmd, with hyperfine when installed."""
    if shutil.which("hyperfine"):
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            args = ["hyperfine", "-N", "--style", "none", "--output", "pipe",
                    "--warmup", str(warmup), "--runs", str(runs), "--export-json", out.name]
            if ignore_failure:
                args.append("--ignore-failure")
            done = run(args + ["--", shlex.join(cmd)])
            if done.returncode != 0:
                raise RuntimeError(f"hyperfine failed: {done.stderr.strip()[:300]}")
            with open(out.name) as f:
                result = json.load(f)["results"][0]
            return result["median"], result["user"] + result["system"]
    for _ in range(warmup):
        run(cmd)
    times = []
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    for _ in range(runs):
        start = time.perf_counter()
        done = run(cmd)
        times.append(time.perf_counter() - start)
        if done.returncode != 0 and not ignore_failure:
            raise RuntimeError(f"exit {done.returncode}: {done.stderr.strip()[:300]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) / runs
    return statistics.median(times), cpu


def peak_rss_bytes(cmd):
    """Peak resident set of one run of cmd."""
    if os.access("/usr/bin/time", os.X_OK):
        with tempfile.NamedTemporaryFile(mode="r", suffix=".txt") as out:
            run(["/usr/bin/time", "-f", "%M", "-o", out.name] + cmd)
            return int(out.read().strip().splitlines()[-1]) * 1024
    # A fresh interpreter, so RUSAGE_CHILDREN covers this one command only.
    probe = ("import resource, subprocess, sys; "
             "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    done = run([sys.executable, "-c", probe] + cmd)
    return int(done.stdout.strip()) * 1024


def probe_kb(cmd):
    """None when cmd works, else why it cannot be measured."""
    if not os.access(cmd[0], os.X_OK):
        return "kb was not built"
    try:
        done = run(cmd, timeout=600)
    except subprocess.TimeoutExpired:
        return "took over 10 minutes"
    if done.returncode != 0:
        first = (done.stderr.strip().splitlines() or [""])[0][:120]
        return f"exit {done.returncode}: {first}"
    if not done.stdout.strip() and not done.stderr.strip():
        return "printed nothing (not implemented yet?)"
    return None


# kb caches a note only once its mtime is older than the start of the run by
# more than two seconds (git's "racily clean" rule; see docs/performance.md):
# a vault written just before the benchmark (run.sh generating it) would make
# the first "warm" runs read and parse most notes, and write the cache each
# time, which inflates the mean CPU time hyperfine reports while the median
# wall time hides it.
SETTLE_SECONDS = 2.5


def wait_until_settled(vault, log):
    newest = 0.0
    for folder, dirs, files in os.walk(vault):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.endswith(".md"):
                newest = max(newest, os.lstat(os.path.join(folder, name)).st_mtime)
    wait = newest + SETTLE_SECONDS - time.time()
    if wait > 0:
        log(f"waiting {wait:.1f} s for the vault's newest note to settle (kb caches only settled notes)")
        time.sleep(wait)


def floor(binary, vault, runs):
    done = run([binary, vault])
    if done.returncode != 0:
        raise RuntimeError(f"{binary}: {done.stderr.strip()}")
    words = done.stdout.split()  # "files N bytes B"
    files, size = int(words[1]), int(words[3])
    return (files, size) + median_seconds([binary, vault], runs, warmup=1)


def measure_size(args, notes, vault, log):
    row = {"size": notes, "vault": vault, "na": {}}
    bench_bin = os.path.join(args.bin, "bench")
    log(f"{notes}: read floor")
    row["files"], row["bytes"], row["read_floor"], row["cpu_read_floor"] = floor(
        os.path.join(bench_bin, "kb_read_floor"), vault, args.runs)
    log(f"{notes}: stat floor")
    _, _, row["stat_floor"], row["cpu_stat_floor"] = floor(
        os.path.join(bench_bin, "kb_stat_floor"), vault, args.runs)

    kb = os.path.join(args.bin, "kb")
    wait_until_settled(vault, log)
    commands = {
        "warm": [kb, "--vault", vault, "person", PERSON],  # probed first: primes the cache
        "cold": [kb, "--vault", vault, "--no-cache", "person", PERSON],
        "regen": [kb, "--vault", vault, "regen", "--all", "--dry-run"],
    }
    for key, cmd in commands.items():
        why = probe_kb(cmd)
        if why:
            row["na"][key] = why
            log(f"{notes}: kb {key}: n/a ({why})")
            continue
        log(f"{notes}: kb {key}")
        row[key], row[f"cpu_{key}"] = median_seconds(cmd, args.runs, warmup=1)
        row[f"rss_{key}"] = peak_rss_bytes(cmd)

    # What a user types instead: ripgrep listing the files that name the
    # person, reading every byte (exit 1 when none does is still a run).
    rg = shutil.which("rg")
    if rg:
        log(f"{notes}: rg -l")
        row["rg"], row["cpu_rg"] = median_seconds([rg, "-l", "-i", "-F", PERSON, vault], args.runs,
                                                  warmup=1, ignore_failure=True)
    else:
        row["na"]["rg"] = "ripgrep is not installed (apt-get install ripgrep)"

    peer = [args.python, os.path.join(HERE, "peer_person.py"), "--vault", vault, PERSON]
    if args.libyaml:
        log(f"{notes}: Python peer, libyaml ({args.peer_runs} runs)")
        row["peer"], row["cpu_peer"] = median_seconds(peer, args.peer_runs, warmup=0)
    else:
        row["na"]["peer"] = "PyYAML has no libyaml (yaml.CSafeLoader)"
    if args.pure_peer_runs > 0:
        log(f"{notes}: Python peer, pure-Python YAML ({args.pure_peer_runs} runs)")
        row["peer_pure"], row["cpu_peer_pure"] = median_seconds(peer + ["--pure-yaml"],
                                                                args.pure_peer_runs, warmup=0)
    return row


def ms(seconds):
    if seconds is None:
        return "n/a"
    return f"{seconds * 1000:.1f}" if seconds < 1 else f"{seconds * 1000:.0f}"


def ratio(a, b):
    return "n/a" if a is None or b is None or b == 0 else f"{a / b:.2f}"


def table(rows):
    head = ["size", "notes", "MB", "read floor ms", "stat floor ms", "rg -l ms", "kb cold ms",
            "kb warm ms", "regen --all ms", "peer ms (libyaml / pure)",
            "peak RSS MB cold/warm/regen", "cold/read floor", "peer/cold", "warm/stat floor",
            "warm/rg", "regen/warm", "RSS/vault bytes", "cold µs/note"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        g = r.get
        rss = [g(f"rss_{k}") for k in ("cold", "warm", "regen")]
        rss_text = "/".join("n/a" if x is None else f"{x / 1e6:.0f}" for x in rss)
        peak = max((x for x in rss if x is not None), default=None)
        per_note = "n/a" if g("cold") is None else f"{g('cold') * 1e6 / r['files']:.1f}"
        cells = [str(r["size"]), str(r["files"]), f"{r['bytes'] / 1e6:.1f}", ms(g("read_floor")),
                 ms(g("stat_floor")), ms(g("rg")), ms(g("cold")), ms(g("warm")), ms(g("regen")),
                 f"{ms(g('peer'))} / {ms(g('peer_pure'))}", rss_text,
                 ratio(g("cold"), g("read_floor")), ratio(g("peer"), g("cold")),
                 ratio(g("warm"), g("stat_floor")), ratio(g("warm"), g("rg")),
                 ratio(g("regen"), g("warm")), ratio(peak, r["bytes"]), per_note]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def cpu_table(rows):
    """CPU time (user + system) per run: what the work costs when the machine is shared."""
    keys = ["read_floor", "stat_floor", "rg", "cold", "warm", "regen", "peer", "peer_pure"]
    head = ["size", "read floor", "stat floor", "rg -l", "kb cold", "kb warm", "regen --all",
            "peer (libyaml)", "peer (pure YAML)"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        cells = [str(r["size"])] + [ms(r.get(f"cpu_{k}")) for k in keys]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def machine():
    def out(cmd):
        try:
            return run(cmd).stdout.strip()
        except OSError:
            return "?"
    model = next((line.split(":", 1)[1].strip() for line in out(["lscpu"]).splitlines()
                  if line.startswith("Model name")), "?")
    return {"nproc": out(["nproc"]), "cpu": model, "kernel": out(["uname", "-r"]),
            "commit": out(["git", "-C", HERE, "rev-parse", "--short", "HEAD"])}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", required=True, help="build folder holding kb and bench/")
    parser.add_argument("--vault", action="append", required=True, metavar="NOTES=DIR")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--peer-runs", type=int, default=None, help="default: --runs")
    parser.add_argument("--pure-peer-runs", type=int, default=None,
                        help="runs of the peer on pure-Python YAML (default: --peer-runs; 0: none)")
    parser.add_argument("--python", default=sys.executable, help="interpreter for the peer")
    parser.add_argument("--json-out", help="also write every figure here")
    args = parser.parse_args()
    args.peer_runs = args.peer_runs or args.runs
    if args.pure_peer_runs is None:
        args.pure_peer_runs = args.peer_runs
    # Whether the peer's interpreter has libyaml's loader (Debian's python3-yaml does).
    args.libyaml = run([args.python, "-c", "import yaml; yaml.CSafeLoader"]).returncode == 0

    def log(message):
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    info = machine()
    info["load_before"] = os.getloadavg()
    rows = []
    for spec in args.vault:
        notes, vault = spec.split("=", 1)
        rows.append(measure_size(args, int(notes), vault, log))
    info["load_after"] = os.getloadavg()

    print(f"\nkb benchmark, {datetime.date.today().isoformat()}, commit {info['commit']}: "
          f"{info['nproc']} × {info['cpu']}, Linux {info['kernel']}; load average "
          f"{info['load_before'][0]:.1f} before, {info['load_after'][0]:.1f} after.")
    print(f"Medians of {args.runs} runs (peer: {args.peer_runs}, on pure-Python YAML: "
          f"{args.pure_peer_runs}) after one warm-up, warm page cache; cold = kb --no-cache; "
          f"rg -l = `rg -l -i -F '{PERSON}' VAULT`; peer = bench/peer_person.py with "
          f"yaml.CSafeLoader (libyaml) / --pure-yaml.\n")
    print(table(rows))
    print("\nCPU time per run, user + system, ms (kb uses every core; the rest one):\n")
    print(cpu_table(rows))
    notes_na = {(k, why) for r in rows for k, why in r["na"].items()}
    for key, why in sorted(notes_na):
        print(f"\nn/a: {'' if key in ('rg', 'peer') else 'kb '}{key}: {why}")
    if args.json_out:
        with open(args.json_out, "w") as f:
            json.dump({"machine": info, "runs": args.runs, "peer_runs": args.peer_runs,
                       "rows": rows}, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
