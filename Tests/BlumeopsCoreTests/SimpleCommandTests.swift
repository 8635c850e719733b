import Testing

@testable import BlumeopsCore

@Suite struct SimpleCommandTests {
  @Test(arguments: [
    ("true", ["true"]),
    ("ansible-playbook playbooks/indri.yml", ["ansible-playbook", "playbooks/indri.yml"]),
    ("  kubectl   get\tpods  ", ["kubectl", "get", "pods"]),
    ("ansible-playbook --tags=caddy --check", ["ansible-playbook", "--tags=caddy", "--check"]),
    ("date +%Y-%m-%d", ["date", "+%Y-%m-%d"]),
    ("./scripts/deploy.sh indri", ["./scripts/deploy.sh", "indri"]),
  ])
  func plainWordsNeedNoShell(_ script: String, _ words: [String]) {
    #expect(SimpleCommand.words(script) == words)
  }

  @Test(arguments: [
    "", "   ", "echo 'quoted'", "echo \"quoted\"", "echo $HOME", "ls *.yaml", "ls file?",
    "ls [ab]", "cat < in", "echo hi > out", "a | b", "a && b", "a; b", "sleep 1 &", "a # comment",
    "cd ansible", "export A=1", "A=1 env", "source env.sh", ". env.sh", "echo hi", "pwd",
    "if true", "ls ~", "echo `date`", "(sub)", "{ a; }", "a\nb", "a\\ b", "test -f x", "[ -f x ]",
    "exec ls", "kill 1", "printf x", "time ls", "! false",
  ])
  func anythingAShellWouldReadGoesToTheShell(_ script: String) {
    #expect(SimpleCommand.words(script) == nil, "\(script)")
  }
}
