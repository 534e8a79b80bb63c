#!/usr/bin/env python3
"""Checks that the man pages say what the code does:

- pm.1 lists every command of `pm --help`;
- pm-validate.1 describes every option of `pm validate --help`;
- pm-estate.5 describes every key and every fixed choice (enum) of
  schemas/estate.schema.json and schemas/targets.schema.json, every role id of lib/data/roles/cn.toml and every licence,
  in bold (.B, .BR, .RB lines or \\fB...\\fR), as the pages write them.

usage: sync.py SOURCE_DIR PM
"""
import json
import os
import re
import shlex
import subprocess
import sys


def bold_words(path):
    """Words set in bold in a roff page: arguments of .B, .BR, .RB, .BI, .IB and \\fB spans."""
    words = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n").replace("\\-", "-").replace('\\(dq', '"')
            m = re.match(r"^\.(B|BR|RB|BI|IB)\s+(.*)$", line)
            if m:
                try:
                    args = shlex.split(m.group(2))
                except ValueError:
                    args = m.group(2).split()
                for a in args:
                    words.update(w for w in re.split(r"[\s,;:()\[\]{}|]+", re.sub(r"\\f[BIRP]", " ", a)) if w)
            for span in re.findall(r"\\fB(.*?)\\f[RIP]", line):
                words.update(w for w in re.split(r"[\s,;:()\[\]{}|]+", span) if w)
    return {w.strip(".") for w in words}


def schema_names(node, keys, enums):
    if isinstance(node, dict):
        for k, v in node.get("properties", {}).items():
            keys.add(k)
        for v in node.get("enum", []):
            if isinstance(v, str):
                enums.add(v)
        for v in node.values():
            schema_names(v, keys, enums)
    elif isinstance(node, list):
        for v in node:
            schema_names(v, keys, enums)


def help_of(pm, *args):
    env = dict(os.environ, LANG="C.UTF-8")
    env.pop("PM_LANG", None)
    return subprocess.run([pm, *args, "--help"], capture_output=True, text=True, env=env, check=True).stdout


def main(src, pm):
    man = os.path.join(src, "man")
    problems = []

    # Commands: the lines under "Subcommands:" of pm --help.
    text = help_of(pm)
    commands = re.findall(r"^  ([a-z][a-z-]*)\s", text.split("Subcommands:", 1)[1], re.M)
    if len(commands) < 2:
        problems.append(f"found no commands in `pm --help`:\n{text}")
    pm1 = bold_words(os.path.join(man, "pm.1"))
    problems += [f"pm.1 does not list the command '{c}' of `pm --help`" for c in commands if c not in pm1]

    # Options of pm validate: every -x and --xxx of its help.
    text = help_of(pm, "validate")
    options = set(re.findall(r"(?<![\w-])(--?[a-zA-Z][\w-]*)", text.split("Options:", 1)[1]))
    with open(os.path.join(man, "pm-validate.1"), encoding="utf-8") as f:
        page = f.read().replace("\\-", "-")
    problems += [f"pm-validate.1 does not describe the option {o} of `pm validate --help`"
                 for o in sorted(options) if not re.search(r"(?<![\w-])" + re.escape(o) + r"(?![\w-])", page)]
    if not {"-f", "--format", "-v", "--verbose"} <= options:
        problems.append(f"`pm validate --help` lost options the test expects:\n{text}")

    # The estate format.
    with open(os.path.join(src, "schemas", "estate.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    keys, enums = set(), set()
    schema_names(schema, keys, enums)
    # pm validate checks targets files too; pm-estate.5 describes them.
    with open(os.path.join(src, "schemas", "targets.schema.json"), encoding="utf-8") as f:
        schema_names(json.load(f), keys, enums)
    with open(os.path.join(src, "lib", "data", "roles", "cn.toml"), encoding="utf-8") as f:
        toml = f.read()
    roles = re.findall(r'^\[\[role\]\]\s*\nid\s*=\s*"([^"]+)"', toml, re.M)
    if len(roles) < 10 or len(keys) < 40:
        problems.append(f"found only {len(roles)} roles and {len(keys)} keys: is the test stale?")
    estate5 = bold_words(os.path.join(man, "pm-estate.5"))
    problems += [f"pm-estate.5 does not describe the key '{k}'" for k in sorted(keys) if k not in estate5]
    problems += [f"pm-estate.5 does not name the choice '{e}'" for e in sorted(enums) if e not in estate5]
    problems += [f"pm-estate.5 does not list the role '{r}' of cn.toml" for r in roles if r not in estate5]

    for p in problems:
        print("FAIL:", p)
    if not problems:
        print(f"ok: {len(commands)} commands, {len(options)} options, {len(keys)} keys, {len(enums)} choices, "
              f"{len(roles)} roles documented")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print("usage: sync.py SOURCE_DIR PM", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(os.path.abspath(sys.argv[1]), sys.argv[2]))
