"""Detail of one kegiatan: its fields, the checklist of sub-steps, and the timeline (newest first)."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from sistemkerja_tui.layanan.kegiatan import DetailKegiatan, rupiah
from sistemkerja_tui.layanan.sebutan import waktu_singkat


class LayarDetailKegiatan(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Tutup", id="detail_kegiatan.tutup", tooltip="Kembali ke papan kegiatan")
    ]

    def __init__(self, detail: DetailKegiatan) -> None:
        super().__init__()
        self.detail = detail

    def compose(self) -> ComposeResult:
        d = self.detail
        info = Table.grid(padding=(0, 1))
        info.add_column(style="bold", no_wrap=True)
        info.add_column()
        info.add_row("Kegiatan", Text(d.ringkas.judul, style="bold"))
        info.add_row("Keadaan", d.ringkas.keadaan)
        info.add_row("Indikator", d.indikator or "—")
        info.add_row("Target", f"{d.target} {d.satuan}".strip() or "—")
        if d.mulai or d.ringkas.tenggat:
            info.add_row(
                "Periode",
                (f"{d.mulai:%d-%m-%Y} s.d. " if d.mulai else "s.d. ")
                + (f"{d.ringkas.tenggat:%d-%m-%Y}" if d.ringkas.tenggat else "(tanpa tenggat)"),
            )
        info.add_row("Progres", f"{d.ringkas.progres}%")
        info.add_row("Unit pemilik", d.unit)
        info.add_row("Anggaran", rupiah(d.rencana_anggaran) if d.rencana_anggaran is not None else "—")
        info.add_row("Perjanjian kinerja", d.perjanjian_kinerja or "—")
        ceklis = Text()
        for langkah in d.ceklis:
            tanda, gaya = ("✓ ", "green") if langkah.lewat else ("▶ ", "bold yellow") if langkah.kini else ("· ", "dim")
            ceklis.append(tanda, style=gaya)
            ceklis.append(langkah.label, style="bold" if langkah.kini else "" if langkah.lewat else "dim")
            if langkah.pelaku:
                ceklis.append(f" — {langkah.pelaku}", style="italic dim")
            ceklis.append("\n")
        ceklis.append(f"Dasar: {d.dasar_ceklis}\n", style="dim")
        lini = Table(box=None, padding=(0, 1), show_header=False)
        for waktu, apa, siapa in d.lini_masa:
            lini.add_row(Text(waktu_singkat(waktu), style="dim"), apa, Text(siapa, style="italic"))
        with VerticalScroll(classes="dialog", id="kotak-detail-kegiatan"):
            yield Static(
                Group(
                    info,
                    Text(""),
                    Text("Langkah", style="bold underline"),
                    ceklis,
                    Text("Lini masa (terbaru di atas)", style="bold underline"),
                    lini,
                ),
                id="isi-detail-kegiatan",
            )
        yield Footer(show_command_palette=False, compact=True)  # its own keys, not the board's behind it
