import Testing

@testable import BlumeopsRunner

@Suite struct SafeFileNameTests {
  @Test(arguments: [
    ("build", "build"), ("deploy --env=prod", "deploy_--env_prod"), (".hidden", "_.hidden"),
    ("", "_"), ("ünïcode/x", "_n_code_x"), ("a:b c", "a_b_c"), ("v1.2_x-y", "v1.2_x-y"),
  ])
  func aLabelBecomesAFileName(label: String, expected: String) {
    #expect(SafeFileName.make(label) == expected)
  }

  @Test func aLongLabelIsCutAt120Characters() {
    #expect(SafeFileName.make(String(repeating: "é", count: 200)).count == 120)
    #expect(SafeFileName.make(String(repeating: "ab", count: 100)).count == 120)
  }
}
