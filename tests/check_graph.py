#!/usr/bin/env python3
"""Reads summit's GraphML (and GEXF) exports with tools outside summit, for tests/export.rs.

    python3 tests/check_graph.py FILE.graphml [FILE.gexf]

Prints one JSON object:
  "schema": the GraphML document's violations of the GraphML 1.0 schema (empty when
            valid), checked by `graphml_violations` below;
  "graphml": what networkx.read_graphml reads: {"directed", "nodes": {id: attrs},
            "edges": [[u, v, attrs], ...]};
  "gexf":   what networkx.read_gexf reads, in the same shape (when a GEXF file is given).
Exits 3 when networkx cannot be imported (the test then skips, or fails in CI).

The schema check is written out here from the GraphML 1.0 schema (graphml.xsd with its
structure, attributes and parseinfo layers, http://graphml.graphdrawing.org/xmlns/1.0/),
rather than vendoring the XSD files: element names and order, required and allowed
attributes, their types (NMTOKEN, the enumerations), the identity constraints (unique
key, node and edge ids; data/@key and edge/@source|@target pointing at existing ones),
plus the attr.type of each <data>'s key (GraphML's own rule for values).
"""

import json
import re
import sys
import xml.etree.ElementTree as ET

G = "{http://graphml.graphdrawing.org/xmlns}"
XSI = "{http://www.w3.org/2001/XMLSchema-instance}"

# XML 1.0 (fifth edition) NameChar; an NMTOKEN is one or more of them.
NAME_CHAR = (
    ":A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
    "\\-.0-9\u00b7\u0300-\u036f\u203f-\u2040"
)
NMTOKEN = re.compile("[" + NAME_CHAR + "]+")

KEY_FOR = {"all", "graphml", "graph", "node", "edge", "hyperedge", "port", "endpoint"}
ATTR_TYPES = {"boolean", "int", "long", "float", "double", "string"}
PARSE_GRAPH = {
    "parse.nodeids": {"canonical", "free"},
    "parse.edgeids": {"canonical", "free"},
    "parse.order": {"nodesfirst", "adjacencylist", "free"},
    "parse.nodes": "nonneg",
    "parse.edges": "nonneg",
    "parse.maxindegree": "nonneg",
    "parse.maxoutdegree": "nonneg",
}
PARSE_NODE = {"parse.indegree": "nonneg", "parse.outdegree": "nonneg"}


