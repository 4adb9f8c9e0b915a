"""Word lists of the analysis: the integration vocabulary and the issues' keywords (data only)."""

from __future__ import annotations

INTEGRATION_TERMS = (
    "integration",
    "Union State",
    "sovereignty",
    "unification",
    "merger",
    "road map",
    "supranational",
)
ISSUES: dict[str, tuple[str, ...]] = {
    "political union": (
        "union state",
        "political union",
        "unification",
        "merger",
        "merge",
        "single state",
        "constitution",
        "incorporat",
        "absorb",
        "annex",
    ),
    "sovereignty": ("sovereign", "independence", "independent state", "statehood"),
    "economic integration": (
        "economic",
        "econom",
        "trade",
        "market",
        "tax",
        "customs",
        "currency",
        "programme",
        "program",
        "road map",
        "roadmap",
        "industr",
    ),
    "supranational bodies": (
        "supranational",
        "parliament",
        "council of ministers",
        "supreme state council",
        "joint bodies",
        "common institutions",
        "eurasian economic union",
    ),
    "energy and loans": (
        "gas",
        "oil",
        "energy",
        "loan",
        "credit",
        "refinanc",
        "subsid",
        "price",
        "tax manoeuvre",
        "tax maneuver",
        "billion",
    ),
}
