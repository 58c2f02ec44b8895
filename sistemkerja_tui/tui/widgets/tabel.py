"""The pegawai table: one page at a time, never the whole Pemda. `ukur_kolom`: column widths set at once."""

from __future__ import annotations

import contextlib

from rich.measure import Measurement
from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

from sistemkerja_tui.layanan.struktur import HalamanPegawai

KOLOM = ("Nama", "Jabatan", "NIP", "Pangkat/Gol", "PPK")


def ukur_kolom(tabel: DataTable) -> None:
    """Fix every column of `tabel` at the width of its widest cell, now. Call it after filling the rows.

    DataTable measures new rows only when it is idle, and caches each rendered cell without its width: a paint
    that comes first (a fast start, a busy machine) shows the columns at their old widths until a resize."""
    console = tabel.app.console
    for kolom in tabel.ordered_columns:
        lebar = [kolom.label.cell_len]
        for sel in tabel.get_column(kolom.key):
            isi = sel if isinstance(sel, Text) else Text.from_markup(str(sel))  # a text cell is read as markup
            lebar.append(Measurement.get(console, console.options, isi).maximum)
        kolom.width, kolom.auto_width = max(lebar), False
    tabel.refresh()


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
        ukur_kolom(self)

    def pilih_pegawai(self, pegawai_id: int) -> None:
        with contextlib.suppress(RowDoesNotExist):
            self.move_cursor(row=self.get_row_index(str(pegawai_id)))
