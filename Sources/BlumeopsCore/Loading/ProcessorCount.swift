import Glibc

/// How many processors can run work now: the default for `--jobs` and for parallel reading.
public enum ProcessorCount {
  /// Read once: glibc reads it from sysfs on every call, and a run asked three times.
  public static let online: Int = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}
