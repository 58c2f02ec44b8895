"""Beban kerja: per pegawai of the user's unit, active teams and leader roles; above average flagged."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Label

from sistemkerja_tui.layanan.sebutan import desimal
from sistemkerja_tui.layanan.tim import BebanUnit
from sistemkerja_tui.tui.fokus import fokus_utama
from sistemkerja_tui.tui.pekerja import kerjakan
from sistemkerja_tui.tui.widgets.tabel import TabelVim, ukur_kolom

if TYPE_CHECKING:
    from textual import getters

    from sistemkerja_tui.tui.app import SistemKerjaApp


class LayarBeban(Screen):
    if TYPE_CHECKING:
        app = getters.app(SistemKerjaApp)

    AUTO_FOCUS = "#tabel-beban"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="judul-beban")
        yield TabelVim(id="tabel-beban")
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.query_one(TabelVim).add_columns("Tim", "Pimpinan", "", "Nama", "Jabatan")

    def on_screen_resume(self) -> None:
        fokus_utama(self)
        pengguna, layanan = self.app.pengguna, self.app.layanan
        if layanan is None:
            return
        if pengguna is None:
            self.query_one("#judul-beban", Label).update("Pilih dahulu siapa Anda (pimpinan unit): tekan p.")
            return
        kerjakan(
            self,
            lambda: layanan.tim.beban_kerja(pengguna.unit_id),
            lambda b: self._tampilkan(b, pengguna.unit),
            grup="beban",
            eksklusif=True,
        )

    def _tampilkan(self, beban: BebanUnit, unit: str) -> None:
        terpotong = f", {len(beban.pegawai)} terberat ditampilkan" if len(beban.pegawai) < beban.jumlah_pegawai else ""
        self.query_one("#judul-beban", Label).update(
            f"Beban kerja {unit}: {beban.jumlah_pegawai} JF/pelaksana{terpotong}\n"
            f"rata-rata {desimal(beban.rata_rata)} tim · {beban.di_atas} di atas rata-rata (⚑) · {beban.rujukan}"
        )
        tabel = self.query_one(TabelVim)
        tabel.clear()
        for p in beban.pegawai:
            tanda = Text("⚑", style="bold yellow") if p.di_atas_rata_rata else Text("")
            tabel.add_row(str(p.tim), str(p.peran_pimpinan), tanda, p.nama, p.jabatan, key=str(p.pegawai_id))
        ukur_kolom(tabel)
