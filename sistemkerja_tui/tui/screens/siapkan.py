"""First run: an empty database opens here, never filled unasked. Import pegawai, fill in the Pemda by hand,
or try the fictional demo Pemda."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from sistemkerja_tui.layanan.instansi import Instansi, ProfilTersedia, profil_tersedia
from sistemkerja_tui.tui.pekerja import kerjakan

if TYPE_CHECKING:
    from textual import getters

    from sistemkerja_tui.tui.app import SistemKerjaApp

AKHIRAN_IMPOR = (".csv", ".xlsx", ".xls", ".ods")
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
        self.app.switch_screen(LayarImpor())


class LayarImpor(Screen[None]):
    """The file to import. For now the path is checked here and the import itself runs in the CLI."""

    if TYPE_CHECKING:
        app = getters.app(SistemKerjaApp)

    AUTO_FOCUS = "#berkas-impor"
    BINDINGS = [
        Binding("escape", "struktur", "Ke Struktur", id="impor.struktur", tooltip="Ke layar Struktur Pemda Anda"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="kotak-impor"):
            yield Label("Impor data pegawai", classes="judul-dialog")
            yield Static(
                'Berkas yang dapat dibaca: ekspor SIASN "Export Data ASN" (.csv), ekspor e-Kinerja (.xlsx), '
                "dan daftar DUK/nominatif (.csv, .xlsx, .xls, .ods). Tulis path berkasnya lalu tekan Enter.",
                id="keterangan-impor",
            )
            yield Input(id="berkas-impor", placeholder="mis. ~/Unduhan/Export_Data_ASN.csv")
            yield Static("", id="hasil-impor")
            with Horizontal(classes="tombol-dialog"):
                yield Button("Periksa (Enter)", variant="primary", id="periksa-impor")
                yield Button("Ke Struktur (Esc)", id="ke-struktur")
        yield Footer(show_command_palette=False, compact=True)

    @on(Input.Submitted, "#berkas-impor")
    @on(Button.Pressed, "#periksa-impor")
    def _periksa(self) -> None:
        teks = self.query_one("#berkas-impor", Input).value.strip()
        self.query_one("#hasil-impor", Static).update(self.periksa_berkas(teks))

    def periksa_berkas(self, teks: str) -> str:
        """What to tell about the path `teks`: the fix, or the exact command that continues the import."""
        if not teks:
            return "Tulis path berkas yang akan diimpor, misalnya ~/Unduhan/Export_Data_ASN.csv."
        berkas = Path(teks).expanduser()
        if berkas.is_dir():
            return f"{berkas} adalah folder; tulis path berkas di dalamnya."
        if not berkas.is_file():
            return f"Berkas {berkas} tidak ditemukan; periksa ejaan dan foldernya."
        if berkas.suffix.lower() not in AKHIRAN_IMPOR:
            return (
                f"Berkas {berkas.name} tidak dapat dibaca: yang dapat diimpor hanya {', '.join(AKHIRAN_IMPOR)}. "
                "Simpan ulang dari Excel/LibreOffice dalam salah satu format itu."
            )
        perintah = ["sistemkerja", "impor", "pegawai", str(berkas.resolve())]
        if self.app.url:
            perintah += ["--db", self.app.url]
        return (
            f"Berkas {berkas.name} ditemukan. Impor dilanjutkan di terminal: keluar dari aplikasi (q), lalu "
            f"jalankan\n\n  {shlex.join(perintah)} --pratinjau\n\nuntuk melihat hasilnya tanpa menulis apa pun, "
            "lalu perintah yang sama tanpa --pratinjau untuk menyimpannya."
        )

    @on(Button.Pressed, "#ke-struktur")
    def action_struktur(self) -> None:
        self.dismiss()
