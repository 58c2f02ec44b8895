"""The Sistem Kerja application: opens the database in a worker, then the Struktur screen."""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from sistemkerja_tui.layanan.konfigurasi import Konfigurasi, simpan_konfigurasi
from sistemkerja_tui.layanan.mulai import GagalBuka, HasilBuka, Layanan
from sistemkerja_tui.tui.awal import Dibuka, PembukaAwal, baca_awal
from sistemkerja_tui.tui.kunci import PenahanKunci
from sistemkerja_tui.tui.layar import LAYAR, MENURUT_NAMA
from sistemkerja_tui.tui.pekerja import kerjakan, laporkan
from sistemkerja_tui.tui.screens.bantuan import LayarBantuan, bagian_bantuan
from sistemkerja_tui.tui.screens.struktur import LayarStruktur
from sistemkerja_tui.tui.tema import TEMA_RUMAH
from sistemkerja_tui.tui.widgets.palet import PaletPerintah, PerintahAplikasi

if TYPE_CHECKING:  # the rest is imported on first use: a fast start-up
    from sistemkerja_tui.layanan.pengguna import Pengguna

ENV_KELUAR_SAAT_SIAP = "SISTEMKERJA_KELUAR_SAAT_SIAP"
PESAN_PILIH_PENGGUNA = "Pilih dahulu siapa Anda (pimpinan unit): tekan p."
PESAN_TANPA_PIMPINAN = (
    "Belum ada pimpinan unit untuk dipilih: Pemda ini belum berisi unit dan pegawai. "
    "Impor dahulu: sistemkerja impor pegawai BERKAS."
)


