#!/usr/bin/env python3
"""Write equivalent task files for blumeops, just, Task and make.

    python3 bench/gen.py <dir> <scenario>

writes, inside <dir>:

    tasks/bench.yaml   blumeops (DESIGN §3)
    justfile           just
    Taskfile.yml       Task v3
    Makefile           GNU make

Scenarios:

    basic    40 described tasks, one of them `noop` (runs `true`): start-up, listing, no-op
    chain    1,000 tasks t0000..t0999 running `true`, each depending on its predecessor
    fanout   1,000 independent tasks l0000..l0999 running `true`, and `all` depending on them
    chain-sh, fanout-sh
             the same tasks, each runner with its own default shell: blumeops starts `true`
             without a shell (a step with no shell syntax), just runs `sh -cu`, make starts the
             program directly as it does with its default SHELL
    dag      10,000 tasks; t_i depends on t_{i-1}, t_{i//2}, t_{i//3}; `top` depends on t9999
    output   `big` prints 100 MB of log lines (cat of a generated file); `big-secret` is the
             same task with three secrets registered (blumeops only)

Every runner runs the same processes.  just and make are told to run their command lines with
`bash -e -o pipefail -c`; blumeops, which starts a step without shell syntax directly, is given
`bash -e -o pipefail -c true` for a `true` step, so that it too starts bash; Task runs command
lines through its built-in shell interpreter (it has no other mode).  The `-sh` scenarios drop
all that: each tool does what it does by default.  Task files say `run: once` so that, like blumeops, just and make, every task runs
at most once per invocation.
"""

import os
import sys

SHELL = ["bash", "-e", "-o", "pipefail", "-c"]

OUTPUT_BYTES = 100_000_000
OUTPUT_FILE = "out/lines.txt"
SECRETS = {"A": "BENCH_SECRET_A", "B": "BENCH_SECRET_B", "C": "BENCH_SECRET_C"}


class Task:
    def __init__(self, name, run=None, deps=(), description=None, secrets=None, blumeops_only=False):
        self.name = name
        self.run = run  # a shell command line, or None for a pure aggregate
        self.deps = list(deps)
        self.description = description
        self.secrets = secrets or {}
        self.blumeops_only = blumeops_only


# ---------------------------------------------------------------- scenarios

VERBS = ["provision", "deploy", "check", "sync", "backup", "restore", "lint", "render"]
NOUNS = ["indri", "sifaka", "ringtail", "caddy", "zot"]


def basic():
    tasks = [Task("noop", "true", description="Do nothing (runs true)")]
    for verb in VERBS:
        for noun in NOUNS:
            if len(tasks) == 40:
                break
            tasks.append(Task(f"{verb}-{noun}", "true", description=f"{verb.capitalize()} {noun} (benchmark stand-in)"))
    assert len(tasks) == 40
    return tasks


def chain(n=1000):
    return [Task(f"t{i:04d}", "true", deps=[f"t{i - 1:04d}"] if i else []) for i in range(n)]


def fanout(n=1000):
    leaves = [Task(f"l{i:04d}", "true") for i in range(n)]
    return leaves + [Task("all", None, deps=[t.name for t in leaves])]


