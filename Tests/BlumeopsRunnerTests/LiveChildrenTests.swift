import Glibc
import Testing

@testable import BlumeopsRunner

/// `LiveChildren` holds no lock while a child starts, yet no child escapes the end of blumeops.
@Suite struct LiveChildrenTests {
  @Test func aChildStartingAsBlumeopsBeginsEndingGetsTheSameSignal() throws {
    let children = LiveChildren()
    let started = children.start(ownGroup: true) {
      let result = ChildSpawn.Prepared(
        "/bin/sleep", arguments: ["sleep", "30"], environment: [:], directory: "/",
        pipes: nil
      ).spawn()
      // blumeops begins ending between the child's start and its being recorded.
      children.signalAll(SIGTERM, ending: true)
      return result
    }
    guard case .success(let pid)? = started else {
      Issue.record("the child did not start: \(String(describing: started))")
      return
    }
    // Bounded: without the signal, `sleep 30` ends by itself and the status says so.
    #expect(ChildSpawn.reap(pid) == .signaled(SIGTERM))
    children.remove(pid)
    #expect(children.start(ownGroup: true) { .failure(.invalidArgument) } == nil)
  }
}
