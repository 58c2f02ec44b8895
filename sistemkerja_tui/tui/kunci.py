"""Keys typed faster than the screens change: held in order, then given to the screen that is ready for them.

Textual routes a key to the focused widget of the top screen at the moment the app reads it, before the keys
read earlier have been handled. So keys typed right after the key that opens a form reached the screen behind
it or the form before it had fields (lost, or a Tab moved the focus on), and keys typed between closing one
prompt and the next one appearing went to the screen behind as commands. `PenahanKunci` (a mixin of the App)
hands a key on only once the one before it has been handled (its way up to the app's bindings), and holds the
keys while a newly shown screen is not yet mounted and while a flow says a step is pending
(`tahan_kunci` … `lepas_kunci`); held keys go on in the order they were typed.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any, TypeVar

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen

from sistemkerja_tui.tui.pekerja import kerjakan

T = TypeVar("T")

BATAS_TAHAN = 3.0  # seconds: a hold nobody ended (its screen gone before it was ready) frees the keys anyway


class PenahanKunci(App):
    """Mixin for the App: keys wait while a hold is on, and while older keys still wait."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._tahanan: set[int] = set()
        self._nomor_tahanan = 0
        self._antrean_kunci: deque[events.Key] = deque()
        self._kunci_jalan = 0  # the number of the key handed on whose handling has not ended yet; 0: none
        self._nomor_kunci = 0

    def _pasang_penahan(self) -> None:
        """Call once from on_mount: every new top screen holds the keys until it is mounted."""
        self.screen_change_signal.subscribe(self, self._layar_berganti, immediate=True)

    def tahan_kunci(self) -> int:
        """Hold the keys from now on (a step is pending); returns the hold to pass to `lepas_kunci`."""
        self._nomor_tahanan += 1
        nomor = self._nomor_tahanan
        self._tahanan.add(nomor)
        self.set_timer(BATAS_TAHAN, lambda: self.lepas_kunci(nomor))
        return nomor

    def lepas_kunci(self, nomor: int) -> None:
        """End hold `nomor`; when none is left the waiting keys go on, in order, on the app's own queue."""
        self._tahanan.discard(nomor)
        if not self._tahanan and self._antrean_kunci and not self._kunci_jalan:
            self.call_next(self._alirkan)

    def _layar_berganti(self, layar: Screen) -> None:
        self._lepas_saat_siap(layar, self.tahan_kunci())

    def _lepas_saat_siap(self, layar: Screen, nomor: int) -> None:
        # through the screen's own queue: its compose and mount (focus is set right after compose, AUTO_FOCUS)
        # and a result callback it was given (which may open the next prompt) run first
        if not layar.is_running or not layar.call_later(self._lepas_bila_terpasang, layar, nomor):
            self.lepas_kunci(nomor)

    def _lepas_bila_terpasang(self, layar: Screen, nomor: int) -> None:
        if layar.is_mounted:
            self.lepas_kunci(nomor)
        else:
            self._lepas_saat_siap(layar, nomor)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            self._antrean_kunci.append(event)
            if not (self._tahanan or self._kunci_jalan):
                await self._alirkan()
            return
        await super().on_event(event)

    async def _alirkan(self) -> None:
        if not self.screen_stack:  # closing
            self._antrean_kunci.clear()
            return
        if self._antrean_kunci and not (self._tahanan or self._kunci_jalan):
            kunci = self._antrean_kunci.popleft()
            sasaran = self.focused or self.screen
            self._nomor_kunci += 1
            self._kunci_jalan = nomor = self._nomor_kunci
            await super().on_event(kunci)
            # a marker follows the key up the same queues it bubbles through; two rounds, so that a message the
            # key's action posted (Input.Submitted, OptionList.OptionSelected) has been handled as well
            self._ikuti(sasaran, nomor, 2)
            self.set_timer(1.0, lambda: self._selesai(nomor))  # a node removed on the way never answers

    def _ikuti(self, simpul: DOMNode | None, nomor: int, putaran: int) -> None:
        """Post the marker of key `nomor` on `simpul`; run there, it goes on to the parent, then to the app."""
        if nomor != self._kunci_jalan:
            return
        if simpul is None or simpul is self:
            if putaran > 1:
                sasaran = self.focused or self.screen
                self.call_later(self._ikuti, sasaran, nomor, putaran - 1)
            else:
                self.call_later(self._selesai, nomor)
            return
        induk = simpul.parent
        if not simpul.call_later(self._ikuti, induk, nomor, putaran):
            self._ikuti(induk, nomor, putaran)

    def _selesai(self, nomor: int) -> None:
        if nomor == self._kunci_jalan:
            self._kunci_jalan = 0
            if self._antrean_kunci and not self._tahanan:
                self.call_next(self._alirkan)


def tutup_lalu_lanjut(layar: ModalScreen[T], hasil: T) -> None:
    """Dismiss `layar` with `hasil`; keys typed meanwhile wait until its result callback has run (the callback may
    open the next prompt, which then gets them) instead of reaching the screen behind."""
    app = layar.app
    if not isinstance(app, PenahanKunci) or not layar._result_callbacks:
        layar.dismiss(hasil)
        return
    peminta = layar._result_callbacks[-1].requester
    nomor = app.tahan_kunci()
    layar.dismiss(hasil)
    if not peminta.call_later(app.lepas_kunci, nomor):
        app.lepas_kunci(nomor)


def kerjakan_lalu_layar(node: DOMNode, fungsi: Callable[[], Any], tampil: Callable[[Any], None]) -> None:
    """`kerjakan` for a step whose result opens the next screen (a detail, a list to choose from): keys typed
    meanwhile wait for that screen instead of reaching this one as commands. On a refusal or an error the keys
    go on after `BATAS_TAHAN` at the latest."""
    app = node.app
    if not isinstance(app, PenahanKunci):
        kerjakan(node, fungsi, tampil)
        return
    nomor = app.tahan_kunci()

    def berhasil(hasil: Any) -> None:
        try:
            tampil(hasil)  # a screen pushed here holds the keys itself until it is mounted
        finally:
            app.lepas_kunci(nomor)

    kerjakan(node, fungsi, berhasil)
