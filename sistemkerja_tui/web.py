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


class TidakDapatDilayani(Exception):
    """The server cannot start; the message (Indonesian) names the cause and the fix."""


def periksa_port(host: str, port: int) -> None:
    """Refuse a port another program already listens on (before the server would fail with a traceback)."""
    import socket

    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind((host, port))
    except OSError as e:
        raise TidakDapatDilayani(
            f"--port {port}: alamat {host}:{port} tidak dapat dipakai ({e.strerror}); kemungkinan sudah dipakai "
            "program lain. Pilih port lain, misalnya --port 8080."
        ) from None


def layani(
    url: str,
    *,
    host: str = HOST_BAWAAN,
    port: int = PORT_BAWAAN,
    url_publik: str | None = None,
    log_level: str | None = None,
) -> None:
    """Serve the app at http://host:port until interrupted (Ctrl+C). `url_publik`: the address browsers open
    when a reverse proxy (HTTPS) stands in front; the page's links and WebSocket point there (wss:// for https)."""
    try:
        from textual_serve.server import Server
    except ImportError:
        raise TidakDapatDilayani(
            "Paket textual-serve belum terpasang; pasang dengan: pip install textual-serve (atau make run)."
        ) from None
    periksa_port(host, port)
    Server(perintah_aplikasi(url, log_level), host=host, port=port, title="Sistem Kerja", public_url=url_publik).serve()
