"""Issue 12, item 6: group output must not hold waiting output in memory. Four tasks print
200 MB each while a slow task, started first, holds the live slot; blumeops' peak RSS must stay
under 100 MB."""

NAME = "memory-group"
DESCRIPTION = "4 tasks × 200 MB behind a slow one in group mode: peak RSS under 100 MB"

LIMIT_KB = 100 * 1024
SIZE = 200_000_000

TASKS = f"""tasks:
  slow: 'sleep 5; echo slow done'
  big1: 'head -c {SIZE} /dev/zero | tr "\\\\0" x | fold -w 99'
  big2: 'head -c {SIZE} /dev/zero | tr "\\\\0" y | fold -w 99'
  big3: 'head -c {SIZE} /dev/zero | tr "\\\\0" z | fold -w 99'
  big4: 'head -c {SIZE} /dev/zero | tr "\\\\0" w | fold -w 99'
  all: {{depends: [slow, big1, big2, big3, big4]}}
"""


def run(context):
    project = context.project("group", TASKS)
    result = context.run(project, ["-j", "5", "-o", "group", "all"], limit=600)
    context.expect_bounded_memory(result, LIMIT_KB, "group output waiting for its turn is held in memory")
