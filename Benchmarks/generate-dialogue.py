#!/usr/bin/env python3
"""Writes a valid dialogue of N steps to stdout, for load-and-check benchmarks.

Every tenth step branches on a computed value; questions cycle through all types, and texts
read earlier answers, so the checker's flow analysis has real work to do.
"""
import sys

steps = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
per_section = 50
sections = (steps + per_section - 1) // per_section
out = sys.stdout.write
out(f"id: generated-{steps}\ntitle: Generated dialogue of {steps} steps\nduration: {sections}\n")
out("computed:\n  running_score: (mean(s_scale_3, s_scale_9) - 1) * 25\n")
out("sections:\n")
n = 0
for s in range(sections):
    out(f"  - id: section_{s}\n    title: Section {s}\n    budget: 1\n    steps:\n")
    for _ in range(per_section):
        if n >= steps:
            break
        last = n == steps - 1
        out(f"      - id: s_{kind}_{n}\n" if False else "")
        kind = ["text", "choice", "multi", "scale", "number", "yesno"][n % 6] if not last else "say"
        name = f"s_{kind}_{n}"
        out(f"      - id: {name}\n")
        out(f"        say: \"Step {n} of {steps}. {{{{s_text_0}}}} is the team.\"\n" if n > 0 else "        say: Welcome.\n")
        if last:
            out("        final: true\n")
            n += 1
            continue
        out("        ask:\n")
        out(f"          type: {kind}\n          prompt: Question number {n}, about trust?\n")
        if kind == "text":
            out("          max_length: 200\n")
        elif kind in ("choice", "multi"):
            out("          options:\n")
            for o in range(4):
                out(f"            - value: v{o}\n              label: Option {o}\n              synonyms: [o{o}]\n")
        elif kind == "scale":
            out("          min: 1\n          max: 5\n          min_label: Strongly disagree\n          max_label: Strongly agree\n")
        elif kind == "number":
            out("          min: 0\n          max: 100\n")
        if n % 10 == 5 and n > 20 and n + 2 < steps - 1:
            nxt = n + 1
            after = n + 2
            kinds = ["text", "choice", "multi", "scale", "number", "yesno"]
            out("        next:\n")
            out(f"          - if: running_score > 50\n            goto: s_{kinds[after % 6] if after != steps - 1 else 'say'}_{after}\n")
            out(f"          - goto: s_{kinds[nxt % 6]}_{nxt}\n")
        n += 1
