"""Issue 12, item 2: every signal ends blumeops with its status and leaves no task process
behind; after `kill -9` every task's leader ends too (its parent-death signal)."""

import os
import random
import signal
import subprocess
import time

NAME = "signals"
DESCRIPTION = "INT, TERM, HUP, QUIT mid-run: exit 128+N and nothing left; kill -9: leaders end"

EXPECTED = {signal.SIGINT: 130, signal.SIGTERM: 143, signal.SIGHUP: 129, signal.SIGQUIT: 131}


def processes_with(marker):
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as file:
                if marker.encode() in file.read():
                    with open(f"/proc/{entry}/stat") as stat:
                        if stat.read().rsplit(")", 1)[1].split()[0] != "Z":
                            found.append(int(entry))
        except OSError:
            continue
    return found


def wait_for(condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def run(context):
    runs = context.repetitions(full=200, short=2)
    for attempt in range(1, runs + 1):
        for number, status in list(EXPECTED.items()) + [(signal.SIGKILL, None)]:
            # A sleep length of its own, so that nothing else on the machine matches.
            marker = f"{random.randint(100000, 999999)}.{attempt}"
            tasks = "tasks:\n" + "".join(
                f"  t{index}: 'sleep {marker} & sleep {marker}; wait'\n" for index in range(4)
            ) + "  all: {depends: [t0, t1, t2, t3]}\n"
            project = context.project(f"signal-{number}-{attempt}", tasks)
            process = subprocess.Popen(
                [context.binary, "-j", "4", "all"], cwd=project, stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                env=dict(os.environ, NO_COLOR="1"), start_new_session=True)
            where = f"run {attempt}, signal {signal.Signals(number).name}"
            if not wait_for(lambda: len(processes_with(marker)) >= 8, 30):
                context.fail(f"{where}: the tasks never all started")
            process.send_signal(number)
            try:
                code = process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                context.fail(f"{where}: blumeops still running 30 s after the signal")
                continue
            if code == -number and status is not None:
                code = status
            if status is not None and code != status:
                context.fail(f"{where}: exit {code}, expected {status}")
            if status is None:
                # Only the leaders are told; a task's background processes keep its lock.
                leaders = [pid for pid in processes_with(marker) if _is_leader(pid)]
                if not wait_for(lambda: not [p for p in processes_with(marker) if _is_leader(p)], 5):
                    context.fail(f"{where}: task leaders {leaders} outlived blumeops")
            elif not wait_for(lambda: not processes_with(marker), 10):
                context.fail(f"{where}: processes left: {processes_with(marker)}")
            for pid in processes_with(marker):
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass


def _is_leader(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return int(fields[2]) == pid
    except (OSError, ValueError):
        return False
