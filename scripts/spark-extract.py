#!/usr/bin/env python3
"""summit as a map step on Apache Spark: JSONL documents in, one merged N-Quads file out.

    python3 scripts/spark-extract.py CORPUS OUT.nq [--partitions N] [--master local[*]]
                                     [--summit PATH] [--today YYYY-MM-DD] [--date YYYY-MM-DD]
    summit load OUT.nq --store graphs/store        # or: --endpoint http://host:port/store

Name the output OUT.nq.gz to have the parts gzip-compressed (Hadoop's GzipCodec) and
concatenated into one gzip stream, which `summit load OUT.nq.gz` reads: N-Quads of short
reports are ~80 times the corpus, gzip takes that to ~4 times.

CORPUS is a JSONL file or a directory of them (anything `SparkContext.textFile` reads:
globs, hdfs://, s3a://), one document per line: {"id": ..., "text": ..., "date": ...}.
Each partition is piped through `summit extract --format nq -` (RDD.pipe: the lines go
to summit's stdin, its N-Quads lines come back as the partition's elements), so the
summit binary, its gazetteers/ and rules/ must be on every worker (same paths). The
parts are written with saveAsTextFile next to OUT.nq and concatenated into it.

Why the union of the parts is the single-process graph: every document is its own named
graph, and every IRI is minted from the data alone (gazetteer ids, names, the meeting's
participants and date, the document id), never from counters or order; so a meeting two
partitions both report gets the same IRI in both, and `summit load` of the merged file
equals `summit load CORPUS`. Give every line an `id`: a line without one is named after
its position (`stdin-<line>`), which depends on how Spark split the corpus. Pass
`--today` on a cluster whose clocks may differ (it dates stories that give no year).

A summit failure (including exit code 2 for a skipped bad line) fails the job; its
message is in the executor's stderr. Requires pyspark (pip install pyspark) and Java 17+.
"""

import argparse
import glob
import os
import shutil
import sys
import tempfile


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("corpus", help="JSONL file or directory (any path textFile reads)")
    p.add_argument("output", help="the merged N-Quads file to write (name it *.nq, or *.nq.gz to compress)")
    p.add_argument("--partitions", type=int, default=0, help="minimum number of partitions (default: Spark's)")
    p.add_argument("--master", default=os.environ.get("SPARK_MASTER", "local[*]"))
    p.add_argument("--summit", default=os.environ.get("SUMMIT_BIN") or shutil.which("summit") or os.path.join(repo, "target/release/summit"))
    p.add_argument("--gazetteers", default=os.path.join(repo, "gazetteers"))
    p.add_argument("--rules", default=os.path.join(repo, "rules"))
    p.add_argument("--today", help="summit --today (the clock otherwise)")
    p.add_argument("--date", help="summit --date: the date documents without one are read against")
    p.add_argument("--jobs", type=int, default=1, help="threads per summit process (default 1: Spark runs one task per core)")
    a = p.parse_args()

    gz = a.output.endswith(".nq.gz")
    if not (a.output.endswith(".nq") or gz):
        sys.exit("spark-extract: name the output *.nq or *.nq.gz (that is how summit load knows it)")
    if not os.access(a.summit, os.X_OK):
        sys.exit(f"spark-extract: no summit binary at {a.summit} (build it: cargo build --release; or pass --summit)")

    from pyspark import SparkConf, SparkContext

    cmd = [os.path.abspath(a.summit), "extract", "--format", "nq", "-j", str(a.jobs),
           "--gazetteers", os.path.abspath(a.gazetteers), "--rules", os.path.abspath(a.rules)]
    if a.today:
        cmd += ["--today", a.today]
    if a.date:
        cmd += ["--date", a.date]
    cmd.append("-")

    conf = SparkConf().setAppName("summit-extract").setMaster(a.master).set("spark.ui.enabled", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("WARN")
    out_dir = os.path.abspath(a.output)
    parts = tempfile.mkdtemp(prefix=os.path.basename(out_dir) + ".parts-", dir=os.path.dirname(out_dir) or ".")
    os.rmdir(parts)  # saveAsTextFile creates it
    try:
        corpus = sc.textFile(a.corpus, a.partitions) if a.partitions else sc.textFile(a.corpus)
        docs = corpus.filter(lambda line: line.strip() != "")
        # Summit's stdout lines are the partition's elements; checkCode fails the task when
        # summit exits non-zero.
        codec = "org.apache.hadoop.io.compress.GzipCodec" if gz else None
        docs.pipe(" ".join(_quote(c) for c in cmd), checkCode=True).saveAsTextFile(
            "file://" + parts if "://" not in parts else parts, compressionCodecClass=codec)
        n = corpus.getNumPartitions()
    finally:
        sc.stop()
    tmp = out_dir + ".partial"
    with open(tmp, "wb") as out:
        # gzip members one after another are one gzip stream (RFC 1952).
        for part in sorted(glob.glob(os.path.join(parts, "part-*.gz" if gz else "part-*"))):
            with open(part, "rb") as f:
                shutil.copyfileobj(f, out, 1 << 20)
            os.remove(part)  # the disk holds the N-Quads about once, not twice
    os.replace(tmp, out_dir)
    shutil.rmtree(parts, ignore_errors=True)
    print(f"spark-extract: {n} partition(s) piped through summit; N-Quads in {a.output}", file=sys.stderr)


def _quote(s):
    """A shell word: RDD.pipe splits its command string with shlex."""
    import shlex
    return shlex.quote(s)


if __name__ == "__main__":
    main()