def graphml_violations(path):
    errors = []
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        return [f"not well-formed XML: {e}"]

    def err(el, msg):
        errors.append(f"<{el.tag.replace(G, '')}>: {msg}")

    def check_attrs(el, allowed):
        """allowed: name -> (required, type) with type "nmtoken", "nonneg", "boolean",
        a set of values, or None for any string."""
        for name, value in el.attrib.items():
            if name.startswith(XSI):
                continue  # xsi:schemaLocation and friends are allowed on any element
            if name not in allowed:
                err(el, f"attribute {name!r} is not allowed")
                continue
            kind = allowed[name][1]
            if kind == "nmtoken" and not NMTOKEN.fullmatch(value):
                err(el, f"{name}={value!r} is not an NMTOKEN")
            elif kind == "nonneg" and not re.fullmatch(r"\+?[0-9]+", value):
                err(el, f"{name}={value!r} is not a non-negative integer")
            elif kind == "boolean" and value not in {"true", "false", "1", "0"}:
                err(el, f"{name}={value!r} is not a boolean")
            elif isinstance(kind, set) and value not in kind:
                err(el, f"{name}={value!r} is not one of {sorted(kind)}")
        for name, (required, _) in allowed.items():
            if required and name not in el.attrib:
                err(el, f"attribute {name!r} is required")

    def children(el):
        out = []
        for c in el:
            if not isinstance(c.tag, str):
                continue  # comments, processing instructions
            if not c.tag.startswith(G):
                err(el, f"element {c.tag} is not GraphML")
                continue
            out.append(c)
        return out

    def name(el):
        return el.tag[len(G):]

    def sequence(el, pattern):
        """Checks the children's names against a regular expression over
        space-separated element names."""
        names = " ".join(name(c) for c in children(el))
        if not re.fullmatch(pattern, names):
            err(el, f"children ({names or 'none'}) do not match the content model {pattern}")

    def text_only(el):
        for c in el:
            if isinstance(c.tag, str):
                err(el, f"element {c.tag} is not allowed here (text only)")

    keys = {}
    node_ids = set()
    edge_ids = set()
    endpoints = []
    datas = []  # (data element, owner kind)

    if root.tag != G + "graphml":
        return [f"the root element is {root.tag}, not {G}graphml"]
    check_attrs(root, {})
    sequence(root, r"(desc ?)?(key ?)*((data|graph) ?)*")

    def walk(el, owner):
        n = name(el)
        if n == "desc":
            check_attrs(el, {})
            text_only(el)
        elif n == "key":
            check_attrs(
                el,
                {
                    "id": (True, "nmtoken"),
                    "for": (False, KEY_FOR),
                    "attr.name": (False, "nmtoken"),
                    "attr.type": (False, ATTR_TYPES),
                },
            )
            sequence(el, r"(desc ?)?(default ?)?")
            kid = el.get("id")
            if kid in keys:
                err(el, f"duplicate key id {kid!r}")
            keys[kid] = el
            for c in children(el):
                if name(c) == "default":
                    check_attrs(c, {})
                    text_only(c)
        elif n == "data":
            check_attrs(el, {"key": (True, "nmtoken"), "id": (False, "nmtoken")})
            text_only(el)
            datas.append((el, owner))
        elif n == "graph":
            allowed = {"id": (False, "nmtoken"), "edgedefault": (True, {"directed", "undirected"})}
            allowed.update({k: (False, v) for k, v in PARSE_GRAPH.items()})
            check_attrs(el, allowed)
            sequence(el, r"(desc ?)?(((data|node|edge|hyperedge) ?)*|locator ?)")
        elif n == "node":
            allowed = {"id": (True, "nmtoken")}
            allowed.update({k: (False, v) for k, v in PARSE_NODE.items()})
            check_attrs(el, allowed)
            sequence(el, r"(desc ?)?(((data|port) ?)*(graph ?)?|locator ?)")
            nid = el.get("id")
            if nid in node_ids:
                err(el, f"duplicate node id {nid!r}")
            node_ids.add(nid)
        elif n == "edge":
            check_attrs(
                el,
                {
                    "id": (False, "nmtoken"),
                    "directed": (False, "boolean"),
                    "source": (True, "nmtoken"),
                    "target": (True, "nmtoken"),
                    "sourceport": (False, "nmtoken"),
                    "targetport": (False, "nmtoken"),
                },
            )
            sequence(el, r"(desc ?)?(data ?)*(graph ?)?")
            if el.get("id") is not None:
                if el.get("id") in edge_ids:
                    err(el, f"duplicate edge id {el.get('id')!r}")
                edge_ids.add(el.get("id"))
            endpoints.append(el)
        elif n in {"port", "hyperedge", "endpoint", "locator", "default"}:
            pass  # summit writes none of these; their content models are not needed here
        else:
            err(el, f"unknown GraphML element <{n}>")
        for c in children(el):
            if name(c) != "default":
                walk(c, n)

    for c in children(root):
        walk(c, "graphml")

    for el in endpoints:
        for end in ("source", "target"):
            if el.get(end) not in node_ids:
                err(el, f"{end}={el.get(end)!r} names no node")
    for el, owner in datas:
        key = keys.get(el.get("key"))
        if key is None:
            err(el, f"key={el.get('key')!r} names no <key>")
            continue
        domain = key.get("for", "all")
        if domain not in ("all", owner):
            err(el, f"key {el.get('key')!r} is for <{domain}>, used on <{owner}>")
        value = el.text or ""
        ty = key.get("attr.type", "string")
        ok = True
        if ty in ("int", "long"):
            ok = re.fullmatch(r"\s*[+-]?[0-9]+\s*", value) is not None
            if ok and ty == "int":
                ok = -(2**31) <= int(value) < 2**31
        elif ty in ("float", "double"):
            try:
                float(value)
            except ValueError:
                ok = False
        elif ty == "boolean":
            ok = value.strip().lower() in {"true", "false", "1", "0"}
        if not ok:
            err(el, f"value {value!r} is not a {ty}")
    return errors


def plain(value):
    """networkx values as JSON: tuples become lists."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def dump(graph):
    return {
        "directed": graph.is_directed(),
        "nodes": {str(n): plain(a) for n, a in graph.nodes(data=True)},
        "edges": sorted(([str(u), str(v), plain(a)] for u, v, a in graph.edges(data=True)), key=lambda e: (e[0], e[1])),
    }


def main():
    try:
        import networkx as nx
    except ImportError as e:
        print(f"networkx is not available: {e}", file=sys.stderr)
        sys.exit(3)
    out = {"networkx": nx.__version__, "schema": graphml_violations(sys.argv[1]), "graphml": dump(nx.read_graphml(sys.argv[1]))}
    if len(sys.argv) > 2:
        out["gexf"] = dump(nx.read_gexf(sys.argv[2]))
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
