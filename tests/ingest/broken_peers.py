"""A local server (127.0.0.1 only) that plays the broken and hostile peers a fetcher meets.

Raw sockets, not http.server: most of these answers are not HTTP a well-behaved server could
send. Each path is one behaviour; ``hits`` counts requests per path, ``times`` when they came.
"""

from __future__ import annotations

import socket
import socketserver
import threading
import time
from collections import defaultdict
from collections.abc import Callable

Behaviour = Callable[[socket.socket, "BrokenPeers"], None]


def _send(sock: socket.socket, data: bytes) -> None:
    try:
        sock.sendall(data)
    except OSError:
        pass


def ok(body: bytes, ctype: str = "text/html; charset=utf-8") -> Behaviour:
    def answer(sock: socket.socket, peers: BrokenPeers) -> None:
        _send(sock, b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype.encode() + b"\r\nContent-Length: "
              + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)
    return answer


def garbage_status(sock: socket.socket, peers: BrokenPeers) -> None:
    _send(sock, b"SPROCKETS 9000 what\r\n\r\nnot http at all")


def bad_chunk(sock: socket.socket, peers: BrokenPeers) -> None:
    _send(sock, b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
                b"zz-not-hex\r\n<p>hello</p>\r\n0\r\n\r\n")


def many_headers(body: bytes) -> Behaviour:
    def answer(sock: socket.socket, peers: BrokenPeers) -> None:
        headers = b"".join(b"X-Filler-%d: %d\r\n" % (i, i) for i in range(101))
        _send(sock, b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + headers + b"Content-Length: "
              + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)
    return answer


def trickle(interval: float) -> Behaviour:
    """A valid beginning, then one byte every ``interval`` seconds, for ever (until the client goes)."""
    def answer(sock: socket.socket, peers: BrokenPeers) -> None:
        _send(sock, b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000000\r\n\r\n")
        while not peers.stopping.is_set():
            try:
                sock.sendall(b"x")
            except OSError:
                return
            time.sleep(interval)
    return answer


def trickle_headers(interval: float) -> Behaviour:
    """The status line and headers themselves, a byte at a time, never ending."""
    def answer(sock: socket.socket, peers: BrokenPeers) -> None:
        _send(sock, b"HTTP/1.1 200 OK\r\n")
        while not peers.stopping.is_set():
            try:
                sock.sendall(b"X")
            except OSError:
                return
            time.sleep(interval)
    return answer


def redirect(location: str, status: int = 302) -> Behaviour:
    def answer(sock: socket.socket, peers: BrokenPeers) -> None:
        _send(sock, f"HTTP/1.1 {status} Moved\r\nLocation: {location}\r\nContent-Length: 0\r\n"
                    f"Connection: close\r\n\r\n".encode())
    return answer


def busy_then(retry_after: str, then: Behaviour, times: int = 1) -> Behaviour:
    """503 with Retry-After for the first ``times`` requests, then ``then``."""
    def answer(sock: socket.socket, peers: BrokenPeers) -> None:
        if peers.served[answer] < times:
            peers.served[answer] += 1
            _send(sock, f"HTTP/1.1 503 Busy\r\nRetry-After: {retry_after}\r\nContent-Length: 0\r\n"
                        f"Connection: close\r\n\r\n".encode())
            return
        then(sock, peers)
    return answer


def hang_up(sock: socket.socket, peers: BrokenPeers) -> None:
    """Close without a word."""


class BrokenPeers:
    def __init__(self) -> None:
        self.routes: dict[str, Behaviour] = {}
        self.hits: dict[str, int] = defaultdict(int)
        self.times: dict[str, list[float]] = defaultdict(list)
        self.agents: list[str] = []
        self.served: dict[Behaviour, int] = defaultdict(int)
        self.stopping = threading.Event()
        peers = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                self.request.settimeout(5)
                data = b""
                try:
                    while b"\r\n\r\n" not in data and len(data) < 65536:
                        chunk = self.request.recv(4096)
                        if not chunk:
                            return
                        data += chunk
                except OSError:
                    return
                line, _, rest = data.partition(b"\r\n")
                parts = line.split()
                path = parts[1].decode("latin-1") if len(parts) > 1 else "/"
                for header in rest.split(b"\r\n"):
                    if header.lower().startswith(b"user-agent:"):
                        peers.agents.append(header.split(b":", 1)[1].strip().decode("latin-1"))
                peers.hits[path] += 1
                peers.times[path].append(time.monotonic())
                behaviour = peers.routes.get(path)
                if behaviour is None:
                    _send(self.request, b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                else:
                    behaviour(self.request, peers)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()
