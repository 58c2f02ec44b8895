"""Pemantauan: the unit head's dashboard — stages, overdue, returned, waiting for my review, workload."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from sistemkerja_tui.layanan.sebutan import desimal, tanggal_singkat
from sistemkerja_tui.tui.fokus import fokus_utama
from sistemkerja_tui.tui.pekerja import kerjakan
from sistemkerja_tui.tui.screens.dialog import DialogAlasan
from sistemkerja_tui.tui.screens.pilih import PilihSatu
from sistemkerja_tui.tui.widgets.folder import pastikan_folder

if TYPE_CHECKING:
    from textual import getters

    from sistemkerja_tui.tui.app import SistemKerjaApp

LEBAR_BATANG = 30


def _batang(nilai: float, terbesar: float) -> Text:
    panjang = round(LEBAR_BATANG * nilai / terbesar) if terbesar else 0
    return Text("█" * panjang, style="green")


def _daftar(judul: str, kegiatan, kosong: str) -> Group:
    t = Table(box=None, padding=(0, 1), show_header=False)
    for k in kegiatan[:10]:
        t.add_row(Text(k.judul, style="bold"), k.keadaan, f"tenggat {tanggal_singkat(k.tenggat)}" if k.tenggat else "")
    return Group(
        Text(f"{judul} ({len(kegiatan)})", style="bold underline"),
        t if kegiatan else Text(kosong, style="dim"),
        Text(""),
    )


class LayarPemantauan(Screen):
    if TYPE_CHECKING:
        app = getters.app(SistemKerjaApp)

    BINDINGS = [
        Binding(
            "l",
            "laporan",
            "Laporan semester",
            id="pemantauan.laporan",
            tooltip="Laporan pemantauan dan evaluasi enam bulanan (.md/.txt)",
        ),
        Binding("j", "gulir(1)", "Turun", show=False, id="pemantauan.turun", tooltip="Gulir ke bawah"),
        Binding("k", "gulir(-1)", "Naik", show=False, id="pemantauan.naik", tooltip="Gulir ke atas"),
        Binding("x", "mpph", "MPPH", id="pemantauan.mpph", tooltip="Matriks Pembagian Peran dan Hasil (.xlsx/.csv)"),
        Binding(
            "a",
            "anomali",
            "Anomali",
            id="pemantauan.anomali",
            tooltip="Daftar anomali: NIP tidak sah, JF tanpa jenjang, unit tanpa pimpinan, PPK tidak sesuai e-Kinerja",
        ),
    ]

    AUTO_FOCUS = "#kotak-pemantauan"

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="kotak-pemantauan"):
            yield Static("Pilih dahulu siapa Anda (pimpinan unit): tekan p.", id="isi-pemantauan")
        yield Footer(show_command_palette=False, compact=True)

    def action_gulir(self, baris: int) -> None:
        self.query_one("#kotak-pemantauan", VerticalScroll).scroll_relative(y=baris, animate=False)

    def on_screen_resume(self) -> None:
        fokus_utama(self)
        self.muat()

    def muat(self) -> None:
        pengguna, layanan = self.app.pengguna, self.app.layanan
        if layanan is None or pengguna is None:
            return
        hari_ini = self.app.hari_ini()
        kerjakan(
            self,
            lambda: layanan.kegiatan.pemantauan(pengguna.unit_id, pengguna.pegawai_id, hari_ini),
            lambda p: self._tampilkan(p, pengguna.unit),
            grup="pemantauan",
            eksklusif=True,
        )

    def _tampilkan(self, p, unit: str) -> None:
        tahap = Table(box=None, padding=(0, 1), show_header=False)
        terbesar = max((n for _, n in p.per_tahap), default=0)
        for label, n in p.per_tahap:
            tahap.add_row(label, str(n), _batang(n, terbesar))
        beban = Table(box=None, padding=(0, 1), show_header=False)
        terberat = max((n for _, n, _ in p.beban), default=0)
        for nama, n, berat in p.beban:
            beban.add_row(nama, str(n), _batang(n, terberat), Text("⚑" if berat else "", style="bold yellow"))
        self.query_one("#isi-pemantauan", Static).update(
            Group(
                Text(f"Pemantauan {unit}", style="bold"),
                Text(
                    "Perwal Madiun 73/2023 Pasal 49 (pemantauan dan evaluasi) dan Pasal 50 (beban kerja merata)",
                    style="italic dim",
                ),
                Text(""),
                Text("Kegiatan per tahap", style="bold underline"),
                tahap,
                Text(""),
                _daftar("Menunggu reviu saya", p.menunggu_saya, "Tidak ada yang menunggu reviu Anda."),
                _daftar("Terlambat", p.terlambat, "Tidak ada kegiatan yang melewati tenggat."),
                _daftar("Dikembalikan untuk perbaikan", p.dikembalikan, "Tidak ada kegiatan yang dikembalikan."),
                Text(
                    f"Beban kerja (tim aktif per JF/pelaksana; rata-rata {desimal(p.rata_rata_beban)})",
                    style="bold underline",
                ),
                beban,
            )
        )

    def _ke_folder(self, judul: str, tulis) -> None:
        """Ask for the output folder (default: documents), then write with `tulis(folder)`."""
        from sistemkerja_tui.layanan.surat import folder_dokumen

        def ke(folder: Path) -> None:
            kerjakan(self, lambda: tulis(folder), lambda berkas: self.notify(f"Disimpan: {berkas}", timeout=8))

        def simpan(teks: str | None) -> None:
            if teks:
                pastikan_folder(self, Path(teks).expanduser(), ke)

        self.app.push_screen(DialogAlasan(judul, "Folder keluaran", nilai=str(folder_dokumen())), simpan)

    def action_laporan(self) -> None:
        pengguna, layanan = self.app.pengguna_wajib(), self.app.layanan
        if pengguna is None or layanan is None:
            return
        from sistemkerja_tui.layanan.laporan import periode_semester

        hari_ini = self.app.hari_ini()
        pilihan = [
            (f"Semester {s} {t} ({f})", (f"{t}-{s}", f))
            for t in (hari_ini.year, hari_ini.year - 1)
            for s in (2, 1)
            for f in ("md", "txt")
            if periode_semester(f"{t}-{s}")[0] <= hari_ini
        ]

        def pilih(nilai) -> None:
            if nilai is not None:
                (semester, fmt) = nilai
                mulai, selesai = periode_semester(semester)
                self._ke_folder(
                    f"Laporan pemantauan {semester}",
                    lambda folder: layanan.laporan.tulis_pemantauan(
                        pengguna.unit_id, mulai, selesai, folder, fmt, hari_ini
                    ),
                )

        self.app.push_screen(PilihSatu("Laporan pemantauan dan evaluasi (Pasal 49)", pilihan), pilih)

    def action_mpph(self) -> None:
        pengguna, layanan = self.app.pengguna_wajib(), self.app.layanan
        if pengguna is None or layanan is None:
            return

        def pilih(fmt) -> None:
            if fmt is not None:
                self._ke_folder(
                    f"MPPH {pengguna.unit} ({fmt})",
                    lambda folder: layanan.laporan.tulis_mpph(pengguna.unit_id, folder, fmt),
                )

        self.app.push_screen(
            PilihSatu("Matriks Pembagian Peran dan Hasil", [("Excel (.xlsx)", "xlsx"), ("CSV (.csv)", "csv")]), pilih
        )

    def action_anomali(self) -> None:
        if self.app.layanan is None:
            return
        from sistemkerja_tui.tui.screens.anomali import LayarAnomali

        def ke(hasil) -> None:
            if hasil is not None:
                self.app.action_layar("struktur")
                self.app.struktur.tampilkan_ulang(hasil)

        self.app.push_screen(LayarAnomali(), ke)
