"""`sistemkerja serve`: the TUI in a browser for a shared office (textual-serve).

Each browser tab gets its own app process (textual-serve starts the command per
websocket), so each session has its own user and its own screens; they share
the one database as two terminals would.
"""

from __future__ import annotations

import ipaddress
import shlex
import sys

HOST_BAWAAN = "127.0.0.1"
PORT_BAWAAN = 8000


def perintah_aplikasi(url: str, log_level: str | None = None) -> str:
    """The shell command textual-serve runs for each browser session: this Python, this database."""
    argumen = [sys.executable, "-m", "sistemkerja_tui", "--db", url]
    if log_level:
        argumen += ["--log-level", log_level]
    return shlex.join(argumen)


def hanya_lokal(host: str) -> bool:
    """Whether `host` is reachable only from this computer."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def layani(url: str, *, host: str = HOST_BAWAAN, port: int = PORT_BAWAAN, log_level: str | None = None) -> None:
    """Serve the app at http://host:port until interrupted (Ctrl+C)."""
    from textual_serve.server import Server

    Server(perintah_aplikasi(url, log_level), host=host, port=port, title="Sistem Kerja").serve()
