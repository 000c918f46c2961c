"""Ruled grids from explicit rules: pdfplumber's table finder, its cell search made cheap.

pdfplumber's ``TableFinder`` with the "explicit" strategies merges the rules (snap, join),
finds where they cross, turns the crossings into cells and the cells into tables. Its
cell search (``intersections_to_cells``) rebuilds the sets of edges at two crossings for
every pair it tests and scans every later crossing for each one: most of the finder's
time on a page of grids. ``grid_cells`` runs the same steps with pdfplumber's own
functions, except that search, which it does over the same crossings in the same order
with each crossing's edge sets built once and its column and row looked up, not scanned,
so it finds the same cells (tests/extractors/test_pdf_grids.py holds the two together).
"""

from __future__ import annotations

from typing import Any

from pdfplumber.table import (
    TableSettings,
    cells_to_tables,
    edges_to_intersections,
    intersections_to_cells,
    merge_edges,
)
from pdfplumber.utils.geometry import filter_edges, obj_to_bbox, obj_to_edges

Bbox = tuple[Any, Any, Any, Any]
Point = tuple[Any, Any]


def grid_cells(vertical: list[dict[str, Any]], horizontal: list[dict[str, Any]],
               settings: dict[str, Any]) -> list[list[Bbox]]:
    """The cells (x0, top, x1, bottom) of each table pdfplumber's ``find_tables`` finds
    with ``settings`` and the explicit ``vertical`` and ``horizontal`` rules (edge dicts,
    two or more of each), tables in pdfplumber's order."""
    resolved = TableSettings.resolve({
        **settings,
        "vertical_strategy": "explicit",
        "horizontal_strategy": "explicit",
        "explicit_vertical_lines": vertical,
        "explicit_horizontal_lines": horizontal,
    })
    # TableFinder.get_edges for explicit edge dicts (its page is never consulted for them).
    edges = [e for d in vertical for e in obj_to_edges(d) if e["orientation"] == "v"]
    edges += [e for d in horizontal for e in obj_to_edges(d) if e["orientation"] == "h"]
    edges = merge_edges(edges, snap_x_tolerance=resolved.snap_x_tolerance,
                        snap_y_tolerance=resolved.snap_y_tolerance,
                        join_x_tolerance=resolved.join_x_tolerance,
                        join_y_tolerance=resolved.join_y_tolerance)
    edges = filter_edges(edges, min_length=resolved.edge_min_length)
    intersections = edges_to_intersections(edges, resolved.intersection_x_tolerance,
                                           resolved.intersection_y_tolerance)
    return cells_to_tables(intersections_cells(intersections))


def intersections_cells(intersections: dict[Point, dict[str, list[dict[str, Any]]]]
                        ) -> list[Bbox]:
    """pdfplumber's ``intersections_to_cells``, the same result: for each crossing in
    sorted order, the smallest cell it is the top-left corner of, if any."""
    if any(x != x or y != y for x, y in intersections):  # x != x: x is NaN
        # NaN never equals itself: grouping crossings by position would not be pdfplumber's
        # comparison, so leave such a page to pdfplumber.
        return intersections_to_cells(intersections)
    points = sorted(intersections)
    # Two crossings are joined by an edge when they share one (pdfplumber compares the
    # edges' boxes): each crossing's set of vertical and horizontal edge boxes, once.
    v_edges = {p: {obj_to_bbox(e) for e in intersections[p]["v"]} for p in points}
    h_edges = {p: {obj_to_bbox(e) for e in intersections[p]["h"]} for p in points}
    # The crossings after a point in sorted order with its x are those below it, top down;
    # those with its y, the ones right of it, left to right.
    columns: dict[Any, list[Point]] = {}
    rows: dict[Any, list[Point]] = {}
    for p in points:
        columns.setdefault(p[0], []).append(p)
        rows.setdefault(p[1], []).append(p)
    at_column = {p: i for column in columns.values() for i, p in enumerate(column)}
    at_row = {p: i for row in rows.values() for i, p in enumerate(row)}
    cells: list[Bbox] = []
    for pt in points:
        column, row = columns[pt[0]], rows[pt[1]]
        below = column[at_column[pt] + 1:]
        right = row[at_row[pt] + 1:]
        if not below or not right:
            continue
        own_v, own_h = v_edges[pt], h_edges[pt]
        joined_right: list[Point] | None = None  # found once a point below is joined
        cell = None
        for below_pt in below:
            if own_v.isdisjoint(v_edges[below_pt]):
                continue
            if joined_right is None:
                joined_right = [r for r in right if not own_h.isdisjoint(h_edges[r])]
            for right_pt in joined_right:
                corner = (right_pt[0], below_pt[1])
                if (corner in intersections
                        and not v_edges[corner].isdisjoint(v_edges[right_pt])
                        and not h_edges[corner].isdisjoint(h_edges[below_pt])):
                    cell = (pt[0], pt[1], corner[0], corner[1])
                    break
            if cell is not None:
                break
        if cell is not None:
            cells.append(cell)
    return cells
