"""Issue 12, item 7: Ctrl-C and SIGTERM work at any moment, also while a large task file is
loaded and planned: 130 or 143 within a second of the signal."""

import os
import signal
import subprocess
import time

NAME = "interrupt-loading"
DESCRIPTION = "INT and TERM while 60,000 tasks load and plan: 130/143 within a second"


def task_file(count):
    lines = ["tasks:"]
    for index in range(count):
        depends = f", depends: [t{index - 1}]" if index else ""
        lines.append(f"  t{index}: {{run: 'true'{depends}}}")
    return "\n".join(lines) + "\n"


def run(context):
    project = context.project("large", task_file(60_000))
    runs = context.repetitions(full=50, short=2)
    for attempt in range(1, runs + 1):
        for number, status in ((signal.SIGINT, 130), (signal.SIGTERM, 143)):
            process = subprocess.Popen(
                [context.binary, "-n", f"t{59_999}"], cwd=project, stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                env=dict(os.environ, NO_COLOR="1"), start_new_session=True)
            time.sleep(0.3)
            sent = time.monotonic()
            process.send_signal(number)
            try:
                code = process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
                context.fail(f"run {attempt}, {signal.Signals(number).name}: still running 10 s after")
                continue
            took = time.monotonic() - sent
            where = f"run {attempt}, {signal.Signals(number).name}"
            # Before a run starts blumeops ends by the signal itself: a shell shows 128+N.
            if code == -number:
                code = status
            if code not in (status, 0):
                context.fail(f"{where}: exit {code}, expected {status}")
            elif code == status and took > 1.0:
                context.fail(f"{where}: took {took:.2f} s to end")
            print(f"    {where}: exit {code} in {took * 1000:.0f} ms", flush=True)
