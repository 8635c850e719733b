/// How the output of tasks running at once is laid out.
public enum OutputMode: String, Sendable, CaseIterable {
  /// Lines go straight out as they come.
  case interleave
  /// Every line is prefixed with its task's label.
  case prefix
  /// Each task's output is one contiguous block; the oldest running task streams live.
  case group
}

/// How much the runner says about the run besides the tasks' own output.
public enum Verbosity: Sendable, Comparable {
  /// Only failures.
  case quiet
  /// Start and end of each task, and the summary.
  case normal
  /// Also each command before it runs.
  case verbose
}
