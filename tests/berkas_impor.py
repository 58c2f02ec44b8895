"""Synthetic import files for the tests: SIASN CSV/xlsx, e-Kinerja xlsx with a title block, .ods, .xls, unit files.

Every person is fictional: names drawn from short lists, NIPs with a valid structure (birth date, TMT, sex,
sequence) from a seeded generator. Nothing here reads a real export.
"""

from __future__ import annotations

import csv
import random
import zipfile
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from sistemkerja_tui.aturan.enums import JenisJabatan, Jenjang, Pendidikan, StatusASN

# SIASN "Export Data ASN": the headers in their order, as the public readers list them (64 names; the brief's
# "66 columns" counts a later version, see SIASN_KOLOM_BARU).
SIASN_KOLOM: tuple[str, ...] = (
    "PNS ID", "NIP BARU", "NIP LAMA", "NAMA", "GELAR DEPAN", "GELAR BELAKANG", "TEMPAT LAHIR ID",
    "TEMPAT LAHIR NAMA", "TANGGAL LAHIR", "JENIS KELAMIN", "AGAMA ID", "AGAMA NAMA", "JENIS KAWIN ID",
    "JENIS KAWIN NAMA", "NIK", "NOMOR HP", "EMAIL", "EMAIL GOV", "ALAMAT", "NPWP NOMOR", "BPJS",
    "JENIS PEGAWAI ID", "JENIS PEGAWAI NAMA", "KEDUDUKAN HUKUM ID", "KEDUDUKAN HUKUM NAMA", "STATUS CPNS PNS",
    "KARTU ASN VIRTUAL", "NOMOR SK CPNS", "TANGGAL SK CPNS", "TMT CPNS", "NOMOR SK PNS", "TANGGAL SK PNS",
    "TMT PNS", "GOL AWAL ID", "GOL AWAL NAMA", "GOL AKHIR ID", "GOL AKHIR NAMA", "TMT GOLONGAN", "MK TAHUN",
    "MK BULAN", "JENIS JABATAN ID", "JENIS JABATAN NAMA", "JABATAN ID", "JABATAN NAMA", "TMT JABATAN",
    "TINGKAT PENDIDIKAN ID", "TINGKAT PENDIDIKAN NAMA", "PENDIDIKAN ID", "PENDIDIKAN NAMA", "TAHUN LULUS",
    "KPKN ID", "KPKN NAMA", "LOKASI KERJA ID", "LOKASI KERJA NAMA", "UNOR ID", "UNOR NAMA", "INSTANSI INDUK ID",
    "INSTANSI INDUK NAMA", "INSTANSI KERJA ID", "INSTANSI KERJA NAMA", "SATUAN KERJA INDUK ID",
    "SATUAN KERJA INDUK NAMA", "SATUAN KERJA KERJA ID", "SATUAN KERJA KERJA NAMA",
)  # fmt: skip

# Later exports add these (the readers' migrations add IS VALID NIK, then NAMA SEKOLAH and FLAG IKD).
SIASN_KOLOM_BARU: tuple[str, ...] = (*SIASN_KOLOM, "IS VALID NIK", "NAMA SEKOLAH", "FLAG IKD")

# e-Kinerja "Laporan SKP" and "Penilaian SKP" headers (snake_case, below a title block).
EKINERJA_SKP_KOLOM: tuple[str, ...] = (
    "skp_id", "nip", "nama", "jabatan", "unit", "jenis_pegawai", "skp_status", "skp_model", "skp_unor",
    "skp_unor_atasan", "skp_unor_induk", "periode_awal", "periode_akhir", "is_plt_plh",
)  # fmt: skip
EKINERJA_PENILAIAN_KOLOM: tuple[str, ...] = (
    "id", "jenis", "tahun_skp", "nip", "nama", "periode_id", "jenis_pegawai", "golru", "skp_id",
    "periode_awal_skp", "periode_akhir_skp", "skp_unor_id", "skp_unor", "skp_unor_induk", "skp_jabatan",
    "skp_jenis_jabatan", "is_skp_plt_plh_pjb", "hasil_kerja", "perilaku_kerja", "hasil_akhir",
    "pegawai_atasan_id", "pegawai_atasan_nip", "pegawai_atasan_nama", "pegawai_atasan_unor_id",
    "pegawai_atasan_unor", "pegawai_atasan_jabatan", "pegawai_atasan_golru", "waktu_dinilai", "pegawai_penilai_id",
)  # fmt: skip
EKINERJA_BARIS_HEADER = 8  # the title block takes rows 1-7

