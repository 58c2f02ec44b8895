"""Detail panel of one pegawai: NIP parts, pangkat, jabatan, kedudukan, PPK with rujukan, tim."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

if TYPE_CHECKING:
    from sistemkerja_tui.layanan.struktur import DetailPegawai


def render_detail(d: DetailPegawai) -> Table:
    t = Table.grid(padding=(0, 1))
    t.add_column(style="bold", no_wrap=True)
    t.add_column()
    t.add_row("Nama", Text(d.nama, style="bold"))
    if d.nip_urai:
        n = d.nip_urai
        t.add_row("NIP", d.nip)
        t.add_row("  lahir", f"{n.tanggal_lahir:%d-%m-%Y} · {n.jenis_kelamin_label}")
        t.add_row("  TMT CPNS", f"{n.tmt_label} · nomor urut {n.urut:03d}")
    else:
        t.add_row("NIP", Text(f"{d.nip} — {d.nip_galat}", style="red"))
    t.add_row("Status", d.status_asn)
    t.add_row("Pangkat/Gol", d.pangkat)
    jabatan = d.jabatan + (f" ({d.jenis_jabatan}" + (f", {d.jenjang})" if d.jenjang else ")"))
    t.add_row("Jabatan", jabatan)
    if d.kelas_jabatan:
        t.add_row("Kelas jabatan", str(d.kelas_jabatan))
    t.add_row("Pendidikan", d.pendidikan)
    t.add_row("Kedudukan", d.kedudukan)
    ppk = d.ppk
    if ppk.temuan is not None:
        t.add_row("PPK", Text(f"{ppk.temuan.pesan} ({ppk.temuan.rujukan})", style="red"))
    else:
        nama = f"{ppk.ppk.nama} — {ppk.sebutan}" if ppk.ppk else ppk.sebutan
        teks = Text(nama)
        if ppk.override:
            teks.append("  [ditetapkan manual]", style="bold yellow")
        t.add_row("PPK", teks)
        t.add_row("Dasar", Text(ppk.rujukan, style="italic"))
    if d.predikat:
        t.add_row("Predikat kinerja", " · ".join(d.predikat))
    if d.hasil_penyetaraan:
        t.add_row("", "JF hasil penyetaraan")
    if d.kompetensi:
        t.add_row("Kompetensi", d.kompetensi)
    if d.tim:
        t.add_row(
            "Tim kerja",
            "\n".join(
                f"{k.tim} — {k.peran.label} ({k.status.label})"
                + (f", dinilai {k.penilaian.label.lower()}" if k.penilaian else "")
                for k in d.tim
            ),
        )
    else:
        t.add_row("Tim kerja", Text("belum menjadi anggota tim", style="dim"))
    return t


class _SekaliPerLebar:
    """A Rich renderable measured and rendered once per width. Textual measures a Static's Rich content by rendering
    it and renders it again, on every layout pass: a few per start-up, and the detail's table takes ~5 ms each."""

    def __init__(self, isi: Table) -> None:
        self.isi = isi
        self._ukuran: dict[tuple[int, int], Measurement] = {}
        self._baris: dict[tuple, list] = {}

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        kunci = (options.min_width, options.max_width)
        if kunci not in self._ukuran:
            self._ukuran[kunci] = Measurement.get(console, options, self.isi)
        return self._ukuran[kunci]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        kunci = (options.max_width, options.no_wrap, options.overflow, options.justify)
        if kunci not in self._baris:  # its whole height: the caller crops or pads to the height it asks for
            opsi = options.update(height=None)
            self._baris[kunci] = console.render_lines(self.isi, opsi, pad=False, new_lines=True)
        for baris in self._baris[kunci]:
            yield from baris


class PanelDetail(VerticalScroll):
    """Scrollable panel; shows a hint until a pegawai is chosen."""

    ALLOW_MAXIMIZE = True

    def compose(self):
        yield Static("Pilih pegawai di tabel untuk melihat rinciannya.", id="isi-detail")

    def tampilkan(self, detail: DetailPegawai) -> None:
        self.query_one("#isi-detail", Static).update(_SekaliPerLebar(render_detail(detail)))
        self.scroll_home(animate=False)

    def kosongkan(self, pesan: str) -> None:
        self.query_one("#isi-detail", Static).update(Text(pesan, style="dim"))
