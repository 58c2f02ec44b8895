"""Generic choosers: one item from a list, or several (for Klaten's ketua candidates)."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, SelectionList
from textual.widgets.option_list import Option


class PilihSatu(ModalScreen[Any]):
    """Pick one of `pilihan` (label, value); Esc cancels."""

    AUTO_FOCUS = "#pilihan"

    BINDINGS = [Binding("escape", "batal", "Batal", id="pilih.batal", tooltip="Tutup tanpa memilih")]

    def __init__(self, judul: str, pilihan: list[tuple[str, Any]]) -> None:
        super().__init__()
        self.judul, self.pilihan = judul, pilihan

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.judul, classes="judul-dialog")
            yield OptionList(*[Option(label) for label, _ in self.pilihan], id="pilihan")

    @on(OptionList.OptionSelected)
    def _pilih(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.pilihan[event.option_index][1])

    def action_batal(self) -> None:
        self.dismiss(None)


class PilihBanyak(ModalScreen[list | None]):
    """Mark several of `pilihan` with Space, confirm with Ctrl+S."""

    AUTO_FOCUS = "#pilihan-banyak"

    BINDINGS = [
        Binding("escape", "batal", "Batal", id="pilih_banyak.batal", tooltip="Tutup tanpa memilih"),
        Binding("ctrl+s", "simpan", "Simpan", id="pilih_banyak.simpan", tooltip="Simpan pilihan yang ditandai"),
    ]

    def __init__(self, judul: str, keterangan: str, pilihan: list[tuple[str, Any]]) -> None:
        super().__init__()
        self.judul, self.keterangan, self.pilihan = judul, keterangan, pilihan

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="kotak-pilih-banyak"):
            yield Label(self.judul, classes="judul-dialog")
            yield Label(self.keterangan)
            yield SelectionList(*[(label, i) for i, (label, _) in enumerate(self.pilihan)], id="pilihan-banyak")

    def action_simpan(self) -> None:
        self.dismiss([self.pilihan[i][1] for i in self.query_one(SelectionList).selected])

    def action_batal(self) -> None:
        self.dismiss(None)