# Names: short fictional lists; a few carry é/ñ so a cp1252 file has something to get wrong.
_DEPAN_L = ("Agus", "Bambang", "Dimas", "Asep", "Yohanes", "Andi", "Made", "Rizky", "Stéfanus", "Teguh", "Galih")
_DEPAN_P = ("Sri", "Endang", "Dewi", "Désy", "Siti", "Ni Luh", "Yuliana", "Ratna", "Agnès", "Indah", "Fitri")
_BELAKANG = (
    "Wahyuningsih", "Santoso", "Nugroho", "Lestari", "Hidayat", "Peñalosa", "Rahmawati", "Kurniawan",
    "Setyowati", "Saputra", "Simanjuntak", "Wijaya", "Handayani", "Purnomo",
)  # fmt: skip

# (name, jenjang available, education for keahlian / keterampilan)
_JF: tuple[tuple[str, tuple[Jenjang, ...]], ...] = (
    ("Perawat", (Jenjang.TERAMPIL, Jenjang.MAHIR, Jenjang.PENYELIA, Jenjang.AHLI_PERTAMA, Jenjang.AHLI_MUDA)),
    ("Pranata Komputer", (Jenjang.TERAMPIL, Jenjang.MAHIR, Jenjang.AHLI_PERTAMA, Jenjang.AHLI_MUDA)),
    ("Bidan", (Jenjang.TERAMPIL, Jenjang.MAHIR, Jenjang.AHLI_PERTAMA)),
    ("Dokter", (Jenjang.AHLI_PERTAMA, Jenjang.AHLI_MUDA, Jenjang.AHLI_MADYA)),
    ("Analis Kebijakan", (Jenjang.AHLI_PERTAMA, Jenjang.AHLI_MUDA, Jenjang.AHLI_MADYA)),
    ("Penyuluh Pertanian", (Jenjang.PEMULA, Jenjang.TERAMPIL, Jenjang.AHLI_PERTAMA)),
)
_PELAKSANA = (
    "Pengadministrasi Perkantoran",
    "Penata Layanan Operasional",
    "Operator Layanan Operasional",
    "Pengelola Umum Operasional",
)
# (jabatan, jenis, eselon name)
_STRUKTURAL = (
    ("Kepala Dinas Kesehatan", JenisJabatan.JPT_PRATAMA, "II.b"),
    ("Sekretaris Dinas Kesehatan", JenisJabatan.ADMINISTRATOR, "III.a"),
    ("Kepala Bidang Pelayanan Kesehatan", JenisJabatan.ADMINISTRATOR, "III.b"),
    ("Kepala Subbagian Umum dan Kepegawaian", JenisJabatan.PENGAWAS, "IV.a"),
    ("Kepala Seksi Pelayanan Kesehatan Primer", JenisJabatan.PENGAWAS, "IV.a"),
)
# SIASN tingkat pendidikan id, name as the export writes it, the app's code.
TINGKAT_PENDIDIKAN = {
    Pendidikan.SMA: ("15", "SLTA"),
    Pendidikan.D3: ("30", "Diploma III"),
    Pendidikan.D4: ("35", "Diploma IV"),
    Pendidikan.S1: ("40", "S-1/Sarjana"),
    Pendidikan.S2: ("45", "S-2"),
}
_GOL_ID = {
    f"{r}/{h}": f"{i}{j}"
    for i, r in enumerate(("I", "II", "III", "IV"), 1)
    for j, h in enumerate("abcde", 1)
    if not (h == "e" and r != "IV")
}


