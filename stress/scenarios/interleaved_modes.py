"""Issue 12, item 1: 300 tasks each writing 3,000 lines to stdout and stderr alternately, at
-j 32, in every output mode; no spurious failure, every line arrives once and in order."""

NAME = "interleaved-modes"
DESCRIPTION = "300 tasks × 3,000 interleaved lines per stream at -j 32, in all three output modes"

TASKS = 300
LINES = 3000
MODES = ["interleave", "prefix", "group"]

# awk flushes each line, so the two streams really alternate.
SCRIPT = (
    "awk -v t=$TASK 'BEGIN { for (i = 1; i <= %d; i++) { print t \" o \" i; fflush(); "
    "print t \" e \" i > \"/dev/stderr\"; fflush(\"/dev/stderr\") } }'" % LINES
)


def task_file():
    lines = ["tasks:"]
    for index in range(TASKS):
        name = f"t{index:03}"
        lines += [f"  {name}:", f"    env: {{TASK: {name}}}", "    run: |", f"      {SCRIPT}"]
    lines.append("  all: {depends: [%s]}" % ", ".join(f"t{index:03}" for index in range(TASKS)))
    return "\n".join(lines) + "\n"


def owned(line):
    # "t012 o 7", possibly after a "t012 | " prefix.
    words = line.split(" | ", 1)[-1].split()
    if len(words) != 3 or words[1] not in ("o", "e"):
        return None
    return (words[0], words[1]), words[2]


def run(context):
    import harness

    project = context.project("interleaved", task_file())
    expected = {}
    for index in range(TASKS):
        for stream in ("o", "e"):
            expected[(f"t{index:03}", stream)] = [str(n) for n in range(1, LINES + 1)]
    runs = context.repetitions(full=200, short=2)
    for mode in MODES:
        for attempt in range(1, runs + 1):
            result = context.run(project, ["-j", "32", "-o", mode, "all"], limit=900)
            where = f"{mode}, run {attempt}/{runs}"
            if result.status != 0 or result.timed_out:
                failed = [line for line in result.text("stderr").splitlines() if "✗" in line][:3]
                context.fail(f"{where}: {result.describe()} {failed}")
                continue
            text = result.text("stdout") + "\n" + result.text("stderr")
            for problem in harness.check_lines(text, expected, owned)[:5]:
                context.fail(f"{where}: {problem}")
            if result.left:
                context.fail(f"{where}: processes left behind: {result.left}")
