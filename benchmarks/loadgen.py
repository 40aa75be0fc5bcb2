"""A load generator for `make bench` on machines without wrk: asyncio, one process,
N connections each sending the same request again as soon as the answer is in (as wrk
does), for a fixed time. It reads what wrk's report gives: requests per second, the
50th and 99th percentile latencies, and the errors (non-2xx/3xx answers, sockets that
failed or timed out).

It costs more CPU per request than wrk (Python parses every answer), on the same cores
as the server, so its figures run lower than wrk's; a results file says which generator
measured it, and ratios are comparable only between runs of the same generator."""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

TIMEOUT = 30.0  # a slow page is measured, not dropped (wrk is run with the same)


class Unanswered(ConnectionError):
    """The server closed the connection before the first byte of its answer."""


@dataclass
class Load:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    requests: int


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def request_bytes(url: str, method: str, headers: dict[str, str], body: str) -> bytes:
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    payload = body.encode()
    lines = [f"{method} {target} HTTP/1.1", f"Host: {parts.netloc}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    if payload or method == "POST":
        lines.append(f"Content-Length: {len(payload)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + payload


async def read_answer(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """The status and whether the server keeps the connection open; the body is read
    whole (by its length, its chunks, or until the server closes)."""
    try:
        status_line = await reader.readline()
    except ConnectionResetError as reset:
        raise Unanswered from reset
    if not status_line:
        raise Unanswered
    status = int(status_line.split()[1])
    length, chunked, close = -1, False, status_line.startswith(b"HTTP/1.0")
    while (line := await reader.readline()) not in (b"\r\n", b"\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        name, value = name.strip().lower(), value.strip().lower()
        if name == "content-length":
            length = int(value)
        elif name == "transfer-encoding" and "chunked" in value:
            chunked = True
        elif name == "connection":
            close = value == "close"
    if chunked:
        while size := int((await reader.readline()).split(b";")[0], 16):
            await reader.readexactly(size + 2)
        await reader.readline()
    elif length >= 0:
        await reader.readexactly(length)
    else:
        await reader.read()
        close = True
    return status, not close


async def _connection(
    host: str, port: int, raw: bytes, deadline: float, latencies: list[float], errors: list[int]
) -> None:
    stream: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
    while time.monotonic() < deadline:
        started = time.perf_counter()
        reused = stream is not None
        try:
            if stream is None:
                stream = await asyncio.wait_for(asyncio.open_connection(host, port), TIMEOUT)
            reader, writer = stream
            writer.write(raw)
            await writer.drain()
            status, keep = await asyncio.wait_for(read_answer(reader), TIMEOUT)
        except Unanswered:
            # A server may close an idle kept-alive connection at any time: ask again
            # on a new one (as browsers and wrk do); only a new connection's silence fails.
            if stream is not None:
                stream[1].close()
            stream = None
            if not reused:
                errors[0] += 1
            continue
        except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError):
            errors[0] += 1
            if stream is not None:
                stream[1].close()
            stream = None
            continue
        latencies.append((time.perf_counter() - started) * 1000)
        if not 200 <= status < 400:
            errors[0] += 1
        if not keep:
            writer.close()
            stream = None
    if stream is not None:
        stream[1].close()


async def _run(url: str, raw: bytes, seconds: float, connections: int) -> Load:
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    latencies: list[float] = []
    errors = [0]
    started = time.monotonic()
    deadline = started + seconds
    await asyncio.gather(
        *(_connection(host, port, raw, deadline, latencies, errors) for _ in range(connections))
    )
    elapsed = time.monotonic() - started
    return Load(
        rps=len(latencies) / elapsed,
        p50_ms=statistics.median(latencies) if latencies else 0.0,
        p99_ms=percentile(latencies, 0.99),
        errors=errors[0],
        requests=len(latencies),
    )


def run_load(
    url: str,
    *,
    method: str = "GET",
    headers: dict[str, str] | None = None,
    body: str = "",
    seconds: float,
    connections: int,
) -> Load:
    raw = request_bytes(url, method, headers or {}, body)
    return asyncio.run(_run(url, raw, seconds, connections))
