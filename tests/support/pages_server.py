"""Serve a built site as GitHub Pages does: under the repository's sub-path, text gzipped, and
404.html (with status 404) for what does not exist. The browser tests and the benchmark read
the atlas through it, so links, downloads and failed requests are what readers get."""

from __future__ import annotations

import contextlib
import gzip
import http.server
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSED_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "application/atom+xml",
    "application/geo+json",
    "image/svg+xml",
)


class PagesServer:
    """`with PagesServer(site, "/atlas/") as base:` serves `site` at `base` (http://127.0.0.1:<port>/atlas/)."""

    def __init__(self, site: Path, prefix: str = "/"):
        self.site, self.prefix = Path(site), "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
        self.served: list[tuple[str, int]] = []  # (path, status) of every request, for the tests

    def __enter__(self) -> str:
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_port}{self.prefix}"

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _handler(self):
        pages = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            extensions_map = {
                **http.server.SimpleHTTPRequestHandler.extensions_map,
                ".geojson": "application/geo+json",
                ".xml": "application/xml",
                ".webp": "image/webp",
                ".js": "application/javascript",
            }

            def log_message(self, *args):
                pass

            def resolve(self) -> Path | None:
                path = unquote(urlsplit(self.path).path)
                if not path.startswith(pages.prefix):
                    return None
                target = (pages.site / path[len(pages.prefix) :]).resolve()
                if not target.is_relative_to(pages.site.resolve()):
                    return None
                if target.is_dir():
                    target = target / "index.html"
                return target if target.is_file() else None

            def do_GET(self):
                body = self.respond()
                if body:
                    with contextlib.suppress(
                        BrokenPipeError, ConnectionResetError
                    ):  # the browser went on to another page meanwhile
                        self.wfile.write(body)

            def do_HEAD(self):
                self.respond()

            def respond(self) -> bytes:
                target = self.resolve()
                status = 200 if target else 404
                if target is None:
                    target = pages.site / "404.html"
                pages.served.append((urlsplit(self.path).path, status))
                kind = self.guess_type(str(target))
                body = target.read_bytes() if target.is_file() else b"Not found"
                self.send_response(status)
                self.send_header("Content-Type", kind)
                if "gzip" in self.headers.get("Accept-Encoding", "") and kind.startswith(COMPRESSED_TYPES):
                    body = gzip.compress(body, 6)
                    self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                return body

        return Handler
