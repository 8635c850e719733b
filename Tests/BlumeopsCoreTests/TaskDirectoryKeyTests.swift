import Testing

@testable import BlumeopsCore

@Suite struct TaskDirectoryKeyTests {
  @Test(arguments: [
    ("tasks:\n  a: {run: x}\n", true),
    ("# header\ntasks:\n", true),
    ("vars: {}\r\ntasks:\r\n", true),
    ("version: 1\ntasks: {}", true),
    ("- name: install\n  apt: {}\n", false),
    ("  tasks:\n", false),
    ("ttasks:\n", false),
    ("tasks\n:", false),
    ("mytasks:\n", false),
    ("", false),
    ("tasks", false),
  ])
  func findsATopLevelTasksKey(_ text: String, _ expected: Bool) {
    #expect(TaskDirectory.hasTopLevelTasksKey(text) == expected)
  }
}