def _mulai_selesai() -> None:
    """Start-up is over (the first screen is shown, or the database refused): the collector `cli` turned off runs
    again, and what start-up made (long-lived: Textual, the rules, the screen) is frozen out of its passes."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


class SistemKerjaApp(PenahanKunci, App[int]):
    TITLE = "Sistem Kerja"
    SUB_TITLE = "Struktur"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = {PerintahAplikasi}
    BINDINGS = [
        # screen keys 1…7 (from the registry) stay out of the footer (it must keep each screen's own keys, ? and q
        # at 80 columns); the help screen and the command palette list them
        *(layar.binding() for layar in LAYAR),
        Binding(
            "p",
            "pengguna",
            "Pengguna",
            show=False,
            id="app.pengguna",
            tooltip="Pilih pengguna (pimpinan unit); mode bersama: keluar dari akun",
        ),
        Binding("question_mark", "bantuan", "Bantuan", id="app.bantuan", tooltip="Daftar semua tombol"),
        Binding("ctrl+p", "command_palette", "Perintah", show=False, id="app.perintah", tooltip="Palet perintah"),
        Binding("t", "tema", "Tema", show=False, id="app.tema", tooltip="Ganti tema tampilan"),
        Binding("q", "quit", "Keluar", id="app.keluar", tooltip="Keluar dari aplikasi"),
        Binding(
            "tab",
            "focus_next",
            "Panel berikut",
            show=False,
            id="app.panel_berikut",
            tooltip="Pindah ke panel berikutnya",
        ),
        Binding(
            "shift+tab",
            "focus_previous",
            "Panel sebelum",
            show=False,
            id="app.panel_sebelum",
            tooltip="Pindah ke panel sebelumnya",
        ),
    ]

    def __init__(
        self,
        url: str | None = None,
        konfigurasi: Konfigurasi | None = None,
        galat_konfigurasi: str | None = None,
        waktu_mulai: float | None = None,
        pembuka: PembukaAwal | None = None,
        hari_ini: Callable[[], date] = date.today,
    ) -> None:
        super().__init__()
        self.url = url
        self._pembuka = pembuka  # the database opened since start-up (cli); else opened on mount
        self.hari_ini = hari_ini  # the calendar the screens read (overdue, default year, start date)
        self.konfigurasi = konfigurasi or Konfigurasi()
        self.galat_konfigurasi = galat_konfigurasi
        self.waktu_mulai = waktu_mulai or time.perf_counter()
        self.waktu_siap: float | None = None
        self.hasil_buka: HasilBuka | None = None
        self.layanan: Layanan | None = None
        self.pengguna: Pengguna | None = None
        self.struktur = LayarStruktur()
        self.layar: dict[str, Screen] = {"struktur": self.struktur}  # the others are made on first use
        self.bersama = False  # mode bersama: a login screen, log out instead of `p`, the idle lock
        self.jam: Callable[[], float] = time.monotonic  # the idle lock's clock
        self._aktif_terakhir = self.jam()
        self._terkunci = False
        self._pasang_tema()

    def get_default_screen(self) -> Screen:
        """The Struktur screen is the first on the stack (no empty default screen under it: pushing it over one
        restyles all its widgets once more on start-up). It gets the result callback a pushed screen has, which
        `switch_screen` pops (a private method of Textual, pinned exactly)."""
        self.struktur._push_result_callback(self, None)
        return self.struktur

    def _pasang_tema(self) -> None:
        """The configured theme, set before any CSS is parsed: setting `theme` once running re-parses the whole
        stylesheet (~20 ms of start-up). What Textual's theme watcher does, minus that re-parse."""
        self.register_theme(TEMA_RUMAH)
        nama = self.konfigurasi.tema if self.konfigurasi.tema in self.available_themes else TEMA_RUMAH.name
        self.set_reactive(App.theme, nama)
        tema = self.current_theme
        self.set_class(tema.dark, "-dark-mode", update=False)
        self.set_class(not tema.dark, "-light-mode", update=False)
        self.set_class(True, f"-theme-{tema.name}", update=False)
        self._refresh_truecolor_filter(self.ansi_theme)  # private, as is the watcher it stands for (pinned)
        self.stylesheet.set_variables(self.get_css_variables())

    def on_mount(self) -> None:
        self._pasang_penahan()
        if self.theme != self.konfigurasi.tema:
            self.notify(f"Tema '{self.konfigurasi.tema}' tidak dikenal; tema bawaan dipakai.", severity="warning")
        self.theme_changed_signal.subscribe(self, self._tema_berganti)
        self.set_interval(5, self.periksa_diam)
        if self.konfigurasi.keymap:
            self.set_keymap(self.konfigurasi.keymap)
        if self.galat_konfigurasi:
            self.notify(self.galat_konfigurasi, title="Konfigurasi", severity="error", timeout=10)
        self.install_screen(self.struktur, "struktur")
        pembuka = self._pembuka or PembukaAwal(self.url)
        if pembuka.selesai:  # read while Textual was being imported: the screen is filled before its first paint
            self._terima(pembuka)
        else:
            self._tunggu_buka(pembuka)

    @work(thread=True, group="buka", exit_on_error=False)
    def _tunggu_buka(self, pembuka: PembukaAwal) -> None:
        pembuka.tunggu()
        self.call_from_thread(self._terima, pembuka)

    def _terima(self, pembuka: PembukaAwal) -> None:
        try:
            dibuka = pembuka.jawaban()
        except GagalBuka as e:
            self.notify(str(e), title="Database tidak dapat dibuka", severity="error", timeout=30)
            self.struktur.gagal(str(e))
            _mulai_selesai()
            return
        except Exception as e:  # anything else: a short notice, its traceback to the private log
            self.struktur.gagal(laporkan(self, e, "membuka database"))
            _mulai_selesai()
            return
        self._database_siap(dibuka)

    def _database_siap(self, dibuka: Dibuka) -> None:
        hasil = self.hasil_buka = dibuka.hasil
        self.layanan = hasil.layanan
        self.pengguna = dibuka.pengguna
        utama = next((i for i in hasil.struktur.instansi if not i.luar), None)
        if utama is not None:
            self.sub_title = f"{utama.nama} — DEMO FIKTIF" if utama.fiktif else utama.nama
        if hasil.kosong:
            from sistemkerja_tui.tui.screens.siapkan import LayarSiapkan

            self.sub_title = "Pemda baru"
            self.push_screen(LayarSiapkan())
        self.bersama = self.bersama or dibuka.bersama
        if self.bersama and hasil.layanan.sesi is None and not self._terkunci:
            self._minta_masuk()  # over everything, before the Struktur screen is filled
        self.struktur.mulai(hasil.struktur, dibuka.awal)

    def database_berubah(self, lalu: Callable[[], None] | None = None) -> None:
        """The instansi or its units changed (setup, settings): read the structure again, show it, then `lalu`."""
        hasil = self.hasil_buka
        if hasil is None:
            return

        def baca() -> Dibuka:
            hasil.struktur.muat()
            return Dibuka(hasil, hasil.layanan.pengguna.sekarang(), baca_awal(hasil.struktur))

        def siap(dibuka: Dibuka) -> None:
            self._database_siap(dibuka)
            if lalu is not None:
                lalu()

        kerjakan(self, baca, siap)

    def halaman_tampil(self) -> None:
        """Called by the Struktur screen whenever a page is shown; the first time marks 'ready'."""
        if self.waktu_siap is None:
            self.waktu_siap = time.perf_counter() - self.waktu_mulai
            _mulai_selesai()
            if os.environ.get(ENV_KELUAR_SAAT_SIAP):
                self.call_after_refresh(self.exit)
            elif self.hasil_buka is not None:  # build the search index now, so that `/` answers at once
                self.run_worker(
                    self.hasil_buka.struktur.siapkan_indeks, thread=True, group="indeks", exit_on_error=False
                )

    # --- screens and user ---------------------------------------------------

    def get_key_display(self, binding: Binding) -> str:
        """A key as the README and the help write it: "Ctrl+S", not Textual's "^s"."""
        teks = super().get_key_display(binding)
        return f"Ctrl+{teks[1:].upper()}" if teks.startswith("^") and len(teks) > 1 else teks

    def _fatal_error(self) -> None:
        """An error no screen handled ends the app with a short Indonesian notice; its traceback goes to the
        private log. Textual's own rendering (a traceback with locals: NIPs, SQL parameters) never reaches
        the terminal. Overrides a private hook of Textual, which is pinned exactly (pyproject.toml)."""
        from sistemkerja_tui import catatan

        galat = self._exception or RuntimeError("galat tanpa keterangan")
        self.bell()
        self.panic(catatan.pemberitahuan(catatan.catat_galat(galat, "aplikasi")))

    def action_layar(self, nama: str) -> None:
        if self.layanan is None:
            self.notify("Database belum siap.", severity="warning")
            return
        if not self.layanan.struktur.instansi:
            self.notify("Siapkan dahulu Pemda Anda: pilih salah satu cara di layar awal.", severity="warning")
            return
        if self.screen is not self._layar(nama):
            self.switch_screen(nama)

    def _layar(self, nama: str) -> Screen:
        """The screen `nama`, imported and installed the first time it is asked for (fast start-up)."""
        if nama not in self.layar:
            self.layar[nama] = MENURUT_NAMA[nama].buat()
            self.install_screen(self.layar[nama], nama)
        return self.layar[nama]

    def action_pengguna(self) -> None:
        if self.layanan is None:
            return
        layanan = self.layanan
        if self.bersama:
            self._keluar_akun()
            return

        ganti = False

        def pilih(pegawai_id: int | None) -> None:
            if pegawai_id is not None:
                kerjakan(
                    self, lambda: layanan.pengguna.tetapkan(pegawai_id, ganti_pemilik=ganti), self._pengguna_berganti
                )

        from sistemkerja_tui.tui.screens.dialog import DialogKonfirmasi
        from sistemkerja_tui.tui.screens.pengguna import PilihPengguna

        def tampil(dibaca: tuple[Pengguna | None, list[Pengguna]]) -> None:
            pemilik, calon = dibaca
            if not calon:  # a Pemda set up by hand, before its units and pegawai are in
                self.notify(PESAN_TANPA_PIMPINAN, severity="warning", timeout=10)
                return
            if pemilik is None:
                self.push_screen(PilihPengguna(calon), pilih)
                return

            def jawab(ya: bool | None) -> None:
                nonlocal ganti
                if ya:
                    ganti = True
                    self.push_screen(PilihPengguna(calon), pilih)

            self.push_screen(
                DialogKonfirmasi(
                    f"Pemasangan ini milik {pemilik.nama} ({pemilik.jabatan}). Keputusan pimpinan lain dicatat "
                    "dari suratnya (tombol c di layar Penugasan). Ganti pemilik pemasangan ini (pimpinan baru)?"
                ),
                jawab,
            )

        kerjakan(self, lambda: (layanan.pengguna.pemilik(), layanan.pengguna.calon()), tampil)

    def buat_surat(self, node, pilihan: list[tuple[str, object]], **sumber) -> None:
        """Ask which letter, make it from `sumber` (tim_id= or permohonan_id=), then show it on the Surat screen."""
        layanan = self.layanan
        if layanan is None:
            return

        def dibuat(hasil) -> None:
            from sistemkerja_tui.tui.screens.surat import LayarSurat

            for p in hasil.peringatan:
                self.notify(p, title="Peringatan pemeriksa surat", severity="warning", timeout=10)
            self.notify(f"Surat {hasil.nomor} dibuat dan dicatat di register.", timeout=6)
            self._layar("surat").post_message(LayarSurat.Dibuat(hasil.surat_id, hasil.peringatan))
            self.action_layar("surat")

        def pilih(jenis) -> None:
            if jenis is not None:
                kerjakan(node, lambda: layanan.surat.buat(jenis, tanggal=self.hari_ini(), **sumber), dibuat)

        from sistemkerja_tui.tui.screens.pilih import PilihSatu

        self.push_screen(PilihSatu("Buat surat", pilihan), pilih)

    def pengguna_wajib(self) -> Pengguna | None:
        """The current user, or None after telling the user to choose one (actions need a unit head)."""
        if self.pengguna is None:
            self.notify(PESAN_PILIH_PENGGUNA, severity="warning")
        return self.pengguna

    def action_status_ttd(self) -> None:
        pengguna, layanan = self.pengguna_wajib(), self.layanan
        if pengguna is None or layanan is None:
            return
        pid = pengguna.pegawai_id

        def pilih(status) -> None:
            if status is not None:
                kerjakan(
                    self,
                    lambda: layanan.pengguna.tetapkan_status_ttd(pid, status or None),
                    lambda _: self.notify(f"Status penandatangan: {status or 'definitif'}.", timeout=4),
                )

        from sistemkerja_tui.tui.screens.pilih import PilihSatu

        self.push_screen(
            PilihSatu("Status penandatangan", [("Definitif", ""), ("Plt.", "Plt."), ("Plh.", "Plh.")]), pilih
        )

    def _pengguna_berganti(self, pengguna: Pengguna) -> None:
        self.pengguna = pengguna
        self.notify(f"Masuk sebagai {pengguna.nama} ({pengguna.jabatan}).", timeout=4)
        if hasattr(self.screen, "muat"):
            self.screen.muat()

    # --- mode bersama: log in, log out, idle lock ---------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown, events.Paste)):
            self._aktif_terakhir = self.jam()
        await super().on_event(event)

    def _minta_masuk(self, alasan: str = "") -> None:
        layanan = self.layanan
        assert layanan is not None
        self._terkunci = True
        self.pengguna = None

        from sistemkerja_tui.tui.screens.masuk import LayarGantiSandi, LayarMasuk

        def masuk(sesi) -> None:
            if sesi.harus_ganti:
                self.push_screen(LayarGantiSandi(layanan), masuk)
                return
            self._terkunci = False
            self._aktif_terakhir = self.jam()
            kerjakan(self, layanan.pengguna.sekarang, self._sudah_masuk)

        self.push_screen(LayarMasuk(layanan, alasan=alasan), masuk)

    def _sudah_masuk(self, pengguna: Pengguna | None) -> None:
        if pengguna is not None:
            self._pengguna_berganti(pengguna)
        elif hasattr(self.screen, "muat"):
            self.screen.muat()

    def _keluar_akun(self, alasan: str = "Anda telah keluar.") -> None:
        layanan = self.layanan
        if layanan is None or self._terkunci:
            return
        layanan.akun.keluar()
        self._minta_masuk(alasan)

    def periksa_diam(self) -> None:
        """Mode bersama: lock the screen after `kunci_menit` idle minutes (checked every few seconds)."""
        if not self.bersama or self._terkunci or self.layanan is None or self.layanan.sesi is None:
            return
        menit = self.konfigurasi.kunci_menit
        if self.jam() - self._aktif_terakhir >= menit * 60:
            self._keluar_akun(f"Layar terkunci: tidak ada kegiatan selama {menit} menit. Masuk lagi untuk lanjut.")

    # --- theme ------------------------------------------------------------

    def action_tema(self) -> None:
        from textual.theme import ThemeProvider

        self.push_screen(PaletPerintah([ThemeProvider], placeholder="Cari tema…"))

    def _tema_berganti(self, tema) -> None:
        if tema.name != self.konfigurasi.tema:
            self.konfigurasi.tema = tema.name
            self._simpan_konfigurasi()

    @work(thread=True, group="konfigurasi", exit_on_error=False)
    def _simpan_konfigurasi(self) -> None:
        try:
            simpan_konfigurasi(self.konfigurasi)
        except OSError as e:
            self.call_from_thread(
                self.notify,
                f"Tema tidak dapat disimpan ke {self.konfigurasi.berkas}: {e.strerror}.",
                severity="warning",
            )

    # --- help & palette ---------------------------------------------------

    def bagian_bantuan(self) -> list[tuple[str, list[Binding]]]:
        return bagian_bantuan([b for b in self.BINDINGS if isinstance(b, Binding)])

    def action_command_palette(self) -> None:

        if self.use_command_palette and not self.screen.has_class("--textual-command-palette"):
            self.push_screen(PaletPerintah(id="--command-palette"))

    def action_bantuan(self) -> None:

        if not isinstance(self.screen, LayarBantuan):
            self.push_screen(LayarBantuan(self.bagian_bantuan(), self.konfigurasi.keymap))
