"""Search-as-you-type over the whole Pemda: name, NIP or jabatan."""

from __future__ import annotations

import time

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from sistemkerja_tui.layanan.struktur import BATAS_CARI, HasilCari, LayananStruktur


class LayarCari(ModalScreen[HasilCari | None]):
    """Type to search; Enter chooses the highlighted result, Esc closes."""

    BINDINGS = [
        Binding("escape", "tutup", "Tutup", id="cari.tutup", tooltip="Tutup pencarian tanpa memilih"),
        Binding("down", "geser(1)", "Hasil berikut", show=False, id="cari.bawah", tooltip="Sorot hasil berikutnya"),
        Binding("up", "geser(-1)", "Hasil sebelum", show=False, id="cari.atas", tooltip="Sorot hasil sebelumnya"),
    ]

    def __init__(self, layanan: LayananStruktur) -> None:
        super().__init__()
        self.layanan = layanan
        self.hasil: list[HasilCari] = []
        self.generasi = 0  # counts result lists painted on screen
        self.waktu_tampil = 0.0  # perf_counter() when the latest list was painted

    def compose(self) -> ComposeResult:
        with Vertical(id="kotak-cari"):
            yield Label("Cari pegawai (nama, NIP, atau jabatan)", id="judul-cari")
            yield Input(placeholder="mis. Siti, 19780312, Perencana Ahli Muda", id="masukan-cari")
            yield OptionList(id="hasil-cari")
            yield Label("", id="status-cari")

    def on_mount(self) -> None:
        self._siapkan_indeks()

    @work(thread=True, group="indeks", exit_on_error=False)
    def _siapkan_indeks(self) -> None:
        self.layanan.siapkan_indeks()
        teks = self.app.call_from_thread(lambda: self.query_one(Input).value)
        if teks.strip():  # typed while the index was being built
            self._cari(teks)

    @on(Input.Changed, "#masukan-cari")
    def _ketik(self, event: Input.Changed) -> None:
        if self.layanan.indeks_siap:  # in memory, a few ms even for 80 000 pegawai: no thread hop
            self._tampilkan(event.value, self.layanan.cari(event.value))
        else:
            self._cari(event.value)

    @work(thread=True, exclusive=True, group="cari", exit_on_error=False)
    def _cari(self, teks: str) -> None:
        hasil = self.layanan.cari(teks)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._tampilkan, teks, hasil)

    def _tampilkan(self, teks: str, hasil: list[HasilCari]) -> None:
        if teks != self.query_one("#masukan-cari", Input).value:
            return  # a late answer to an earlier keystroke (searched while the index was being built)
        self.hasil = hasil
        daftar = self.query_one("#hasil-cari", OptionList)
        daftar.set_options(
            Option(Text.assemble((h.nama, "bold"), f"  {h.nip}\n", (f"{h.jabatan} · {h.unit}", "dim")), id=str(i))
            for i, h in enumerate(hasil)
        )
        if hasil:
            daftar.highlighted = 0
        status = self.query_one("#status-cari", Label)
        if not teks.strip():
            status.update("")
        elif not hasil:
            status.update(f"Tidak ada pegawai yang cocok dengan '{teks.strip()}'.")
        else:
            jumlah = f"{len(hasil)}+ hasil, perjelas kata kunci" if len(hasil) >= BATAS_CARI else f"{len(hasil)} hasil"
            status.update(f"{jumlah} · Enter memilih · Esc menutup")
        self.call_after_refresh(self._tercat)

    def _tercat(self) -> None:
        self.generasi += 1
        self.waktu_tampil = time.perf_counter()

    def action_geser(self, langkah: int) -> None:
        daftar = self.query_one("#hasil-cari", OptionList)
        if daftar.option_count:
            daftar.highlighted = max(0, min(daftar.option_count - 1, (daftar.highlighted or 0) + langkah))

    @on(Input.Submitted, "#masukan-cari")
    def _kirim(self) -> None:
        daftar = self.query_one("#hasil-cari", OptionList)
        if daftar.highlighted is not None and self.hasil:
            self.dismiss(self.hasil[daftar.highlighted])

    @on(OptionList.OptionSelected, "#hasil-cari")
    def _pilih(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.hasil[event.option_index])

    def action_tutup(self) -> None:
        self.dismiss(None)
