"""Serve a built site under a sub-path on 127.0.0.1, the way GitHub Pages serves a project site.

Missing files answer 404 with the site's own 404 page (each language's under its folder), as GitHub Pages does.
"""

from __future__ import annotations

import http.server
import mimetypes
import socket
import threading
from functools import partial
from pathlib import Path

mimetypes.add_type("text/javascript", ".js")
mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("image/webp", ".webp")
mimetypes.add_type("image/svg+xml", ".svg")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, site: Path, prefix: str, **kwargs) -> None:
        self.site, self.prefix = site, prefix
        super().__init__(*args, directory=str(site), **kwargs)

    def log_message(self, format: str, *args) -> None:  # keep test output quiet
        pass

    def _local(self) -> Path | None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(self.prefix):
            return None
        from urllib.parse import unquote
        target = (self.site / unquote(path[len(self.prefix):])).resolve()
        if self.site.resolve() not in (target, *target.parents):
            return None
        if target.is_dir():
            if not path.endswith("/"):
                return None
            target = target / "index.html"
        return target if target.is_file() else None

    def _not_found(self) -> None:
        # A language's own 404 page where its folder has one (ko/404.html), as GitHub Pages serves a project site's.
        first = self.path[len(self.prefix):].split("/", 1)[0] if self.path.startswith(self.prefix) else ""
        page = self.site / first / "404.html" if first and (self.site / first / "404.html").is_file() else self.site / "404.html"
        body = page.read_bytes() if page.is_file() else b"not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _serve(self, send) -> None:
        local = self._local()
        if local is None:
            return self._not_found()
        self.path = "/" + local.relative_to(self.site).as_posix()
        send()

    def do_GET(self) -> None:
        self._serve(super().do_GET)

    def do_HEAD(self) -> None:
        self._serve(super().do_HEAD)


class SiteServer:
    """A threaded HTTP server for one built site; use as a context manager."""

    def __init__(self, site: Path, *, port: int, prefix: str) -> None:
        handler = partial(_Handler, site=site, prefix=prefix)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.url = f"http://127.0.0.1:{port}{prefix}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "SiteServer":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
