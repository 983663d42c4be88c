"""What the benchmarks share: the real app served in this process, and percentiles of timings."""

from __future__ import annotations

import socket
import statistics
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from api.app import create_app
from graph.settings import Settings


@contextmanager
def serving(settings: Settings) -> Iterator[str]:
    """The real app on a free loopback port in a thread of this process; yields its base URL.

    The answer cache is off: a benchmark times the questions' work, not a dictionary look-up.
    """
    settings = settings.model_copy(update={"api_answer_cache_mb": 0})
    # IPPROTO_TCP spelled out: asyncio turns Nagle off only on sockets whose proto says TCP, and with
    # Nagle on, each response's body waits for the client's delayed ACK of its headers (about 40 ms).
    # The socket is bound here and handed to uvicorn, so no other process can take the port between.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(settings), log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        while not server.started:
            if not thread.is_alive():
                raise RuntimeError("uvicorn stopped while starting; see its log above")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def percentile(values: list[float], p: int) -> float:
    """The p-th percentile (1-99), interpolated."""
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]
