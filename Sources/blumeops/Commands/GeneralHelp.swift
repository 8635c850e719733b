import BlumeopsCore

/// `blumeops --help`.
enum GeneralHelp {
  static let text = """
    blumeops \(BlumeopsVersion.current) — the BlumeOps task runner

    usage:
      blumeops [options] <task> [task args and flags] [-- pass-through]
      blumeops [options] run <task> [args] [::: <task> [args]]...
      blumeops tasks [--hidden] [--json]
      blumeops tasks info <task> [--json]
      blumeops tasks deps [<task>...] [--dot | --mermaid | --json]
      blumeops tasks validate [--json]
      blumeops doctor [<task>...]
      blumeops history [-n N] [--json]
      blumeops logs [<run> [<task>]]
      blumeops completion bash|zsh|fish
      blumeops <task> --help

    options (before the task name):
      -j, --jobs N          run at most N tasks at once (default: number of CPUs)
      -n, --dry-run         print the plan; run nothing, resolve no secret, ask nothing
      -y, --yes             answer every confirmation with yes
      -k, --keep-going      run everything that does not depend on a failure
      -o, --output MODE     interleave, prefix or group
      -C, --directory DIR   use DIR as the project root
          --tasks-dir DIR   read task files from DIR (for example a mise-tasks/ folder)
      -f, --force           run incremental tasks even when their sources are unchanged
          --no-wait         fail at once when a task's lock is held elsewhere
      -q, --quiet           only failures and task output
      -v, --verbose         also print each command before it runs
          --no-color        no colour (also NO_COLOR)
          --timings         print each task's duration, slowest first
      -V, --version         print the version

    exit codes:
      0 success; a failed task: the exit status of its failed step; 124 timed out;
      130 interrupted; 143 terminated; 2 invalid input, nothing ran; 3 a preflight check failed,
      nothing ran
    """
}
