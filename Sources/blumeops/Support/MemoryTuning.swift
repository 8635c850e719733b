import CLinux

/// glibc's allocator settings for a run.
///
/// A run allocates and frees pipe buffers and task state for every process it starts. glibc's
/// defaults give freed memory back to the kernel and fault it in again moments later; on a
/// thousand short tasks that churn cost more than a tenth of the run (measured with `bench/run`).
/// Keeping a few megabytes instead costs nothing that matters for a process that lives seconds.
enum MemoryTuning {
  static func keepFreedMemory() {
    _ = mallopt(M_TOP_PAD, 16 << 20)
    _ = mallopt(M_TRIM_THRESHOLD, 64 << 20)
    _ = mallopt(M_MMAP_THRESHOLD, 4 << 20)
  }
}
