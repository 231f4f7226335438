"""robots.txt for mtcheck: what a site allows our user agent, how long it asks us to wait between requests
(Crawl-delay, capped), and the spacing of requests to each site that follows from it."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # urllib.robotparser brings urllib.request, http.client and ssl: imported when a site is read
    from urllib.robotparser import RobotFileParser

log = logging.getLogger("mtcheck")

ROBOTS_AGENT = "mtcheck"  # the token robots.txt groups name
_DELAY_LINE = re.compile(r"^(\s*crawl-delay\s*:\s*)([0-9]*\.?[0-9]+)(\s*(?:#.*)?)$", re.IGNORECASE)


@dataclass(frozen=True)
class Robots:
    """A site's robots.txt as it applies to mtcheck."""

    parser: RobotFileParser
    delay: float  # seconds to leave between two requests to the site: its Crawl-delay, capped
    asked: float  # the Crawl-delay robots.txt gives (0 when none)

    def allows(self, url: str) -> bool:
        return bool(self.parser.can_fetch(ROBOTS_AGENT, url))


def parse_robots(robots_url: str, content: bytes, *, max_delay: float) -> Robots:
    """The rules and the Crawl-delay for mtcheck's group (else the `*` group) of a robots.txt file."""
    lines = content.decode("utf-8", errors="replace").splitlines()
    # urllib.robotparser reads whole seconds only: give it milliseconds, so that "Crawl-delay: 0.5" counts too.
    lines = [_DELAY_LINE.sub(lambda m: f"{m[1]}{round(float(m[2]) * 1000)}{m[3]}", line) for line in lines]
    from urllib.robotparser import RobotFileParser

    parser = RobotFileParser(robots_url)
    parser.parse(lines)
    asked = float(parser.crawl_delay(ROBOTS_AGENT) or 0) / 1000
    return Robots(parser, min(asked, max_delay), asked)


class Pacer:
    """Spaces the requests to each site: one at a time, each starting at least `delay` seconds after the
    previous one to that site ended. Sites without a delay are not held up at all."""

    def __init__(
        self, *, clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep
    ) -> None:
        self.clock = clock
        self.sleep = sleep
        self._lock = threading.Lock()
        self._sites: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}  # site -> when its last request ended
        self._told: set[str] = set()

    @contextmanager
    def paced(self, site: str, robots: Robots | None, url: str) -> Iterator[None]:
        """Hold a request to site (an origin such as https://example.com) until its Crawl-delay has passed."""
        if robots is None or robots.delay <= 0:
            yield
            return
        with self._lock:
            site_lock = self._sites.setdefault(site, threading.Lock())
        with site_lock:
            last = self._last.get(site)
            wait = 0.0 if last is None else last + robots.delay - self.clock()
            if wait > 0:
                self._say(site, robots, wait, url)
                self.sleep(wait)
            try:
                yield
            finally:
                self._last[site] = self.clock()

    def _say(self, site: str, robots: Robots, wait: float, url: str) -> None:
        log.info("waiting %.1f s before fetching %s (robots.txt Crawl-delay of %s)", wait, url, site)
        if site in self._told:
            return
        self._told.add(site)
        capped = f"; mtcheck waits at most {robots.delay:g} s" if robots.asked > robots.delay else ""
        log.warning(
            "%s asks for %g s between requests (robots.txt Crawl-delay)%s: fetching its pages one at a time",
            site,
            robots.asked,
            capped,
        )
