"""Reads Samverkanskartan's exports with readers nobody on the project wrote.

Usage: read_exports.py XLSX GRAPHML GEXF. Prints JSON: every sheet's cell values
(openpyxl) and, for each graph file, its nodes and edges with their attributes
(networkx).
"""
import json
import sys

import networkx
import openpyxl


def sheets(path):
    book = openpyxl.load_workbook(path, data_only=True)
    return {
        sheet.title: [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        for sheet in book.worksheets
    }


def graph(g):
    return {
        "nodes": {str(n): {k: str(v) for k, v in a.items()} for n, a in g.nodes(data=True)},
        "edges": sorted([str(u), str(v), str(a.get("type", ""))] for u, v, a in g.edges(data=True)),
    }


if __name__ == "__main__":
    xlsx, graphml, gexf = sys.argv[1:4]
    print(json.dumps({
        "sheets": sheets(xlsx),
        "graphml": graph(networkx.read_graphml(graphml)),
        "gexf": graph(networkx.read_gexf(gexf, node_type=str)),
    }))
