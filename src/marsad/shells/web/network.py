"""An actor network (who acts on whom) laid out for inline SVG, deterministically.

Nodes are entities, edges are events from a source entity to a target entity weighted by count.
The layout starts from a circle (ordered by weight, heaviest first) and runs a few rounds of a
Fruchterman-Reingold force layout in plain Python: the same store always draws the same picture,
and a few dozen nodes take milliseconds.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

WIDTH = 900
HEIGHT = 600
#: Room at the edges for node labels.
MARGIN = 70
#: Most nodes drawn: the heaviest actors; more turn into an unreadable hairball.
MAX_NODES = 40
#: Rounds of the force layout (enough for a few dozen nodes to settle).
ROUNDS = 120
#: Pull of every node towards the centre, relative to its distance.
GRAVITY = 0.05
#: Ideal distance between linked nodes, times 1/sqrt(nodes).
SPREAD = 6.0
#: Closest two node centres may come on the drawing (room for a label), and rounds of pushing
#: apart the nodes closer than that once the layout is fitted to the drawing.
MIN_GAP = 55.0
SEPARATE_ROUNDS = 80


@dataclass(frozen=True)
class Node:
    id: str
    name: str
    type: str
    weight: int
    x: float
    y: float
    r: float


@dataclass(frozen=True)
class Edge:
    source: Node
    target: Node
    count: int
    width: float

    @property
    def end(self) -> tuple[float, float]:
        """Where the arrow stops: the edge of the target's circle, not its centre."""
        dx, dy = self.target.x - self.source.x, self.target.y - self.source.y
        dist = max(math.hypot(dx, dy), 1e-6)
        back = self.target.r + 3
        return round(self.target.x - dx / dist * back, 1), round(self.target.y - dy / dist * back, 1)


@dataclass(frozen=True)
class Network:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def empty(self) -> bool:
        return not self.edges


def strongest(links: Mapping[tuple[str, str], int], limit: int = MAX_NODES) -> Counter[str]:
    """The ``limit`` actors with the most events (as source or target), with those counts."""
    weight: Counter[str] = Counter()
    for (source, target), count in links.items():
        weight[source] += count
        weight[target] += count
    return Counter(dict(sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]))


def force_layout(ids: list[str], links: Mapping[tuple[str, str], int]) -> dict[str, tuple[float, float]]:
    """Positions around (0, 0): a circle, then ROUNDS of attraction along edges, repulsion
    between all nodes and a little gravity towards the centre (so separate groups stay in view),
    with a cooling step size."""
    count = len(ids)
    pos = {n: (math.cos(2 * math.pi * i / count), math.sin(2 * math.pi * i / count))
           for i, n in enumerate(ids)}
    if count < 3:
        return pos
    k = SPREAD / math.sqrt(count)
    step = 0.3
    for _round in range(ROUNDS):
        move = {n: [-GRAVITY * pos[n][0], -GRAVITY * pos[n][1]] for n in ids}
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
                dist = max(math.hypot(dx, dy), 1e-3)
                push = k * k / dist
                move[a][0] += dx / dist * push
                move[a][1] += dy / dist * push
                move[b][0] -= dx / dist * push
                move[b][1] -= dy / dist * push
        for (a, b), _count in links.items():
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            dist = max(math.hypot(dx, dy), 1e-3)
            pull = dist * dist / k
            move[a][0] -= dx / dist * pull
            move[a][1] -= dy / dist * pull
            move[b][0] += dx / dist * pull
            move[b][1] += dy / dist * pull
        for n in ids:
            length = max(math.hypot(*move[n]), 1e-9)
            shift = min(length, step)
            pos[n] = (pos[n][0] + move[n][0] / length * shift, pos[n][1] + move[n][1] / length * shift)
        step *= 0.96
    return pos


def _fit(pos: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Stretch the positions to fill the drawing area inside the margins."""
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span_x = max(max(xs) - min(xs), 1e-6)
    span_y = max(max(ys) - min(ys), 1e-6)
    return {n: (round(MARGIN + (x - min(xs)) / span_x * (WIDTH - 2 * MARGIN), 1),
                round(MARGIN + (y - min(ys)) / span_y * (HEIGHT - 2 * MARGIN), 1))
            for n, (x, y) in pos.items()}


def separate(pos: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Push apart, in drawing units, every two nodes closer than MIN_GAP, staying in the margins."""
    ids = list(pos)
    at = {n: list(p) for n, p in pos.items()}
    for _round in range(SEPARATE_ROUNDS):
        moved = False
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                dx, dy = at[a][0] - at[b][0], at[a][1] - at[b][1]
                dist = math.hypot(dx, dy)
                if dist >= MIN_GAP:
                    continue
                moved = True
                if dist < 1e-6:  # the same spot: part them sideways, deterministically
                    dx, dy, dist = 1.0, 0.0, 1.0
                push = (MIN_GAP - dist) / 2
                at[a][0] += dx / dist * push
                at[a][1] += dy / dist * push
                at[b][0] -= dx / dist * push
                at[b][1] -= dy / dist * push
        for n in ids:
            at[n][0] = min(max(at[n][0], MARGIN), WIDTH - MARGIN)
            at[n][1] = min(max(at[n][1], MARGIN / 2), HEIGHT - MARGIN / 2)
        if not moved:
            break
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in at.items()}


def layout(links: Mapping[tuple[str, str], int], names: Mapping[str, Mapping[str, Any]]) -> Network:
    """The network of the strongest actors of ``links``; ``names`` gives each id's names and type."""
    weights = strongest(links)
    kept = {pair: c for pair, c in links.items() if pair[0] in weights and pair[1] in weights}
    if not kept:
        return Network((), ())
    ids = [n for n in weights if any(n in pair for pair in kept)]
    pos = separate(_fit(force_layout(ids, kept)))
    heaviest = max(weights[n] for n in ids)
    nodes = {}
    for n in ids:
        info = names.get(n, {})
        name = str(info.get("name_ar") or info.get("name_en") or n)
        radius = round(5 + 13 * math.sqrt(weights[n] / heaviest), 1)
        nodes[n] = Node(n, name, str(info.get("type") or ""), weights[n], *pos[n], radius)
    most = max(kept.values())
    edges = tuple(Edge(nodes[a], nodes[b], c, round(1 + 5 * c / most, 1))
                  for (a, b), c in sorted(kept.items(), key=lambda kv: (kv[1], kv[0])))
    return Network(tuple(nodes[n] for n in ids), edges)
