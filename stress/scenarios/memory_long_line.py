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
    context.expect_bounded_memory(result, LIMIT_KB, "the line is held whole instead of passed on in pieces")
