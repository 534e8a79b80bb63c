"""Shared by the tests in tests/schema: finding ajv, and running it on many files at once."""
import json
import os
import shutil
import subprocess
import sys

SKIP = 77  # CTest's SKIP_RETURN_CODE for these tests


def skip_or_fail(why):
    """A missing tool skips the test, except in CI (CI=true), where it fails it."""
    if os.environ.get("CI", "").lower() == "true":
        print(f"FAIL: {why} (CI=true: the test may not be skipped; run .ci/deps --test)")
        sys.exit(1)
    print(f"skipped: {why} (install it with: bash .ci/deps --test)")
    sys.exit(SKIP)


def find_ajv(src):
    """The ajv-cli that .ci/deps --test installs under .cache/, else $AJV, else ajv on PATH."""
    for candidate in (os.environ.get("AJV"), os.path.join(src, ".cache/npm/node_modules/.bin/ajv"), shutil.which("ajv")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    skip_or_fail("ajv-cli is not installed")


def need_yaml():
    try:
        import yaml  # noqa: F401
    except ImportError:
        skip_or_fail("python3-yaml is not installed")


def ajv_validate(ajv, src, schema, files):
    """Validates every file against the schema with ajv (draft 7, ajv-formats, all errors);
    returns {file: None if valid, else the list of ajv's errors}."""
    cmd = [ajv, "validate", "--spec=draft7", "-c", "ajv-formats", "--all-errors", "--errors=json", "-s", schema]
    for f in files:
        cmd += ["-d", f]
    # ajv-cli loads ajv-formats with require(): let it find the one installed beside it.
    env = dict(os.environ)
    modules = os.path.join(src, ".cache/npm/node_modules")
    env["NODE_PATH"] = modules + (os.pathsep + env["NODE_PATH"] if env.get("NODE_PATH") else "")
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    results = {}
    for line in p.stdout.splitlines():
        if line.endswith(" valid"):
            results[line[: -len(" valid")]] = None
    decoder = json.JSONDecoder()
    text = p.stderr
    pos = 0
    while True:
        at = text.find(" invalid\n", pos)
        if at < 0:
            break
        start = text.rfind("\n", 0, at) + 1
        name = text[start:at]
        errors, end = decoder.raw_decode(text, at + len(" invalid\n"))
        results[name] = errors
        pos = end
    missing = [f for f in files if f not in results]
    if missing:
        print("ajv gave no verdict on", ", ".join(missing))
        print("ajv stdout:", p.stdout, "ajv stderr:", p.stderr, sep="\n")
        sys.exit(1)
    return results
