"""Run a use case in a thread worker; a refusal becomes an error notification naming the rule."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.dom import DOMNode

from sistemkerja_tui.layanan.galat import Ditolak


def kerjakan(node: DOMNode, fungsi: Callable[[], Any], berhasil: Callable[[Any], None] | None = None, *,
             gagal: Callable[[str], None] | None = None, grup: str = "layanan", eksklusif: bool = False) -> None:
    """Call `fungsi` off the UI thread, then `berhasil(hasil)` on it.

    A refusal (`Ditolak`) goes to `gagal(pesan)` — a form shows it beside its
    fields — or else to an error notification; nothing else happens.
    """
    app = node.app

    def kerja() -> None:
        try:
            hasil = fungsi()
        except Ditolak as e:
            if gagal is not None:
                app.call_from_thread(gagal, e.pesan)
            else:
                app.call_from_thread(app.notify, e.pesan, title="Ditolak", severity="error", timeout=12)
            return
        except Exception as e:  # noqa: BLE001 — shown to the user; the app keeps running
            app.call_from_thread(app.notify, f"{type(e).__name__}: {e}", title="Galat tak terduga",
                                 severity="error", timeout=12)
            return
        if berhasil is not None:
            app.call_from_thread(berhasil, hasil)

    node.run_worker(kerja, thread=True, group=grup, exclusive=eksklusif, exit_on_error=False)
