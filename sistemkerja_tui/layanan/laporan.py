"""Reports for the unit head: the six-monthly pemantauan and the MPPH matrix.

Read-only: every figure comes from `layanan.struktur.pembaca`. Files are
written atomically (a temporary file beside the target, then `os.replace`),
so a refused or failed export leaves nothing half-written.

- `pemantauan`: laporan pemantauan dan evaluasi sistem kerja per semester
  (Perwal Madiun 73/2023 Pasal 49), as Markdown or plain text.
- `mpph`: Matriks Pembagian Peran dan Hasil — pegawai × tim/kegiatan, cell =
  the role, as .xlsx (openpyxl) or .csv (UTF-8 with BOM for Excel).
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sistemkerja_tui.aturan.enums import PeranTim, PredikatPenilaian, StatusKeanggotaan, Tahap
from sistemkerja_tui.aturan.nip import kelompokkan_nip
from sistemkerja_tui.aturan.sebutan import desimal, nama_lengkap, tanggal_panjang
from sistemkerja_tui.layanan.galat import Ditolak
from sistemkerja_tui.store.baca import sebagai_tanggal
from sistemkerja_tui.store.kueri import laporan as kueri

if TYPE_CHECKING:
    from sistemkerja_tui.layanan.mulai import Layanan

RUJUKAN = "Perwal Madiun 73/2023 Pasal 49"
FORMAT_PEMANTAUAN = ("md", "txt")
FORMAT_MPPH = ("xlsx", "csv")
KOLOM_TETAP = ["No", "Nama", "NIP", "Jabatan"]


# --- periods and small helpers ---------------------------------------------------


def periode_semester(teks: str) -> tuple[date, date]:
    """`2026-1` → 1 Januari–30 Juni 2026; `2026-2` → 1 Juli–31 Desember 2026."""
    m = re.fullmatch(r"\s*(\d{4})\s*[-/]\s*([12])\s*", teks or "")
    if not m:
        raise ValueError(
            f"semester '{teks}' tidak sah; tulis TAHUN-1 (Januari–Juni) atau TAHUN-2 (Juli–Desember), misalnya 2026-1."
        )
    tahun, ke = int(m.group(1)), int(m.group(2))
    if not 1900 <= tahun <= 9999:
        raise ValueError(f"tahun {tahun} pada semester '{teks}' tidak sah.")
    return (date(tahun, 1, 1), date(tahun, 6, 30)) if ke == 1 else (date(tahun, 7, 1), date(tahun, 12, 31))


def tanggal_indonesia(v) -> str:
    d = sebagai_tanggal(v)
    return tanggal_panjang(d) if d else "-"


def _label_periode(mulai: date, selesai: date) -> str:
    if (mulai.month, mulai.day, selesai.month, selesai.day) == (1, 1, 6, 30) and mulai.year == selesai.year:
        awal = f"Semester I Tahun {mulai.year} "
    elif (mulai.month, mulai.day, selesai.month, selesai.day) == (7, 1, 12, 31) and mulai.year == selesai.year:
        awal = f"Semester II Tahun {mulai.year} "
    else:
        awal = ""
    return f"{awal}({tanggal_indonesia(mulai)} s.d. {tanggal_indonesia(selesai)})"


def _label(enum, kode: str | None) -> str:
    try:
        return enum(kode).label
    except ValueError:
        return kode or "-"


def nama_berkas_aman(teks: str) -> str:
    """Letters, digits, `.`, `-`, `_` only; never empty, never hidden."""
    aman = re.sub(r"[^A-Za-z0-9._-]+", "_", teks).strip("._") or "laporan"
    return aman[:150]


def _tulis_atomik(folder: Path, nama: str, tulis: Callable[[Path], object]) -> Path:
    """Write `folder/nama` through a temporary file; refuse (Ditolak) when the folder is missing or unwritable."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise Ditolak(
            f"Folder keluaran '{folder}' tidak ada atau bukan folder; buat dulu folder tersebut atau pilih folder lain."
        )
    tujuan = folder / nama
    try:
        fd, sementara = tempfile.mkstemp(dir=folder, prefix=f".{nama}.", suffix=".tmp")
    except OSError as e:
        raise Ditolak(f"Tidak dapat menulis ke folder keluaran '{folder}': {e.strerror or e}.") from e
    os.close(fd)
    try:
        tulis(Path(sementara))
        os.replace(sementara, tujuan)
    except OSError as e:
        _hapus(sementara)
        raise Ditolak(f"Tidak dapat menulis ke folder keluaran '{folder}': {e.strerror or e}.") from e
    except BaseException:
        _hapus(sementara)
        raise
    return tujuan


