#!/usr/bin/env python3
"""A property test of pm's command line: random commands, options and inputs.

Each run picks a command, random options (valid values, wrong ones, out of range, junk) and
random inputs (the examples, mutated estates, directories, stdin, missing paths, devices) and
checks the contract every command keeps, whatever it is given:
  - pm exits 0, 1 or 2: never dies of a signal, never hangs (60 s), never says "internal
    error", "terminate called", or a sanitizer's report;
  - a failure (1 or 2) says why on stderr (a check's findings may go to stdout instead, unless
    -o sends the output to a file);
  - no input changes, however it arrived (a file, stdin, the -o of the same file);
  - pm writes nothing but stdout and the files it was asked for (under out/), leaves no
    temporary file, and prints nothing on stdout when -o names a file;
  - JSON output on stdout parses.
Deterministic for a seed: a failure prints the seed, run number and the command to replay it.

usage: fuzz_cli.py PM SOURCE_DIR WORK_DIR [--runs N] [--seed S]
"""
import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys

ap = argparse.ArgumentParser()
ap.add_argument("pm")
ap.add_argument("src")
ap.add_argument("work")
ap.add_argument("--runs", type=int, default=int(os.environ.get("PM_FUZZ_CLI_RUNS", "300")))
ap.add_argument("--seed", type=int, default=1)
args = ap.parse_args()

PM = os.path.realpath(args.pm)
SRC = os.path.realpath(args.src)
WORK = os.path.realpath(args.work)
TIMEOUT = 60

shutil.rmtree(WORK, ignore_errors=True)
IN, OUT, RUN = (os.path.join(WORK, d) for d in ("in", "out", "run"))
for d in (IN, OUT, RUN):
    os.makedirs(d)


def pm(argv, **kw):
    return subprocess.run([PM, "--lang", "en"] + argv, cwd=RUN, capture_output=True, timeout=TIMEOUT, **kw)


