"""Tables with vim keys: the generic one (rows keyed by id) and the pegawai table (one page at a time).

`ukur_kolom`: column widths set as soon as a table is filled.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from rich.measure import Measurement
from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

if TYPE_CHECKING:
    from sistemkerja_tui.layanan.struktur import HalamanPegawai


class TabelVim(DataTable):
    """A row table moved with j/k whose rows are keyed by an id; reports the highlighted id by `Disorot`."""

    BINDINGS = [
        Binding("j", "cursor_down", "Turun", show=False, id="tabel_tim.turun", tooltip="Baris berikutnya"),
        Binding("k", "cursor_up", "Naik", show=False, id="tabel_tim.naik", tooltip="Baris sebelumnya"),
    ]

    class Disorot(Message):
        """The cursor is on the row of id `kunci`."""

        def __init__(self, tabel: TabelVim, kunci: int) -> None:
            super().__init__()
            self.tabel, self.kunci = tabel, kunci

        @property
        def control(self) -> TabelVim:
            return self.tabel

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)

    def kunci_terpilih(self) -> int | None:
        """The id (row key) of the highlighted row, None on an empty table."""
        if self.row_count == 0:
            return None
        kunci = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return int(kunci) if kunci is not None else None

    def pilih(self, kunci: int | None) -> None:
        """Put the cursor on the row of id `kunci`, if shown."""
        if kunci is not None and str(kunci) in self.rows:
            self.move_cursor(row=self.get_row_index(str(kunci)))

    @on(DataTable.RowHighlighted)
    def _disorot(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self.post_message(self.Disorot(self, int(event.row_key.value)))


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
