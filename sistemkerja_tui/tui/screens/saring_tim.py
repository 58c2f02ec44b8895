"""The team filter: year, status and kind of the teams the Tim screen lists."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Select

from sistemkerja_tui.layanan.tim import JenisPembentukan, StatusTim
from sistemkerja_tui.tui.widgets.kaki import KakiLayar

if TYPE_CHECKING:
    from textual import getters

    from sistemkerja_tui.tui.app import SistemKerjaApp


class FormSaring(ModalScreen[tuple | None]):
    """Year, status and kind of the teams listed."""

    if TYPE_CHECKING:
        app = getters.app(SistemKerjaApp)

    BINDINGS = [Binding("escape", "batal", "Batal", id="saring.batal", tooltip="Tutup tanpa mengubah saringan")]

    def __init__(self, tahun: int | None, status: StatusTim | None, jenis: JenisPembentukan | None) -> None:
        super().__init__()
        self.awal = (tahun, status, jenis)

    def compose(self) -> ComposeResult:
        tahun, status, jenis = self.awal
        ini = self.app.hari_ini().year
        with Vertical(classes="dialog"):
            yield Label("Saring tim", classes="judul-dialog")
            yield Label("Tahun")
            yield Select(
                [(str(t), t) for t in range(ini + 1, ini - 4, -1)],
                value=tahun or Select.NULL,
                prompt="Semua tahun",
                id="saring-tahun",
            )
            yield Label("Status")
            yield Select(
                [(s.label, s) for s in StatusTim],
                value=status or Select.NULL,
                prompt="Semua status",
                id="saring-status",
            )
            yield Label("Jenis menurut pembentukan")
            yield Select(
                [(j.label, j) for j in JenisPembentukan],
                value=jenis or Select.NULL,
                prompt="Semua jenis",
                id="saring-jenis",
            )
            with Horizontal(classes="tombol-dialog"):
                yield Button("Terapkan", variant="primary", id="terapkan")
                yield Button("Batal", id="batal")
        yield KakiLayar()  # its own keys, not those of the Tim screen behind it

    @on(Button.Pressed, "#terapkan")
    def _terapkan(self) -> None:
        nilai = [self.query_one(f"#saring-{n}", Select).value for n in ("tahun", "status", "jenis")]
        self.dismiss(tuple(None if v is Select.NULL else v for v in nilai))

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(None)