# The input pool: written once; every run checks that none of it changed.
def put(name, data):
    path = os.path.join(IN, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
    return path


def read(path):
    with open(path, "rb") as f:
        return f.read()


EXAMPLE = read(os.path.join(SRC, "examples/residential-145k.yaml")).decode()
SMALL = "format: 1\nid: small\nname: {zh: 小区, en: Small}\ntype: residential\nareas:\n  total: 20000\n"
put("estate.yaml", EXAMPLE)
put("villa.yaml", read(os.path.join(SRC, "examples/villa-riverside.yaml")))
put("small.yaml", SMALL)
put("empty.yaml", "")
put("bad.yaml", "format: 1\nid: [\n")
for name in ("residential-145k", "college-dormitories", "institution-centre"):
    put(f"dir/{name}.yaml", read(os.path.join(SRC, f"examples/{name}.yaml")))
put("city/targets.yaml", read(os.path.join(SRC, "examples/city-portfolio/targets.yaml")))
for i, f in enumerate(sorted(os.listdir(os.path.join(SRC, "examples/city-portfolio/estates")))[:3]):
    put(f"city/estates/{f}", read(os.path.join(SRC, "examples/city-portfolio/estates", f)))
put("norms.toml", pm(["norms", "show", "cn-standard"]).stdout)
put("labor.toml", pm(["norms", "show", "cn"]).stdout)
put("rates.toml", read(os.path.join(SRC, "lib/data/rates/example.toml")))
put("small-roster.csv", pm(["roster", os.path.join(IN, "small.yaml"), "-f", "csv", "--weeks", "1"]).stdout)
put("ledger.csv", read(os.path.join(SRC, "tests/import/en.csv")))
put("notes.txt", "not an estate\n")
MUTATED = os.path.join(IN, "m.yaml")
MUTATED_TOML = os.path.join(IN, "m.toml")  # a norms, labour or rates file, changed each run
put("m.toml", "")
TOMLS = [read(os.path.join(IN, t)).decode() for t in ("norms.toml", "labor.toml", "rates.toml")]
POOL = {os.path.join(r, f): read(os.path.join(r, f)) for r, _, fs in os.walk(IN) for f in fs}

NUMBERS = ["0", "-1", "1", "7", "52", "106", "107", "1e3", "0x10", "2.5", "-0", "1e400", "nan", "99999999999999999999",
           "18446744073709551616", "", "abc", "4294967296", "+5"]
DATES = ["2026-01-05", "2026-02-30", "2026-13-01", "0000-01-01", "9999-12-31", "2026-1-5", "tomorrow", "", "2026-02-28",
         "20260105", "2026-01-05T00:00"]
WORDS = ["", "-", "--", "x", "\x1b[2J", "名", "a b", "--help", "-h", "=", "..", "/", "%s%n", "\u202e"]


def mutate(text, rng):
    """Returns the estate text changed in one to four random ways."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(9)
        i = rng.randrange(len(lines)) if lines else 0
        if not lines:
            lines = [""]
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif op == 2:  # a number changed to something odd
            words = lines[i].split(" ")
            j = rng.randrange(len(words))
            words[j] = rng.choice(NUMBERS + ["~", "[]", "{}", "!!null 5", "!!bool 1", "&a 1", "*a", "'2026-02-17'",
                                             "2026-02-17", "yes", "0777", "1_000", "\"\\0\"", "\"\\e[2J\""])
            lines[i] = " ".join(words)
        elif op == 3:
            lines[i] = " " * rng.randint(0, 6) + lines[i].lstrip()
        elif op == 4:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 5:
            return "\n".join(lines)[: rng.randrange(len(text) + 1)]
        elif op == 6:
            lines.insert(i, rng.choice(["&x", "*x", "? [a]", "<<: *a", "- -", "---", "...", "%YAML 1.1", "\t- a",
                                         "id: dup", "name: \"\\u0000\"", ":", "[", "{", "'"]))
        elif op == 7:
            lines[i] = lines[i].replace(":", "", 1)
        else:
            lines[i] = lines[i] + rng.choice(["  # c", " x", ": 1", "\r"])
    return "\n".join(lines)


def estate_arg(rng, stdin_ok=True):
    """An estate argument and the bytes to give on stdin (None: none)."""
    k = rng.randrange(12)
    if k < 3:
        return os.path.join(IN, rng.choice(["estate.yaml", "villa.yaml", "small.yaml"])), None
    if k < 6:
        return MUTATED, None
    if k == 6:
        return os.path.join(IN, "dir"), None
    if k == 7 and stdin_ok:
        global STDIN_FROM
        STDIN_FROM = rng.choice([MUTATED, os.path.join(IN, "small.yaml"), os.path.join(IN, "estate.yaml")])
        return "-", read(STDIN_FROM)
    if k == 8:
        return os.path.join(IN, rng.choice(["empty.yaml", "bad.yaml", "notes.txt", "norms.toml"])), None
    if k == 9:
        return rng.choice(["/dev/null", os.path.join(IN, "missing.yaml"), IN, "/", "/proc/self/status"]), None
    if k == 10:
        return os.path.join(IN, "city/estates"), None
    return rng.choice(WORDS) or os.path.join(IN, "small.yaml"), None


def output_arg(rng, exts):
    """A value for -o: mostly a new file under out/, sometimes an input, a directory or junk."""
    k = rng.randrange(10)
    if k < 6:
        return os.path.join(OUT, f"o{rng.randrange(1000)}." + rng.choice(exts + ["txt", "bin", ""]))
    if k == 6:
        return "-"
    if k == 7:
        return rng.choice([OUT, os.path.join(OUT, "no/such/dir/x.md"), "/dev/null", "/dev/full"])
    if k == 8:
        return rng.choice([os.path.join(IN, "estate.yaml"), MUTATED, os.path.join(IN, "small.yaml")])
    return rng.choice(WORDS) or os.path.join(OUT, "x")


def value(rng, kind, formats):
    if kind == "format":
        return rng.choice(formats + ["", "JSON", "xml", "table,json"]) if rng.random() < 0.9 else rng.choice(WORDS)
    if kind == "int":
        return rng.choice(NUMBERS)
    if kind == "date":
        return rng.choice(DATES)
    if kind == "norms":
        return rng.choice(["cn-standard", "cn-practice", "nope", os.path.join(IN, "norms.toml"), MUTATED, "/dev/null",
                           MUTATED_TOML, MUTATED_TOML])
    if kind == "labor":
        return rng.choice(["cn", "nope", os.path.join(IN, "labor.toml"), os.path.join(IN, "norms.toml"), MUTATED_TOML])
    if kind == "rates":
        return rng.choice(["shanghai", "example", "nope", os.path.join(IN, "rates.toml"), os.path.join(IN, "labor.toml"),
                           MUTATED_TOML, MUTATED_TOML])
    if kind == "pattern":
        return rng.choice(["five-three", "four-three", "four-two", "three-three", "two-two", "none", "six-one", ""])
    if kind == "targets":
        return rng.choice([os.path.join(IN, "city/targets.yaml"), os.path.join(IN, "small.yaml"), MUTATED, "/dev/null"])
    if kind == "type":
        return rng.choice(["residential", "villa", "office", "campus_dormitory", "spaceport", ""])
    if kind == "variant":
        return rng.choice(["B: norms=cn-practice", "C: rates=shanghai", "D: grade=1", "E: outsource=cleaning",
                           "F: nope=1", "", ":", "G: grade=99", "H: labor=cn, rates=beijing"])
    return rng.choice(WORDS)


# The commands: (name words, positional kinds, options {flag: kind}, formats, output extensions).
COMMON = {"-n": "norms", "--norms": "norms", "-l": "labor", "--labor": "labor"}
COMMANDS = [
    (["validate"], ["estates"], {"-f": "format", "-v": None, "--jobs": "int", "-j": "int"}, ["text", "json", "github"], []),
    (["staff"], ["estate"], {**COMMON, "-f": "format", "-o": "output", "-e": None, "--strict": None},
     ["table", "json", "csv", "md"], ["md", "csv", "json"]),
    (["budget"], ["estate"], {**COMMON, "-r": "rates", "-f": "format", "-o": "output", "-e": None},
     ["table", "json", "csv", "md", "xlsx"], ["md", "csv", "json", "xlsx"]),
    (["roster"], ["estate"], {**COMMON, "--start": "date", "--weeks": "int", "--pattern": "pattern", "--min": None,
                              "--seed": "int", "--fair": None, "-f": "format", "-o": "output"},
     ["grid", "csv", "json", "ics", "html", "md"], ["csv", "ics", "html", "md", "json"]),
    (["roster", "check"], ["roster", "estate"], {**COMMON, "--start": "date", "--weeks": "int"}, [], []),
    (["report"], ["estate"], {**COMMON, "-r": "rates", "-f": "format", "--date": "date", "--provenance": None,
                              "-o": "output"}, ["md", "html", "xlsx", "docx", "json"], ["md", "html", "xlsx", "docx"]),
    (["portfolio"], ["dir"], {**COMMON, "-t": "targets", "-r": "rates", "-f": "format", "-o": "output"},
     ["table", "json", "csv", "md", "html"], ["md", "csv", "html", "json"]),
    (["diff"], ["estate", "estate"], {**COMMON, "-r": "rates", "-f": "format"}, ["text", "md", "json"], []),
    (["compare"], ["estates"], {**COMMON, "-r": "rates", "--variant": "variant", "-f": "format", "-o": "output"},
     ["table", "md", "csv", "html", "json", "xlsx", "docx"], ["md", "csv", "html", "xlsx", "docx"]),
    (["init"], ["new"], {"-t": "type"}, [], []),
    (["import"], ["ledger"], {"-i": "into", "--force": None}, [], []),
    (["norms", "list"], [], {}, [], []),
    (["norms", "show"], ["name"], {}, [], []),
    (["norms", "check"], ["toml"], {}, [], []),
    (["rates", "list"], [], {}, [], []),
    (["rates", "show"], ["name"], {}, [], []),
    (["rates", "check"], ["toml"], {}, [], []),
    (["rates", "init"], ["new"], {"--from": "rates"}, [], []),
    (["help"], ["word"], {}, [], []),
    (["stafff"], ["estate"], {}, [], []),
]


STDIN_FROM = None  # the file whose bytes estate_arg gave on stdin


def make_run(rng):
    """Returns (argv, stdin bytes or None, -o target or None)."""
    global STDIN_FROM
    STDIN_FROM = None
    words, positionals, options, formats, exts = rng.choice(COMMANDS)
    argv, stdin, target = list(words), None, None
    for kind in positionals:
        if kind == "estate":
            a, s = estate_arg(rng, stdin is None)
            stdin = s if s is not None else stdin
            argv.append(a)
        elif kind == "estates":
            for _ in range(rng.randint(1, 3)):
                a, s = estate_arg(rng, stdin is None)
                stdin = s if s is not None else stdin
                argv.append(a)
        elif kind == "dir":
            argv.append(rng.choice([os.path.join(IN, "city"), os.path.join(IN, "dir"), IN, MUTATED, "/nonexistent"]))
        elif kind == "roster":
            argv.append(rng.choice([os.path.join(IN, "small-roster.csv"), os.path.join(IN, "ledger.csv"), MUTATED]))
        elif kind == "new":
            argv.append(rng.choice([os.path.join(OUT, f"n{rng.randrange(100)}.yaml"), os.path.join(IN, "small.yaml"),
                                    os.path.join(OUT, "no/dir/x.yaml"), OUT]))
        elif kind == "ledger":
            argv.append(rng.choice([os.path.join(IN, "ledger.csv"), MUTATED, os.path.join(IN, "small-roster.csv")]))
        elif kind == "toml":
            argv.append(rng.choice([os.path.join(IN, t) for t in ("norms.toml", "labor.toml", "rates.toml")]
                                   + [MUTATED, MUTATED_TOML, MUTATED_TOML]))
        elif kind == "name":
            argv.append(rng.choice(["cn-standard", "cn", "shanghai", "nope", ""]))
        else:
            argv.append(rng.choice(["staff", "roster", "nope", ""]))
    flags = list(options)
    for _ in range(rng.randint(0, 4)):
        if not flags:
            break
        flag = rng.choice(flags)
        kind = options[flag]
        if kind is None:
            argv.append(flag)
        elif kind == "output":
            target = output_arg(rng, exts)
            argv += [flag, target]
        elif kind == "into":
            into = rng.choice([os.path.join(OUT, "imp"), os.path.join(IN, "dir"), "/dev/null"])
            argv += [flag, into]
            target = into
        else:
            argv += [flag, value(rng, kind, formats)]
    # The estate arrived on stdin: half the time, -o names the very file it came from (as in
    # `pm staff - -o e.yaml < e.yaml`), which pm must refuse to overwrite.
    if STDIN_FROM and "-o" in options and target is None and rng.random() < 0.5:
        target = STDIN_FROM
        argv += ["-o", target]
    if rng.random() < 0.05:
        argv.insert(rng.randrange(len(argv) + 1), rng.choice(["--bom", "--lang", "--nope", "-x", "--", "-"]))
    return argv, stdin, target


def snapshot():
    """Every file under the work directory outside out/, with a hash of its bytes."""
    seen = {}
    for root, dirs, files in os.walk(WORK):
        if os.path.commonpath([root, OUT]) == OUT:
            continue
        for f in files:
            p = os.path.join(root, f)
            seen[p] = hashlib.sha1(read(p)).hexdigest() if os.path.isfile(p) else "?"
    return seen


BAD_WORDS = ["internal error", "terminate called", "Assertion", "AddressSanitizer", "runtime error:",
             "LeakSanitizer", "Segmentation fault", "std::bad_alloc", "core dumped"]

rng = random.Random(args.seed)
failures = []
for n in range(args.runs):
    with open(MUTATED, "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write(mutate(EXAMPLE if rng.random() < 0.7 else SMALL, rng))
    with open(MUTATED_TOML, "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write(mutate(TOMLS[rng.randrange(3)], rng))
    before = snapshot()
    argv, stdin, target = make_run(rng)
    why = []
    try:
        r = pm(argv, input=stdin if stdin is not None else b"", env={**os.environ, "PM_LANG": "en"})
        rc, out, err = r.returncode, r.stdout, r.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        rc, out, err = None, b"", ""
        why.append(f"no answer within {TIMEOUT} s")
    if rc is not None and rc not in (0, 1, 2):
        why.append(f"exit {rc}" + (" (killed by a signal)" if rc < 0 else ""))
    for w in BAD_WORDS:
        if w in err:
            why.append(f"stderr says {w!r}")
    # A refusal or a failed check says why: on stderr, or (a check's findings) on stdout when
    # that is where the output goes.
    if rc in (1, 2) and not err.strip() and (target not in (None, "-") or not out.strip()):
        why.append(f"exit {rc} with no word of why on stderr" + ("" if target in (None, "-") else f" (-o {target})"))
    after = snapshot()
    # What pm was asked to write: -o's file, or the directory -o or --into names, and what
    # is under it.
    asked = os.path.realpath(os.path.join(RUN, target)) if target not in (None, "", "-") else None
    # The command's inputs: the paths among its arguments (a directory: all under it), and the
    # file whose bytes came on stdin. Another file of the pool may be -o's target (the user asked
    # for it to be replaced); an input never.
    inputs = set()
    named = [a for i, a in enumerate(argv) if i == 0 or argv[i - 1] not in ("-o", "--output", "-i", "--into")]
    for a in named + ([STDIN_FROM] if STDIN_FROM else []):
        p = os.path.realpath(os.path.join(RUN, a)) if a else None
        if p and os.path.isdir(p):
            inputs.update(q for q in before if q.startswith(p.rstrip("/") + "/"))
        elif p in before:
            inputs.add(p)
    changed = sorted(p for p in before if after.get(p) != before[p] and (p in inputs or p != asked))
    added = sorted(p for p in after if p not in before
                   and not (asked and (p == asked or p.startswith(asked.rstrip("/") + "/"))))
    if changed:
        why.append("changed or removed an input: " + ", ".join(os.path.relpath(p, WORK) for p in changed))
    if added:
        why.append("wrote outside stdout and -o: " + ", ".join(os.path.relpath(p, WORK) for p in added))
    for root, dirs, files in os.walk(OUT):
        for f in files:
            if ".tmp-" in f or f.endswith(".staged") or ".new-" in f:
                why.append("left a temporary file: " + os.path.relpath(os.path.join(root, f), WORK))
    helped = "--help" in argv or "-h" in argv
    if target and target not in ("-", "") and not target.startswith("/dev/") and out and not helped:
        why.append(f"printed {len(out)} bytes on stdout with -o {target}")
    fmt = argv[argv.index("-f") + 1] if "-f" in argv[:-1] else None
    if rc == 0 and fmt == "json" and not target and out:
        try:
            json.loads(out)
        except ValueError as e:
            why.append(f"JSON on stdout does not parse: {e}")
    if why:
        failures.append((n, argv, stdin is not None, why, err[-600:]))
    # Put the pool back as it was for the next run (a failure above is already recorded).
    for p in changed:
        if p in POOL:
            os.makedirs(os.path.dirname(p), exist_ok=True)
            if os.path.isdir(p) and not os.path.islink(p):
                shutil.rmtree(p)
            elif os.path.lexists(p):
                os.unlink(p)
            with open(p, "wb") as f:
                f.write(POOL[p])
    for p in added:
        if os.path.isdir(p) and not os.path.islink(p):
            shutil.rmtree(p)
        elif os.path.lexists(p):
            os.unlink(p)
    shutil.rmtree(OUT)
    os.makedirs(OUT)

for n, argv, piped, why, err in failures[:20]:
    print(f"FAIL run {n} (seed {args.seed}): pm --lang en {' '.join(repr(a) if not a or ' ' in a else a for a in argv)}"
          + (" < (stdin)" if piped else ""))
    for w in why:
        print(f"  - {w}")
    print("  stderr: " + err.strip().replace("\n", "\n          "))
print(f"{args.runs} runs, seed {args.seed}: {len(failures)} broke the contract")
sys.exit(1 if failures else 0)
