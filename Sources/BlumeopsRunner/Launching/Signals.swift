import Glibc

/// The conventional name of a signal, for messages.
func signalName(_ signal: Int32) -> String {
  switch signal {
  case SIGHUP: return "SIGHUP"
  case SIGINT: return "SIGINT"
  case SIGQUIT: return "SIGQUIT"
  case SIGABRT: return "SIGABRT"
  case SIGKILL: return "SIGKILL"
  case SIGSEGV: return "SIGSEGV"
  case SIGPIPE: return "SIGPIPE"
  case SIGTERM: return "SIGTERM"
  case SIGUSR1: return "SIGUSR1"
  case SIGUSR2: return "SIGUSR2"
  default: return "signal \(signal)"
  }
}
