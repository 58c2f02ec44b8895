"""Base of the forms: one message area at the top that saving goes through, and a question before typed content is
thrown away."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static

from sistemkerja_tui.tui.pekerja import kerjakan
from sistemkerja_tui.tui.screens.dialog import DialogKonfirmasi


class PesanForm(Static):
    """The form's message (a refusal, "Menyimpan…"): wraps, hidden while empty."""

    def __init__(self) -> None:
        super().__init__("", id="pesan-form", classes="pesan-galat")
        self.display = False

    def tampilkan(self, pesan: str) -> None:
        self.update(pesan)
        self.display = bool(pesan)

    def simpan(
        self, node: DOMNode, simpan: Callable[[], Any], berhasil: Callable[[Any], None], pesan: str = "Menyimpan…"
    ) -> None:
        """Run the use case `simpan` in a worker of `node`, `pesan` shown here meanwhile; then, the message
        cleared, `berhasil(hasil)` — or the refusal shown here, the form left open with everything typed."""
        self.tampilkan(pesan)

        def tersimpan(hasil: Any) -> None:
            self.tampilkan("")
            berhasil(hasil)

        kerjakan(node, simpan, tersimpan, gagal=self.tampilkan)


class FormModal(ModalScreen[tuple[Any] | None]):
    """A modal form holding a `PesanForm`; `action_batal` asks "Buang isian?" once something was typed."""

    DEFAULT_CSS = """
    FormModal Label { width: 100%; }  /* a long title or explanation wraps inside the form, never cut */
    """

    def on_mount(self) -> None:
        self._awal = self._isian()
        # focusing the first field scrolls it to the top and hides its label (and any line above it) at 80×24
        self.call_after_refresh(self._ke_awal)

    def _ke_awal(self) -> None:
        for isian in self.query(".isian-form"):
            isian.scroll_home(animate=False)

    def _isian(self) -> dict[str | None, object]:
        return {w.id: w.value for w in self.query(Input)} | {w.id: w.value for w in self.query(Select)}

    def tampilkan_pesan(self, pesan: str) -> None:
        """Show `pesan` whole in the form's message area (above its scrolling fields)."""
        self.query_one(PesanForm).tampilkan(pesan)

    def pilihan(self, selektor: str) -> str:
        """The code chosen in a Select made with allow_blank=False (so never blank)."""
        nilai = self.query_one(selektor, Select).value
        assert isinstance(nilai, str)
        return nilai

    def simpan_lalu_tutup(self, simpan: Callable[[], Any], pesan: str = "Menyimpan…") -> None:
        """Run the use case `simpan` in a worker, `pesan` shown meanwhile; dismissed with `(result,)`, or the
        refusal shown in the form, which stays open with everything typed."""
        self.query_one(PesanForm).simpan(self, simpan, self._tersimpan, pesan)

    def _tersimpan(self, hasil: object) -> None:
        self.dismiss((hasil,))

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        if self._isian() == self._awal:
            self.dismiss(None)
            return

        def jawab(buang: bool | None) -> None:
            if buang:
                self.dismiss(None)

        self.app.push_screen(DialogKonfirmasi("Buang isian?"), jawab)
