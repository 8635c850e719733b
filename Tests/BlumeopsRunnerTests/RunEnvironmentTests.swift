import Foundation
import Testing

@testable import BlumeopsRunner

@Suite struct RunEnvironmentTests {
  @Test func theUserComesFromTheEnvironmentThenTheLocalAccounts() throws {
    #expect(RunEnvironment.user(["USER": "ops", "LOGNAME": "other"]) == "ops")
    #expect(RunEnvironment.user(["LOGNAME": "other"]) == "other")
    let passwd = NSTemporaryDirectory() + "blumeops-passwd-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: passwd) }
    try """
    root:x:0:0:root:/root:/bin/bash
    # not an account
    broken:x
    :x:1001:1001::/:/bin/sh
    ops:x:1000:1000:Ops,,,:/home/ops:/bin/zsh
    """.write(toFile: passwd, atomically: true, encoding: .utf8)
    #expect(RunEnvironment.localAccount(0, in: passwd) == "root")
    #expect(RunEnvironment.localAccount(1000, in: passwd) == "ops")
    #expect(RunEnvironment.localAccount(1001, in: passwd) == nil, "a line with no name")
    #expect(RunEnvironment.localAccount(42, in: passwd) == nil)
    #expect(RunEnvironment.localAccount(0, in: passwd + ".missing") == nil)
    #expect(RunEnvironment.user([:]) == RunEnvironment.localAccount(getuid()) ?? "unknown")
  }
}
