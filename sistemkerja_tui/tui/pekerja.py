"""Run a use case in a thread worker; a refusal or a data error becomes a notification, never a traceback."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from textual.dom import DOMNode

from sistemkerja_tui.layanan.galat import DatabaseError, Ditolak

_log = logging.getLogger(__name__)


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

    A refusal (`Ditolak`) goes to `gagal(pesan)` — a form shows it beside its
    fields — or else to an error notification; a data-layer error (busy,
    read-only, full, damaged database) to its own notification; anything else
    to a short notice, its traceback to the log. After any error `gagal` gets
    the message, so a form never stays on "Menyimpan…". Nothing else happens.
    """
    app = node.app

    def kerja() -> None:
        try:
            hasil = fungsi()
        except Ditolak as e:
            _log.info("Ditolak: %s", e.pesan)
            if gagal is not None:
                app.call_from_thread(gagal, e.pesan)
            else:
                app.call_from_thread(app.notify, e.pesan, title="Ditolak", severity="error", timeout=12)
            return
        except DatabaseError as e:
            _log.warning("%s: %s", type(e).__name__, e)
            app.call_from_thread(app.notify, str(e), title="Data tidak tersimpan", severity="error", timeout=15)
            if gagal is not None:
                app.call_from_thread(gagal, str(e))
            return
        except Exception as e:  # the app keeps running; the details go to the log
            from sistemkerja_tui import catatan

            berkas = catatan.catat_galat(e, f"layanan {getattr(fungsi, '__qualname__', fungsi)}")
            pesan = catatan.pemberitahuan(berkas)
            app.call_from_thread(app.notify, pesan, title="Galat", severity="error", timeout=15)
            if gagal is not None:
                app.call_from_thread(gagal, pesan)
            return
        if berhasil is not None:
            app.call_from_thread(berhasil, hasil)

    node.run_worker(kerja, thread=True, group=grup, exclusive=eksklusif, exit_on_error=False)
