#if canImport(Glibc)
  import Glibc
#endif

/// glibc's allocator settings for a run.
///
/// A run allocates and frees pipe buffers and task state for every process it starts. glibc's
/// defaults give freed memory back to the kernel and fault it in again moments later; on a
/// thousand short tasks that churn cost more than a tenth of the run (measured with `bench/run`).
/// Keeping a few megabytes instead costs nothing that matters for a process that lives seconds.
enum MemoryTuning {
  static func keepFreedMemory() {
    #if canImport(Glibc)
      // `mallopt` is in <malloc.h>, which Swift's Glibc module does not import.
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "mallopt") else {
        return
      }
      let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
      let trimThreshold: Int32 = -1
      let topPad: Int32 = -2
      let mmapThreshold: Int32 = -3
      _ = mallopt(topPad, 16 << 20)
      _ = mallopt(trimThreshold, 64 << 20)
      _ = mallopt(mmapThreshold, 4 << 20)
    #endif
  }
}
