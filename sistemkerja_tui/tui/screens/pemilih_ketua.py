"""Ketua picker: eligible candidates first; for every other one, why not, with the rujukan."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from sistemkerja_tui.layanan.tim import Penilaian


def _prompt(n: Penilaian) -> Text:
    k = n.kandidat
    jabatan = k.jabatan or (f"{k.jenis.label} {k.jenjang.label}" if k.jenjang else k.jenis.label)
    kelas = f", kelas {k.kelas_jabatan}" if k.kelas_jabatan else ""
    teks = Text.assemble(
        ("✓ " if n.layak else "✗ ", "bold green" if n.layak else "bold red"),
        (k.nama, "bold"),
        f"  {jabatan}{kelas} · {k.pendidikan.label}",
    )
    for t in n.temuan:
        gaya = "red" if t.memblokir else "yellow"
        teks.append(f"\n   {'✗' if t.memblokir else '!'} {t.pesan}", style=gaya)
        teks.append(f" ({t.rujukan})", style="dim")
    return teks


class PemilihKetua(ModalScreen[int | None]):
    BINDINGS = [
        Binding("escape", "batal", "Batal", id="pemilih.batal", tooltip="Tutup tanpa memilih"),
        Binding("j", "bawah", "Turun", show=False, id="pemilih.turun", tooltip="Calon berikutnya"),
        Binding("k", "atas", "Naik", show=False, id="pemilih.naik", tooltip="Calon sebelumnya"),
    ]

    def __init__(self, judul: str, penilaian: list[Penilaian]) -> None:
        super().__init__()
        self.judul, self.penilaian = judul, penilaian

    def compose(self) -> ComposeResult:
        layak = sum(n.layak for n in self.penilaian)
        with Vertical(classes="dialog", id="kotak-pemilih"):
            yield Label(self.judul, classes="judul-dialog")
            yield Static(
                f"{layak} calon memenuhi kriteria dari {len(self.penilaian)} JF dan pelaksana unit ini. "
                "Enter memilih; calon bertanda ✗ tidak dapat dipilih."
            )
            yield OptionList(
                *[Option(_prompt(n), id=str(n.kandidat.pegawai_id), disabled=not n.layak) for n in self.penilaian],
                id="daftar-calon",
            )

    def action_bawah(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_atas(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    @on(OptionList.OptionSelected)
    def _pilih(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:  # every option carries its candidate's pegawai id
            self.dismiss(int(event.option.id))

    def action_batal(self) -> None:
        self.dismiss(None)
