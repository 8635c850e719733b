/// Splits what `ShellQuote.quote` joined back into its words: blanks separate words, `'…'`
/// quotes, and a backslash escapes the next character.
public enum ShellWords {
  public static func split(_ text: String) -> [String] {
    var words: [String] = []
    var current = ""
    var inWord = false
    var quoted = false
    var escaped = false
    for character in text {
      if escaped {
        current.append(character)
        escaped = false
      } else if quoted {
        if character == "'" { quoted = false } else { current.append(character) }
      } else if character == " " {
        if inWord { words.append(current) }
        current = ""
        inWord = false
        continue
      } else if character == "'" {
        quoted = true
      } else if character == "\\" {
        escaped = true
      } else {
        current.append(character)
      }
      inWord = true
    }
    if inWord { words.append(current) }
    return words
  }
}
