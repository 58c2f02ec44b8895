"""First run: an empty database opens here, never filled unasked. Import pegawai, fill in the Pemda by hand,
or try the fictional demo Pemda."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, OptionList, Static
from textual.widgets.option_list import Option

from sistemkerja_tui.layanan.instansi import Instansi, ProfilTersedia, profil_tersedia
from sistemkerja_tui.tui.pekerja import kerjakan

if TYPE_CHECKING:
    from textual import getters

    from sistemkerja_tui.tui.app import SistemKerjaApp

PESAN_MEMBANGUN_DEMO = "Sedang membangun Pemda demo fiktif (Kabupaten Sukamaju, data rekaan)… tunggu beberapa detik."


class LayarSiapkan(Screen[None]):
    """The three ways to begin; the chosen one ends on the Struktur screen (or, for import, on `LayarImpor`)."""

    if TYPE_CHECKING:
        app = getters.app(SistemKerjaApp)

    AUTO_FOCUS = "#pilihan-siapkan"

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="kotak-siapkan"):
            yield Label("Selamat datang di Sistem Kerja", classes="judul-dialog")
            yield Static(
                "Database ini masih kosong. Pilih cara memulai (↑↓ lalu Enter):",
                id="pengantar-siapkan",
            )
            yield OptionList(
                Option("Impor data pegawai — berkas SIASN, e-Kinerja, atau DUK", id="impor"),
                Option("Isi sendiri — data instansi dahulu, unit dan pegawai kemudian", id="isi"),
                Option("Coba Pemda demo (fiktif) — Kabupaten Sukamaju, semua data rekaan", id="demo"),
                id="pilihan-siapkan",
            )
            yield Static("", id="status-siapkan")
        yield Footer(show_command_palette=False, compact=True)

    @on(OptionList.OptionSelected, "#pilihan-siapkan")
    def _pilih(self, event: OptionList.OptionSelected) -> None:
        layanan = self.app.layanan
        if layanan is None:
            return
        if event.option.id == "demo":
            self._sibuk(PESAN_MEMBANGUN_DEMO)
            kerjakan(self, layanan.instansi.buat_demo, self._demo_siap, gagal=self._gagal, grup="demo")
            return
        impor = event.option.id == "impor"

        def tampil(profil: list[ProfilTersedia]) -> None:
            self.app.push_screen(FormInstansi(profil, layanan.instansi.siapkan_instansi), lambda i: self._ada(i, impor))

        from sistemkerja_tui.tui.screens.instansi import FormInstansi

        kerjakan(self, profil_tersedia, tampil)

    def _sibuk(self, pesan: str) -> None:
        self.query_one("#status-siapkan", Static).update(pesan)
        self.query_one("#pilihan-siapkan", OptionList).disabled = True

    def _gagal(self, pesan: str) -> None:
        self.query_one("#status-siapkan", Static).update(pesan)
        pilihan = self.query_one("#pilihan-siapkan", OptionList)
        pilihan.disabled = False
        pilihan.focus()

    def _ada(self, instansi: Instansi | None, impor: bool) -> None:
        """The instansi form closed: saved (`instansi`) or cancelled (None: choose again)."""
        if instansi is None:
            return
        self._sibuk(f"{instansi.data.nama} dicatat. Membuka…")
        if impor:
            self.app.database_berubah(lalu=self._ke_impor)
        else:
            self.app.database_berubah(lalu=self._ke_struktur)

    def _demo_siap(self, _hasil: object) -> None:
        self.app.database_berubah(lalu=self._ke_struktur)

    def _ke_struktur(self) -> None:
        self.dismiss()

    def _ke_impor(self) -> None:
        from sistemkerja_tui.tui.screens.impor import LayarImpor

        self.app.switch_screen(LayarImpor())
