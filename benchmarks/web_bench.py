"""The web app's speed: one agreement's check over HTTP against the library in the same run, and 20
concurrent clients on loopback for a bounded time.

Usage: python3 benchmarks/web_bench.py [--requests 400] [--repeat 5] [--clients 20] [--seconds 10]
(needs the extra: pip install '.[web]'; ``benchmarks/run.py --web`` runs it too).

The server is ``forenad serve``'s app on uvicorn in a process of its own, on a free port of 127.0.0.1 (as a
user runs it); the client is in this process, on keep-alive connections (``http.client``). Only loopback
addresses are used, every loop is bounded in count and time, and the server is stopped at the end.

- **round trip**: ``POST /api/check`` with the Uppsala example as JSON, after a warm-up, against the same
  work done here by the library: ``forenad.parse_agreement`` of the same JSON, ``forenad.check`` with the
  facts, ``as_json`` and ``json.dumps`` — what an HR system importing the library would do for the same
  answer. Goal: at most 2×.
- **concurrency**: ``--clients`` threads, each with its own connection, post the check as fast as they can
  for ``--seconds``; every answer must be a 200 with the contract's JSON. Reported: requests per second,
  failed requests, and the median and 95th-percentile latency.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ON = dt.date(2026, 6, 1)
EXAMPLE = ROOT / "examples" / "uppsala-professor-overlakare.yaml"

SERVER = """
import sys, uvicorn
from pathlib import Path
from forenad.web import Settings, create_app
from forenad.web.server import _warm_up
app = create_app(Settings(folder=Path(sys.argv[1]), port=int(sys.argv[2])))
_warm_up()
port, parser = int(sys.argv[2]), sys.argv[3]
uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False, http=parser)
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(folder: Path, port: int, http_impl: str) -> subprocess.Popen[bytes]:
    process = subprocess.Popen([sys.executable, "-c", SERVER, str(folder), str(port), http_impl])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process
        except OSError:
            if process.poll() is not None:
                raise RuntimeError("the server did not start") from None
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("the server did not start in 30 s")


def post(conn: http.client.HTTPConnection, body: bytes) -> tuple[int, bytes]:
    conn.request(
        "POST",
        f"/api/check?on={ON.isoformat()}",
        body=body,
        headers={"Content-Type": "application/json", "Host": f"127.0.0.1:{conn.port}"},
    )
    response = conn.getresponse()
    return response.status, response.read()


def round_trip(port: int, body: bytes, requests: int, repeat: int) -> tuple[float, float]:
    """Best-of-``repeat`` mean seconds per request: over HTTP, and the library doing the same here."""
    import forenad

    text = body.decode("utf-8")

    def direct() -> bytes:
        agreement = forenad.parse_agreement(text, "<request>").agreement
        assert agreement is not None
        run = forenad.check(agreement, on=ON)
        return json.dumps(run.as_json("sv"), ensure_ascii=False, default=str).encode("utf-8")

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    expected = json.loads(direct())
    for _ in range(max(50, requests // 5)):  # warm-up, both ways
        status, answer = post(conn, body)
        assert status == 200, answer[:200]
        direct()
    assert json.loads(answer) == expected, "the API's answer is not the library's"
    over_http: list[float] = []
    in_process: list[float] = []
    for _ in range(repeat):  # round robin, so that both see the same machine
        start = time.perf_counter()
        for _ in range(requests):
            post(conn, body)
        over_http.append((time.perf_counter() - start) / requests)
        start = time.perf_counter()
        for _ in range(requests):
            direct()
        in_process.append((time.perf_counter() - start) / requests)
    conn.close()
    return min(over_http), min(in_process)


def concurrency(port: int, body: bytes, clients: int, seconds: float) -> dict[str, Any]:
    """``clients`` threads posting for ``seconds``: requests, failures and latencies."""
    latencies: list[list[float]] = [[] for _ in range(clients)]
    failures = [0] * clients
    problems: list[str] = []
    start_line = threading.Barrier(clients + 1)
    stop = [0.0]

    def client(i: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        start_line.wait()
        while time.perf_counter() < stop[0]:
            began = time.perf_counter()
            try:
                status, answer = post(conn, body)
                if status != 200 or not answer.startswith(b'{"forenad"'):
                    failures[i] += 1
                    problems.append(f"{status}: {answer[:120]!r}")
            except (OSError, http.client.HTTPException) as exc:
                failures[i] += 1
                problems.append(repr(exc))
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                continue
            latencies[i].append(time.perf_counter() - began)
        conn.close()

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for thread in threads:
        thread.start()
    stop[0] = time.perf_counter() + seconds
    began = time.perf_counter()
    start_line.wait()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    elapsed = time.perf_counter() - began
    done = sorted(t for per_client in latencies for t in per_client)
    return {
        "clients": clients,
        "seconds": elapsed,
        "requests": len(done),
        "failed": sum(failures),
        "per_second": len(done) / elapsed if elapsed else 0.0,
        "p50_ms": statistics.median(done) * 1e3 if done else None,
        "p95_ms": done[int(len(done) * 0.95) - 1] * 1e3 if done else None,
        "problems": problems[:5],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=400, help="requests per timed round (round trip)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=10.0, help="how long the concurrent clients run")
    parser.add_argument(
        "--http", default="auto", choices=("auto", "h11", "httptools"), help="uvicorn's parser"
    )
    args = parser.parse_args(argv)
    try:
        from forenad.web import create_app
    except ImportError:
        print("web: skipped (install the extra: pip install '.[web]')")
        return 0
    del create_app
    import forenad

    body = json.dumps(forenad.load(EXAMPLE).model_dump(mode="json", exclude_none=True)).encode("utf-8")
    with tempfile.TemporaryDirectory(prefix="forenad-web-bench-") as folder:
        port = free_port()
        server = start_server(Path(folder), port, args.http)
        try:
            http_s, direct_s = round_trip(port, body, args.requests, args.repeat)
            load = concurrency(port, body, args.clients, args.seconds)
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
    print(f"web: POST /api/check, one agreement ({EXAMPLE.name}), best of {args.repeat} × {args.requests}")
    print(f"  library in this process (parse + check + JSON) : {direct_s * 1e3:6.2f} ms  baseline")
    print(
        f"  over HTTP on loopback (keep-alive)             : {http_s * 1e3:6.2f} ms  "
        f"{http_s / direct_s:4.2f}×  goal ≤ 2×"
    )
    print(f"web: {load['clients']} concurrent clients for {load['seconds']:.1f} s on loopback")
    print(
        f"  {load['requests']} requests, {load['per_second']:.0f}/s, {load['failed']} failed; "
        f"latency median {load['p50_ms']:.1f} ms, 95th percentile {load['p95_ms']:.1f} ms"
    )
    for problem in load["problems"]:
        print(f"  failure: {problem}")
    return 1 if load["failed"] else 0


if __name__ == "__main__":
    os.environ.setdefault("FORENAD_LANG", "sv")
    sys.exit(main())
