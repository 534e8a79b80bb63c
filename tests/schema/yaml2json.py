#!/usr/bin/env python3
"""Converts YAML estate files to JSON the way pm reads them, for an independent JSON Schema
validator (ajv) to check: plain scalars are typed by the YAML 1.2 core schema as pm's
loader does (null, true/false, decimal and 0x integers, floats, .inf, .nan), so a date such
as 2026-03-01 stays text and "yes" is not a boolean (PyYAML alone follows YAML 1.1).

usage: yaml2json.py IN.yaml OUT.json [IN.yaml OUT.json ...]
Exit status 0 when every file converted; 3 when one could not be (invalid YAML, or a value
JSON can't hold such as .inf); its OUT.json is then not written.
"""
import json
import math
import re
import sys

import yaml


class CoreLoader(yaml.SafeLoader):
    """SafeLoader with the implicit typing of pm's loader (lib/pm/yaml/document.cpp)."""


CoreLoader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+0123456789.")),
]:
    CoreLoader.add_implicit_resolver(tag, re.compile(pattern), first)


def construct_int(loader, node):
    v = loader.construct_scalar(node)
    return int(v, 16) if v.startswith("0x") else int(v, 10)  # "010" is ten, not eight


def construct_float(loader, node):
    v = loader.construct_scalar(node)
    if v.lstrip("+-").lower() == ".inf":
        return -math.inf if v.startswith("-") else math.inf
    if v.lower() == ".nan":
        return math.nan
    return float(v)


CoreLoader.add_constructor("tag:yaml.org,2002:int", construct_int)
CoreLoader.add_constructor("tag:yaml.org,2002:float", construct_float)


def main(args):
    if not args or len(args) % 2:
        print(__doc__, file=sys.stderr)
        return 2
    status = 0
    for src, dst in zip(args[::2], args[1::2]):
        try:
            with open(src, "rb") as f:
                data = yaml.load(f, Loader=CoreLoader)
            text = json.dumps(data, ensure_ascii=False, allow_nan=False)
        except (yaml.YAMLError, ValueError, UnicodeDecodeError) as e:
            print(f"yaml2json: {src}: {e}".splitlines()[0], file=sys.stderr)
            status = 3
            continue
        with open(dst, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