@dataclass(frozen=True)
class PegawaiFiktif:
    """A fictional pegawai and what a reader must make of it (`jenis_jabatan`, `jenjang`, `pendidikan`)."""

    nip: str
    pns_id: str
    nama: str
    gelar_depan: str
    gelar_belakang: str
    tanggal_lahir: date
    status_asn: StatusASN
    golongan: str  # "III/b" or PPPK "IX"
    jenis_jabatan: JenisJabatan
    jabatan_nama: str  # full, as SIASN writes it: "Perawat Ahli Pertama"
    jenjang: Jenjang | None
    eselon: str  # "" or "III.b"
    pendidikan: Pendidikan
    unor_id: str
    unor_nama: str
    atasan_nip: str = ""

    @property
    def golongan_id(self) -> str:
        """The BKN id (31 = III/a); PPPK has none here (the export writes the name)."""
        return _GOL_ID.get(self.golongan, "")

    @property
    def jenis_jabatan_id(self) -> str:
        """SIASN: 1 struktural, 2 fungsional, 4 pelaksana."""
        if self.jenis_jabatan.struktural:
            return "1"
        return "2" if self.jenis_jabatan is JenisJabatan.FUNGSIONAL else "4"

    @property
    def jenis_jabatan_nama(self) -> str:
        return {"1": "Jabatan Struktural", "2": "Jabatan Fungsional", "4": "Jabatan Pelaksana"}[self.jenis_jabatan_id]

    @property
    def nama_lengkap(self) -> str:
        """ "dr. Andi Wijaya, M.Kes." as a DUK writes it in one column."""
        teks = f"{self.gelar_depan} {self.nama}".strip()
        return f"{teks}, {self.gelar_belakang}" if self.gelar_belakang else teks


def _nip(rng: random.Random, dipakai: set[str]) -> tuple[str, date, str]:
    while True:
        lahir = date(rng.randint(1966, 1998), rng.randint(1, 12), rng.randint(1, 28))
        tmt = (lahir.year + rng.randint(22, 27), rng.randint(1, 12))
        kelamin = rng.choice("12")
        nip = f"{lahir:%Y%m%d}{tmt[0]}{tmt[1]:02d}{kelamin}{rng.randint(1, 999):03d}"
        if nip not in dipakai:
            dipakai.add(nip)
            return nip, lahir, "L" if kelamin == "1" else "P"


def _golongan_pns(rng: random.Random, pendidikan: Pendidikan) -> str:
    awal = {Pendidikan.SMA: ("II/a", "II/b", "II/c"), Pendidikan.D3: ("II/c", "II/d", "III/a")}
    return rng.choice(awal.get(pendidikan, ("III/a", "III/b", "III/c", "III/d", "IV/a")))