def _hapus(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


# --- a tiny document model rendered as Markdown or plain text ----------------------------


@dataclass(frozen=True)
class _Blok:
    jenis: str  # judul, bagian, paragraf, butir, tabel
    teks: str = ""
    kepala: tuple[str, ...] = ()
    baris: tuple[tuple[str, ...], ...] = ()


def _sel_md(s: str) -> str:
    return " ".join(str(s).split()).replace("|", "\\|") or " "


def _md(blok: list[_Blok]) -> str:
    keluar: list[str] = []
    for b in blok:
        if b.jenis == "judul":
            keluar += [f"# {b.teks}", ""]
        elif b.jenis == "bagian":
            keluar += [f"## {b.teks}", ""]
        elif b.jenis == "paragraf":
            keluar += [b.teks, ""]
        elif b.jenis == "butir":
            keluar += [f"- {b.teks}"]
        elif b.jenis == "akhir_butir":
            keluar += [""]
        elif b.jenis == "tabel":
            keluar.append("| " + " | ".join(_sel_md(k) for k in b.kepala) + " |")
            keluar.append("|" + "|".join("---" for _ in b.kepala) + "|")
            keluar += ["| " + " | ".join(_sel_md(s) for s in r) + " |" for r in b.baris]
            keluar.append("")
    return "\n".join(keluar).rstrip() + "\n"


_PENANDA = re.compile(r"\*\*|__|`")


def _polos(teks: str) -> str:
    return _PENANDA.sub("", teks)


def _rata(sel: list[str], lebar: list[int]) -> str:
    """One plain-text table row, each cell padded to its column's width."""
    return "  ".join(s.ljust(lebar[i]) for i, s in enumerate(sel)).rstrip()


def _txt(blok: list[_Blok]) -> str:
    keluar: list[str] = []
    for b in blok:
        if b.jenis == "judul":
            t = _polos(b.teks)
            keluar += [t.upper(), "=" * len(t), ""]
        elif b.jenis == "bagian":
            t = _polos(b.teks)
            keluar += [t, "-" * len(t), ""]
        elif b.jenis == "paragraf":
            keluar += [_polos(b.teks), ""]
        elif b.jenis == "butir":
            keluar += [f"  * {_polos(b.teks)}"]
        elif b.jenis == "akhir_butir":
            keluar += [""]
        elif b.jenis == "tabel":
            sel = [[" ".join(str(s).split()) for s in r] for r in (b.kepala, *b.baris)]
            lebar = [max(len(r[i]) for r in sel) for i in range(len(b.kepala))]
            keluar.append(_rata(sel[0], lebar))
            keluar.append("  ".join("-" * w for w in lebar))
            keluar += [_rata(r, lebar) for r in sel[1:]]
            keluar.append("")
    return "\n".join(keluar).rstrip() + "\n"


_K = TypeVar("_K")


@dataclass(frozen=True)
class _BarisMPPH:
    """One pegawai of the MPPH: the fixed columns and the filled role cells by column (0 = first team)."""

    tetap: list[str]
    sel: dict[int, str]

    def padat(self, lebar: int, kosong: _K) -> list[str | _K]:
        """The role cells as a list of `lebar`, `kosong` where there is no role."""
        isi: list[str | _K] = [kosong] * lebar
        for kolom, teks in self.sel.items():
            isi[kolom] = teks
        return isi


# --- the service ----------------------------------------------------------------------


class LayananLaporan:
    def __init__(self, layanan: Layanan) -> None:
        self.layanan = layanan
        self.struktur = layanan.struktur
        self.pembaca = layanan.struktur.pembaca

    # unit lookup ---------------------------------------------------------------

    def cari_unit(self, kode: str) -> int:
        """Id of the unit with `kode` (case-insensitive), own-Pemda units first; Ditolak when unknown."""
        rows = kueri.unit_berkode(self.pembaca, (kode or "").strip())
        if rows:
            return int(rows[0].id)
        contoh = ", ".join(kueri.kode_perangkat_daerah(self.pembaca, 12))
        raise Ditolak(
            f"Kode unit '{kode}' tidak dikenal. Kode unit tampil di layar Struktur aplikasi (kolom kode unit) "
            f"dan bertingkat dengan titik, misalnya DINKES atau DINKES.YANKES. "
            f"Kode Perangkat Daerah yang ada: {contoh or '(belum ada unit)'}."
        )

    def _unit(self, unit_id: int):
        try:
            return self.struktur.unit(unit_id)
        except KeyError as e:
            raise Ditolak(f"Unit dengan id {unit_id} tidak ditemukan.") from e

    # pemantauan ------------------------------------------------------------------

    def _blok_pemantauan(self, unit_id: int, mulai: date, selesai: date, hari_ini: date | None) -> list[_Blok]:
        hari_ini = hari_ini or date.today()
        if selesai < mulai:
            raise Ditolak("Akhir periode laporan tidak boleh sebelum awalnya.")
        if mulai > hari_ini:
            raise Ditolak(
                f"Periode laporan ({_label_periode(mulai, selesai)}) belum dimulai; pilih semester yang "
                "sedang berjalan atau yang sudah lewat."
            )
        unit = self._unit(unit_id)
        sampai = selesai + timedelta(days=1)  # timestamps: strictly before the day after the period
        jalur = " › ".join(u.nama for u in self.struktur.jalur_unit(unit_id))
        p = self.pembaca
        b: list[_Blok] = [
            _Blok("judul", f"Laporan Pemantauan dan Evaluasi Sistem Kerja — {unit.nama}"),
            _Blok(
                "paragraf",
                f"**Unit organisasi:** {unit.nama} ({unit.kode})  \n**Kedudukan:** {jalur}  \n"
                f"**Pimpinan unit:** {unit.label_pimpinan}  \n"
                f"**Periode:** {_label_periode(mulai, selesai)}  \n"
                f"**Dasar:** {RUJUKAN} (pemantauan dan evaluasi sistem kerja setiap 6 bulan)  \n"
                f"**Dibuat:** {tanggal_indonesia(hari_ini)}",
            ),
        ]

        # 1. kegiatan per tahap
        per_tahap = kueri.kegiatan_per_tahap(p, unit_id, mulai, selesai)
        b.append(_Blok("bagian", "1. Kegiatan per Tahap"))
        b.append(
            _Blok(
                "paragraf",
                "Kegiatan unit dan subunitnya yang berlangsung dalam periode; tahap menurut "
                "keadaan saat laporan dibuat.",
            )
        )
        baris = [(t.label, str(per_tahap.get(t.value, 0))) for t in Tahap]
        baris.append(("Jumlah", str(sum(per_tahap.values()))))
        b.append(_Blok("tabel", kepala=("Tahap", "Jumlah kegiatan"), baris=tuple(baris)))

        # 2. overdue: at the end of a past period, or as of today in a period still running
        batas = min(sampai, hari_ini)
        lewat = kueri.kegiatan_terlambat(p, unit_id, batas)
        b.append(_Blok("bagian", "2. Kegiatan Melewati Tenggat"))
        if lewat:
            kapan = (
                f"bertenggat sampai {tanggal_indonesia(selesai)}"
                if batas == sampai
                else f"telah melewati tenggat per {tanggal_indonesia(hari_ini)} (periode masih berjalan) dan"
            )
            b.append(_Blok("paragraf", f"{len(lewat)} kegiatan {kapan} belum selesai."))
            b.append(
                _Blok(
                    "tabel",
                    kepala=("No", "Kegiatan", "Pelaksana", "Tenggat", "Tahap", "Progres"),
                    baris=tuple(
                        (
                            str(i),
                            r.judul,
                            r.tim or nama_lengkap(r.pg_nama or "-", r.gelar_depan or "", r.gelar_belakang or ""),
                            tanggal_indonesia(r.tenggat),
                            _label(Tahap, r.tahap),
                            f"{r.progres}%",
                        )
                        for i, r in enumerate(lewat, 1)
                    ),
                )
            )
        else:
            b.append(_Blok("paragraf", "Tidak ada kegiatan yang melewati tenggat."))

        # 3. returned from evaluasi
        kembali = kueri.dikembalikan(p, unit_id, mulai, sampai)
        b.append(_Blok("bagian", "3. Kegiatan Dikembalikan dari Evaluasi ke Pelaksanaan"))
        if kembali:
            b.append(_Blok("paragraf", f"{len(kembali)} pengembalian dalam periode."))
            b.append(
                _Blok(
                    "tabel",
                    kepala=("No", "Tanggal", "Kegiatan", "Oleh", "Alasan"),
                    baris=tuple(
                        (
                            str(i),
                            tanggal_indonesia(r.waktu),
                            r.judul,
                            nama_lengkap(r.pg_nama, r.gelar_depan or "", r.gelar_belakang or "") if r.pg_nama else "-",
                            r.alasan or "-",
                        )
                        for i, r in enumerate(kembali, 1)
                    ),
                )
            )
        else:
            b.append(_Blok("paragraf", "Tidak ada kegiatan yang dikembalikan dalam periode."))

        # 4. active teams
        tim = kueri.tim_aktif(p, unit_id)
        b.append(_Blok("bagian", "4. Tim Kerja Aktif"))
        if tim:
            b.append(
                _Blok(
                    "paragraf",
                    f"{len(tim)} tim kerja aktif, {sum(r.anggota for r in tim)} keanggotaan aktif (di luar ketua).",
                )
            )
            b.append(
                _Blok(
                    "tabel",
                    kepala=("No", "Tim", "Ketua", "Anggota", "Masa kerja"),
                    baris=tuple(
                        (
                            str(i),
                            r.nama,
                            nama_lengkap(r.ketua_nama, r.ketua_depan or "", r.ketua_belakang or "")
                            if r.ketua_nama is not None
                            else "(belum ada ketua)",
                            str(r.anggota),
                            f"{tanggal_indonesia(r.mulai)} s.d. {tanggal_indonesia(r.selesai)}",
                        )
                        for i, r in enumerate(tim, 1)
                    ),
                )
            )
        else:
            b.append(_Blok("paragraf", "Tidak ada tim kerja aktif."))

        # 5. workload
        beban = self.layanan.tim.beban_kerja(unit_id, batas=10_000)
        berat = [x for x in beban.pegawai if x.di_atas_rata_rata]
        b.append(_Blok("bagian", "5. Beban Kerja"))
        b.append(
            _Blok(
                "paragraf",
                f"Rata-rata keikutsertaan dalam tim: **{desimal(beban.rata_rata)}** tim per pejabat "
                f"fungsional/pelaksana ({beban.jumlah_pegawai} pegawai). "
                f"Di atas rata-rata: **{beban.di_atas}** pegawai. Rujukan: {beban.rujukan}.",
            )
        )
        if berat:
            b.append(
                _Blok(
                    "tabel",
                    kepala=("No", "Nama", "Jabatan", "Tim", "Peran pimpinan"),
                    baris=tuple(
                        (str(i), x.nama, x.jabatan, str(x.tim), str(x.peran_pimpinan)) for i, x in enumerate(berat, 1)
                    ),
                )
            )

        # 6. kendala
        kendala = kueri.kendala(p, unit_id, mulai, sampai)
        b.append(_Blok("bagian", "6. Kendala dan Rekomendasi"))
        if kendala:
            b.append(
                _Blok(
                    "tabel",
                    kepala=("No", "Tanggal", "Kegiatan", "Kendala", "Rekomendasi"),
                    baris=tuple(
                        (str(i), tanggal_indonesia(r.dibuat), r.judul, r.isi, r.rekomendasi or "-")
                        for i, r in enumerate(kendala, 1)
                    ),
                )
            )
        else:
            b.append(_Blok("paragraf", "Tidak ada catatan kendala dalam periode."))

        # 7. penilaian anggota
        nilai = kueri.penilaian_per_predikat(p, unit_id, mulai, selesai)
        b.append(_Blok("bagian", "7. Penilaian Anggota Tim"))
        baris = [(x.label, str(nilai.get(x.value, 0))) for x in sorted(PredikatPenilaian, reverse=True)]
        baris.append(("Jumlah", str(sum(nilai.values()))))
        b.append(_Blok("tabel", kepala=("Predikat", "Jumlah penilaian"), baris=tuple(baris)))

        b.append(
            _Blok(
                "paragraf",
                f"Laporan ini disusun sebagai bahan pemantauan dan evaluasi pelaksanaan sistem kerja sesuai {RUJUKAN}.",
            )
        )
        return b

    def pemantauan(self, unit_id: int, mulai: date, selesai: date, hari_ini: date | None = None) -> str:
        """The six-monthly report as Markdown; `hari_ini` (default today) dates it and bounds what is overdue."""
        return _md(self._blok_pemantauan(unit_id, mulai, selesai, hari_ini))

    def pemantauan_teks(self, unit_id: int, mulai: date, selesai: date, hari_ini: date | None = None) -> str:
        # Markdown hard breaks ("  \n") become plain line breaks.
        blok = [
            _Blok(x.jenis, x.teks.replace("  \n", "\n"), x.kepala, x.baris)
            for x in self._blok_pemantauan(unit_id, mulai, selesai, hari_ini)
        ]
        return _txt(blok)

    def tulis_pemantauan(
        self, unit_id: int, mulai: date, selesai: date, folder: Path, format: str = "md", hari_ini: date | None = None
    ) -> Path:
        if format not in FORMAT_PEMANTAUAN:
            raise Ditolak(f"Format '{format}' tidak dikenal; pilihan: {', '.join(FORMAT_PEMANTAUAN)}.")
        isi = (
            self.pemantauan(unit_id, mulai, selesai, hari_ini)
            if format == "md"
            else self.pemantauan_teks(unit_id, mulai, selesai, hari_ini)
        )
        unit = self._unit(unit_id)
        nama = nama_berkas_aman(f"pemantauan_{unit.kode}_{mulai.isoformat()}_{selesai.isoformat()}") + f".{format}"
        return _tulis_atomik(folder, nama, lambda path: path.write_text(isi, encoding="utf-8"))

    # MPPH ---------------------------------------------------------------------------

    def _matriks(self, unit_id: int) -> tuple[list[str], list[_BarisMPPH]]:
        """Header and sparse rows of the MPPH: only pegawai with a role, only the cells they fill."""
        self._unit(unit_id)
        p = self.pembaca
        tim = kueri.tim_mpph(p, unit_id)
        individu = kueri.kegiatan_individu_mpph(p, unit_id)
        kolom_tim = {r.id: i for i, r in enumerate(tim)}
        peran: dict[int, dict[int, list[str]]] = {}
        for r in kueri.peran_mpph(p, unit_id):
            kolom = kolom_tim.get(r.tim_id)
            if kolom is None:  # a team created after the columns were read
                continue
            teks = _label(PeranTim, r.peran) + ("" if r.status == StatusKeanggotaan.AKTIF.value else " (usulan)")
            peran.setdefault(r.pegawai_id, {}).setdefault(kolom, []).append(teks)
        for kolom, r in enumerate(individu, len(tim)):
            peran.setdefault(r.pegawai_id, {}).setdefault(kolom, []).append("Pelaksana")

        kepala = KOLOM_TETAP + [r.nama for r in tim] + [f"Kegiatan: {r.judul}" for r in individu]
        baris: list[_BarisMPPH] = []
        for r in kueri.pegawai_mpph(p, unit_id):
            sel = peran.get(r.id)
            if not sel:
                continue
            tetap = [
                str(len(baris) + 1),
                nama_lengkap(r.nama, r.gelar_depan or "", r.gelar_belakang or ""),
                kelompokkan_nip(r.nip),
                r.nama_jabatan,
            ]
            baris.append(_BarisMPPH(tetap, {k: ", ".join(v) for k, v in sel.items()}))
        return kepala, baris

    def mpph(self, unit_id: int) -> tuple[list[str], list[list[str]]]:
        """Header and rows of the Matriks Pembagian Peran dan Hasil of the unit and its subunits."""
        kepala, baris = self._matriks(unit_id)
        lebar = len(kepala) - len(KOLOM_TETAP)
        return kepala, [r.tetap + r.padat(lebar, "") for r in baris]

    def tulis_mpph(self, unit_id: int, folder: Path, format: str = "xlsx") -> Path:
        if format not in FORMAT_MPPH:
            raise Ditolak(f"Format '{format}' tidak dikenal; pilihan: {', '.join(FORMAT_MPPH)}.")
        unit = self._unit(unit_id)
        nama = nama_berkas_aman(f"mpph_{unit.kode}") + f".{format}"
        if format == "csv":
            kepala, padat = self.mpph(unit_id)
            buf = io.StringIO(newline="")
            w = csv.writer(buf)
            w.writerow(kepala)
            w.writerows(padat)
            isi = buf.getvalue()
            return _tulis_atomik(folder, nama, lambda path: path.write_text(isi, encoding="utf-8-sig", newline=""))
        kepala, baris = self._matriks(unit_id)
        judul = f"Matriks Pembagian Peran dan Hasil (MPPH) — {unit.nama} ({unit.kode})"
        return _tulis_atomik(folder, nama, lambda path: _simpan_xlsx(path, judul, kepala, baris))


BARIS_KEPALA_XLSX = 3  # row 1: title, row 2: date, row 3: header, data from row 4


def _simpan_xlsx(path: Path, judul: str, kepala: list[str], baris: list[_BarisMPPH]) -> None:
    """Only filled cells are created, so time and memory grow with the roles, not with pegawai × columns."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "MPPH"
    ws.cell(row=1, column=1, value=judul).font = Font(bold=True, size=13)
    ws.cell(row=2, column=1, value=f"Keadaan per {tanggal_indonesia(date.today())}")
    tebal = Font(bold=True)
    for j, k in enumerate(kepala, 1):
        c = ws.cell(row=BARIS_KEPALA_XLSX, column=j, value=k)
        c.font = tebal
        c.alignment = Alignment(wrap_text=True, vertical="top")
    tetap = len(KOLOM_TETAP)
    for i, r in enumerate(baris, BARIS_KEPALA_XLSX + 1):
        for j, v in enumerate(r.tetap, 1):
            ws.cell(row=i, column=j, value=v)
        for kolom, v in r.sel.items():
            ws.cell(row=i, column=tetap + kolom + 1, value=v)
    lebar_tetap = {1: 5, 2: 34, 3: 24, 4: 34}
    for j in range(1, len(kepala) + 1):
        ws.column_dimensions[get_column_letter(j)].width = lebar_tetap.get(j, 22)
    ws.freeze_panes = ws.cell(row=BARIS_KEPALA_XLSX + 1, column=tetap + 1)
    wb.save(path)
