#!/usr/bin/env python3
"""Print the benchmark table from the files bench/run writes.

    python3 bench/report.py <results.tsv> <rows.tsv>

results.tsv, one measurement a line:  key <TAB> status <TAB> value <TAB> note
    status ok       value = median in seconds
    status na       value = why there is no figure
    status timeout  value = the time limit in seconds
    status skipped  value = why it was skipped

rows.tsv, one table row a line:  label <TAB> cell <TAB> cell ...
    a cell is   ratio:SUBJECT:REFERENCE:NAME[:PREFIX]   SUBJECT's median / REFERENCE's median:
                                                       "PREFIX: 0.83× NAME"
           or   abs:SUBJECT:PREFIX:SUFFIX              SUBJECT's median in ms: "PREFIX: 212 ms SUFFIX"
           or   text:TEXT                              TEXT as it is ("-" for an empty column)
    a label starting with "#" makes the line a heading.
"""

import sys


def load_results(path):
    results = {}
    with open(path) as f:
        for line in f:
            key, status, value, note = (line.rstrip("\n").split("\t") + ["", "", ""])[:4]
            results[key] = (status, value, note)
    return results


def fmt_ratio(r):
    if r >= 100:
        return f"{r:.0f}"
    if r >= 0.1:
        return f"{r:.2f}"
    return f"{r:.2g}"


def fmt_ms(seconds):
    ms = seconds * 1000
    return f"{ms:.0f} ms" if ms >= 100 else f"{ms:.1f} ms"


class Table:
    def __init__(self, results):
        self.results = results
        self.notes = []  # footnotes: (text)
        self.note_index = {}

    def footnote(self, who, key):
        status, value, _ = self.results.get(key, ("na", "not measured", ""))
        text = f"{who}: {value}"
        if text not in self.note_index:
            self.notes.append(text)
            self.note_index[text] = len(self.notes)
        return f"[{self.note_index[text]}]"

    def get(self, key):
        return self.results.get(key, ("na", "not measured", ""))

    def cell(self, spec):
        kind, rest = spec.split(":", 1)
        if kind == "text":
            return "—" if rest == "-" else rest
        if kind == "ratio":
            subject, reference, name, prefix = (rest.split(":", 3) + [""])[:4]
            return (prefix + ": " if prefix else "") + self.ratio(subject, reference, name)
        if kind == "abs":
            subject, prefix, suffix = (rest.split(":", 2) + ["", ""])[:3]
            return (prefix + ": " if prefix else "") + self.absolute(subject, suffix)
        raise ValueError(spec)

    def ratio(self, subject, reference, name):
        s_status, s_value, s_note = self.get(subject)
        r_status, r_value, r_note = self.get(reference)
        if s_status == "skipped":
            return f"skipped ({s_value})"
        if s_status != "ok":
            return "n/a " + self.footnote("blumeops", subject)
        if r_status == "skipped":
            return f"{name}: skipped ({r_value})"
        if r_status == "timeout":
            bound = float(s_value) / float(r_value)
            return f"<{fmt_ratio(bound)}× {name} (timed out at {float(r_value):.0f} s)"
        if r_status != "ok":
            return f"n/a {name} " + self.footnote(name, reference)
        text = f"{fmt_ratio(float(s_value) / float(r_value))}× {name}"
        extra = [n for n in (r_note, s_note) if n]
        return text + (f" ({'; '.join(extra)})" if extra else "")

    def absolute(self, subject, text):
        s_status, s_value, s_note = self.get(subject)
        if s_status == "skipped":
            return f"skipped ({s_value})"
        if s_status != "ok":
            return "n/a " + self.footnote("blumeops", subject)
        out = fmt_ms(float(s_value)) + (f" {text}" if text else "")
        return out + (f" ({s_note})" if s_note else "")


def main():
    results = load_results(sys.argv[1])
    table = Table(results)
    rows = []
    with open(sys.argv[2]) as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if fields[0].startswith("#"):
                rows.append((fields[0][1:].strip(), None))
            else:
                rows.append((fields[0], [table.cell(c) for c in fields[1:]]))
    widths = {}
    label_width = max([len(label) for label, cells in rows if cells is not None] + [8])
    for _, cells in rows:
        for i, c in enumerate(cells or []):
            widths[i] = max(widths.get(i, 0), len(c))
    print("blumeops median ÷ other median (below 1: blumeops is faster)")
    print()
    for label, cells in rows:
        if cells is None:
            print(label)
            continue
        line = "  " + label.ljust(label_width)
        for i, c in enumerate(cells):
            line += "   " + c.ljust(widths[i])
        print(line.rstrip())
    if table.notes:
        print()
        for i, text in enumerate(table.notes, 1):
            print(f"[{i}] {text}")


if __name__ == "__main__":
    main()
