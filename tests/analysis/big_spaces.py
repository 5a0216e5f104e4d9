"""Scenarios of any size for the bounded-work tests: n issues of m options among some parties."""

from __future__ import annotations

import random
from typing import Any


def make(n: int, m: int, parties: int = 2, venues: int = 1, seed: int = 0, opposed: bool = True) -> dict[str, Any]:
    """A valid scenario document. With `opposed`, two parties value every issue in opposite
    ways: every package is a trade-off, the hardest case for a Pareto frontier."""
    rng = random.Random(seed)
    issues = [
        {
            "id": f"i{k}",
            "name": f"Issue {k}",
            "status_quo": "o0",
            "options": [{"id": f"o{j}", "label": f"Option {j}"} for j in range(m)],
        }
        for k in range(n)
    ]
    first: dict[int, list[float]] = {}
    delegations = []
    for p in range(parties):
        prefs = {}
        for k in range(n):
            mirrored = p == 1 and opposed
            values = [1 - v for v in first[k]] if mirrored else [round(rng.random(), 3) for _ in range(m)]
            first.setdefault(k, values)
            prefs[f"i{k}"] = {"weight": rng.randint(1, 5), "values": {f"o{j}": v for j, v in enumerate(values)}}
        delegations.append(
            {
                "id": f"d{p}",
                "name": f"D {p}",
                "leader": "L",
                "role": "party",
                "personality": {"style": "linear", "temper": 0.3},
                "reservation": 0.1,
                "support": 60,
                "preferences": prefs,
            }
        )
    ids = [d["id"] for d in delegations]
    return {
        "format": 1,
        "id": "big",
        "title": "Big",
        "summary": "Big.",
        "issues": issues,
        "delegations": delegations,
        "venues": [
            {
                "id": f"v{u}",
                "name": f"V {u}",
                "agenda": [i["id"] for i in issues],
                "signatories": ids,
                "turn_order": ids,
                "action_points": 2,
                "rounds": 2,
                "momentum": 50,
            }
            for u in range(venues)
        ],
    }
