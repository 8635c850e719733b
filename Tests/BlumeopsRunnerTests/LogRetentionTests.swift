import BlumeopsCore
import Glibc
import Testing

@testable import BlumeopsRunner

@Suite struct LogRetentionTests {
  @Test func theOldestRunFoldersGoAndTheirNeighboursOutsideStay() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    mkdir(directory.file("outside"), 0o755)
    directory.write("outside/precious", "keep me")
    mkdir(directory.file("logs"), 0o755)
    // Pids above this machine's pid_max belong to no process: these runs are over.
    let ids = (0..<105).map { "20260101-000" + String(1000 + $0).dropFirst() + "-999999" }
    for id in ids {
      mkdir(directory.file("logs/" + id), 0o755)
      directory.write("logs/\(id)/task.log", "output of \(id)")
    }
    mkdir(directory.file("logs/\(ids[0])/nested"), 0o755)
    directory.write("logs/\(ids[0])/nested/deep.log", "deep")
    symlink(directory.file("outside"), directory.file("logs/\(ids[1])/link"))
    // The oldest of all, but its run is this very process: still going, so kept.
    let running = "00000000-000000-\(getpid())"
    mkdir(directory.file("logs/" + running), 0o755)

    LogRetention.prune(directory.file("logs"), keep: 100, budget: 1 << 30)

    let left = Set(FileSystem.list(directory.file("logs")))
    #expect(left == Set(ids.suffix(100)).union([running]))
    #expect(directory.read("outside/precious") == "keep me")
  }

  @Test func theOldestRunsGoOnceTheLogsPassTheirByteBudget() throws {
    let directory = TemporaryDirectory()
    defer { directory.remove() }
    mkdir(directory.file("logs"), 0o755)
    let ids = (0..<10).map { "20260101-00000\($0)-000-999999" }
    for id in ids {
      mkdir(directory.file("logs/" + id), 0o755)
      directory.write("logs/\(id)/task.log", String(repeating: "x", count: 1000))
    }
    // The current run is larger than the whole budget: it stays, and pushes all others out.
    let running = "20260101-000010-000-\(getpid())"
    mkdir(directory.file("logs/" + running), 0o755)
    directory.write("logs/\(running)/task.log", String(repeating: "y", count: 200))

    LogRetention.prune(directory.file("logs"), keep: 100, budget: 3500)

    #expect(Set(FileSystem.list(directory.file("logs"))) == Set(ids.suffix(3) + [running]))
    #expect(LogRetention.size(of: directory.file("logs/" + ids[9])) == 1000)
  }

  @Test func aLogBudgetIsASizeWithAnOptionalUnit() {
    #expect(HistoryStore.logBudget(nil) == 256 << 20)
    #expect(HistoryStore.logBudget("512M") == 512 << 20)
    #expect(HistoryStore.logBudget("2g") == 2 << 30)
    #expect(HistoryStore.logBudget("0") == 0)
    #expect(HistoryStore.logBudget("lots") == nil)
    #expect(HistoryStore.logBudget("-1K") == nil)
    #expect(HistoryStore.logBudget("99999999999999999G") == nil)
  }

  @Test func aRunIsTakenForRunningOnlyWhileItsPidIsABlumeops() {
    #expect(LogRetention.isRunning("20260101-000000-000-\(getpid())"))
    // Pid 1 is alive, but it is not a blumeops run.
    #expect(!LogRetention.isRunning("20260101-000000-000-1"))
    #expect(!LogRetention.isRunning("20260101-000000-000-999999"))
  }

  @Test func runIDsSortByStartEvenWithinOneSecond() {
    let early = WallClock.runID(start: 1_780_000_000.004, pid: 30_000)
    let late = WallClock.runID(start: 1_780_000_000.950, pid: 200)
    #expect(early.hasSuffix("-004-30000"))
    #expect(early < late)
  }
}
