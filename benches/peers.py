#!/usr/bin/env python3
"""Peers for summit-bench, on the same corpus, the same names and the same quads.

    python3 -m venv .venv-bench && .venv-bench/bin/pip install -r benches/requirements.txt
    cargo run --release --bin summit-bench -- --python .venv-bench/bin/python

summit-bench calls this script with the corpus it generated (JSONL), the names its
gazetteer automaton holds (one per line, normalised) and, for load, the corpus's quads
as N-Quads (`summit extract --format nq`). It prints one JSON object:

- spacy_phrasematcher: spaCy's PhraseMatcher (attr LOWER) over blank pipelines, no
  model: spacy.blank("zh") (character segmentation) for Chinese documents,
  spacy.blank("en") for the others; the names are patterns made by each pipeline's
  tokenizer. Timed: tokenizing every document and matching (`nlp.make_doc` + matcher).
- pyoxigraph_bulk_load: pyoxigraph.Store(path).bulk_load(the N-Quads file), on disk.
- rdflib: rdflib.Dataset().parse(the N-Quads file), in memory (its default store).

Times are medians of --runs runs (loads: one run each above 2 million quads), as wall
seconds ("secs") and CPU seconds of this process, all threads ("cpu": time.process_time).
"""

import argparse
import json
import os
import shutil
import statistics
import sys
import time


def is_chinese(text):
    han = sum(1 for c in text if "\u3400" <= c <= "\u9fff")
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    return han * 3 >= latin


def dir_size(path):
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            try:
                total += os.path.getsize(os.path.join(root, f))
            except OSError:
                pass
    return total


def spacy_phrasematcher(texts, names, runs):
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = {"zh": spacy.blank("zh"), "en": spacy.blank("en")}
    matchers = {}
    for lang, p in nlp.items():
        m = PhraseMatcher(p.vocab, attr="LOWER")
        m.add("NAME", [p.make_doc(n) for n in names])
        matchers[lang] = m
    langs = ["zh" if is_chinese(t) else "en" for t in texts]
    secs, cpu = [], []
    matches = 0
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        matches = 0
        for text, lang in zip(texts, langs):
            doc = nlp[lang].make_doc(text)
            matches += len(matchers[lang](doc))
        secs.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return {"secs": statistics.median(secs), "cpu": statistics.median(cpu), "matches": matches, "spacy": spacy.__version__}


def count_quads(path):
    with open(path, "rb") as f:
        return sum(1 for line in f if line.strip() and not line.startswith(b"#"))


def pyoxigraph_bulk_load(nq, work, runs):
    import pyoxigraph

    secs, cpu = [], []
    size = 0
    n = 0
    for _ in range(runs):
        path = os.path.join(work, "pyoxigraph")
        shutil.rmtree(path, ignore_errors=True)
        t0, c0 = time.perf_counter(), time.process_time()
        store = pyoxigraph.Store(path)
        store.bulk_load(path=nq, format=pyoxigraph.RdfFormat.N_QUADS)
        store.flush()
        secs.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        n = len(store)
        del store
        size = dir_size(path)
        shutil.rmtree(path, ignore_errors=True)
    return {"secs": statistics.median(secs), "cpu": statistics.median(cpu), "quads": n, "store_mb": size / 1e6, "pyoxigraph": pyoxigraph.__version__}


def rdflib_load(nq, runs):
    import rdflib

    secs, cpu = [], []
    n = 0
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        ds = rdflib.Dataset()
        ds.parse(nq, format="nquads")
        secs.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        n = sum(len(g) for g in ds.graphs())
        del ds
    return {"secs": statistics.median(secs), "cpu": statistics.median(cpu), "quads": n, "rdflib": rdflib.__version__}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--names", required=True)
    ap.add_argument("--nq")
    ap.add_argument("--work", default="/tmp/summit-bench-peers")
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    texts = []
    with open(a.corpus, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                texts.append(json.loads(line)["text"])
    with open(a.names, encoding="utf-8") as f:
        names = [n for n in f.read().split("\n") if n]
    out = {"docs": len(texts), "text_bytes": sum(len(t.encode("utf-8")) for t in texts), "names": len(names)}
    out["spacy_phrasematcher"] = spacy_phrasematcher(texts, names, a.runs)
    print(f"peers: spaCy PhraseMatcher {out['spacy_phrasematcher']['secs']:.2f} s", file=sys.stderr)
    if a.nq:
        os.makedirs(a.work, exist_ok=True)
        quads = count_quads(a.nq)
        load_runs = a.runs if quads <= 2_000_000 else 1
        out["nq_quads"] = quads
        out["pyoxigraph_bulk_load"] = pyoxigraph_bulk_load(a.nq, a.work, load_runs)
        print(f"peers: pyoxigraph bulk load {out['pyoxigraph_bulk_load']['secs']:.2f} s", file=sys.stderr)
        out["rdflib"] = rdflib_load(a.nq, load_runs)
        print(f"peers: rdflib {out['rdflib']['secs']:.2f} s", file=sys.stderr)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
