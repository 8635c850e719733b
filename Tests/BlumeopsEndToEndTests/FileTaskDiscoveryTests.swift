import Glibc
import Testing

/// Which files under `tasks/` are file tasks: executable ones at any depth, reached through
/// symbolic links too; never a plain file or a hidden one.
@Suite struct FileTaskDiscoveryTests {
  @Test func executableFilesAtAnyDepthAndThroughLinksAreTasks() {
    let script = "#!/bin/bash\necho \"ran $(basename \"$0\")\"\n"
    let fixture = Fixture([
      "tasks/top.sh*": script, "tasks/ops/deep/leaf.sh*": script, "tasks/notes.txt": "plain\n",
      "tasks/.hidden.sh*": script, "elsewhere/linked.sh*": script, "shared/inner.sh*": script,
      "tasks/base.yaml": "tasks:\n  hello: echo hi\n",
    ])
    symlink(fixture.root + "/elsewhere/linked.sh", fixture.root + "/tasks/linked.sh")
    symlink(fixture.root + "/shared", fixture.root + "/tasks/shared")
    let listing = fixture.run(["tasks", "--hidden"])
    #expect(listing.status == 0, "\(listing.output)")
    for name in ["top", "ops:deep:leaf", "linked", "shared:inner", "hello"] {
      #expect(listing.stdout.contains(name), "\(name) in \(listing.stdout)")
    }
    for name in ["notes", "hidden"] { #expect(!listing.stdout.contains(name), "\(name)") }
    let run = fixture.run(["shared:inner"])
    #expect(run.status == 0, "\(run.output)")
    #expect(run.stdout.contains("ran inner.sh"), "\(run.stdout)")
  }
}