def pegawai_fiktif(n: int, unit_ids: Sequence[str] | Mapping[str, str], seed: int = 0) -> list[PegawaiFiktif]:
    """`n` fictional pegawai spread over the units (ids, or id -> name); same seed, same people.

    Every 8th is PPPK; about 5% struktural (with an eselon), 45% fungsional, the rest pelaksana.
    """
    rng = random.Random(seed)
    unit = dict(unit_ids) if isinstance(unit_ids, Mapping) else {u: f"Unit {u}" for u in unit_ids}
    kunci = list(unit)
    dipakai: set[str] = set()
    hasil = []
    for i in range(n):
        nip, lahir, kelamin = _nip(rng, dipakai)
        depan = rng.choice(_DEPAN_L if kelamin == "L" else _DEPAN_P)
        nama = depan if rng.random() < 0.1 else f"{depan} {rng.choice(_BELAKANG)}"
        pilih = rng.random()
        jenjang: Jenjang | None = None
        eselon = ""
        if pilih < 0.05:
            jabatan, jenis, eselon = rng.choice(_STRUKTURAL)
            pendidikan = rng.choice((Pendidikan.S1, Pendidikan.S2))
        elif pilih < 0.5:
            nama_jf, jenjang_ada = rng.choice(_JF)
            jenjang = rng.choice(jenjang_ada)
            jabatan, jenis = f"{nama_jf} {jenjang.label}", JenisJabatan.FUNGSIONAL
            if jenjang.kategori.value == "keahlian":
                pendidikan = rng.choice((Pendidikan.S1, Pendidikan.D4, Pendidikan.S2))
            else:
                pendidikan = Pendidikan.D3
        else:
            jabatan, jenis = rng.choice(_PELAKSANA), JenisJabatan.PELAKSANA
            pendidikan = rng.choice((Pendidikan.SMA, Pendidikan.D3, Pendidikan.S1))
        gelar_depan = "dr." if jabatan.startswith("Dokter") else ""
        gelar_belakang = {
            Pendidikan.S1: rng.choice(("S.Kom.", "S.E.", "S.Kep., Ns.")),
            Pendidikan.D4: "S.Tr.Kes.",
            Pendidikan.S2: rng.choice(("M.Kes.", "S.E., M.M.")),
            Pendidikan.D3: rng.choice(("A.Md.", "A.Md.Kep.")),
        }.get(pendidikan, "")
        pppk = i % 8 == 7 and not eselon
        if pppk:
            golongan = {Pendidikan.SMA: "V", Pendidikan.D3: "VII"}.get(pendidikan, "IX")
        else:
            golongan = _golongan_pns(rng, pendidikan)
        u = kunci[i % len(kunci)]
        hasil.append(
            PegawaiFiktif(
                nip=nip,
                pns_id=f"{rng.getrandbits(128):032X}",
                nama=nama,
                gelar_depan=gelar_depan,
                gelar_belakang=gelar_belakang,
                tanggal_lahir=lahir,
                status_asn=StatusASN.PPPK if pppk else StatusASN.PNS,
                golongan=golongan,
                jenis_jabatan=jenis,
                jabatan_nama=jabatan,
                jenjang=jenjang,
                eselon=eselon,
                pendidikan=pendidikan,
                unor_id=u,
                unor_nama=unit[u],
            )
        )
    return hasil


def ubah(p: PegawaiFiktif, **bidang: object) -> PegawaiFiktif:
    """A copy with some fields changed (a mutasi, a new golongan)."""
    return replace(p, **bidang)  # type: ignore[arg-type]


# --- SIASN export --------------------------------------------------------------------------------------------


