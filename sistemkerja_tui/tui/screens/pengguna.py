"""Choose who is using the app: one of the unit heads."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from sistemkerja_tui.layanan.pengguna import Pengguna
from sistemkerja_tui.tui.widgets.kaki import KakiLayar


class PilihPengguna(ModalScreen[int | None]):
    BINDINGS = [
        Binding("escape", "batal", "Batal", id="pengguna.batal", tooltip="Tutup tanpa mengganti pengguna"),
        Binding("down", "geser(1)", "Berikut", show=False, id="pengguna.bawah", tooltip="Pimpinan berikutnya"),
        Binding("up", "geser(-1)", "Sebelum", show=False, id="pengguna.atas", tooltip="Pimpinan sebelumnya"),
    ]

    def __init__(self, calon: list[Pengguna]) -> None:
        super().__init__()
        self.calon = calon
        self.tampil: list[Pengguna] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="kotak-pengguna"):
            yield Label("Masuk sebagai pimpinan unit", classes="judul-dialog")
            yield Input(placeholder="saring: nama, jabatan, atau unit", id="saring-pengguna")
            yield OptionList(id="daftar-pengguna")
        yield KakiLayar()  # its own keys, not those of the screen behind it

    def on_mount(self) -> None:
        self._saring("")

    @on(Input.Changed)
    def _ubah(self, event: Input.Changed) -> None:
        self._saring(event.value)

    def _saring(self, teks: str) -> None:
        kata = teks.casefold().split()
        self.tampil = [p for p in self.calon if all(k in f"{p.nama} {p.jabatan} {p.unit}".casefold() for k in kata)][
            :200
        ]
        daftar = self.query_one(OptionList)
        # the jabatan on its own line: a long name wrapped into it and the separating spaces were dropped
        daftar.set_options(Option(Text.assemble((p.nama, "bold"), "\n  ", (p.jabatan, "dim"))) for p in self.tampil)
        if self.tampil:
            daftar.highlighted = 0

    def action_geser(self, langkah: int) -> None:
        daftar = self.query_one(OptionList)
        if daftar.option_count:
            daftar.highlighted = max(0, min(daftar.option_count - 1, (daftar.highlighted or 0) + langkah))

    @on(Input.Submitted)
    def _kirim(self) -> None:
        daftar = self.query_one(OptionList)
        if daftar.highlighted is not None and self.tampil:
            self.dismiss(self.tampil[daftar.highlighted].pegawai_id)

    @on(OptionList.OptionSelected)
    def _pilih(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.tampil[event.option_index].pegawai_id)

    def action_batal(self) -> None:
        self.dismiss(None)