def dag(n=10000):
    tasks = []
    for i in range(n):
        deps = []
        for j in (i - 1, i // 2, i // 3):
            if 0 <= j < i and f"t{j:04d}" not in deps:
                deps.append(f"t{j:04d}")
        tasks.append(Task(f"t{i:04d}", "true", deps=deps))
    return tasks + [Task("top", None, deps=[f"t{n - 1:04d}"])]


def output(directory):
    write_output_file(os.path.join(directory, OUTPUT_FILE))
    command = f"cat {OUTPUT_FILE}"
    secrets = {name: f"env:{var}" for name, var in SECRETS.items()}
    return [
        Task("big", command, description="Print 100 MB of log lines"),
        Task("big-secret", command, description="Print 100 MB of log lines, three secrets registered",
             secrets=secrets, blumeops_only=True),
    ]


def write_output_file(path):
    """About 100 MB of varied, realistic log lines (no secret value occurs in them)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    levels = ["INFO", "INFO", "INFO", "DEBUG", "WARN"]
    services = ["caddy", "zot", "forgejo", "prometheus", "loki", "grafana", "argocd"]
    block = []
    for i in range(10000):
        block.append(
            f"2025-06-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:{(i * 7) % 60:02d}Z {levels[i % 5]:5} "
            f"{services[i % 7]}[{i % 13}] handled request id={i:06d} status={(200, 200, 204, 304, 500)[i % 5]} in {i % 97}ms\n"
        )
    chunk = "".join(block).encode()
    written = 0
    with open(path, "wb") as f:
        while written + len(chunk) <= OUTPUT_BYTES:
            f.write(chunk)
            written += len(chunk)
        rest = chunk[: OUTPUT_BYTES - written]
        rest = rest[: rest.rfind(b"\n") + 1]
        f.write(rest)


# ---------------------------------------------------------------- emitters

def yaml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def blumeops(tasks, own_shell=False):
    out = ["# Generated by bench/gen.py", "tasks:"]
    for t in tasks:
        out.append(f"  {t.name}:")
        if t.description:
            out.append(f"    description: {yaml_str(t.description)}")
        if t.deps:
            out.append(f"    depends: [{', '.join(t.deps)}]")
        if t.secrets:
            pairs = ", ".join(f"{k}: {v}" for k, v in t.secrets.items())
            out.append(f"    secrets: {{{pairs}}}")
        if t.run is not None:
            # `true` needs no shell, so blumeops would not start one; for equal work, ask for it.
            run = t.run if own_shell or t.run != "true" else " ".join(SHELL + [t.run])
            out.append(f"    run: {yaml_str(run)}")
    return "\n".join(out) + "\n"


def justfile(tasks, own_shell=False):
    shell = ", ".join(f'"{w}"' for w in SHELL)
    out = ["# Generated by bench/gen.py"] + ([] if own_shell else [f"set shell := [{shell}]"]) + [""]
    for t in tasks:
        if t.blumeops_only:
            continue
        if t.description:
            out.append(f"# {t.description}")
        out.append(f"{t.name}:{''.join(' ' + d for d in t.deps)}")
        if t.run is not None:
            out.append(f"    {t.run}")
        out.append("")
    return "\n".join(out)


def taskfile(tasks, prefixed=False):
    out = ["# Generated by bench/gen.py", "version: '3'", "run: once"]
    if prefixed:
        out.append("output: prefixed")
    out.append("tasks:")
    for t in tasks:
        if t.blumeops_only:
            continue
        out.append(f"  {t.name}:")
        if t.description:
            out.append(f"    desc: {yaml_str(t.description)}")
        if t.deps:
            out.append(f"    deps: [{', '.join(t.deps)}]")
        if t.run is not None:
            out.append(f"    cmds:\n      - {yaml_str(t.run)}")
    return "\n".join(out) + "\n"


def makefile(tasks, own_shell=False):
    out = ["# Generated by bench/gen.py"]
    if not own_shell:
        out += ["SHELL := /bin/bash", ".SHELLFLAGS := " + " ".join(SHELL[1:])]
    out.append("")
    names = [t.name for t in tasks if not t.blumeops_only]
    for i in range(0, len(names), 20):
        out.append(".PHONY: " + " ".join(names[i:i + 20]))
    out.append("")
    for t in tasks:
        if t.blumeops_only:
            continue
        out.append(f"{t.name}:{''.join(' ' + d for d in t.deps)}")
        if t.run is not None:
            out.append(f"\t{t.run}")
    return "\n".join(out) + "\n"


SCENARIOS = {
    "basic": basic, "chain": chain, "fanout": fanout, "dag": dag, "chain-sh": chain, "fanout-sh": fanout,
}


def main(argv):
    if len(argv) != 3 or argv[2] not in list(SCENARIOS) + ["output"]:
        sys.exit(f"usage: {argv[0]} <dir> {{{'|'.join(list(SCENARIOS) + ['output'])}}}")
    directory, scenario = argv[1], argv[2]
    os.makedirs(os.path.join(directory, "tasks"), exist_ok=True)
    tasks = output(directory) if scenario == "output" else SCENARIOS[scenario]()
    own_shell = scenario.endswith("-sh")
    files = {
        "tasks/bench.yaml": blumeops(tasks, own_shell),
        "justfile": justfile(tasks, own_shell),
        "Taskfile.yml": taskfile(tasks, prefixed=(scenario == "output")),
        "Makefile": makefile(tasks, own_shell),
    }
    for name, text in files.items():
        with open(os.path.join(directory, name), "w") as f:
            f.write(text)


if __name__ == "__main__":
    main(sys.argv)
