"""GDELT QuadClass from a CAMEO code's root, so the server does not depend on what a stored
record's ``quad`` field holds (its ranges changed once already).

GDELT 2.0: roots 01–05 verbal cooperation (1), 06–08 material cooperation (2), 09–13 verbal
conflict (3), 14–20 material conflict (4).
"""

from __future__ import annotations

from functools import lru_cache

QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
# The CAMEO codes of each class as a half-open range of strings: codes are zero-padded, so the
# text order is the numeric order of the root and an index on ``cameo`` serves the filter.
QUAD_RANGES = {1: ("01", "06"), 2: ("06", "09"), 3: ("09", "14"), 4: ("14", "21")}


@lru_cache(maxsize=4096)  # a few hundred CAMEO codes exist; a list page asks for 50 at a time
def quad_of(cameo: str | None) -> int | None:
    root = (cameo or "")[:2]
    if not (len(root) == 2 and root.isdigit()):
        return None
    number = int(root)
    for quad, (low, high) in QUAD_RANGES.items():
        if int(low) <= number < int(high):
            return quad
    return None
