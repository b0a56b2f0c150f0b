/// The one way text from outside (a dialogue file, a session log, a test file, what a person
/// typed) is made safe to show: on a terminal, in a text or Markdown file, in JSON, DOT, Mermaid,
/// an `.ics` or a page. ``clean(_:limit:)`` removes everything that could act instead of being
/// read; each output format then escapes what is syntax to it (``Escaped``).
///
/// Removed:
/// - escape sequences (`ESC [2J`, `ESC ]0;title BEL`…) and C1 controls (`U+009B`…), with what
///   they would have carried, and every other control character but line breaks (tabs become
///   spaces);
/// - bidirectional overrides, embeddings, isolates and marks (U+202A–U+202E, U+2066–U+2069,
///   U+200E, U+200F, U+061C), which make text read differently from what it is;
/// - invisible characters that can hide or smuggle text: zero-width spaces and joiners
///   (U+200B, U+2060–U+2064, U+FEFF…), Hangul fillers, tag characters, runs of variation selectors.
///
/// What real writing needs stays: a zero-width joiner or non-joiner between two letters or
/// emoji (Persian, Indic scripts, 👨‍👩‍👧), one variation selector after a character (❤️, 葛󠄀),
/// and the tag characters of a subdivision flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿).
///
///     Sanitizer.clean("hi\u{1B}[2Jthere")      // "hithere"
///     Sanitizer.clean("a\u{202E}b\u{200B}c")  // "abc"
///     Sanitizer.clean("one\ntwo", limit: 80)   // "one two": one line, at most 80 characters
public enum Sanitizer {
  /// `text` without anything that could act on what shows it. With `limit`, on one line (line
  /// breaks become spaces) and cut to `limit` characters, with "…" when it was longer.
  public static func clean(_ text: String, limit: Int? = nil) -> String {
    // Most text has nothing to remove: check before building a copy.
    if text.unicodeScalars.allSatisfy({ isPlain($0) && (limit == nil || $0 != "\n") }) {
      return shortened(text, to: limit)
    }
    var result = String.UnicodeScalarView()
    var scalars = text.unicodeScalars.makeIterator()
    var previous: Unicode.Scalar?  // the last scalar kept
    var pending = scalars.next()
    /// Tag characters kept after a black flag: a subdivision flag has at most a handful.
    var tags = 0
    while let scalar = pending {
      pending = scalars.next()
      var kept: Unicode.Scalar? = scalar
      switch scalar.value {
      case 0x1B:
        pending = skipEscapeSequence(from: pending, &scalars)
        kept = nil
      case 0x9B:
        pending = skipControlSequence(from: pending, &scalars)
        kept = nil
      case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
        pending = skipStringSequence(from: pending, &scalars)
        kept = nil
      case 0x09:
        kept = " "
      case 0x0A, 0x2028, 0x2029:
        kept = limit == nil ? "\n" : " "
      case 0x00...0x1F, 0x7F...0x9F:
        kept = nil
      case 0x200C, 0x200D:
        // A joiner joins two letters or emoji; anywhere else it only hides something.
        if let before = previous, let after = pending, joins(before), joins(after) {
          kept = scalar
        } else {
          kept = nil
        }
      case 0xFE00...0xFE0F, 0xE0100...0xE01EF:
        // One variation selector chooses how the character before it looks; a run smuggles bytes.
        if let before = previous, !isVariationSelector(before), before != "\n", before != " " {
          kept = scalar
        } else {
          kept = nil
        }
      case 0xE0020...0xE007E:
        let isFlagTag =
          (previous == "\u{1F3F4}" || (previous.map(isTag) ?? false)) && tags < 7
          && ((0xE0030...0xE0039).contains(scalar.value)
            || (0xE0061...0xE007A).contains(scalar.value))
        kept = isFlagTag ? scalar : nil
        if isFlagTag { tags += 1 }
      case 0xE007F:
        kept = previous.map(isTag) == true ? scalar : nil
        tags = 0
      default:
        if isHidden(scalar) { kept = nil }
      }
      if let kept {
        result.append(kept)
        previous = kept
        if !isTag(kept) { tags = 0 }
      }
    }
    return shortened(String(result), to: limit)
  }

  /// `text` cleaned and on one line (line breaks become spaces), cut to `limit` characters when
  /// one is given: for names, ids and labels.
  public static func oneLine(_ text: String, limit: Int? = nil) -> String {
    clean(text, limit: limit ?? Int.max)
  }