def baris_siasn(p: PegawaiFiktif, *, kutip: bool = True, null: bool = True) -> dict[str, str]:
    """One SIASN export row: numbers kept as text with a leading `'`, empty values as `null`, dates dd-mm-yyyy."""
    q = "'" if kutip else ""
    kosong = "null" if null else ""
    pppk = p.status_asn is StatusASN.PPPK
    tp_id, tp_nama = TINGKAT_PENDIDIKAN[p.pendidikan]
    tmt = f"01-{p.nip[12:14]}-{p.nip[8:12]}"
    nilai = {
        "PNS ID": p.pns_id,
        "NIP BARU": q + p.nip,
        "NIP LAMA": kosong,
        "NAMA": p.nama,
        "GELAR DEPAN": p.gelar_depan or kosong,
        "GELAR BELAKANG": p.gelar_belakang or kosong,
        "TEMPAT LAHIR ID": kosong,
        "TEMPAT LAHIR NAMA": "SUKAMAJU",
        "TANGGAL LAHIR": f"{p.tanggal_lahir:%d-%m-%Y}",
        "JENIS KELAMIN": "M" if p.nip[14] == "1" else "F",
        "AGAMA ID": "1",
        "AGAMA NAMA": "Islam",
        "NIK": q + "3300000000000001",
        "NOMOR HP": q + "080000000000",
        "EMAIL": kosong,
        "EMAIL GOV": kosong,
        "ALAMAT": "Jl. Fiktif No. 1",
        "JENIS PEGAWAI ID": "5" if pppk else "4",
        "JENIS PEGAWAI NAMA": "PPPK" if pppk else "PNS Daerah Kabupaten/Kota",
        "KEDUDUKAN HUKUM ID": "01",
        "KEDUDUKAN HUKUM NAMA": "Aktif",
        "STATUS CPNS PNS": kosong if pppk else "P",
        "TMT CPNS": kosong if pppk else tmt,
        "TMT PNS": kosong if pppk else tmt,
        "GOL AKHIR ID": p.golongan_id or kosong,
        "GOL AKHIR NAMA": p.golongan,
        "TMT GOLONGAN": tmt,
        "JENIS JABATAN ID": p.jenis_jabatan_id,
        "JENIS JABATAN NAMA": p.jenis_jabatan_nama,
        "JABATAN ID": f"{zlib.crc32(p.jabatan_nama.encode()):08X}",
        "JABATAN NAMA": p.jabatan_nama,
        "TMT JABATAN": tmt,
        "TINGKAT PENDIDIKAN ID": tp_id,
        "TINGKAT PENDIDIKAN NAMA": tp_nama,
        "UNOR ID": p.unor_id,
        "UNOR NAMA": p.unor_nama,
        "INSTANSI INDUK NAMA": "Pemerintah Kabupaten Fiktif",
        "INSTANSI KERJA NAMA": "Pemerintah Kabupaten Fiktif",
        "IS VALID NIK": "1",
    }
    return {k: nilai.get(k, kosong) for k in SIASN_KOLOM_BARU}


def _baris(
    pegawai: Iterable[PegawaiFiktif],
    kolom: Sequence[str],
    buat: Callable[[PegawaiFiktif], Mapping[str, object]],
    ganti: Mapping[int, Mapping[str, object]] | None,
) -> Iterable[list[object]]:
    for i, p in enumerate(pegawai):
        nilai = {**buat(p), **(ganti or {}).get(i, {})}
        yield [nilai.get(k, "") for k in kolom]


def tulis_siasn_csv(
    path: Path,
    pegawai: Iterable[PegawaiFiktif],
    *,
    delimiter: str = ",",
    encoding: str = "utf-8",
    kolom: Sequence[str] = SIASN_KOLOM,
    kutip: bool = True,
    null: bool = True,
    ganti: Mapping[int, Mapping[str, object]] | None = None,
) -> Path:
    """A SIASN export CSV. `ganti` = {pegawai index: {column: value}} to break rows; `encoding` "utf-8-sig" for a
    BOM, "cp1252" with `delimiter=";"` as Excel on Indonesian Windows re-saves it."""
    baris = _baris(pegawai, kolom, lambda p: baris_siasn(p, kutip=kutip, null=null), ganti)
    return tulis_csv(path, [list(kolom), *baris], delimiter=delimiter, encoding=encoding)


def tulis_csv(path: Path, baris: Iterable[Sequence[object]], *, delimiter: str = ",", encoding: str = "utf-8") -> Path:
    with path.open("w", newline="", encoding=encoding) as f:
        csv.writer(f, delimiter=delimiter).writerows(baris)
    return path


def tulis_siasn_xlsx(
    path: Path,
    pegawai: Iterable[PegawaiFiktif],
    *,
    nip_angka: bool = False,
    ganti: Mapping[int, Mapping[str, object]] | None = None,
) -> Path:
    """The SIASN export opened and saved in Excel: `nip_angka` stores NIP BARU as a number (digits lost)."""

    def buat(p: PegawaiFiktif) -> dict[str, object]:
        nilai: dict[str, object] = dict(baris_siasn(p, kutip=False, null=False))
        if nip_angka:
            nilai["NIP BARU"] = float(p.nip)
        return nilai

    return tulis_xlsx(path, [list(SIASN_KOLOM), *_baris(pegawai, SIASN_KOLOM, buat, ganti)])


