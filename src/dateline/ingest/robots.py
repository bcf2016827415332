"""robots.txt (RFC 9309) for the pages a run fetches: read once per site, within the deadline.

Which answer means what: a 2xx robots.txt is read (its first ``MAX_ROBOTS_BYTES``); a 4xx means
the site sets no rules, so everything is allowed. A 5xx, or a robots.txt that cannot be fetched at
all (a timeout, a broken answer), counts as none too — a deliberate departure from RFC 9309, which
would stop at a 5xx: a server that is briefly overloaded (a 503 with Retry-After) would otherwise
lose every item of the run, while its pages' own 5xx are retried with backoff. We stay polite to
such a site all the same (one request at a time, a pause between two, our user agent).
``Crawl-delay`` lengthens the pause between two requests to the site, up to ``MAX_CRAWL_DELAY``.
Switched off with ``DATELINE_ROBOTS=0`` or ``--ignore-robots``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from urllib.robotparser import RobotFileParser

MAX_ROBOTS_BYTES = 512 * 1024  # RFC 9309 asks crawlers to read at least 500 KiB
MAX_CRAWL_DELAY = 10.0

# Fetches a site's robots.txt: (status, body), or raises when it cannot be fetched at all.
FetchRobots = Callable[[], tuple[int, bytes]]


@dataclass
class Rules:
    parser: RobotFileParser | None = None  # None: every path allowed

    def allows(self, url: str, agent: str) -> bool:
        return self.parser is None or self.parser.can_fetch(_product(agent), url)

    def delay(self, agent: str) -> float:
        if self.parser is None:
            return 0.0
        try:
            value = self.parser.crawl_delay(_product(agent))
        except (TypeError, ValueError):
            return 0.0
        return min(float(value), MAX_CRAWL_DELAY) if value else 0.0


def _product(agent: str) -> str:
    """The product token robots.txt groups are matched against ("dateline" of "dateline/0.1 …")."""
    return agent.split("/", 1)[0].strip() or "*"


class RobotsCache:
    """The rules of each site (scheme, host, port) met in a run, fetched on first need."""

    def __init__(self) -> None:
        self.sites: dict[tuple[str, str, int], Rules] = {}
        self.lock = threading.Lock()

    def rules_for(self, site: tuple[str, str, int], fetch: FetchRobots) -> Rules:
        with self.lock:
            rules = self.sites.get(site)
        if rules is None:
            rules = _read(fetch)
            with self.lock:
                self.sites[site] = rules
        return rules


def _read(fetch: FetchRobots) -> Rules:
    try:
        status, data = fetch()
    except Exception:  # unreachable or broken: no rules (see the module's note)
        return Rules()
    if 200 <= status < 300:
        parser = RobotFileParser()
        parser.parse(data.decode("utf-8", "replace").splitlines())
        return Rules(parser)
    return Rules()
