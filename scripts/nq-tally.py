#!/usr/bin/env python3
"""Tally summit N-Quads without a store: quads, distinct quads, graphs, and who-met-whom.

    summit gazetteer graph -o gazetteer.nq
    summit extract --format nq corpus.jsonl | python3 scripts/nq-tally.py gazetteer.nq - > single.txt
    python3 scripts/nq-tally.py gazetteer.nq spark-out.nq.gz > spark.txt
    cmp single.txt spark.txt

The gazetteer graph (what `summit load` writes once per store) holds the names of the
people the lists know; document graphs name only the people no list knows.

For comparing runs too big to load twice (a 200 MB corpus makes ~16 GB of N-Quads and a
~22 GB store): the output is a few count lines, then the who-met-whom table as CSV, with
the columns, values and order of `summit query queries/who-met-whom.rq --format csv`
(planned meetings left out; a name is the least English one, else Simplified Chinese,
else Traditional;
pairs by descending meetings, then names, then IRIs). Two N-Quads streams with the same
set of quads print the same bytes, whatever their order and repeats.

A quad is its line as summit writes it (one canonical form), so distinct lines are
distinct quads; they are counted by 64-bit hash (a false merge among 100 million quads
has a chance of about 1 in 4,000). Memory: ~50 bytes per distinct quad.
"""

import csv
import gzip
import io
import re
import sys

SUMMIT = "https://w3id.org/summit/"
PARTICIPANT = "<https://w3id.org/summit/ns#participant>"
STATUS = "<https://schema.org/eventStatus>"
SCHEDULED = "<https://schema.org/EventScheduled>"
NAME = "<https://schema.org/name>"


ESCAPE = re.compile(r'\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))')
SIMPLE = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def unescape(s):
    """An N-Quads string's escapes (ECHAR, UCHAR) undone."""
    if "\\" not in s:
        return s
    return ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)) if m.group(3) is None else SIMPLE.get(m.group(3), m.group(3)), s)


def literal(rest):
    """'"text"@lang <g> .' -> (text, lang) for a language-tagged literal, else None."""
    end = rest.rfind('"@')
    if not rest.startswith('"') or end < 1:
        return None
    lang = rest[end + 2:].split(" ", 1)[0]
    return unescape(rest[1:end]), lang


def tally(streams):
    seen = set()
    quads = 0
    graphs = set()
    participants = {}  # meeting -> set of people
    scheduled = set()
    names = {}  # (entity, lang) -> set of names
    for name, f in streams:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line or line.startswith("#"):
                continue
            quads += 1
            seen.add(hash(line))
            s, p, rest = line.split(" ", 2)
            if rest.endswith(" ."):
                g = rest[rest.rfind(" <", 0, len(rest) - 2) + 1:-2]
                graphs.add(hash(g))
            if p == PARTICIPANT:
                participants.setdefault(s, set()).add(rest.split(" ", 1)[0])
            elif p == STATUS and rest.startswith(SCHEDULED):
                scheduled.add(s)
            elif p == NAME and s.startswith("<" + SUMMIT):
                lit = literal(rest)
                if lit and lit[1].lower() in ("en", "zh-hans", "zh-hant"):
                    names.setdefault((s, lit[1].lower()), set()).add(lit[0])
    pairs = {}
    for m, people in participants.items():
        if m in scheduled:
            continue
        ps = sorted(people, key=lambda x: x[1:-1])
        for i, a in enumerate(ps):
            for b in ps[i + 1:]:
                pairs[(a, b)] = pairs.get((a, b), 0) + 1

    def label(e):
        # The least English name, else Simplified Chinese, else Traditional (as the query).
        for tag in ("en", "zh-hans", "zh-hant"):
            if names.get((e, tag)):
                return min(names[(e, tag)])
        return ""

    rows = [(-k, label(a), label(b), a[1:-1], b[1:-1]) for (a, b), k in pairs.items()]
    rows.sort()
    return quads, len(seen), len(graphs), len(participants), rows


def open_input(path):
    if path == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline="")
    if path.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")


def main():
    paths = sys.argv[1:] or ["-"]
    quads, distinct, graphs, meetings, rows = tally((p, open_input(p)) for p in paths)
    out = sys.stdout
    out.write(f"# quads {quads}\n# distinct quads {distinct}\n# graphs {graphs}\n# meetings {meetings}\n")
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(["person1", "name1", "person2", "name2", "meetings"])
    for k, n1, n2, a, b in rows:
        w.writerow([a, n1, b, n2, -k])


if __name__ == "__main__":
    main()
