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
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.robotparser import RobotFileParser

if TYPE_CHECKING:
    from dateline.ingest.fetch import PoliteFetcher, Target

MAX_ROBOTS_BYTES = 512 * 1024  # RFC 9309 asks crawlers to read at least 500 KiB
MAX_CRAWL_DELAY = 10.0


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

    def __init__(self, fetcher: PoliteFetcher) -> None:
        self.fetcher = fetcher
        self.sites: dict[tuple[str, str, int], Rules] = {}
        self.lock = threading.Lock()

    def rules_for(self, target: Target) -> Rules:
        with self.lock:
            rules = self.sites.get(target.origin)
        if rules is None:
            rules = self._fetch(target)
            with self.lock:
                self.sites[target.origin] = rules
        return rules

    def _fetch(self, target: Target) -> Rules:
        from dateline.ingest.fetch import Target as _Target

        netloc = f"[{target.host}]" if ":" in target.host else target.host
        robots = _Target(f"{target.scheme}://{netloc}:{target.port}/robots.txt", target.scheme, target.host,
                         target.port, "/robots.txt")
        try:
            answer = self.fetcher.request(robots, max_bytes=MAX_ROBOTS_BYTES)
        except Exception:  # unreachable or broken: no rules (see the module's note)
            return Rules()
        if 200 <= answer.status < 300:
            parser = RobotFileParser()
            parser.parse(answer.data.decode("utf-8", "replace").splitlines())
            return Rules(parser)
        return Rules()
