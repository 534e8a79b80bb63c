#!/usr/bin/env python3
"""Checks a shell completion of pm against what pm itself says, by completing command lines
in that shell:

- every command and nested command (pm norms check, pm roster check) that `--help` lists
  is offered after its parent;
- every option (-x and --xxx) that `pm COMMAND --help` prints is offered after `-`;
- an option that lists its choices ({zh,en}, {table,json,csv,md}...) is completed with
  exactly those;
- the built-in names (`pm norms list`, lib/data/patterns, lib/data/rates) are offered
  where pm accepts them;
- file arguments offer the right kind of file (estates, TOML, roster CSV) and directories.

bash: completions/pm.bash is sourced in `bash --norc`, COMP_WORDS/COMP_CWORD are set as
bash sets them (= splits --format=json into three words) and _pm is called.
zsh: completions/_pm is loaded by compinit from $fpath in an interactive zsh, and TAB is
pressed (zsh-complete.zsh).

usage: check.py bash|zsh SOURCE_DIR PM
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def skip(why):
    if os.environ.get("CI") == "true":
        print(f"FAIL: {why} (CI=true: the test may not be skipped; run .ci/deps --test)")
        sys.exit(1)
    print(f"skipped: {why} (install it with: bash .ci/deps --test)")
    sys.exit(77)


def help_of(pm, path):
    env = dict(os.environ, LANG="C.UTF-8")
    env.pop("PM_LANG", None)
    return subprocess.run([pm, *path, "--help"], capture_output=True, text=True, env=env, check=True).stdout


def section(text, name):
    """The lines of a --help section ("Options:", "Subcommands:"), up to the next blank line."""
    if name + ":" not in text:
        return ""
    return text.split(name + ":", 1)[1].split("\n\n", 1)[0]


def describe(pm, path):
    """Options, {option: choices or None}, and subcommands of `pm PATH --help`."""
    text = help_of(pm, path)
    options, choices = [], {}
    for line in section(text, "Options").splitlines():
        m = re.match(r"^  (-[^\s]+)(?:\s+(\S+))?", line)
        if not m:
            continue
        names = m.group(1).split(",")
        options += names
        kind = m.group(2) or ""
        c = re.search(r":\{([^}]*)\}", kind)
        for n in names:
            choices[n] = c.group(1).split(",") if c else None
    subs = re.findall(r"^  ([a-z][a-z-]*)\s", section(text, "Subcommands"), re.M)
    return options, choices, subs


class Bash:
    def __init__(self, src):
        if not shutil.which("bash"):
            skip("bash is not installed")
        self.file = os.path.join(src, "completions", "pm.bash")

    @staticmethod
    def words(line):
        """COMP_WORDS as bash makes them from LINE (default COMP_WORDBREAKS: = is a word)."""
        words = []
        for w in line.split(" "):
            words += [p for p in re.split(r"(=)", w) if p] or [""]
        return words

    def complete(self, lines, cwd):
        script = [f"source {shlex.quote(self.file)}"]
        for line in lines:
            words = self.words(line)
            script += [
                f"echo {shlex.quote('== ' + line)}",
                "COMP_WORDS=(" + " ".join(shlex.quote(w) for w in words) + ")",
                f"COMP_CWORD={len(words) - 1}",
                f"COMP_LINE={shlex.quote(line)}; COMP_POINT=${{#COMP_LINE}}",
                "_pm",
                "(( ${#COMPREPLY[@]} )) && printf '%s\\n' \"${COMPREPLY[@]}\"",
            ]
        r = subprocess.run(["bash", "--norc", "--noprofile", "-c", "\n".join(script)],
                           capture_output=True, text=True, cwd=cwd)
        if r.returncode != 0 or r.stderr:
            raise SystemExit(f"FAIL: bash completion failed ({r.returncode}):\n{r.stderr[:2000]}")
        return parse(r.stdout)


class Zsh:
    def __init__(self, src):
        if not shutil.which("zsh"):
            skip("zsh is not installed")
        self.dir = os.path.join(src, "completions")
        # It loads when sourced, as its header says, and when autoloaded by compinit.
        for how in [f"autoload -U compinit; compinit -u -D; source {shlex.quote(self.dir)}/_pm",
                    f"fpath=({shlex.quote(self.dir)} $fpath); autoload -U compinit; compinit -u -D; "
                    "(( $+functions[_pm] )) && [[ $_comps[pm] == _pm ]]"]:
            r = subprocess.run(["zsh", "-f", "-c", how], capture_output=True, text=True, timeout=30)
            if r.returncode != 0 or r.stderr:
                raise SystemExit(f"FAIL: zsh -c '{how}' failed ({r.returncode}):\n{r.stderr}")

    def complete(self, lines, cwd):
        try:
            r = subprocess.run(["zsh", "-f", os.path.join(HERE, "zsh-complete.zsh"), self.dir, *lines],
                               capture_output=True, text=True, cwd=cwd, timeout=60)
        except subprocess.TimeoutExpired as e:
            raise SystemExit(f"FAIL: zsh completion did not finish in 60 s:\n{e.stdout}")
        if r.returncode != 0:
            raise SystemExit(f"FAIL: zsh completion failed ({r.returncode}):\n{r.stderr}\n{r.stdout}")
        return parse(r.stdout)


def parse(out):
    """{line: set of matches} from "== LINE" headers followed by matches; a trailing / (zsh's
    mark of a directory) is dropped."""
    result, cur = {}, None
    for l in out.splitlines():
        if l.startswith("== "):
            cur = l[3:]
            result[cur] = set()
        elif cur is not None and l:
            result[cur].add(l.rstrip("/") if l != "/" else l)
    return result


def builtin_names(pm):
    """{'norms': [...], 'labor': [...]} from `pm norms list`."""
    env = dict(os.environ, LANG="C.UTF-8")
    env.pop("PM_LANG", None)
    out = subprocess.run([pm, "norms", "list"], capture_output=True, text=True, env=env, check=True).stdout
    names = {"norms": [], "labor": []}
    for l in out.splitlines():
        m = re.match(r"^(\S+)\s+(?:\*\s+)?(norms|labor)\s", l)
        if m:
            names[m.group(2)].append(m.group(1))
    return names


def stems(d, ext):
    return sorted(f[: -len(ext)] for f in os.listdir(d) if f.endswith(ext))


def main(shell, src, pm):
    sh = Bash(src) if shell == "bash" else Zsh(src)
    problems = []
    expect = []  # (line, check(matches) -> problem or None)

    def offers(line, words, what):
        expect.append((line, lambda got: [f"`{line}<TAB>` does not offer {what} '{w}' (offers: {sorted(got)})"
                                          for w in words if w not in got]))

    def exactly(line, words, what):
        expect.append((line, lambda got: [] if got == set(words) else
                       [f"`{line}<TAB>` offers {sorted(got)}, not {what} {sorted(set(words))}"]))

    # Every command path that --help describes, from the top down.
    paths, i = [[]], 0
    while i < len(paths):
        path = paths[i]
        i += 1
        options, choices, subs = describe(pm, path)
        prefix = " ".join(["pm", *path]) + " "
        if len(options) < 2:
            problems.append(f"found no options in `{prefix}--help`")
        offers(prefix + "-", options, "the option")
        if subs:
            offers(prefix, subs, "the command")
        for s in subs:
            if s != "help" or path:
                paths.append(path + [s])
        for o, c in choices.items():
            if c and o.startswith("--"):
                exactly(prefix + o + " ", c, f"the choices of {o}:")
    if len(paths) < 10 or ["norms", "check"] not in paths or ["roster", "check"] not in paths:
        problems.append(f"`pm --help` lost commands the test expects: {paths}")
    commands = [p[0] for p in paths if len(p) == 1]
    offers("pm help ", commands, "the command")
    offers("pm staff --lang=zh --format=", ["table", "json", "csv", "md"], "the format")
    offers("pm staff --format=json -", ["--norms", "--explain"], "the option")
    offers("pm staff -fjson -", ["--norms", "--explain"], "the option")
    offers("pm --lang zh staff --norms cn-practice -", ["--explain", "--strict"], "the option")
    offers("pm roster --lang zh -n cn-practice check -", ["--start", "--weeks"], "the option")
    expect.append(("pm roster --lang zh -n cn-practice check -", lambda got: [
        f"`pm roster ... check -<TAB>` offers pm roster's own options: {sorted(got & {'--pattern', '--seed', '-o'})}"]
        if got & {"--pattern", "--seed", "-o"} else []))

    # Built-in names, wherever pm takes them.
    names = builtin_names(pm)
    if not names["norms"] or not names["labor"]:
        problems.append(f"`pm norms list` lost its names: {names}")
    offers("pm norms show ", names["norms"] + names["labor"], "the built-in")
    for cmd in ["staff", "budget", "report", "roster", "portfolio", "diff", "roster check"]:
        offers(f"pm {cmd} --norms ", names["norms"], "the norm set")
        offers(f"pm {cmd} -l ", names["labor"], "the labour profile")
    rates = stems(os.path.join(src, "lib", "data", "rates"), ".toml")
    for cmd in ["budget", "report", "diff"]:
        offers(f"pm {cmd} --rates ", rates, "the rates")
    patterns = stems(os.path.join(src, "lib", "data", "patterns"), ".toml")
    exactly("pm roster --pattern ", patterns + ["none"], "the patterns")
    templates = stems(os.path.join(src, "lib", "data", "templates"), ".yaml")
    offers("pm init --type ", templates, "the type")

    # Files: each argument offers its kind of file, and directories.
    with tempfile.TemporaryDirectory() as d:
        for f in ["a.yaml", "b.yml", "c.toml", "d.csv", "e.txt", "my estate.yaml"]:
            open(os.path.join(d, f), "w").close()
        os.mkdir(os.path.join(d, "sub"))
        estates = ["a.yaml", "b.yml", "my estate.yaml", "sub"]
        for line in ["pm validate ", "pm validate a.yaml ", "pm staff ", "pm budget -r example ",
                     "pm report --date 2026-01-01 ", "pm diff ", "pm diff a.yaml ", "pm roster check d.csv ",
                     "pm portfolio sub --targets ", "pm --lang en staff "]:
            exactly(line, estates, "the estate files and directories")
        exactly("pm roster ", estates + ["check"], "check, and the estate files and directories")
        exactly("pm roster check ", ["d.csv", "sub"], "the CSV files and directories")
        exactly("pm norms check ", ["c.toml", "sub"], "the TOML files and directories")
        exactly("pm portfolio ", ["sub"], "the directories")
        exactly("pm staff --norms ", names["norms"] + ["c.toml", "sub"], "the norm sets, TOML files and directories")
        exactly("pm staff -o ", ["a.yaml", "b.yml", "c.toml", "d.csv", "e.txt", "my estate.yaml", "sub"],
                "every file")
        exactly("pm staff a", ["a.yaml"], "the estate file")

        got = sh.complete([line for line, _ in expect], d)
    for line, check in expect:
        if line not in got:
            problems.append(f"no completion result for `{line}`")
            continue
        problems += check(got[line])

    for p in problems:
        print("FAIL:", p)
    if problems:
        return 1
    print(f"ok: {shell}: {len(expect)} command lines complete as pm --help says")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("bash", "zsh"):
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
