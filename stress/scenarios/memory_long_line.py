"""Issue 12, item 6: a 400 MB line with no newline, in prefix mode, must be passed on in
pieces, not held whole; blumeops' peak RSS must stay under 100 MB."""

NAME = "memory-long-line"
DESCRIPTION = "a 400 MB line without newline in prefix mode: peak RSS under 100 MB"

LIMIT_KB = 100 * 1024
SIZE = 400_000_000

TASKS = f"""tasks:
  long: 'head -c {SIZE} /dev/zero | tr "\\\\0" x'
"""


def run(context):
    project = context.project("long-line", TASKS)
    result = context.run(project, ["-o", "prefix", "long"], limit=600)
    if result.status != 0 or result.timed_out:
        context.fail(f"{result.describe()}: {result.text('stderr')[-500:]!r}")
    peak_mb = result.peak_kb / 1024
    print(f"    peak RSS {peak_mb:.0f} MB (limit {LIMIT_KB // 1024} MB)", flush=True)
    if result.peak_kb > LIMIT_KB:
        context.fail(f"peak RSS {peak_mb:.0f} MB is over the {LIMIT_KB // 1024} MB limit: "
                     "the line is held whole instead of passed on in pieces")
