"""`mkdocs serve` of an atlas, as `make serve` runs it: what the editors' tool test and the
benchmark share."""

from __future__ import annotations

import contextlib
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def mkdocs_serve(root: Path, env: dict, log: Path, first_build: float = 3600) -> Iterator[str]:
    """The address of `root`'s atlas served on a free port, once its first build is done (its
    output in `log`); stopped at the end as Ctrl-C stops it, so that it removes its site folder."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with open(log, "wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(root / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
            cwd=root,
            stdout=output,
            stderr=subprocess.STDOUT,
            env=env,
            preexec_fn=_stoppable,
        )
    try:
        deadline = time.monotonic() + first_build
        while b"Serving on" not in log.read_bytes():
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"mkdocs serve did not start:\n{log.read_text(encoding='utf-8')[-3000:]}")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=300)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _stoppable() -> None:
    """Ctrl-C stops the server even when it is started in the background, where the shell has it ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
