"""``argmap schema``: the installed schema's path, for editors checking maps
anywhere on disk, tried with the real YAML language server where npm is."""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from argmap.cli import main

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "resources" / "argmap.schema.json"


def _schema_path(capsys, *options: str) -> str:
    assert main(["schema", *options]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def test_prints_the_absolute_path_of_the_installed_schema(capsys):
    out = _schema_path(capsys)
    assert out.endswith("\n") and out.count("\n") == 1
    path = Path(out.strip())
    assert path.is_absolute() and path.is_file()
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(SCHEMA.read_text("utf-8"))


def test_print_writes_the_schema_itself(capsys):
    out = _schema_path(capsys, "--print")
    assert out == SCHEMA.read_text(encoding="utf-8")
    assert json.loads(out)["title"].startswith("argmap")


def test_vscode_prints_a_yaml_schemas_entry(capsys):
    path = _schema_path(capsys).strip()
    out = _schema_path(capsys, "--vscode")
    assert out.startswith('"yaml.schemas": ')
    settings = json.loads("{" + out + "}")
    assert settings == {"yaml.schemas": {path: ["*.argmap.yaml", "maps/*.yaml"]}}


def test_modeline_names_the_schema_by_absolute_path(capsys):
    path = _schema_path(capsys).strip()
    assert _schema_path(capsys, "--modeline") == f"# yaml-language-server: $schema={path}\n"


def test_options_exclude_each_other(capsys):
    assert main(["schema", "--print", "--vscode"]) == 2
    assert "not allowed with" in capsys.readouterr().err


def test_schema_id_does_not_pretend_to_be_a_url_to_fetch():
    schema_id = json.loads(SCHEMA.read_text(encoding="utf-8"))["$id"]
    scheme = urlparse(schema_id).scheme
    assert scheme and scheme not in ("http", "https", "file")


def test_runs_as_a_program():
    r = subprocess.run([sys.executable, "-m", "argmap", "schema"], capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 0 and r.stderr == ""
    assert Path(r.stdout.strip()).is_file()


# -- the real YAML language server ------------------------------------------

class LanguageServer:
    """A YAML language server on stdio, spoken to in LSP JSON-RPC."""

    def __init__(self, command: list[str], settings: dict[str, Any]) -> None:
        self.settings = settings
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        self.buffer = b""
        self.diagnostics: dict[str, list[dict]] = {}

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.proc.stdin.flush()

    def receive(self, deadline: float) -> dict[str, Any] | None:
        while True:
            head, sep, rest = self.buffer.partition(b"\r\n\r\n")
            if sep:
                length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                              if line.lower().startswith(b"content-length:"))
                if len(rest) >= length:
                    self.buffer = rest[length:]
                    return json.loads(rest[:length])
            ready, _, _ = select.select([self.proc.stdout], [], [],
                                        max(0.0, deadline - time.monotonic()))
            chunk = os.read(self.proc.stdout.fileno(), 65536) if ready else b""
            if not chunk:
                return None
            self.buffer += chunk

    def handle(self, message: dict[str, Any]) -> None:
        """Answer the server's requests; keep the diagnostics it publishes."""
        if message.get("method") == "workspace/configuration":
            items = message["params"]["items"]
            self.send({"id": message["id"],
                       "result": [self.settings.get(i.get("section"), None) for i in items]})
        elif "id" in message and "method" in message:
            self.send({"id": message["id"], "result": None})
        elif message.get("method") == "textDocument/publishDiagnostics":
            self.diagnostics[message["params"]["uri"]] = message["params"]["diagnostics"]

    def start(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        self.send({"id": 1, "method": "initialize", "params": {
            "processId": os.getpid(), "rootUri": None,
            "capabilities": {"workspace": {"configuration": True}}}})
        while (message := self.receive(deadline)) is not None and message.get("id") != 1:
            self.handle(message)
        assert message is not None, "the language server did not answer initialize"
        self.send({"method": "initialized", "params": {}})
        self.send({"method": "workspace/didChangeConfiguration",
                   "params": {"settings": self.settings}})

    def open(self, path: Path) -> str:
        uri = path.as_uri()
        self.send({"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1,
            "text": path.read_text(encoding="utf-8")}}})
        return uri

    def wait_for_diagnostics(self, uris: list[str], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not all(self.diagnostics.get(u) for u in uris):
            message = self.receive(deadline)
            if message is None:
                return
            self.handle(message)

    def stop(self) -> None:
        self.proc.kill()
        self.proc.wait(timeout=10)


@pytest.fixture(scope="module")
def yaml_language_server(tmp_path_factory) -> list[str]:
    """The command that starts yaml-language-server from npm, installed into a temporary folder."""
    npm, node = shutil.which("npm"), shutil.which("node")
    if not npm or not node:
        pytest.skip("npm or node is not installed")
    folder = tmp_path_factory.mktemp("yaml-language-server")
    try:
        r = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--no-save",
                            "--fetch-retries=0", "--fetch-timeout=15000", "yaml-language-server"],
                           cwd=folder, capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.skip("npm install yaml-language-server took over 60 s (offline?)")
    server = folder / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
    if r.returncode != 0 or not server.is_file():
        said = [line for line in r.stderr.splitlines() if line.strip()
                and "complete log" not in line and not line.endswith("-debug-0.log")]
        pytest.skip("npm install yaml-language-server failed (offline?): "
                    + (said[0] if said else f"exit {r.returncode}"))
    return [node, str(server), "--stdio"]


def test_yaml_language_server_checks_maps_outside_the_repository(
        yaml_language_server, tmp_path, capsys):
    schema = _schema_path(capsys).strip()
    settings = json.loads("{" + _schema_path(capsys, "--vscode") + "}")
    modeline = _schema_path(capsys, "--modeline")
    assert not tmp_path.is_relative_to(ROOT)
    by_pattern = tmp_path / "ceasefire.argmap.yaml"
    by_pattern.write_text("argmap: 1\ntitle: Ceasefire now?\nclaims:\n"
                          "  c1:\n    text: A ceasefire now\n    kind: opinion\n",
                          encoding="utf-8")
    (tmp_path / "notes").mkdir()
    by_modeline = tmp_path / "notes" / "talks.yaml"
    by_modeline.write_text(modeline + "argmap: 1\ntitle: Talks\ncolour: red\n", encoding="utf-8")

    server = LanguageServer(yaml_language_server, {"yaml": {
        "validate": True, "schemas": settings["yaml.schemas"]}})
    try:
        server.start(timeout=10)
        uris = [server.open(by_pattern), server.open(by_modeline)]
        server.wait_for_diagnostics(uris, timeout=10)
    finally:
        server.stop()

    kind, = server.diagnostics.get(uris[0]) or [None]
    assert kind is not None, "no diagnostics for the map matched by yaml.schemas"
    assert kind["range"]["start"] == {"line": 5, "character": 10}
    assert '"thesis", "claim", "evidence", "question"' in kind["message"]
    assert Path(schema).as_uri() in kind["data"]["schemaUri"]
    unknown, = server.diagnostics.get(uris[1]) or [None]
    assert unknown is not None, "no diagnostics for the map with the modeline"
    assert unknown["range"]["start"] == {"line": 3, "character": 0}
    assert "colour" in unknown["message"]
