"""Check that networkx reads stancemap's GraphML and GEXF exports.

Usage: python3 tests/networkx_check.py MAP.json MAP.graphml MAP.gexf

MAP.json is the same map from `stancemap extract`; every actor and
relation in it must come back from both files, with its attributes.
"""

import json
import sys

import networkx as nx


def check(graph, fmt, entities, relations):
    names = {e["id"]: e["name"] for e in entities}
    assert graph.number_of_nodes() == len(entities), (
        f"{fmt}: {graph.number_of_nodes()} nodes, expected {len(entities)}"
    )
    assert graph.number_of_edges() == len(relations), (
        f"{fmt}: {graph.number_of_edges()} edges, expected {len(relations)}"
    )
    labels = {data.get("label") for _, data in graph.nodes(data=True)}
    assert labels == set(names.values()), f"{fmt}: labels {labels}"
    kinds = {data.get("kind") for _, data in graph.nodes(data=True)}
    assert kinds == {e["kind"] for e in entities}, f"{fmt}: kinds {kinds}"
    found = sorted(
        (u, v, d["stance"], int(d["evidence_count"]))
        for u, v, d in graph.edges(data=True)
    )
    expected = sorted(
        (r["source"], r["target"], r["stance"], len(r["evidence"])) for r in relations
    )
    assert found == expected, f"{fmt}: edges {found} != {expected}"
    alleged = sorted(d.get("alleged_by", "") for _, _, d in graph.edges(data=True))
    want = sorted(names[r["alleged_by"]] if r["alleged_by"] else "" for r in relations)
    assert alleged == want, f"{fmt}: alleged_by {alleged} != {want}"


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    map_path, graphml, gexf = sys.argv[1:]
    with open(map_path, encoding="utf-8") as f:
        doc = json.load(f)
    entities, relations = doc["entities"], doc["relations"]
    check(nx.read_graphml(graphml, force_multigraph=True), "graphml", entities, relations)
    g = nx.read_gexf(gexf)
    # read_gexf keys nodes by id and keeps parallel edges in a MultiDiGraph.
    check(g, "gexf", entities, relations)
    positions = [d.get("viz", {}).get("position") for _, d in g.nodes(data=True)]
    assert all(positions), "gexf: a node has no viz:position"
    print(
        f"networkx {nx.__version__}: graphml and gexf read back with "
        f"{len(entities)} nodes and {len(relations)} edges"
    )


if __name__ == "__main__":
    main()