  /// Whether a scalar can be shown as it is, on its own: not a control, not a format character
  /// that hides or reorders text, not a joiner, selector or tag (those depend on their neighbours).
  public static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20...0x7E: return true
    case 0x0A: return true
    case 0x00...0x1F, 0x7F...0x9F: return false
    case 0x200C, 0x200D, 0x2028, 0x2029, 0xFE00...0xFE0F, 0xE0000...0xE01EF: return false
    default: return !isHidden(scalar)
    }
  }

  /// Whether a character typed or pasted at a prompt is dropped before it is even echoed: a C1
  /// control (U+0080–U+009F, which some terminals obey as escape sequences) or a character that
  /// reorders or hides text. (Joiners, selectors and tags depend on their neighbours, so they are
  /// left to ``clean(_:limit:)``.)
  public static func isRefusedAtInput(_ scalar: Unicode.Scalar) -> Bool {
    (0x80...0x9F).contains(scalar.value) || isHidden(scalar)
  }

  /// Format characters that reorder text or hide it, whatever surrounds them.
  private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00AD,  // soft hyphen
      0x061C,  // Arabic letter mark
      0x115F, 0x1160, 0x3164, 0xFFA0,  // Hangul fillers
      0x180E,  // Mongolian vowel separator
      0x200B, 0x200E, 0x200F,  // zero-width space, left-to-right and right-to-left marks
      0x202A...0x202E,  // embeddings and overrides
      0x2060...0x2064,  // word joiner, invisible operators
      0x2066...0x206F,  // isolates, deprecated format characters
      0xFEFF,  // zero-width no-break space
      0xFFF9...0xFFFB,  // interlinear annotation
      0x1D173...0x1D17A,  // musical formatting
      0xE0000...0xE001F:  // language tag and unassigned tags
      return true
    default:
      return false
    }
  }

  /// A letter, mark or symbol outside ASCII: what a joiner may stand between.
  private static func joins(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value > 0x7F && isPlain(scalar)
      && !scalar.properties.isWhitespace
  }

  private static func isVariationSelector(_ scalar: Unicode.Scalar) -> Bool {
    (0xFE00...0xFE0F).contains(scalar.value) || (0xE0100...0xE01EF).contains(scalar.value)
  }

  private static func isTag(_ scalar: Unicode.Scalar) -> Bool {
    (0xE0020...0xE007F).contains(scalar.value)
  }

  private static func shortened(_ text: String, to limit: Int?) -> String {
    guard let limit, limit < Int.max else { return text }
    var count = 0
    var end = text.startIndex
    while end < text.endIndex {
      if count == limit { return String(text[..<end]) + "…" }
      end = text.index(after: end)
      count += 1
    }
    return text
  }

  /// What follows an ESC: a control sequence, a string (OSC, DCS, SOS, PM, APC) up to its end,
  /// or a two-character escape (`ESC c`, `ESC 7`, `ESC ( B`…). Returns the scalar after it.
  private static func skipEscapeSequence(
    from first: Unicode.Scalar?, _ scalars: inout String.UnicodeScalarView.Iterator
  ) -> Unicode.Scalar? {
    guard let first else { return nil }
    switch first {
    case "[": return skipControlSequence(from: scalars.next(), &scalars)
    case "]", "P", "X", "^", "_": return skipStringSequence(from: scalars.next(), &scalars)
    default:
      // Intermediates, then one final byte; anything else is text again.
      var next: Unicode.Scalar? = first
      while let scalar = next, (0x20...0x2F).contains(scalar.value) { next = scalars.next() }
      guard let final = next, (0x30...0x7E).contains(final.value) else { return next }
      return scalars.next()
    }
  }

  /// CSI: parameters and intermediates up to a final byte in @…~. Returns the scalar after it.
  private static func skipControlSequence(
    from first: Unicode.Scalar?, _ scalars: inout String.UnicodeScalarView.Iterator
  ) -> Unicode.Scalar? {
    var next = first
    while let scalar = next {
      if (0x40...0x7E).contains(scalar.value) { return scalars.next() }
      // Anything that cannot be inside a sequence ends it, and is read as text again.
      if scalar.value < 0x20 || scalar.value > 0x7E { return scalar }
      next = scalars.next()
    }
    return nil
  }

  /// OSC, DCS and friends: up to BEL or ST (ESC \ or 0x9C). Returns the scalar after it.
  private static func skipStringSequence(
    from first: Unicode.Scalar?, _ scalars: inout String.UnicodeScalarView.Iterator
  ) -> Unicode.Scalar? {
    var next = first
    while let scalar = next {
      switch scalar.value {
      case 0x07, 0x9C: return scalars.next()
      case 0x1B:
        _ = scalars.next()
        return scalars.next()
      default: next = scalars.next()
      }
    }
    return nil
  }
}
