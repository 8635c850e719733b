"""Issue 12, item 1: 1,500 tasks printing 400 lines to each stream at -j 32 in prefix mode.
A healthy task must never be killed (once: SIGPIPE, exit 141), and every line must arrive."""

NAME = "parallel-prefix"
DESCRIPTION = "1,500 tasks × (seq 1 400; seq 1 400 >&2) at -j 32 -o prefix, every line checked"

TASKS = 1500
LINES = 400


def task_file():
    lines = ["tasks:"]
    for index in range(TASKS):
        lines.append(f"  s{index:04}: 'seq 1 {LINES}; seq 1 {LINES} >&2'")
    names = ", ".join(f"s{index:04}" for index in range(TASKS))
    lines.append(f"  all: {{depends: [{names}]}}")
    return "\n".join(lines) + "\n"


def prefixed(line):
    name, bar, value = line.partition(" | ")
    if not bar:
        return None
    return name.strip(), value


def run(context):
    import harness

    project = context.project("prefix", task_file())
    expected = {f"s{index:04}": [str(n) for n in range(1, LINES + 1)] for index in range(TASKS)}
    runs = context.repetitions(full=200, short=3)
    for attempt in range(1, runs + 1):
        result = context.run(project, ["-j", "32", "-o", "prefix", "all"], limit=900)
        where = f"run {attempt}/{runs}"
        if result.status != 0 or result.timed_out:
            failed = [line for line in result.text("stderr").splitlines() if "✗" in line][:3]
            context.fail(f"{where}: {result.describe()} {failed}")
            continue
        for stream in ("stdout", "stderr"):
            for problem in harness.check_lines(result.text(stream), expected, prefixed)[:5]:
                context.fail(f"{where}, {stream}: {problem}")
        if result.left:
            context.fail(f"{where}: processes left behind: {result.left}")
