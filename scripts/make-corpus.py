#!/usr/bin/env python3
"""A JSONL corpus of any size for scale runs (Spark vs one process, loads).

    python3 scripts/make-corpus.py 200 corpus.jsonl [--seeds ../shared/seeds] [--seeds-only]

Repeats the repository's articles (examples/, tests/fixtures/news) and, when the
directory exists, the seed pages read in place, until the file holds SIZE_MB * 10^6
bytes; repetition r gets the id suffix -r{r} and its date moved r//2 days on (from the
article's date, or 2024-01-01), so every line has a unique id and the same meeting is
reported by a few documents. The same arguments give the same bytes. `--seeds-only`
repeats the seed pages alone (whole news pages, ~6 KB each: the corpus of issue 18's
quads-per-KB figures).
"""

import argparse
import datetime
import json
import os
import sys


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("size_mb", type=float)
    p.add_argument("output")
    p.add_argument("--seeds", default=os.path.join(repo, "..", "shared", "seeds"))
    p.add_argument("--seeds-only", action="store_true")
    a = p.parse_args()
    base = []
    for d in [] if a.seeds_only else ["examples", "tests/fixtures/news"]:
        for root, _, files in sorted(os.walk(os.path.join(repo, d))):
            for f in sorted(files):
                path = os.path.join(root, f)
                if f.endswith(".jsonl"):
                    with open(path, encoding="utf-8") as fh:
                        base.extend(json.loads(line) for line in fh if line.strip())
                elif f.endswith((".txt", ".html")):
                    with open(path, encoding="utf-8") as fh:
                        base.append({"id": os.path.splitext(f)[0], "text": fh.read()})
    if os.path.isdir(a.seeds):
        for f in sorted(os.listdir(a.seeds)):
            with open(os.path.join(a.seeds, f), encoding="utf-8") as fh:
                base.append({"id": "seed-" + os.path.splitext(f)[0], "text": fh.read()})
    if not base:
        sys.exit("make-corpus: no articles (is --seeds a directory?)")
    target = int(a.size_mb * 1e6)
    d0 = datetime.date(2024, 1, 1)
    n = rep = 0
    with open(a.output, "w", encoding="utf-8") as out:
        while n < target:
            for b in base:
                v = dict(b)
                v["id"] = f'{b["id"]}-r{rep}'
                d = datetime.date.fromisoformat(b["date"]) if "date" in b else d0
                v["date"] = (d + datetime.timedelta(days=rep // 2)).isoformat()
                line = json.dumps(v, ensure_ascii=False) + "\n"
                out.write(line)
                n += len(line.encode())
            rep += 1
    print(f"make-corpus: {rep} repetitions of {len(base)} articles, {n} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
