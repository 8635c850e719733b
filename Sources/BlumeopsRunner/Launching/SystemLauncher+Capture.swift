import Synchronization

extension SystemLauncher {
  /// Runs a short command to completion and collects its output as text.
  public func capture(
    argv: [String], directory: String, environment: [String: String]
  ) async throws(LaunchError) -> CapturedOutput {
    let collector = OutputCollector()
    let request = LaunchRequest(argv: argv, directory: directory, environment: environment)
    let result = try await launch(request, control: ProcessControl()) { channel, bytes in
      collector.append(channel, bytes)
    }
    return CapturedOutput(
      status: result.status, standardOutput: collector.text(.standardOutput),
      standardError: collector.text(.standardError))
  }
}

/// Collects a process's output in memory, per channel.
final class OutputCollector: Sendable {
  private let buffers = Mutex<[OutputChannel: [UInt8]]>([:])

  init() {}

  func append(_ channel: OutputChannel, _ bytes: [UInt8]) {
    buffers.withLock { $0[channel, default: []].append(contentsOf: bytes) }
  }

  func bytes(_ channel: OutputChannel) -> [UInt8] {
    buffers.withLock { $0[channel] ?? [] }
  }

  /// The channel's text, exactly as written.
  func text(_ channel: OutputChannel) -> String {
    String(decoding: bytes(channel), as: UTF8.self)
  }
}
