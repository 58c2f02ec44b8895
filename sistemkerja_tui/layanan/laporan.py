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

import csv
import io
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sistemkerja_tui.aturan.enums import PeranTim, PredikatPenilaian, Tahap
from sistemkerja_tui.aturan.nip import kelompokkan_nip
from sistemkerja_tui.aturan.sebutan import nama_lengkap, tanggal_panjang
from sistemkerja_tui.layanan.galat import Ditolak
from sistemkerja_tui.store.baca import sebagai_tanggal

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
        raise ValueError(f"semester '{teks}' tidak sah; tulis TAHUN-1 (Januari–Juni) atau TAHUN-2 (Juli–Desember), "
                         "misalnya 2026-1.")
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


def _desimal(x: float) -> str:
    return f"{x:.2f}".replace(".", ",")


def _label(enum, kode: str | None) -> str:
    try:
        return enum(kode).label
    except ValueError:
        return kode or "-"


def nama_berkas_aman(teks: str) -> str:
    """Letters, digits, `.`, `-`, `_` only; never empty, never hidden."""
    aman = re.sub(r"[^A-Za-z0-9._-]+", "_", teks).strip("._") or "laporan"
    return aman[:150]


def _tulis_atomik(folder: Path, nama: str, tulis: Callable[[Path], None]) -> Path:
    """Write `folder/nama` through a temporary file; refuse (Ditolak) when the folder is missing or unwritable."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise Ditolak(f"Folder keluaran '{folder}' tidak ada atau bukan folder; buat dulu folder tersebut "
                      "atau pilih folder lain.")
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
    try:
        os.unlink(path)
    except OSError:
        pass


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
            garis = lambda r: "  ".join(s.ljust(lebar[i]) for i, s in enumerate(r)).rstrip()  # noqa: E731
            keluar.append(garis(sel[0]))
            keluar.append("  ".join("-" * w for w in lebar))
            keluar += [garis(r) for r in sel[1:]]
            keluar.append("")
    return "\n".join(keluar).rstrip() + "\n"


# --- the service ----------------------------------------------------------------------


class LayananLaporan:
    def __init__(self, layanan: Layanan) -> None:
        self.layanan = layanan
        self.struktur = layanan.struktur
        self.pembaca = layanan.struktur.pembaca

    # unit lookup ---------------------------------------------------------------

    def cari_unit(self, kode: str) -> int:
        """Id of the unit with `kode` (case-insensitive), own-Pemda units first; Ditolak when unknown."""
        rows = self.pembaca.semua(
            "SELECT u.id, i.luar FROM unit_organisasi u JOIN instansi i ON i.id = u.instansi_id "
            "WHERE upper(u.kode) = upper(:kode) ORDER BY i.luar, i.id, u.id",
            kode=(kode or "").strip(),
        )
        if rows:
            return rows[0].id
        akar = self.pembaca.semua(
            "SELECT u.kode FROM unit_organisasi u JOIN instansi i ON i.id = u.instansi_id "
            "WHERE u.induk_id IS NULL AND NOT i.luar ORDER BY u.urutan, u.id LIMIT 12"
        )
        contoh = ", ".join(r.kode for r in akar)
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
            raise Ditolak(f"Periode laporan ({_label_periode(mulai, selesai)}) belum dimulai; pilih semester yang "
                          "sedang berjalan atau yang sudah lewat.")
        unit = self._unit(unit_id)
        sub = self.struktur.subpohon(unit_id)
        sampai = selesai + timedelta(days=1)  # timestamps: strictly before the day after the period
        jalur = " › ".join(u.nama for u in self.struktur.jalur_unit(unit_id))
        p = self.pembaca
        b: list[_Blok] = [
            _Blok("judul", f"Laporan Pemantauan dan Evaluasi Sistem Kerja — {unit.nama}"),
            _Blok("paragraf", f"**Unit organisasi:** {unit.nama} ({unit.kode})  \n**Kedudukan:** {jalur}  \n"
                              f"**Pimpinan unit:** {unit.label_pimpinan}  \n"
                              f"**Periode:** {_label_periode(mulai, selesai)}  \n"
                              f"**Dasar:** {RUJUKAN} (pemantauan dan evaluasi sistem kerja setiap 6 bulan)  \n"
                              f"**Dibuat:** {tanggal_indonesia(hari_ini)}"),
        ]

        # 1. kegiatan per tahap
        per_tahap = {r.tahap: r.n for r in p.semua(
            "SELECT tahap, COUNT(*) AS n FROM kegiatan WHERE unit_id IN :sub "
            "AND (mulai IS NULL OR mulai <= :selesai) AND (tenggat IS NULL OR tenggat >= :mulai) GROUP BY tahap",
            sub=sub, mulai=mulai, selesai=selesai)}
        b.append(_Blok("bagian", "1. Kegiatan per Tahap"))
        b.append(_Blok("paragraf", "Kegiatan unit dan subunitnya yang berlangsung dalam periode; tahap menurut "
                                   "keadaan saat laporan dibuat."))
        baris = [(t.label, str(per_tahap.get(t.value, 0))) for t in Tahap]
        baris.append(("Jumlah", str(sum(per_tahap.values()))))
        b.append(_Blok("tabel", kepala=("Tahap", "Jumlah kegiatan"), baris=tuple(baris)))

        # 2. overdue: at the end of a past period, or as of today in a period still running
        batas = min(sampai, hari_ini)
        lewat = p.semua(
            "SELECT k.judul, k.tenggat, k.tahap, k.progres, t.nama AS tim, pg.nama AS pg_nama, "
            "pg.gelar_depan, pg.gelar_belakang FROM kegiatan k LEFT JOIN tim_kerja t ON t.id = k.tim_id "
            "LEFT JOIN pegawai pg ON pg.id = k.pegawai_id WHERE k.unit_id IN :sub AND k.tenggat IS NOT NULL "
            "AND k.tenggat < :batas AND k.tahap != 'selesai' ORDER BY k.tenggat, k.judul",
            sub=sub, batas=batas)
        b.append(_Blok("bagian", "2. Kegiatan Melewati Tenggat"))
        if lewat:
            kapan = (f"bertenggat sampai {tanggal_indonesia(selesai)}" if batas == sampai else
                     f"telah melewati tenggat per {tanggal_indonesia(hari_ini)} (periode masih berjalan) dan")
            b.append(_Blok("paragraf", f"{len(lewat)} kegiatan {kapan} belum selesai."))
            b.append(_Blok("tabel", kepala=("No", "Kegiatan", "Pelaksana", "Tenggat", "Tahap", "Progres"), baris=tuple(
                (str(i), r.judul, r.tim or nama_lengkap(r.pg_nama or "-", r.gelar_depan or "", r.gelar_belakang or ""),
                 tanggal_indonesia(r.tenggat), _label(Tahap, r.tahap), f"{r.progres}%")
                for i, r in enumerate(lewat, 1))))
        else:
            b.append(_Blok("paragraf", "Tidak ada kegiatan yang melewati tenggat."))

        # 3. returned from evaluasi
        kembali = p.semua(
            "SELECT r.waktu, r.alasan, k.judul, pg.nama AS pg_nama, pg.gelar_depan, pg.gelar_belakang "
            "FROM riwayat_tahap r JOIN kegiatan k ON k.id = r.kegiatan_id LEFT JOIN pegawai pg ON pg.id = r.oleh_id "
            "WHERE k.unit_id IN :sub AND r.dari_tahap = 'evaluasi' AND r.ke_tahap = 'pelaksanaan' "
            "AND r.waktu >= :mulai AND r.waktu < :sampai ORDER BY r.waktu, r.id",
            sub=sub, mulai=mulai, sampai=sampai)
        b.append(_Blok("bagian", "3. Kegiatan Dikembalikan dari Evaluasi ke Pelaksanaan"))
        if kembali:
            b.append(_Blok("paragraf", f"{len(kembali)} pengembalian dalam periode."))
            b.append(_Blok("tabel", kepala=("No", "Tanggal", "Kegiatan", "Oleh", "Alasan"), baris=tuple(
                (str(i), tanggal_indonesia(r.waktu), r.judul,
                 nama_lengkap(r.pg_nama, r.gelar_depan or "", r.gelar_belakang or "") if r.pg_nama else "-",
                 r.alasan or "-")
                for i, r in enumerate(kembali, 1))))
        else:
            b.append(_Blok("paragraf", "Tidak ada kegiatan yang dikembalikan dalam periode."))

        # 4. active teams
        tim = p.semua(
            "SELECT t.id, t.nama, t.mulai, t.selesai, "
            "(SELECT COUNT(*) FROM keanggotaan a WHERE a.tim_id = t.id AND a.status = 'aktif' "
            " AND a.peran = 'anggota') AS anggota, "
            "(SELECT pg.nama || char(31) || pg.gelar_depan || char(31) || pg.gelar_belakang FROM keanggotaan a "
            " JOIN pegawai pg ON pg.id = a.pegawai_id WHERE a.tim_id = t.id AND a.status = 'aktif' "
            " AND a.peran = 'ketua' ORDER BY a.id LIMIT 1) AS ketua "
            "FROM tim_kerja t WHERE t.unit_id IN :sub AND t.status = 'aktif' ORDER BY t.nama",
            sub=sub)
        b.append(_Blok("bagian", "4. Tim Kerja Aktif"))
        if tim:
            b.append(_Blok("paragraf", f"{len(tim)} tim kerja aktif, {sum(r.anggota for r in tim)} keanggotaan aktif "
                                       "(di luar ketua)."))
            b.append(_Blok("tabel", kepala=("No", "Tim", "Ketua", "Anggota", "Masa kerja"), baris=tuple(
                (str(i), r.nama, nama_lengkap(*r.ketua.split("\x1f")) if r.ketua else "(belum ada ketua)",
                 str(r.anggota), f"{tanggal_indonesia(r.mulai)} s.d. {tanggal_indonesia(r.selesai)}")
                for i, r in enumerate(tim, 1))))
        else:
            b.append(_Blok("paragraf", "Tidak ada tim kerja aktif."))

        # 5. workload
        beban = self.layanan.tim.beban_kerja(unit_id, batas=10_000)
        berat = [x for x in beban.pegawai if x.di_atas_rata_rata]
        b.append(_Blok("bagian", "5. Beban Kerja"))
        b.append(_Blok("paragraf", f"Rata-rata keikutsertaan dalam tim: **{_desimal(beban.rata_rata)}** tim per pejabat "
                                   f"fungsional/pelaksana ({beban.jumlah_pegawai} pegawai). "
                                   f"Di atas rata-rata: **{beban.di_atas}** pegawai. Rujukan: {beban.rujukan}."))
        if berat:
            b.append(_Blok("tabel", kepala=("No", "Nama", "Jabatan", "Tim", "Peran pimpinan"), baris=tuple(
                (str(i), x.nama, x.jabatan, str(x.tim), str(x.peran_pimpinan)) for i, x in enumerate(berat, 1))))

        # 6. kendala
        kendala = p.semua(
            "SELECT c.dibuat, c.isi, c.rekomendasi, k.judul FROM catatan c JOIN kegiatan k ON k.id = c.kegiatan_id "
            "WHERE k.unit_id IN :sub AND c.jenis = 'kendala' AND c.dibuat >= :mulai AND c.dibuat < :sampai "
            "ORDER BY c.dibuat, c.id",
            sub=sub, mulai=mulai, sampai=sampai)
        b.append(_Blok("bagian", "6. Kendala dan Rekomendasi"))
        if kendala:
            b.append(_Blok("tabel", kepala=("No", "Tanggal", "Kegiatan", "Kendala", "Rekomendasi"), baris=tuple(
                (str(i), tanggal_indonesia(r.dibuat), r.judul, r.isi, r.rekomendasi or "-")
                for i, r in enumerate(kendala, 1))))
        else:
            b.append(_Blok("paragraf", "Tidak ada catatan kendala dalam periode."))

        # 7. penilaian anggota
        nilai = {r.predikat: r.n for r in p.semua(
            "SELECT pa.predikat, COUNT(*) AS n FROM penilaian_anggota pa JOIN keanggotaan a ON a.id = pa.keanggotaan_id "
            "JOIN tim_kerja t ON t.id = a.tim_id WHERE t.unit_id IN :sub AND pa.periode_mulai <= :selesai "
            "AND pa.periode_selesai >= :mulai GROUP BY pa.predikat",
            sub=sub, mulai=mulai, selesai=selesai)}
        b.append(_Blok("bagian", "7. Penilaian Anggota Tim"))
        baris = [(x.label, str(nilai.get(x.value, 0))) for x in sorted(PredikatPenilaian, reverse=True)]
        baris.append(("Jumlah", str(sum(nilai.values()))))
        b.append(_Blok("tabel", kepala=("Predikat", "Jumlah penilaian"), baris=tuple(baris)))

        b.append(_Blok("paragraf", f"Laporan ini disusun sebagai bahan pemantauan dan evaluasi pelaksanaan sistem "
                                   f"kerja sesuai {RUJUKAN}."))
        return b

    def pemantauan(self, unit_id: int, mulai: date, selesai: date, hari_ini: date | None = None) -> str:
        """The six-monthly report as Markdown; `hari_ini` (default today) dates it and bounds what is overdue."""
        return _md(self._blok_pemantauan(unit_id, mulai, selesai, hari_ini))

    def pemantauan_teks(self, unit_id: int, mulai: date, selesai: date, hari_ini: date | None = None) -> str:
        # Markdown hard breaks ("  \n") become plain line breaks.
        blok = [_Blok(x.jenis, x.teks.replace("  \n", "\n"), x.kepala, x.baris)
                for x in self._blok_pemantauan(unit_id, mulai, selesai, hari_ini)]
        return _txt(blok)

    def tulis_pemantauan(self, unit_id: int, mulai: date, selesai: date, folder: Path, format: str = "md",
                         hari_ini: date | None = None) -> Path:
        if format not in FORMAT_PEMANTAUAN:
            raise Ditolak(f"Format '{format}' tidak dikenal; pilihan: {', '.join(FORMAT_PEMANTAUAN)}.")
        isi = self.pemantauan(unit_id, mulai, selesai, hari_ini) if format == "md" else self.pemantauan_teks(
            unit_id, mulai, selesai, hari_ini)
        unit = self._unit(unit_id)
        nama = nama_berkas_aman(f"pemantauan_{unit.kode}_{mulai.isoformat()}_{selesai.isoformat()}") + f".{format}"
        return _tulis_atomik(folder, nama, lambda path: path.write_text(isi, encoding="utf-8"))

    # MPPH ---------------------------------------------------------------------------

    def mpph(self, unit_id: int) -> tuple[list[str], list[list[str]]]:
        """Header and rows of the Matriks Pembagian Peran dan Hasil of the unit and its subunits."""
        self._unit(unit_id)
        sub = self.struktur.subpohon(unit_id)
        p = self.pembaca
        tim = p.semua("SELECT id, nama FROM tim_kerja WHERE unit_id IN :sub AND status IN ('draf', 'aktif') "
                      "ORDER BY nama, id", sub=sub)
        individu = p.semua("SELECT id, judul, pegawai_id FROM kegiatan WHERE unit_id IN :sub "
                           "AND pegawai_id IS NOT NULL AND tahap != 'selesai' ORDER BY judul, id", sub=sub)
        kolom_tim = {r.id: i for i, r in enumerate(tim)}
        kolom_keg = {r.id: len(tim) + i for i, r in enumerate(individu)}
        jumlah_kolom = len(tim) + len(individu)

        pegawai = p.semua(
            "SELECT id, nip, nama, gelar_depan, gelar_belakang, nama_jabatan FROM pegawai "
            "WHERE aktif AND unit_id IN :sub AND jenis_jabatan IN ('fungsional', 'pelaksana') ORDER BY nama, id",
            sub=sub)
        ids = [r.id for r in pegawai]
        peran: dict[int, list[list[str]]] = {}

        def sel(pid: int, kolom: int) -> list[str]:
            return peran.setdefault(pid, [[] for _ in range(jumlah_kolom)])[kolom]

        if ids and tim:
            for r in p.semua(
                "SELECT tim_id, pegawai_id, peran, status FROM keanggotaan WHERE tim_id IN :tim AND pegawai_id IN :pg "
                "AND status IN ('aktif', 'usulan', 'menunggu_persetujuan') ORDER BY tim_id, id",
                tim=list(kolom_tim), pg=ids,
            ):
                teks = _label(PeranTim, r.peran)
                if r.status != "aktif":
                    teks += " (usulan)"
                sel(r.pegawai_id, kolom_tim[r.tim_id]).append(teks)
        terpilih = set(ids)
        for r in individu:
            if r.pegawai_id in terpilih:
                sel(r.pegawai_id, kolom_keg[r.id]).append("Pelaksana")

        kepala = KOLOM_TETAP + [r.nama for r in tim] + [f"Kegiatan: {r.judul}" for r in individu]
        baris: list[list[str]] = []
        for r in pegawai:
            if r.id not in peran:
                continue
            baris.append([str(len(baris) + 1), nama_lengkap(r.nama, r.gelar_depan or "", r.gelar_belakang or ""),
                          kelompokkan_nip(r.nip), r.nama_jabatan] + [", ".join(s) for s in peran[r.id]])
        return kepala, baris

    def tulis_mpph(self, unit_id: int, folder: Path, format: str = "xlsx") -> Path:
        if format not in FORMAT_MPPH:
            raise Ditolak(f"Format '{format}' tidak dikenal; pilihan: {', '.join(FORMAT_MPPH)}.")
        unit = self._unit(unit_id)
        kepala, baris = self.mpph(unit_id)
        nama = nama_berkas_aman(f"mpph_{unit.kode}") + f".{format}"
        if format == "csv":
            buf = io.StringIO(newline="")
            w = csv.writer(buf)
            w.writerow(kepala)
            w.writerows(baris)
            isi = buf.getvalue()
            return _tulis_atomik(folder, nama, lambda path: path.write_text(isi, encoding="utf-8-sig", newline=""))
        judul = f"Matriks Pembagian Peran dan Hasil (MPPH) — {unit.nama} ({unit.kode})"
        return _tulis_atomik(folder, nama, lambda path: _simpan_xlsx(path, judul, kepala, baris))


BARIS_KEPALA_XLSX = 3  # row 1: title, row 2: date, row 3: header, data from row 4


def _simpan_xlsx(path: Path, judul: str, kepala: list[str], baris: list[list[str]]) -> None:
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
    for i, r in enumerate(baris, BARIS_KEPALA_XLSX + 1):
        for j, v in enumerate(r, 1):
            ws.cell(row=i, column=j, value=v)
    lebar_tetap = {1: 5, 2: 34, 3: 24, 4: 34}
    for j in range(1, len(kepala) + 1):
        ws.column_dimensions[get_column_letter(j)].width = lebar_tetap.get(j, 22)
    ws.freeze_panes = ws.cell(row=BARIS_KEPALA_XLSX + 1, column=len(KOLOM_TETAP) + 1)
    wb.save(path)
