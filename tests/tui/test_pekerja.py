"""`tui.pekerja.kerjakan`: an exclusive call replaced by a newer one delivers nothing."""

from __future__ import annotations

import threading

from textual.app import App

from sistemkerja_tui.tui.pekerja import kerjakan


async def test_hasil_lama_tidak_menimpa_hasil_baru():
    """The Penugasan list read for the previous user arrived after the one for the new user and stayed on
    screen (seen on a loaded CI machine): a replaced exclusive worker's result must be dropped."""
    app = App()
    diterima: list[str] = []
    lepas = threading.Event()

    def lama() -> str:
        lepas.wait(10)
        return "pengguna lama"

    async with app.run_test() as pilot:
        kerjakan(app, lama, diterima.append, grup="daftar", eksklusif=True)
        await pilot.pause()
        kerjakan(app, lambda: "pengguna baru", diterima.append, grup="daftar", eksklusif=True)
        while diterima != ["pengguna baru"]:
            await pilot.pause(0.01)
        lepas.set()  # the old thread finishes only now
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert diterima == ["pengguna baru"]
