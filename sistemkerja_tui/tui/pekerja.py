"""Run a use case in a thread worker; a refusal or a data error becomes a notification, never a traceback."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.dom import DOMNode
from textual.worker import get_current_worker

from sistemkerja_tui.layanan.galat import DatabaseError, Ditolak

_log = logging.getLogger(__name__)


def laporkan(app: App, galat: Exception, asal: str, *, beri_tahu_penolakan: bool = True) -> str:
    """Tell the user about `galat` (on the UI thread) and return its message: a refusal (`Ditolak`) as it is
    (unless `beri_tahu_penolakan` is off: a form shows it beside its fields), a data-layer error (busy,
    read-only, full, damaged database) by its own text, anything else by a short notice, its traceback to
    the log."""
    if isinstance(galat, Ditolak):
        _log.info("Ditolak: %s", galat.pesan)
        if beri_tahu_penolakan:
            app.notify(galat.pesan, title="Ditolak", severity="error", timeout=12)
        return galat.pesan
    if isinstance(galat, DatabaseError):
        _log.warning("%s: %s", type(galat).__name__, galat)
        app.notify(str(galat), title="Data tidak tersimpan", severity="error", timeout=15)
        return str(galat)
    from sistemkerja_tui import catatan

    pesan = catatan.pemberitahuan(catatan.catat_galat(galat, asal))
    app.notify(pesan, title="Galat", severity="error", timeout=15)
    return pesan


def kerjakan(
    node: DOMNode,
    fungsi: Callable[[], Any],
    berhasil: Callable[[Any], None] | None = None,
    *,
    gagal: Callable[[str], None] | None = None,
    grup: str = "layanan",
    eksklusif: bool = False,
) -> None:
    """Call `fungsi` off the UI thread, then `berhasil(hasil)` on it.

    Any error is told by `laporkan` — a refusal goes to `gagal(pesan)` alone when given (a form shows it
    beside its fields) — and after any error `gagal` gets the message, so a form never stays on
    "Menyimpan…". Nothing else happens. With `eksklusif`, a call replaced by a newer one delivers nothing:
    its thread cannot be stopped, and its result (read for the previous user, filter, unit…) must not land
    after the newer one.
    """
    app = node.app

    def kerja() -> None:
        try:
            hasil = fungsi()
        except Exception as e:  # the app keeps running; see `laporkan`
            asal = f"layanan {getattr(fungsi, '__qualname__', fungsi)}"
            pesan = app.call_from_thread(laporkan, app, e, asal, beri_tahu_penolakan=gagal is None)
            if gagal is not None:
                app.call_from_thread(gagal, pesan)
            return
        if berhasil is not None and not get_current_worker().is_cancelled:
            app.call_from_thread(berhasil, hasil)

    node.run_worker(kerja, thread=True, group=grup, exclusive=eksklusif, exit_on_error=False)
