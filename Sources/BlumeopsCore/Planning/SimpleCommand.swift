/// Recognises a shell step that needs no shell: plain words separated by blanks, as GNU make
/// does before it starts a command directly.
///
/// A step such as `ansible-playbook playbooks/indri.yml` or `true` means the same whether bash
/// reads it or not, so it is started without bash — one process instead of two. Anything a shell
/// would interpret — quoting, expansions, globs, redirections, pipes, lists, comments, an
/// assignment, a keyword or a builtin that has no program of the same behaviour — still goes
/// through the shell.
public enum SimpleCommand {
  /// The words of `script` when it has no shell syntax; nil when a shell must read it.
  public static func words(_ script: String) -> [String]? {
    var words: [String] = []
    var current: [UInt8] = []
    for byte in script.utf8 {
      switch byte {
      case UInt8(ascii: " "), UInt8(ascii: "\t"):
        if !current.isEmpty {
          words.append(String(decoding: current, as: UTF8.self))
          current.removeAll(keepingCapacity: true)
        }
      case _ where specialBytes.contains(byte):
        return nil
      default:
        current.append(byte)
      }
    }
    if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
    guard let first = words.first, !first.contains("="), !shellOnly.contains(first) else {
      return nil
    }
    return words
  }

  /// Bytes that make a shell do something other than split words: quoting, expansion,
  /// globbing, redirection, pipes and lists, grouping, history, comments, line breaks.
  private static let specialBytes: Set<UInt8> = Set(
    Array("\"'`$\\*?[]{}()<>|&;#~!\n\r".utf8))

  /// Words that are keywords or builtins of bash: the shell must run them, either because no
  /// program exists (`cd`, `export`, `source`) or because the program behaves differently from
  /// the builtin (`echo`, `pwd`, `test`, `printf`, `kill`).
  private static let shellOnly: Set<String> = [
    "!", ".", ":", "[", "[[", "]]", "alias", "bg", "bind", "break", "builtin", "caller", "case",
    "cd", "command", "compgen", "complete", "compopt", "continue", "coproc", "declare", "dirs",
    "disown", "do", "done", "echo", "elif", "else", "enable", "esac", "eval", "exec", "exit",
    "export", "fc", "fg", "fi", "for", "function", "getopts", "hash", "help", "history",
    "if", "in", "jobs", "kill", "let", "local", "logout", "mapfile", "popd", "printf", "pushd",
    "pwd", "read", "readarray", "readonly", "return", "select", "set", "shift", "shopt", "source",
    "suspend", "test", "then", "time", "times", "trap", "type", "typeset", "ulimit",
    "umask", "unalias", "unset", "until", "wait", "while",
  ]
}
