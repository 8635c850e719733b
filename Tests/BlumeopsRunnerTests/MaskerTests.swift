import Testing

@testable import BlumeopsRunner

@Suite struct MaskerTests {
  @Test func aSecretIsReplacedWherePresent() {
    let masker = Masker(["hunter2"])
    #expect(masker.mask("password is hunter2, really hunter2") == "password is ****, really ****")
  }

  @Test func textWithoutSecretsIsReturnedUnchanged() {
    let masker = Masker(["hunter2"])
    #expect(masker.mask("nothing to see") == "nothing to see")
    #expect(masker.mask(bytes: Array("nothing to see\n".utf8)) == nil)
  }

  @Test func anEmptyMaskerChangesNothing() {
    let masker = Masker()
    #expect(masker.isEmpty)
    #expect(masker.mask("hunter2") == "hunter2")
  }

  @Test func aSecretAtTheVeryStartAndEndIsMasked() {
    let masker = Masker(["abc"])
    #expect(masker.mask("abc") == "****")
    #expect(masker.mask("abcxabc") == "****x****")
  }

  @Test func severalSecretsAreAllMasked() {
    let masker = Masker(["alpha", "beta", "gamma"])
    #expect(masker.mask("gamma beta alpha") == "**** **** ****")
  }

  @Test func overlappingSecretsBecomeOneMask() {
    let masker = Masker(["abcd", "cdef"])
    #expect(masker.mask("xxabcdefyy") == "xx****yy")
  }

  @Test func repeatedOverlappingOccurrencesOfOneSecretAreMasked() {
    let masker = Masker(["aa"])
    #expect(masker.mask("baaab") == "b****b")
  }

  @Test func eachLineOfAMultiLineSecretIsMaskedOnItsOwn() {
    let masker = Masker(["-----BEGIN KEY-----\nMIIEpAIBAAKCAQEA\n-----END KEY-----\n"])
    #expect(masker.mask("key line: MIIEpAIBAAKCAQEA") == "key line: ****")
    #expect(masker.mask("-----END KEY-----") == "****")
  }

  @Test func blankLinesOfASecretAreNotMasked() {
    let masker = Masker(["one\n\n  \ntwo"])
    #expect(masker.mask("a  b") == "a  b")
    #expect(masker.mask("one two") == "**** ****")
  }

  @Test func aSecretAddedLaterIsMaskedFromThenOn() {
    let masker = Masker()
    #expect(masker.mask("token-123") == "token-123")
    masker.add("token-123")
    #expect(masker.mask("token-123") == "****")
  }

  @Test func maskingWorksOnBytesAcrossManyLines() {
    let masker = Masker(["s3cr3t"])
    let input = Array("a s3cr3t\nb\nc s3cr3ts3cr3t\n".utf8)
    #expect(
      masker.mask(bytes: input).map { String(decoding: $0, as: UTF8.self) }
        == "a ****\nb\nc ****\n")
  }

  @Test func aSecretOfNonASCIITextIsMasked() {
    let masker = Masker(["pässwörd"])
    #expect(masker.mask("a pässwörd b") == "a **** b")
  }
}
