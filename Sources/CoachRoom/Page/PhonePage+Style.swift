extension PhonePage {
  /// Calm and legible on a narrow phone: system fonts, one accent colour, touch targets of at
  /// least 48 px, a visible focus ring, and the same in dark mode.
  static let style = """
    :root{--bg:#f6f5f1;--fg:#1f2421;--muted:#5b625d;--line:#c9ccc5;--accent:#2d5f52;--on:#fff;--card:#fff}
    @media (prefers-color-scheme:dark){:root{--bg:#161a18;--fg:#eceee9;--muted:#a9b0aa;--line:#3c443f;--accent:#7fc2ad;--on:#0f1311;--card:#1e2320}}
    *{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%}
    body{margin:0;background:var(--bg);color:var(--fg);font:1.125rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
    main{max-width:34rem;margin:0 auto;padding:1.25rem 1rem 2rem}
    h1{font-size:1rem;font-weight:600;letter-spacing:.04em;text-transform:uppercase;color:var(--muted);margin:0 0 1rem}
    #status{font-size:1.25rem;margin:0 0 1.25rem;min-height:1.5em}
    form,details{background:var(--card);border:1px solid var(--line);border-radius:.75rem;padding:1rem;margin:0 0 1.25rem}
    fieldset{border:0;margin:0;padding:0;min-width:0}
    legend{font-size:1.375rem;font-weight:600;line-height:1.35;margin:0 0 1rem;padding:0}
    label{display:block;font-weight:600}
    .hint,.note,.ends{color:var(--muted);font-size:1rem}
    .note{margin-top:2rem}
    input,textarea{width:100%;font:inherit;color:inherit;background:var(--bg);border:2px solid var(--line);border-radius:.5rem;padding:.75rem;margin:.5rem 0 1rem}
    #code{font-size:1.75rem;letter-spacing:.2em;text-transform:uppercase;text-align:center}
    button,summary{font:inherit;font-weight:600;min-height:3rem}
    button{width:100%;border:0;border-radius:.5rem;padding:.75rem 1rem;background:var(--accent);color:var(--on)}
    summary{cursor:pointer;color:var(--accent);padding:.5rem 0}
    details[open] summary{margin-bottom:.75rem}
    .scale{display:grid;grid-template-columns:repeat(auto-fit,minmax(3.25rem,1fr));gap:.5rem}
    .rows4{grid-template-columns:repeat(4,1fr)}.rows5{grid-template-columns:repeat(5,1fr)}
    .rows6{grid-template-columns:repeat(6,1fr);gap:.375rem}
    .scale input{position:absolute;opacity:0;width:1px;height:1px;margin:0}
    .scale label{display:flex;align-items:center;justify-content:center;min-height:3.5rem;border:2px solid var(--line);border-radius:.5rem;font-size:1.375rem;background:var(--bg)}
    .scale input:checked+label{background:var(--accent);border-color:var(--accent);color:var(--on)}
    .scale input:focus-visible+label,input:focus-visible,textarea:focus-visible,button:focus-visible,summary:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
    .ends{display:flex;justify-content:space-between;gap:1rem;margin:.5rem 0 1rem}
    .ends span:last-child{text-align:right}
    .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
    [hidden]{display:none!important}

    """
}
