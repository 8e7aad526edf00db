"""`heatbill web --workers N` serves the app from N processes, on both databases."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.e2e.conftest import HEATBILL


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _status(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:
            status: int = answer.status
            return status
    except (urllib.error.URLError, OSError):
        return None


def test_the_web_app_answers_from_several_workers(database_url: str, tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "HEATBILL_DATABASE_URL": database_url}
    log = tmp_path / "web.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [str(HEATBILL), "web", "--port", str(port), "--workers", "2"],
            env=env,
            cwd=tmp_path,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 60
        status = None
        while status is None and time.monotonic() < deadline and server.poll() is None:
            time.sleep(0.3)
            status = _status(f"http://127.0.0.1:{port}/login")
        assert status == 200, log.read_text(errors="replace")
        workers = subprocess.run(
            ["pgrep", "-g", str(server.pid)],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.split()
        assert len(workers) >= 3  # the supervisor and its two workers
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
