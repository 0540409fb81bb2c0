"""The studio's HTTP server: a thread per connection, with limits so that stalled clients cannot hold it.

Any program on the computer (or a page the author opens) can connect to 127.0.0.1. A client that opens a
connection and sends nothing, half a request, a body shorter than its ``Content-Length``, or a byte now
and then, held a thread forever; enough of them and the author's page waited. So:

- every read and write on a connection gives up after ``timeout`` seconds without progress;
- the whole request (line, headers, body) must arrive within ``deadline`` seconds: past it the connection
  is shut for reading (a request still being read ends there and is answered 400 or dropped; one being
  worked on is not disturbed, as its answer is still written);
- at most ``max_connections`` are served at once; one more is answered ``503`` at once and closed, never
  queued behind the stalled ones.
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

from closeread.errors import inert

TIMEOUT_S = 5.0  # a browser on the same computer sends its request in milliseconds
DEADLINE_S = 15.0
MAX_CONNECTIONS = 32  # a browser opens at most 6 connections to one host
_BUSY = (b"HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nRetry-After: 1\r\n"
         b"Connection: close\r\nContent-Length: 58\r\n\r\nthe studio is busy with other connections; try again soon\n")


class Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True

    def __init__(self, *args, timeout: float = TIMEOUT_S, deadline: float = DEADLINE_S,
                 max_connections: int = MAX_CONNECTIONS, **kwargs):
        self.connection_timeout = timeout
        self.deadline = deadline
        self.max_connections = max_connections
        self._slots = threading.BoundedSemaphore(max_connections)
        self._reading: dict[socket.socket, float] = {}  # connection -> when its request must have arrived
        self._late: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._closed = threading.Event()
        super().__init__(*args, **kwargs)
        threading.Thread(target=self._reap, daemon=True).start()

    def process_request(self, request, client_address):
        if not self._slots.acquire(blocking=False):
            try:
                request.settimeout(1)
                request.sendall(_BUSY)
            except OSError:
                pass
            self.shutdown_request(request)
            return
        with self._lock:
            self._reading[request] = time.monotonic() + self.deadline
        try:
            super().process_request(request, client_address)  # starts the connection's thread
        except BaseException:
            self._done(request)
            raise

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._done(request)

    def _done(self, request) -> None:
        with self._lock:
            self._reading.pop(request, None)
            self._late.discard(request)
        self._slots.release()

    def is_late(self, request) -> bool:
        """Whether the connection's request did not arrive by its deadline (what was read is cut)."""
        with self._lock:
            return request in self._late

    def _reap(self) -> None:
        """Shut for reading every connection whose request has not arrived by its deadline."""
        while not self._closed.wait(min(0.25, self.deadline / 4)):
            now = time.monotonic()
            with self._lock:
                late = [c for c, t in self._reading.items() if t <= now]
                for c in late:
                    del self._reading[c]
                    self._late.add(c)
            for c in late:
                try:
                    c.shutdown(socket.SHUT_RD)  # a read waiting on it returns at once with what came
                except OSError:
                    pass

    def server_close(self):
        self._closed.set()
        super().server_close()

    def handle_error(self, request, client_address):
        error = sys.exc_info()[1]
        if isinstance(error, (TimeoutError, ConnectionError)):
            return  # a client that stalled or left: nothing for the author to read
        print(inert(f"studio: a connection failed: {type(error).__name__}: {error}"), file=sys.stderr)


class Handler(WSGIRequestHandler):
    def setup(self):
        self.timeout = self.server.connection_timeout  # StreamRequestHandler applies it to the socket
        super().setup()

    def parse_request(self):
        # cut by the deadline: what arrived is not a request to act on, nor one to call malformed (a request
        # line cut at "HTTP/1." would otherwise draw the base class's 400), before or after the headers
        if self._late() or not super().parse_request():
            return False
        return not self._late()

    def _late(self) -> bool:
        if not self.server.is_late(self.connection):
            return False
        self.close_connection = True
        # before parse_request() these are not set yet; an HTTP/0.9 answer would have no status line
        self.command, self.requestline = getattr(self, "command", None), getattr(self, "requestline", "")
        if getattr(self, "request_version", "HTTP/0.9") == "HTTP/0.9":
            self.request_version = "HTTP/1.0"
        self.send_error(408, "the request did not arrive in time")
        return True

    def log_message(self, *args):  # the terminal shows the address and problems, not every request
        pass
