"""Stalled clients cannot hold the studio: real sockets against a real studio server on 127.0.0.1.

Each test starts the server with short limits (a 0.5 s timeout, a 2 s deadline, 6 connections) so that
it runs in seconds; the defaults are the same code with longer figures."""

from __future__ import annotations

import json
import select
import socket
import threading
import time

import pytest

from tests.conftest import make_kit

LIMITS = {"timeout": 0.5, "deadline": 2.0, "max_connections": 6}


@pytest.fixture
def serve(tmp_path):
    """Start a studio with the given limits; (server, port, token, lesson folder, connect)."""
    from closeread.studio.command import start

    kit = make_kit(tmp_path / "kit")
    folder = kit / "lessons" / "tiny-harbour"
    servers: list = []
    opened: list[socket.socket] = []

    def connect_to(port: int) -> socket.socket:
        sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        opened.append(sock)
        return sock

    def run(**limits):
        server, url = start(kit, folder, **{**LIMITS, **limits})
        servers.append(server)
        port = server.server_address[1]
        return server, port, url.split("token=")[1], folder, lambda: connect_to(port)

    yield run
    for sock in opened:
        sock.close()
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def served(serve):
    return serve()


def _closed_within(sock: socket.socket, seconds: float) -> tuple[float, bytes]:
    """Read until the server closes the connection; how long that took and what it sent."""
    sock.settimeout(seconds)
    start, got = time.monotonic(), b""
    try:
        while chunk := sock.recv(65536):
            got += chunk
    except TimeoutError:
        pytest.fail(f"the server still holds the connection after {seconds} s (it sent {got[:80]!r})")
    except ConnectionResetError:
        pass
    return time.monotonic() - start, got


def _state(port: int, token: str) -> tuple[int, float]:
    """The author's page asking for the state: its status and how long it took."""
    import http.client

    start = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", "/api/state", headers={"Host": f"127.0.0.1:{port}", "X-Studio-Token": token})
    status = conn.getresponse().status
    conn.close()
    return status, time.monotonic() - start


def test_a_connection_that_sends_nothing_is_closed(served):
    _, _, _, _, connect = served
    took, got = _closed_within(connect(), 8)
    assert got == b"" and took < 5


def test_half_a_request_is_closed(served):
    _, port, token, _, connect = served
    sock = connect()
    sock.sendall(f"GET /api/state HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Studio-Token: {token}\r\n".encode())  # no blank line
    took, got = _closed_within(sock, 8)
    assert took < 5 and b"studio" not in got  # never answered as the request it did not finish


def test_a_request_sent_a_byte_at_a_time_is_cut_at_the_deadline(served):
    _, port, _, _, connect = served
    sock = connect()
    start, request = time.monotonic(), f"GET /api/state HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\nX-Padding: {'x' * 200}\r\n\r\n"
    try:
        for ch in request:  # each byte well within the timeout, the whole far past the deadline
            sock.sendall(ch.encode())
            time.sleep(0.1)
            if time.monotonic() - start > 10:
                break
    except (BrokenPipeError, ConnectionResetError):
        pass
    took, got = _closed_within(sock, 8)
    assert time.monotonic() - start < 10, "the server read on past its deadline"
    assert got == b"" or got.startswith(b"HTTP/1.0 408")


def test_a_request_line_cut_by_the_deadline_is_late_not_malformed(served):
    """What arrived by the deadline is cut wherever it was: a request line cut at "HTTP/1." is answered
    408, as a request whose headers were cut is, never the 400 of a malformed request (the full suite, under
    load, once cut the byte-at-a-time request there)."""
    _, port, _, _, connect = served
    sock = connect()
    start = time.monotonic()
    sock.sendall(b"GET /api/state?")
    # a byte of the request line every 0.1 s, past the 2 s deadline, until the server answers (bytes sent
    # after its close would reset the connection and lose the answer)
    while time.monotonic() - start < 4 and not select.select([sock], [], [], 0.1)[0]:
        sock.sendall(b"x")
    took, got = _closed_within(sock, 8)
    assert took < 5 and got.startswith(b"HTTP/1.0 408"), got[:80]


def test_a_body_shorter_than_its_length_is_refused_and_writes_nothing(served):
    _, port, token, folder, connect = served
    before = (folder / "lesson.yaml").read_bytes()
    body = json.dumps({"action": "set-field", "params": {"key": "title", "value": "Cut"}, "version": ""}).encode()
    sock = connect()
    sock.sendall((f"POST /api/action HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\n"
                  f"Content-Type: application/json\r\nX-Studio-Token: {token}\r\nContent-Length: {len(body) + 100}\r\n\r\n").encode() + body)
    took, got = _closed_within(sock, 8)
    assert took < 5 and got.startswith(b"HTTP/1.0 400 ")
    error = json.loads(got.split(b"\r\n\r\n", 1)[1])["error"]
    assert error == f"the request's body ended after {len(body)} of its {len(body) + 100} bytes (Content-Length); expected the whole body"
    assert (folder / "lesson.yaml").read_bytes() == before


def test_a_few_stalled_connections_do_not_keep_the_author_waiting(served):
    _, port, token, _, connect = served
    stalled = [connect() for _ in range(LIMITS["max_connections"] - 2)]
    stalled[0].sendall(b"GET / HTTP/1.0\r\n")
    status, took = _state(port, token)
    assert status == 200 and took < 5


def test_connections_past_the_cap_are_answered_at_once_and_hold_no_thread(serve):
    # a longer timeout here: the connections served must still be held when the last ones arrive
    server, port, token, _, connect = serve(timeout=3.0, deadline=6.0)
    threads = threading.active_count()
    stalled = [connect() for _ in range(LIMITS["max_connections"] + 10)]
    time.sleep(0.2)
    assert threading.active_count() - threads <= LIMITS["max_connections"]  # one thread per connection served
    busy = stalled[-1]
    busy.settimeout(5)
    assert busy.recv(200).startswith(b"HTTP/1.0 503 Service Unavailable")
    # once the stalled ones time out, the author's page is served again
    deadline = time.monotonic() + 10
    while (status := _state(port, token)[0]) != 200 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert status == 200
