/// Splits an expression's source into tokens.
struct Lexer {
  struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
      case number(Double)
      case text(String)
      case identifier(String)
      case and, or, not, `in`, `true`, `false`
      case leftParen, rightParen, leftBracket, rightBracket, comma
      case plus, minus, times, divide
      case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
      case end
    }

    let kind: Kind
    /// 0-based Character offset of the token's first character.
    let offset: Int
    /// The token as written, for messages.
    let lexeme: String

    /// How the token reads in a message: `'foo'`, or "the end of the expression".
    var quoted: String { kind == .end ? "the end of the expression" : "'\(lexeme)'" }
  }

  static let keywords: [String: Token.Kind] = [
    "and": .and, "or": .or, "not": .not, "in": .in, "true": .true, "false": .false,
  ]

  private let characters: [Character]
  private var position = 0

  private init(_ source: String) {
    characters = Array(source)
  }

  /// The tokens of `source`, ending with an `.end` token at offset `source.count`.
  static func tokenize(_ source: String) throws(ExpressionError) -> [Token] {
    var lexer = Lexer(source)
    var tokens: [Token] = []
    while let token = try lexer.next() { tokens.append(token) }
    tokens.append(Token(kind: .end, offset: lexer.characters.count, lexeme: ""))
    return tokens
  }

  private var current: Character? { position < characters.count ? characters[position] : nil }
  private func peek(_ ahead: Int = 1) -> Character? {
    position + ahead < characters.count ? characters[position + ahead] : nil
  }

  private mutating func next() throws(ExpressionError) -> Token? {
    while let character = current, character.isWhitespace { position += 1 }
    guard let character = current else { return nil }
    let start = position

    func token(_ kind: Token.Kind, length: Int) -> Token {
      Token(kind: kind, offset: start, lexeme: String(characters[start..<start + length]))
    }

    if Lexer.isIdentifierStart(character) {
      while let next = current, Lexer.isIdentifierPart(next) { position += 1 }
      let word = String(characters[start..<position])
      return Token(kind: Lexer.keywords[word] ?? .identifier(word), offset: start, lexeme: word)
    }
    if Lexer.isDigit(character) { return try number() }
    if character == "\"" || character == "'" { return try text(quote: character) }

    let twoCharacter: Token.Kind? =
      switch (character, peek()) {
      case ("=", "="): .equal
      case ("!", "="): .notEqual
      case ("<", "="): .lessOrEqual
      case (">", "="): .greaterOrEqual
      default: nil
      }
    if let kind = twoCharacter {
      position += 2
      return token(kind, length: 2)
    }
    let oneCharacter: Token.Kind? =
      switch character {
      case "(": .leftParen
      case ")": .rightParen
      case "[": .leftBracket
      case "]": .rightBracket
      case ",": .comma
      case "+": .plus
      case "-": .minus
      case "*": .times
      case "/": .divide
      case "<": .less
      case ">": .greater
      default: nil
      }
    if let kind = oneCharacter {
      position += 1
      return token(kind, length: 1)
    }
    let message =
      switch character {
      case "=": "use '==' to compare two values; '=' alone is not an operator"
      case "!": "use 'not' instead of '!'"
      case "&": "use 'and' instead of '\(character)'"
      case "|": "use 'or' instead of '\(character)'"
      case "%": "'%' is not an operator; only + - * / are"
      default: "unexpected character '\(character)'"
      }
    throw ExpressionError(message, at: start)
  }

  private mutating func number() throws(ExpressionError) -> Token {
    let start = position
    while let next = current, Lexer.isDigit(next) { position += 1 }
    if current == ".", let after = peek(), Lexer.isDigit(after) {
      position += 1
      while let next = current, Lexer.isDigit(next) { position += 1 }
    } else if current == "." {
      throw ExpressionError("expected a digit after '.' in a number", at: position)
    }
    let lexeme = String(characters[start..<position])
    guard let value = Double(lexeme), value.isFinite else {
      throw ExpressionError("the number \(lexeme) is too large", at: start)
    }
    return Token(kind: .number(value), offset: start, lexeme: lexeme)
  }

  private mutating func text(quote: Character) throws(ExpressionError) -> Token {
    let start = position
    position += 1
    var value = ""
    while let character = current {
      position += 1
      if character == quote {
        return Token(
          kind: .text(value), offset: start, lexeme: String(characters[start..<position]))
      }
      if character == "\\" {
        guard let escaped = current else { break }
        // \" \' and \\ stand for the sign; any other backslash stays as written, so that a
        // pattern reads as it is written: "\d+", "\bwhen\b".
        guard escaped == "\"" || escaped == "'" || escaped == "\\" else {
          value.append(character)
          continue
        }
        value.append(escaped)
        position += 1
      } else {
        value.append(character)
      }
    }
    throw ExpressionError("unterminated text: add a closing \(quote) to match this one", at: start)
  }

  static func isIdentifierStart(_ character: Character) -> Bool {
    character == "_" || (character.isASCII && character.isLetter)
  }

  static func isIdentifierPart(_ character: Character) -> Bool {
    isIdentifierStart(character) || isDigit(character)
  }

  static func isDigit(_ character: Character) -> Bool {
    character.isASCII && character.isNumber
  }
}
