"""Widgets of the Tim screen: the team list, the team's particulars and its member table.

The view models carry codes (enums); these widgets render their labels. The tables report the highlighted
row by `TabelVim.Disorot`.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.widgets import Static
from textual.widgets.data_table import ColumnKey

from sistemkerja_tui.layanan.tim import Anggota, DetailTim, RingkasTim
from sistemkerja_tui.tui.widgets.tabel import TabelVim, ukur_kolom

NAMA_TERSEMPIT = 12  # the member table never cuts a name shorter than this to keep Peran and Status in view


class DaftarTim(TabelVim):
    """The teams listed, one row each."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.tim: dict[int, RingkasTim] = {}

    def on_mount(self) -> None:
        self.add_columns("Tim", "Status", "Ketua", "Aktif", "Tunggu")

    def tampilkan(self, tim: list[RingkasTim], pilih: int | None = None) -> None:
        """Show `tim`, the cursor on team `pilih` (else on the row it was on)."""
        pilih = pilih if pilih is not None else self.kunci_terpilih()
        self.tim = {t.id: t for t in tim}
        self.clear()
        for t in tim:
            self.add_row(t.nama, t.status.label, t.ketua, str(t.anggota_aktif), str(t.menunggu), key=str(t.id))
        ukur_kolom(self)
        self.pilih(pilih)

    def terpilih(self) -> RingkasTim | None:
        kunci = self.kunci_terpilih()
        return None if kunci is None else self.tim.get(kunci)


class InfoTim(Static):
    """The particulars of the highlighted team, or a hint when there is none."""

    def tampilkan(self, d: DetailTim) -> None:
        r = d.ringkas
        info = Table.grid(padding=(0, 1))
        info.add_column(style="bold", no_wrap=True)
        info.add_column()
        info.add_row("Tim", Text(r.nama, style="bold"))
        info.add_row("Unit", r.unit)
        info.add_row("Jenis", f"{r.bentuk.label} · {r.jenis_pembentukan.label} · {r.sasaran.label}")
        periode = f"{d.mulai:%d-%m-%Y} s.d. {d.selesai:%d-%m-%Y}"
        info.add_row("Periode", periode + (f" · TA {r.tahun_anggaran}" if r.tahun_anggaran else ""))
        info.add_row("Status", r.status.label)
        if d.tujuan:
            info.add_row("Tujuan", d.tujuan)
        self.update(info)


class TabelAnggota(TabelVim):
    """The members of a team. In a narrow pane the name column gives way so that Peran and Status stay in
    view (the other columns scroll sideways)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.anggota: dict[int, Anggota] = {}

    def on_mount(self) -> None:
        for judul in ("Nama", "Peran", "Status", "Asal", "Unit", "Penilaian"):
            self.add_column(judul, key=judul.lower())

    def tampilkan(self, anggota: tuple[Anggota, ...]) -> None:
        self.anggota = {a.keanggotaan_id: a for a in anggota}
        self.border_subtitle = ""
        self.clear()
        for a in anggota:
            self.add_row(
                Text(a.nama, no_wrap=True, overflow="ellipsis"),
                a.peran.label,
                a.status.label,
                a.asal.label,
                a.unit,
                a.penilaian.label if a.penilaian else "—",
                key=str(a.keanggotaan_id),
            )
        ukur_kolom(self)
        self._atur_lebar()

    def terpilih(self) -> Anggota | None:
        kunci = self.kunci_terpilih()
        return None if kunci is None else self.anggota.get(kunci)

    @on(TabelVim.Disorot)
    def _nama_lengkap(self, event: TabelVim.Disorot) -> None:
        """The highlighted member's whole name under the table: the name column gives way at 80 columns."""
        a = self.anggota.get(event.kunci)
        self.border_subtitle = a.nama if a is not None else ""

    def on_resize(self, event: events.Resize) -> None:
        self._atur_lebar()

    def _atur_lebar(self) -> None:
        """Name column = what Peran and Status leave of the pane, never wider than the longest name."""
        if not self.columns:
            return

        def terlebar(judul: str, isi: list[str]) -> int:
            return max(cell_len(t) for t in (judul, *isi))

        daftar = list(self.anggota.values())
        peran = terlebar("Peran", [a.peran.label for a in daftar])
        status = terlebar("Status", [a.status.label for a in daftar])
        sisa = self.scrollable_content_region.width - 2 * self.cell_padding * 3 - peran - status
        lebar = max(NAMA_TERSEMPIT, min(sisa, terlebar("Nama", [a.nama for a in daftar])))
        nama = self.columns[ColumnKey("nama")]
        if (nama.auto_width, nama.width) != (False, lebar):
            nama.auto_width, nama.width = False, lebar
            self._require_update_dimensions = True
            self.refresh()
