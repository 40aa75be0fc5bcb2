"""`make bench` without wrk uses benchmarks/loadgen.py: every answer it counts was served,
a failed answer is counted as an error, and POST bodies arrive whole, whatever way the
server frames its answers (a length and keep-alive, chunks, or closing the connection)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from loadgen import percentile, run_load


class Counting(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # connections stay open unless an answer says otherwise
    served: dict[str, int] = {}
    bodies: list[bytes] = []
    lock = threading.Lock()

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def _count(self) -> None:
        with self.lock:
            self.served[self.path] = self.served.get(self.path, 0) + 1

    def do_GET(self) -> None:
        self._count()
        if self.path == "/keep-alive":
            self.send_response(200)
            self.send_header("Content-Length", "5")
            self.end_headers()
            self.wfile.write(b"hello")
        elif self.path == "/chunked":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.wfile.write(b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
        elif self.path == "/close":
            self.send_response(200)  # no length: the body ends when the connection does
            self.end_headers()
            self.close_connection = True
            self.wfile.write(b"x" * 20000)
        else:
            self.send_response(500)
            self.send_header("Content-Length", "0")
            self.send_header("Connection", "close")
            self.end_headers()

    def do_POST(self) -> None:
        self._count()
        body = self.rfile.read(int(self.headers["Content-Length"]))
        with self.lock:
            self.bodies.append(body)
        self.send_response(302)
        self.send_header("Content-Length", "0")
        self.send_header("Connection", "close")
        self.end_headers()


@pytest.fixture
def server() -> Iterator[str]:
    Counting.served = {}
    Counting.bodies = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Counting)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("path", ["/keep-alive", "/chunked", "/close"])
def test_every_answer_counted_was_served(server: str, path: str) -> None:
    load = run_load(server + path, seconds=0.5, connections=4)

    assert load.requests > 0
    assert load.errors == 0
    # A request still in flight when the time is up is served but not counted.
    assert load.requests <= Counting.served[path] <= load.requests + 4
    assert 0 < load.p50_ms <= load.p99_ms


def test_failed_answers_are_errors(server: str) -> None:
    load = run_load(server + "/broken", seconds=0.3, connections=2)

    assert load.requests > 0
    assert load.errors == load.requests


def test_post_bodies_arrive_whole(server: str) -> None:
    load = run_load(
        server + "/log",
        method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        body="reps=8&load=82.5",
        seconds=0.3,
        connections=2,
    )

    assert load.errors == 0  # a redirect is a success, as in wrk
    assert load.requests > 0
    assert set(Counting.bodies) == {b"reps=8&load=82.5"}


def test_percentiles_pick_from_the_sorted_latencies() -> None:
    latencies = [float(n) for n in range(100, 0, -1)]

    assert percentile(latencies, 0.5) == 51.0  # the nearest rank of 1..100
    assert percentile(latencies, 0.99) == 99.0
    assert percentile([], 0.99) == 0.0
