"""A local web site for the tests: http.server on 127.0.0.1 (port 0) in a thread, counting every request.

Routes map a path to a Route (status, headers, body, delay); nothing here ever reaches the internet. A route
with an ETag or Last-Modified header answers a matching conditional request with 304 Not Modified, and
every request is logged with its time, its headers and the status it got.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

WEB = Path(__file__).resolve().parent / "data" / "web"


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0  # seconds before the answer starts
    length: bool = True  # send Content-Length (False: the body runs until the connection closes)
    not_modified: dict[str, str] | None = None  # the headers of its 304 answer (default: its own headers)


@dataclass(frozen=True)
class Request:
    """A request as the server saw it: path, arrival (time.monotonic()), headers (names lower-cased), status."""

    path: str
    at: float
    headers: dict[str, str]
    status: int


class Site:
    """The routes a test serves and the requests it got (path -> count; user agents seen)."""

    def __init__(self, routes: dict[str, Route]) -> None:
        self.routes = routes
        self.requests: Counter[str] = Counter()
        self.user_agents: set[str] = set()
        self.base = ""
        self.active = 0
        self.most_active = 0  # the most requests served at the same time
        self.log: list[Request] = []  # every request, in the order they arrived
        self._lock = threading.Lock()

    def url(self, path: str) -> str:
        return self.base + path

    def count(self, path: str) -> int:
        with self._lock:
            return self.requests[path]

    def total(self) -> int:
        with self._lock:
            return sum(self.requests.values())

    def requests_to(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.log if r.path == path]

    def handle(self, handler: BaseHTTPRequestHandler) -> None:
        at = time.monotonic()
        route = self.routes.get(handler.path) or Route(b"<h1>Not found</h1>", 404)
        headers = {k.lower(): v for k, v in handler.headers.items()}
        unchanged = route.status == 200 and _not_modified(route, headers)
        with self._lock:
            self.requests[handler.path] += 1
            self.user_agents.add(handler.headers.get("User-Agent", ""))
            self.log.append(Request(handler.path, at, headers, 304 if unchanged else route.status))
            self.active += 1
            self.most_active = max(self.most_active, self.active)
        # A request counts as active while the server makes it wait, up to the first byte of the answer: a client
        # that is done with a page (its body read) may start the next request before this thread has returned from
        # writing it, so counting to the end of the write saw three at once under load where the client had two.
        try:
            if route.delay:
                time.sleep(route.delay)
        finally:
            with self._lock:
                self.active -= 1
        self._answer(handler, route, unchanged)

    def _answer(self, handler: BaseHTTPRequestHandler, route: Route, unchanged: bool = False) -> None:
        if unchanged:
            handler.send_response(304)
            for key, value in (route.headers if route.not_modified is None else route.not_modified).items():
                handler.send_header(key, value)
            handler.end_headers()
            return
        handler.send_response(route.status)
        for key, value in route.headers.items():
            handler.send_header(key, value)
        if route.length:
            handler.send_header("Content-Length", str(len(route.body)))
        else:
            handler.close_connection = True
        handler.end_headers()
        # The client may give up (a size cap, a timeout): that is what those tests want.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            handler.wfile.write(route.body)


def _not_modified(route: Route, request: dict[str, str]) -> bool:
    """Whether a conditional request matches the route's ETag (first) or Last-Modified date."""
    own = {k.lower(): v for k, v in route.headers.items()}
    if "if-none-match" in request:
        tags = [t.strip() for t in request["if-none-match"].split(",")]
        return "etag" in own and (own["etag"] in tags or "*" in tags)
    if "if-modified-since" in request and "last-modified" in own:
        try:
            return parsedate_to_datetime(request["if-modified-since"]) >= parsedate_to_datetime(own["last-modified"])
        except (TypeError, ValueError):
            return False
    return False


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[Site]:
    """Serve routes on 127.0.0.1 at a free port for the duration of the block."""
    site = Site(routes)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            site.handle(self)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def closed_port_url(path: str = "/article.html") -> str:
    """A URL on 127.0.0.1 where nothing listens (the port was free a moment ago)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}{path}"


def page(name: str) -> bytes:
    return (WEB / name).read_bytes()


def news_site() -> dict[str, Route]:
    """The translated English article, its Spanish original, robots.txt and the pages that go wrong."""
    html = {"Content-Type": "text/html; charset=utf-8"}
    return {
        "/robots.txt": Route(b"User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"}),
        "/article.html": Route(page("article.html"), headers=html),
        "/es/articulo.html": Route(page("articulo.html"), headers=html),
        "/private/article.html": Route(page("article.html"), headers=html),
        "/moved": Route(status=301, headers={"Location": "/article.html"}),
        "/loop-a": Route(status=302, headers={"Location": "/loop-b"}),
        "/loop-b": Route(status=302, headers={"Location": "/loop-a"}),
        **{f"/hop{i}": Route(status=302, headers={"Location": f"/hop{i + 1}"}) for i in range(10)},
        "/hop10": Route(page("article.html"), headers=html),
        "/slow.html": Route(page("article.html"), headers=html, delay=3.0),
        "/gone.html": Route(b"<h1>Gone</h1>", status=404, headers=html),
        "/image.png": Route(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, headers={"Content-Type": "image/png"}),
    }
