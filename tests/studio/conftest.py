"""A studio served on 127.0.0.1 over a copy of the fixture lesson, and a client that talks to it as a
browser page would (or as another site would)."""

from __future__ import annotations

import http.client
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import make_kit


@dataclass
class Client:
    port: int
    token: str
    folder: Path

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def request(self, method: str, path: str, body=None, headers: dict | None = None):
        return self.request_raw(method, path, json.dumps(body).encode() if body is not None else None, headers)

    def request_raw(self, method: str, path: str, data: bytes | None, headers: dict | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        conn.request(method, path, body=data, headers=headers or {})
        r = conn.getresponse()
        raw = r.read()
        conn.close()
        return r.status, dict(r.getheaders()), raw

    def page_headers(self) -> dict:
        return {"Host": f"127.0.0.1:{self.port}", "Origin": self.origin, "Content-Type": "application/json",
                "X-Studio-Token": self.token}

    def state(self) -> dict:
        status, _, raw = self.request("GET", "/api/state", headers={"Host": f"127.0.0.1:{self.port}", "X-Studio-Token": self.token})
        assert status == 200, raw
        return json.loads(raw)

    def act(self, action: str, params: dict, version: str | None = None, expect: int = 200) -> dict:
        body = {"action": action, "params": params, "version": version if version is not None else self.state()["version"]}
        status, _, raw = self.request("POST", "/api/action", body, self.page_headers())
        assert status == expect, raw
        return json.loads(raw)


@pytest.fixture
def studio(tmp_path):
    from closeread.studio.command import start

    kit = make_kit(tmp_path / "kit")
    folder = sorted(p for p in (kit / "lessons").iterdir() if p.is_dir())[0]
    server, url = start(kit, folder)
    port = server.server_address[1]
    yield Client(port, url.split("token=")[1], folder)
    server.shutdown()
    server.server_close()


@pytest.fixture
def on_swap(monkeypatch):
    """on_swap(name, do): run ``do`` once, when the studio puts the file ``name`` in place (the server runs
    in this process): a real save by an editor, or a real failure, at the one moment a test cannot reach by
    timing alone. Returns the list of the swaps it caught."""
    import closeread.studio.files as files

    real = files.exchange

    def arm(name: str, do):
        calls: list = []

        def exchange(a, b):
            if b.name == name and not calls:
                calls.append(b)
                do()
            return real(a, b)

        monkeypatch.setattr(files, "exchange", exchange)
        return calls

    return arm
