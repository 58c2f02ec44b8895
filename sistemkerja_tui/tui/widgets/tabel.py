"""The pegawai table: one page at a time, never the whole Pemda."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

if TYPE_CHECKING:
    from sistemkerja_tui.layanan.struktur import HalamanPegawai

KOLOM = ("Nama", "Jabatan", "NIP", "Pangkat/Gol", "PPK")


class TabelPegawai(DataTable):
    BINDINGS = [
        Binding("j", "cursor_down", "Turun", show=False, id="tabel.turun", tooltip="Pegawai berikutnya"),
        Binding("k", "cursor_up", "Naik", show=False, id="tabel.naik", tooltip="Pegawai sebelumnya"),
        Binding("g", "scroll_top", "Awal", show=False, id="tabel.awal", tooltip="Ke baris pertama halaman"),
        Binding("G", "scroll_bottom", "Akhir", show=False, id="tabel.akhir", tooltip="Ke baris terakhir halaman"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.termasuk_sub = False

    def on_mount(self) -> None:
        self.add_columns(*KOLOM)

    def tampilkan(self, halaman: HalamanPegawai) -> None:
        """Show one page; leaders in bold, the unit in the name cell when sub-units are included."""
        self.clear()
        for b in halaman.baris:
            nama = Text(b.nama, style="bold" if b.pimpinan_unit else "")
            if halaman.termasuk_sub:
                nama.append(f" · {b.unit}", style="dim")
            self.add_row(nama, b.jabatan, b.nip, b.pangkat, b.ppk, key=str(b.id))

    def pilih_pegawai(self, pegawai_id: int) -> None:
        with contextlib.suppress(RowDoesNotExist):
            self.move_cursor(row=self.get_row_index(str(pegawai_id)))
