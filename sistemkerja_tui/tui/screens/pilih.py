"""Generic chooser: one item from a short list."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from sistemkerja_tui.tui.widgets.kaki import KakiLayar


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
        yield KakiLayar()  # its own keys, not those of the screen behind it

    @on(OptionList.OptionSelected)
    def _pilih(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.pilihan[event.option_index][1])

    def action_batal(self) -> None:
        self.dismiss(None)
