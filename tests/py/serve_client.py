#!/usr/bin/env python3
"""Runs a SPARQL query file against a summit endpoint with SPARQLWrapper (a client
outside summit's code), by GET and by POST, and prints the answer as JSON:
{"vars": [...], "rows": [[value, ...], ...]} (an unbound cell is null).

Usage: serve_client.py ENDPOINT_URL QUERY_FILE
Exits 1 when the GET and POST answers differ, 2 on a usage or client error.
"""
import json
import sys

from SPARQLWrapper import GET, JSON, POST, SPARQLWrapper


def ask(endpoint, query, method):
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    client.setMethod(method)
    client.setReturnFormat(JSON)
    result = client.query().convert()
    names = result["head"]["vars"]
    rows = [[b[v]["value"] if v in b else None for v in names] for b in result["results"]["bindings"]]
    return {"vars": names, "rows": rows}


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    endpoint, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as f:
        query = f.read()
    by_get = ask(endpoint, query, GET)
    by_post = ask(endpoint, query, POST)
    if by_get != by_post:
        print(f"GET and POST answers differ:\n{by_get}\n{by_post}", file=sys.stderr)
        return 1
    print(json.dumps(by_get, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
