"""What scenarios share: finding the binary, throw-away projects, bounded runs, peak memory."""

import importlib.util
import os
import shutil
import signal
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def discover():
    """Every scenario module under stress/scenarios/, by NAME, in file-name order."""
    scenarios = {}
    folder = os.path.join(HERE, "scenarios")
    for file in sorted(os.listdir(folder)):
        if not file.endswith(".py") or file.startswith("_"):
            continue
        spec = importlib.util.spec_from_file_location(file[:-3], os.path.join(folder, file))
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        scenarios[module.NAME] = module
    return scenarios


def find_binary(explicit):
    candidates = [explicit, os.environ.get("BLUMEOPS_BIN"),
                  os.path.join(ROOT, ".build/release/blumeops"),
                  os.path.join(ROOT, ".build/debug/blumeops")]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return os.path.abspath(candidate)
    return None


class Run:
    """The outcome of one blumeops run: status (negative: killed by that signal), output files,
    peak resident memory in kB (VmHWM, sampled until exit), whether it hit the time limit, and
    the processes of its group still alive when it ended (`left`)."""

    def __init__(self, status, stdout, stderr, peak_kb, timed_out, seconds):
        self.left = []
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
        self.peak_kb = peak_kb
        self.timed_out = timed_out
        self.seconds = seconds

    def text(self, stream):
        with open(self.stdout if stream == "stdout" else self.stderr, "rb") as file:
            return file.read().decode("utf-8", "replace")

    def describe(self):
        if self.timed_out:
            return f"still running after {self.seconds:.0f}s (killed)"
        if self.status < 0:
            return f"killed by signal {-self.status}"
        return f"exit {self.status}"


class Context:
    """One scenario's run: its options, scratch folder and failures."""

    def __init__(self, binary, short, name):
        self.binary = binary
        self.short = short
        self.name = name
        self.failures = []
        self.scratch = tempfile.mkdtemp(prefix=f"blumeops-stress-{name}-")

    def repetitions(self, full, short):
        return short if self.short else full

    def fail(self, message):
        self.failures.append(message)
        print(f"    ✗ {message}", flush=True)

    def project(self, name, task_file):
        """A project folder with one task file; returns its path."""
        root = os.path.join(self.scratch, name)
        os.makedirs(os.path.join(root, "tasks"), exist_ok=True)
        with open(os.path.join(root, "tasks", "stress.yaml"), "w") as file:
            file.write(task_file)
        return root

    def run(self, project, arguments, limit=600, environment=None):
        """Runs blumeops in `project`, output to files, within `limit` seconds."""
        stdout = os.path.join(project, "stdout")
        stderr = os.path.join(project, "stderr")
        env = dict(os.environ, NO_COLOR="1")
        env.pop("CI", None)
        env.update(environment or {})
        started = time.monotonic()
        with open(stdout, "wb") as out, open(stderr, "wb") as err:
            process = subprocess.Popen([self.binary] + arguments, cwd=project, stdout=out,
                                       stderr=err, stdin=subprocess.DEVNULL, env=env,
                                       start_new_session=True)
        peak = 0
        timed_out = False
        while process.poll() is None:
            peak = max(peak, _high_water_kb(process.pid))
            if time.monotonic() - started > limit:
                timed_out = True
                _kill_group(process.pid)
                process.wait()
                break
            time.sleep(0.02)
        left = _group_members(process.pid)
        _kill_group(process.pid)  # anything the run left behind
        run = Run(process.returncode, stdout, stderr, peak, timed_out, time.monotonic() - started)
        run.left = left
        return run

    def expect_bounded_memory(self, result, limit_kb, cause):
        """Fails unless the run succeeded with its peak RSS under `limit_kb`; `cause` says what
        holding too much would mean."""
        if result.status != 0 or result.timed_out:
            self.fail(f"{result.describe()}: {result.text('stderr')[-500:]!r}")
        peak_mb = result.peak_kb / 1024
        print(f"    peak RSS {peak_mb:.0f} MB (limit {limit_kb // 1024} MB)", flush=True)
        if result.peak_kb > limit_kb:
            self.fail(f"peak RSS {peak_mb:.0f} MB is over the {limit_kb // 1024} MB limit: {cause}")

    def cleanup(self):
        shutil.rmtree(self.scratch, ignore_errors=True)


def _high_water_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _group_members(pgid):
    """Live processes still in the run's process group (blumeops' children that outlived it)."""
    members = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z" and int(fields[2]) == pgid:
            members.append(int(entry))
    return members


def _kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def check_lines(text, expected, label):
    """Compares the lines of each key in `text` with the expected ones; returns problems.

    `expected` maps a key (a task and stream) to its lines in order; `label(line)` returns
    (key, value) for a line that belongs to one, or None for blumeops' own lines."""
    seen = {key: [] for key in expected}
    for line in text.splitlines():
        labelled = label(line)
        if labelled is None:
            continue
        key, value = labelled
        if key in seen:
            seen[key].append(value)
    problems = []
    for key, lines in expected.items():
        if seen[key] != lines:
            missing = len(set(lines) - set(seen[key]))
            problems.append(f"{key}: {len(seen[key])} of {len(lines)} lines"
                            + (f", {missing} missing" if missing else ", out of order or doubled"))
    return problems