def tulis_xlsx(path: Path, baris: Iterable[Sequence[object]], *, judul: Sequence[Sequence[object]] = ()) -> Path:
    """A one-sheet .xlsx (openpyxl); `judul` rows go above the table."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Sheet1")
    for r in (*judul, *baris):
        ws.append(list(r))
    wb.save(path)
    return path


# --- e-Kinerja -------------------------------------------------------------------------------------------------


def _judul_ekinerja(jenis: str) -> list[list[object]]:
    judul = "LAPORAN SKP TAHUN 2026" if jenis == "skp" else "PENILAIAN SKP BULANAN TAHUN 2026"
    return [
        [judul],
        ["Instansi Pemerintah Kabupaten Fiktif"],
        [],
        [],
        [],
        ["Diunduh pada 01-07-2026 08:00:00"],
        [],
    ]


def baris_ekinerja(p: PegawaiFiktif, jenis: str = "skp", unit_atasan: str = "") -> dict[str, object]:
    pppk = p.status_asn is StatusASN.PPPK
    umum: dict[str, object] = {
        "nip": p.nip,
        "nama": p.nama_lengkap,
        "jenis_pegawai": "pppk" if pppk else "pns",
        "skp_unor": p.unor_nama,
        "skp_unor_atasan": unit_atasan,
        "skp_unor_induk": "Dinas Kesehatan",
    }
    if jenis == "skp":
        return {
            **umum,
            "skp_id": p.pns_id[:8],
            "jabatan": p.jabatan_nama,
            "unit": p.unor_nama,
            "skp_status": "persetujuan",
            "skp_model": "umum",
            "periode_awal": "01-01-2026",
            "periode_akhir": "31-12-2026",
            "is_plt_plh": 0,
        }
    return {
        **umum,
        "id": p.pns_id[:8],
        "jenis": "bulanan",
        "tahun_skp": 2026,
        "golru": p.golongan,
        "skp_unor_id": p.unor_id,
        "skp_jabatan": p.jabatan_nama,
        "skp_jenis_jabatan": p.jenis_jabatan_nama,
        "hasil_akhir": "Baik",
        "pegawai_atasan_nip": p.atasan_nip or "-",
    }


def tulis_ekinerja_xlsx(
    path: Path,
    pegawai: Iterable[PegawaiFiktif],
    *,
    jenis: str = "skp",
    unit_atasan: Mapping[str, str] | None = None,
    ganti: Mapping[int, Mapping[str, object]] | None = None,
) -> Path:
    """An e-Kinerja export: title block in rows 1-7, header in row 8. `jenis` "skp" (Laporan SKP) or "penilaian".
    `unit_atasan` maps a unit name to the name of the unit above it (`skp_unor_atasan`)."""
    kolom = EKINERJA_SKP_KOLOM if jenis == "skp" else EKINERJA_PENILAIAN_KOLOM
    atas = unit_atasan or {}
    baris = _baris(pegawai, kolom, lambda p: baris_ekinerja(p, jenis, atas.get(p.unor_nama, "")), ganti)
    return tulis_xlsx(path, [list(kolom), *baris], judul=_judul_ekinerja(jenis))


# --- other spreadsheet formats ------------------------------------------------------------------------------------

_ODS_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""
_ODS_KEPALA = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content'
    ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    '<office:body><office:spreadsheet><table:table table:name="Sheet1">'
)
_ODS_EKOR = "</table:table></office:spreadsheet></office:body></office:document-content>"


def _sel_ods(nilai: object) -> str:
    if nilai is None or nilai == "":
        return "<table:table-cell/>"
    if isinstance(nilai, bool) or not isinstance(nilai, int | float):
        return f'<table:table-cell office:value-type="string"><text:p>{escape(str(nilai))}</text:p></table:table-cell>'
    angka = f'office:value-type="float" office:value="{nilai!r}"'
    return f"<table:table-cell {angka}><text:p>{nilai}</text:p></table:table-cell>"


def tulis_ods(path: Path, baris: Iterable[Sequence[object]]) -> Path:
    """A minimal OpenDocument spreadsheet written by hand (mimetype, manifest, content.xml); numbers stay numbers."""
    isi = "".join(f"<table:table-row>{''.join(_sel_ods(v) for v in r)}</table:table-row>" for r in baris)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", _ODS_MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", _ODS_KEPALA + isi + _ODS_EKOR, compress_type=zipfile.ZIP_DEFLATED)
    return path


def tulis_xls(path: Path, baris: Iterable[Sequence[object]]) -> Path:
    """A legacy .xls (BIFF8) via xlwt, a test-only dependency."""
    import xlwt  # type: ignore[import-untyped]

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Sheet1")
    for i, r in enumerate(baris):
        for j, v in enumerate(r):
            ws.write(i, j, v)
    wb.save(str(path))
    return path


def tabel_duk(pegawai: Iterable[PegawaiFiktif]) -> list[list[object]]:
    """A local DUK/nominatif table: name with gelar in one column, GOL/RUANG, JABATAN, UNIT KERJA."""
    kepala: list[object] = ["NO", "NIP BARU", "NAMA LENGKAP", "GOL/RUANG", "JABATAN", "UNIT KERJA", "PENDIDIKAN"]
    return [
        kepala,
        *(
            [i, p.nip, p.nama_lengkap, p.golongan, p.jabatan_nama, p.unor_nama, TINGKAT_PENDIDIKAN[p.pendidikan][1]]
            for i, p in enumerate(pegawai, 1)
        ),
    ]


# --- units -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitFiktif:
    id: str
    nama: str
    induk_id: str  # "" for the root
    nama_jabatan: str
    pemimpin_pns_id: str = ""


def unit_fiktif() -> list[UnitFiktif]:
    """A small Dinas Kesehatan tree with a Puskesmas, as SIASN ref-unor would list it (ids are fictional)."""
    d = [
        ("U01", "Dinas Kesehatan", "", "Kepala Dinas Kesehatan"),
        ("U02", "Sekretariat", "U01", "Sekretaris Dinas Kesehatan"),
        ("U03", "Subbagian Umum dan Kepegawaian", "U02", "Kepala Subbagian Umum dan Kepegawaian"),
        ("U04", "Bidang Pelayanan Kesehatan", "U01", "Kepala Bidang Pelayanan Kesehatan"),
        ("U05", "Seksi Pelayanan Kesehatan Primer", "U04", "Kepala Seksi Pelayanan Kesehatan Primer"),
        ("U06", "UPTD Puskesmas Sukamaju Fiktif", "U01", "Kepala UPTD Puskesmas Sukamaju Fiktif"),
        ("U07", "RSUD Fiktif Sejahtera", "U01", "Direktur RSUD Fiktif Sejahtera"),
    ]
    return [UnitFiktif(id_unor(i), n, id_unor(p) if p else "", j) for i, n, p, j in d]


def id_unor(pendek: str) -> str:
    """A 32-character SIASN-style unit id from a short label ("U01")."""
    return f"8AE483C6{zlib.crc32(pendek.encode()):08X}E040640A0402{pendek.encode().hex().upper():>4}"[:32]


def tabel_unit(unit: Iterable[UnitFiktif], *, gaya: str = "refunor") -> list[list[str]]:
    """A unit file: `gaya` "refunor" (Id/DiatasanId/NamaUnor/NamaJabatan/PemimpinPnsId) or "snake" (ID_UNOR …)."""
    if gaya == "refunor":
        kepala = [
            "Id",
            "InstansiId",
            "DiatasanId",
            "EselonId",
            "NamaUnor",
            "NamaJabatan",
            "PemimpinPnsId",
        ]
        return [kepala, *([u.id, "A1", u.induk_id, "", u.nama, u.nama_jabatan, u.pemimpin_pns_id] for u in unit)]
    kepala = ["ID_UNOR", "NAMA_UNOR", "ID_ATASAN", "NAMA_JABATAN"]
    return [kepala, *([u.id, u.nama, u.induk_id, u.nama_jabatan] for u in unit)]
