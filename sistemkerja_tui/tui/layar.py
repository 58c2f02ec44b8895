"""The registry of screens: one entry per screen, from which the app builds its screen keys (1…7), its screen
map, the help screen and the command palette. Adding a screen is adding one `Layar` here.

Classes are named by module path and imported on first use, so that start-up loads none of the screens.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from textual.binding import Binding


def muat_kelas(jalur: str) -> Any:
    """The class named `modul:Kelas`, imported now."""
    modul, kelas = jalur.split(":")
    return getattr(import_module(modul), kelas)


@dataclass(frozen=True)
class Perintah:
    """A command of the palette: `aksi` is an action of the screen (or `app.…`), e.g. `halaman(1)`."""

    judul: str
    bantuan: str
    aksi: str


@dataclass(frozen=True)
class Bagian:
    """A section of the help screen: the bindings of `kelas` (module:Class), then keys Textual handles itself."""

    judul: str
    kelas: tuple[str, ...]
    tambahan: tuple[tuple[str, str], ...] = ()

    def bindings(self) -> list[Binding]:
        daftar = [b for k in self.kelas for b in muat_kelas(k).BINDINGS if isinstance(b, Binding)]
        return daftar + [Binding(kunci, "", keterangan) for kunci, keterangan in self.tambahan]


@dataclass(frozen=True)
class Layar:
    nama: str  # the name the app installs it under; its binding id is app.<nama>
    kunci: str  # the key that shows it
    judul: str  # short name (binding description)
    keterangan: str  # what it shows (binding tooltip, help)
    kelas: str  # module:Class
    palet: tuple[str, str]  # the palette's command that shows it: title, help
    perintah: tuple[Perintah, ...] = ()  # the screen's own commands, in the palette while it is shown
    bantuan: tuple[Bagian, ...] = field(default_factory=tuple)  # help sections of the screen and its dialogs

    def binding(self) -> Binding:
        return Binding(
            self.kunci, f"layar('{self.nama}')", self.judul, show=False, id=f"app.{self.nama}", tooltip=self.keterangan
        )

    def buat(self) -> Any:
        return muat_kelas(self.kelas)()


_S = "sistemkerja_tui.tui.screens."
_W = "sistemkerja_tui.tui.widgets."

LAYAR: tuple[Layar, ...] = (
    Layar(
        "struktur",
        "1",
        "Struktur",
        "Layar Struktur: unit dan pegawai",
        _S + "struktur:LayarStruktur",
        ("Layar Struktur", "Unit, pimpinan, pegawai, PPK"),
        (
            Perintah("Cari pegawai", "Cari nama, NIP, jabatan, atau nama unit di seluruh Pemda", "cari"),
            Perintah("Tampilkan/sembunyikan pegawai sub-unit", "Sertakan pegawai di unit bawahan", "sub_unit"),
            Perintah("Halaman pegawai berikutnya", "Halaman berikut tabel pegawai", "halaman(1)"),
            Perintah("Halaman pegawai sebelumnya", "Halaman sebelum tabel pegawai", "halaman(-1)"),
            Perintah("Perbesar panel detail", "Perbesar atau kembalikan panel detail pegawai", "detail"),
            Perintah("Pengaturan instansi", "Nama, profil, kop, pola nomor, kode klasifikasi, kode unit", "instansi"),
            Perintah(
                "Ubah unit atau pegawai…",
                "Tambah, ubah, pindah, tutup unit; pimpinan, Plt./Plh.; pegawai, mutasi, nonaktif, PPK",
                "ubah",
            ),
            Perintah(
                "Impor dari berkas", "Pegawai atau unit dari SIASN, e-Kinerja, DUK (.csv .xlsx .xls .ods)", "impor"
            ),
        ),
        (
            Bagian("Layar Struktur", (_S + "struktur:LayarStruktur",)),
            Bagian(
                "Pohon unit",
                (_W + "pohon:PohonUnit",),
                (("enter", "Buka/tutup cabang"), ("space", "Buka/tutup cabang")),
            ),
            Bagian("Tabel pegawai", (_W + "tabel:TabelPegawai",), (("pageup,pagedown", "Gulir satu layar"),)),
            Bagian("Pencarian", (_S + "cari:LayarCari",), (("enter", "Pilih hasil dan lompat ke unitnya"),)),
            Bagian("Pengaturan instansi", (_S + "instansi:LayarInstansi", _S + "instansi:FormInstansi")),
            Bagian("Formulir unit dan pegawai", (_S + "ubah_struktur:FormUnit", _S + "ubah_struktur:FormPegawai")),
            Bagian("Impor dari berkas", (_S + "impor:LayarImpor", _S + "impor:LayarPratinjau")),
        ),
    ),
    Layar(
        "tim",
        "2",
        "Tim",
        "Layar Tim kerja",
        _S + "tim:LayarTim",
        ("Layar Tim kerja", "Bentuk tim, ketua, anggota"),
        (
            Perintah("Bentuk tim kerja", "Bentuk tim baru di unit pengguna", "bentuk"),
            Perintah("Pilih ketua tim", "Calon yang memenuhi kriteria lebih dulu", "ketua"),
            Perintah("Tambah anggota tim", "Dari unit sendiri atau lewat permohonan", "anggota"),
            Perintah("Keluarkan anggota tim", "Anggota yang dipilih di tabel anggota", "keluarkan"),
            Perintah("Tetapkan peran lain", "Koordinator, penanggung jawab, pengarah", "peran"),
            Perintah("Catat pengajuan sukarela", "Lisan dalam unit, tertulis lintas unit", "sukarela"),
            Perintah("Usulkan calon ketua", "Klaten: paling sedikit 2 calon kepada Sekda", "usulkan"),
            Perintah("Catat rekomendasi Sekda", "Klaten: rekomendasi atas calon ketua", "rekomendasi"),
            Perintah("Nilai anggota tim", "Di bawah / sesuai / di atas ekspektasi, akhir periode", "nilai"),
            Perintah("Ubah tim", "Ubah nama, periode, atau tujuan tim", "ubah"),
            Perintah("Bubarkan tim", "Bubarkan tim dengan alasan", "bubarkan"),
            Perintah("Cari tim", "Saring daftar tim menurut namanya (tombol /)", "cari"),
        ),
        (
            Bagian("Layar Tim", (_S + "tim:LayarTim", _W + "tabel:TabelVim", _S + "saring_tim:FormSaring")),
            Bagian(
                "Pilih ketua",
                (_S + "pemilih_ketua:PemilihKetua",),
                (("enter", "Pilih calon yang memenuhi kriteria"),),
            ),
            Bagian(
                "Formulir tim dan permohonan",
                (_S + "form_tim:FormTim", _S + "form_tim:FormPermohonan", _S + "form_individu:FormIndividu"),
            ),
        ),
    ),
    Layar(
        "penugasan",
        "3",
        "Penugasan",
        "Layar Penugasan: permohonan masuk dan keluar",
        _S + "penugasan:LayarPenugasan",
        ("Layar Penugasan", "Permohonan masuk dan keluar"),
        (
            Perintah("Tugaskan individu", "Seorang JF/pelaksana pada target kinerja", "individu"),
            Perintah("Setujui permohonan", "Permohonan yang dipilih", "setujui"),
            Perintah("Tolak permohonan", "Dengan alasan", "tolak"),
            Perintah("Catat jawaban dari surat", "Keputusan pihak lain lewat suratnya", "catat_jawaban"),
            Perintah("Batalkan permohonan", "Menarik anggota yang menunggu", "batalkan"),
            Perintah("Ganti daftar permohonan", "Masuk, keluar, semua", "arah"),
        ),
        (Bagian("Layar Penugasan", (_S + "penugasan:LayarPenugasan", _S + "form_jawaban:FormJawaban")),),
    ),
    Layar(
        "beban",
        "4",
        "Beban",
        "Beban kerja unit pengguna",
        _S + "beban:LayarBeban",
        ("Beban kerja unit", "Jumlah tim per pegawai (Pasal 50)"),
    ),
    Layar(
        "surat",
        "5",
        "Surat",
        "Register dan pratinjau surat",
        _S + "surat:LayarSurat",
        ("Register surat", "Naskah dinas yang telah diterbitkan"),
        (
            Perintah("Ekspor surat", "Ke .txt, .md, .docx atau .pdf", "ekspor"),
            Perintah("Salin teks surat", "Ke papan klip terminal (OSC 52)", "salin"),
        ),
        (Bagian("Layar Surat", (_S + "surat:LayarSurat",)),),
    ),
    Layar(
        "kegiatan",
        "6",
        "Kegiatan",
        "Papan kegiatan: perencanaan, pelaksanaan, evaluasi, selesai",
        _S + "kegiatan:LayarKegiatan",
        ("Papan kegiatan", "Perencanaan → pelaksanaan → evaluasi → selesai"),
        (
            Perintah("Majukan kegiatan", "Langkah berikutnya", "maju"),
            Perintah("Setujui reviu kegiatan", "Peninjau langkah ini", "setujui"),
            Perintah("Kembalikan kegiatan", "Ke pelaksanaan dengan alasan", "kembalikan"),
            Perintah("Catatan kegiatan", "Laporan, umpan balik, kendala", "catatan"),
        ),
        (
            Bagian(
                "Papan Kegiatan",
                (_S + "kegiatan:LayarKegiatan",),
                (("enter", "Rincian: langkah dan lini masa"),),
            ),
        ),
    ),
    Layar(
        "pemantauan",
        "7",
        "Pemantauan",
        "Dasbor pemantauan: tahap, terlambat, dikembalikan, menunggu reviu saya, beban kerja",
        _S + "pemantauan:LayarPemantauan",
        ("Pemantauan", "Dasbor pimpinan unit (Pasal 49-50)"),
        (
            Perintah("Laporan pemantauan semester", "Markdown atau teks (Pasal 49)", "laporan"),
            Perintah("Matriks Pembagian Peran dan Hasil", "Excel atau CSV", "mpph"),
            Perintah("Daftar anomali", "NIP, jenjang, pimpinan unit, PPK, dan pejabat penilai e-Kinerja", "anomali"),
        ),
        (
            Bagian("Pemantauan", (_S + "pemantauan:LayarPemantauan",)),
            Bagian("Daftar anomali", (_S + "anomali:LayarAnomali",)),
        ),
    ),
)

MENURUT_NAMA = {layar.nama: layar for layar in LAYAR}

# the app's own commands, after those of the screens
PERINTAH_APLIKASI: tuple[Perintah, ...] = (
    Perintah("Status penandatangan…", "Definitif, Plt., atau Plh. (Permendagri 1/2023 Pasal 44)", "app.status_ttd"),
    Perintah("Masuk sebagai…", "Ganti pengguna (pimpinan unit)", "app.pengguna"),
    Perintah("Ganti tema", "Pilih tema tampilan (disimpan di konfigurasi)", "app.tema"),
    Perintah("Bantuan", "Daftar semua tombol", "app.bantuan"),
    Perintah("Tangkapan layar", "Simpan tangkapan layar SVG", "app.screenshot"),
    Perintah("Keluar", "Keluar dari aplikasi", "app.quit"),
)

# help sections of the dialogs every screen uses, after those of the screens
BANTUAN_BERSAMA: tuple[Bagian, ...] = (
    Bagian("Pilih pengguna", (_S + "pengguna:PilihPengguna",)),
    Bagian("Pilihan", (_S + "pilih:PilihSatu",)),
    Bagian("Dialog", (_S + "dialog:DialogAlasan", _S + "dialog:DialogKonfirmasi")),
    Bagian("Layar bantuan", (_S + "bantuan:LayarBantuan",)),
)


def layar_dari(layar: object) -> Layar | None:
    """The registry entry of a shown screen (by its class), None for a modal or an unknown screen."""
    jalur = f"{type(layar).__module__}:{type(layar).__qualname__}"
    return next((entri for entri in LAYAR if entri.kelas == jalur), None)


def perintah_untuk(layar: object) -> list[Perintah]:
    """The palette's commands on `layar`: its own, then one per screen, then the app's."""
    entri = layar_dari(layar)
    sendiri = list(entri.perintah) if entri else []
    pindah = [Perintah(*e.palet, f"app.layar('{e.nama}')") for e in LAYAR]
    return sendiri + pindah + list(PERINTAH_APLIKASI)
