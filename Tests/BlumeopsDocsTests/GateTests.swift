import Testing

@testable import BlumeopsDocs

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct GateTests {
  /// Changes made at once (while the waiter spins) and late (once it sleeps) both reach it.
  @Test(arguments: [0, 50, 2_000, 20_000])
  func aWaiterSeesAChangeMadeAfterDelay(microseconds: Int) {
    let gate = Gate()
    nonisolated(unsafe) var value: Int?
    let writer = ParallelWork.start(1) {
      if microseconds > 0 { usleep(UInt32(microseconds)) }
      gate.change { value = 42 }
    }
    #expect(gate.wait { value } == 42)
    writer.join()
  }

  @Test func aWaiterSkipsChangesThatDoNotMakeItReady() {
    let gate = Gate()
    nonisolated(unsafe) var count = 0
    let writer = ParallelWork.start(1) {
      for _ in 0..<1_000 { gate.change { count += 1 } }
    }
    #expect(gate.wait { count == 1_000 ? count : nil } == 1_000)
    writer.join()
  }
}
