import Foundation

/// The page a participant's phone shows: plain HTML, a style sheet and a small script, all served
/// by the room itself (nothing from elsewhere, nothing inline, so the Content-Security-Policy can
/// forbid both). It holds no data: the script asks the room's JSON API for the current question.
///
///     PhonePage.File.html.data.count   // bytes sent for the page itself
enum PhonePage {
  enum File: Hashable, Sendable, CaseIterable {
    case html, css, script

    var contentType: String {
      switch self {
      case .html: "text/html; charset=utf-8"
      case .css: "text/css; charset=utf-8"
      case .script: "text/javascript; charset=utf-8"
      }
    }

    var data: Data {
      switch self {
      case .html: PhonePage.htmlData
      case .css: PhonePage.cssData
      case .script: PhonePage.scriptData
      }
    }
  }

  static let htmlData = Data(html.utf8)
  static let cssData = Data(style.utf8)
  static let scriptData = Data(script.utf8)

  /// Every text the script fills in comes from the room as data and is set with `textContent`.
  static let html = """
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="referrer" content="no-referrer">
    <title>Team room</title>
    <link rel="stylesheet" href="/room.css">
    <script src="/room.js" defer></script>
    </head>
    <body>
    <main>
    <h1>Team room</h1>
    <p id="status" role="status" aria-live="polite">Loading…</p>
    <form id="join" hidden>
    <label for="code">Join code</label>
    <p class="hint" id="code-hint">Six letters and digits.</p>
    <input id="code" autocomplete="off" autocapitalize="characters" autocorrect="off" spellcheck="false" maxlength="9" aria-describedby="code-hint" required>
    <button type="submit">Join</button>
    </form>
    <form id="rate" hidden>
    <fieldset>
    <legend id="question"></legend>
    <div id="scale" class="scale"></div>
    <p class="ends" aria-hidden="true"><span id="low"></span><span id="high"></span></p>
    </fieldset>
    <button type="submit">Send my rating</button>
    </form>
    <details id="park" hidden>
    <summary>Park a question or topic anonymously</summary>
    <form id="park-form">
    <label for="park-text">Your question or topic</label>
    <textarea id="park-text" maxlength="280" rows="3" required></textarea>
    <button type="submit">Park it</button>
    <p id="park-status" role="status" aria-live="polite"></p>
    </form>
    </details>
    <p class="note">Anonymous: no names are asked. The facilitator sees how many have rated and, from three ratings on, the ratings without who gave them.</p>
    </main>
    </body>
    </html>

    """
}
