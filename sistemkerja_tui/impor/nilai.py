"""Cell values as exports write them, checked and converted to the app's codes.

Every function raises `ValueError` with an Indonesian message that says what is wrong and how to fix the file;
the caller adds the row number and the column.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from itertools import product
from typing import Any, TypeVar

from sistemkerja_tui.aturan.enums import Golongan, GolonganPPPK, JenisJabatan, Jenjang, Pendidikan, StatusASN
from sistemkerja_tui.aturan.nip import NIPTidakSah, angka_nip, urai_nip
from sistemkerja_tui.aturan.tanggal import baca_tanggal
from sistemkerja_tui.impor.berkas import Sel

KOSONG = frozenset({"", "null", "-", "none", "nan", "n/a"})
KUTIP = "' \t"  # Excel's text marker and the blanks after it, stripped from the start of a stripped cell
# every spelling of those in upper and lower case ("NULL", "Null", "N/A"), for a lookup without casefold
KOSONG_SEMUA = frozenset("".join(h) for k in KOSONG for h in product(*({c.lower(), c.upper()} for c in k)))
_EXCEL_NOL = date(1899, 12, 30)  # Excel's day 0 (the 1900 leap-year bug included)
R = TypeVar("R")


def ingat(ubah: Callable[..., R]) -> Callable[..., R]:
    """`ubah` remembered by its text arguments, its refusal (ValueError) too — for one file: an export repeats a
    few golongan, jabatan and pendidikan values thousands of times. Only for functions of `str` arguments."""
    isi: dict[tuple[str, ...], tuple[bool, Any]] = {}

    def ingatan(*args: str) -> R:
        try:
            sah, hasil = isi[args]
        except KeyError:
            try:
                sah, hasil = True, ubah(*args)
            except ValueError as e:
                sah, hasil = False, str(e)
            isi[args] = sah, hasil
        if not sah:
            raise ValueError(hasil)
        return hasil  # type: ignore[no-any-return]

    return ingatan


def teks(sel: Sel) -> str:
    """A cell as text: a leading `'` (Excel's text marker) stripped, `null` and `-` empty, 40.0 -> "40"."""
    if type(sel) is str:
        bersih = sel.strip().lstrip(KUTIP)
        return "" if bersih in KOSONG_SEMUA else bersih
    if sel is None:
        return ""
    if isinstance(sel, bool):
        return "1" if sel else "0"
    if isinstance(sel, float):
        return str(int(sel)) if sel.is_integer() else repr(sel)
    if isinstance(sel, datetime):
        return sel.date().isoformat() if sel.time() == datetime.min.time() else sel.isoformat(sep=" ")
    if not isinstance(sel, str):
        return str(sel)
    bersih = sel.strip().lstrip(KUTIP)  # a str subclass
    return "" if bersih.casefold() in KOSONG else bersih


# --- NIP -------------------------------------------------------------------------------------------------------

_ANGKA_ILMIAH = re.compile(r"\d+([.,]\d+)?[eE][+]?\d+|\d{15,}[.,]0*")
PERBAIKI_NIP_ANGKA = (
    "NIP tersimpan sebagai angka, dan Excel hanya menyimpan 15 angka pertama, sehingga angka terakhir NIP sudah "
    "hilang dan tidak dapat dipulihkan. Ekspor ulang berkasnya dari SIASN, atau di Excel format kolom NIP sebagai "
    "Teks (Format Cells → Text) lalu isikan ulang NIP-nya, kemudian impor lagi."
)


def nip(sel: Sel, hari_ini: date | None = None) -> str:
    """An 18-digit NIP checked with `aturan.nip`; a NIP stored as a number is refused (its last digits are lost)."""
    if isinstance(sel, int | float) and not isinstance(sel, bool):
        raise ValueError(PERBAIKI_NIP_ANGKA)
    t = teks(sel)
    if not t.isdigit():
        if _ANGKA_ILMIAH.fullmatch(t):
            raise ValueError(PERBAIKI_NIP_ANGKA)
        if not t:
            raise ValueError("NIP kosong. Isikan 18 angka NIP, misalnya 19780315 200501 1 002.")
    angka = t if t.isdigit() else "".join(t.split())
    if len(angka) == 18 and angka.isdigit() and angka.endswith("000"):
        raise ValueError("NIP berakhiran 000, tanda NIP ini pernah tersimpan sebagai angka. " + PERBAIKI_NIP_ANGKA)
    try:
        return angka_nip(t, hari_ini)
    except NIPTidakSah as e:
        raise ValueError(e.pesan) from None


def nip_pppk(angka: str) -> bool:
    """A valid PPPK NIP (`aturan.nip`: the PPPK code 2 and the intake where a PNS NIP has the month)."""
    try:
        return urai_nip(angka).pppk
    except NIPTidakSah:
        return False


def nip_boleh_kosong(sel: Sel) -> str | None:
    return nip(sel) if teks(sel) or isinstance(sel, int | float) else None


# --- dates -----------------------------------------------------------------------------------------------------


_SERIAL = re.compile(r"\d{5}(\.0+)?")
_ISO_WAKTU = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})[ T][\d:.]+")


def tanggal(sel: Sel, bidang: str) -> date | None:
    """dd-mm-yyyy, dd/mm/yyyy, ISO, "1 Juli 2026" or an Excel serial number; empty is None."""
    if isinstance(sel, datetime):
        return sel.date()
    if isinstance(sel, date):
        return sel
    if isinstance(sel, int | float) and not isinstance(sel, bool):
        return _serial(float(sel), bidang)
    t = teks(sel)
    if _SERIAL.fullmatch(t):
        return _serial(float(t), bidang)
    if m := _ISO_WAKTU.fullmatch(t):
        t = m[1]
    return baca_tanggal(t, bidang, boleh_kosong=True)


def _serial(n: float, bidang: str) -> date:
    if not 1 <= n < 2958466:  # 9999-12-31
        raise ValueError(f"{bidang}: angka {n:g} bukan tanggal. Tulis tanggal seperti 31-12-2026.")
    return _EXCEL_NOL + timedelta(days=int(n))


# --- golongan and status -----------------------------------------------------------------------------------------

_RUANG = re.compile(r"\b(IV|III|II|I)\s*[/\-.]?\s*([A-E])\b", re.IGNORECASE)
_ROMAWI_PPPK = {g.value: g for g in GolonganPPPK}
_AWALAN_GOLONGAN = re.compile(r"^(golongan|gol\.?)\s*", re.IGNORECASE)
_KODE_GOLONGAN = frozenset(Golongan.kode_semua())
_ID_BKN = {f"{i}{j}": f"{r}/{h}" for i, r in enumerate(("I", "II", "III", "IV"), 1) for j, h in enumerate("abcde", 1)}


def golongan(sel: Sel) -> tuple[str, StatusASN | None]:
    """`III/b`, `III-b`, `IIIb`, `Penata Muda Tk. I (III/b)`, BKN id `32` -> ("III/b", PNS); PPPK `IX` -> ("IX", PPPK).

    Empty is ("", None).
    """
    t = teks(sel)
    if not t:
        return "", None
    if t in _ID_BKN and _ID_BKN[t] in _KODE_GOLONGAN:
        return _ID_BKN[t], StatusASN.PNS
    kompak = _AWALAN_GOLONGAN.sub("", t).strip().upper()
    if kompak in _ROMAWI_PPPK:
        return kompak, StatusASN.PPPK
    if m := _RUANG.search(t):
        kode = f"{m[1].upper()}/{m[2].lower()}"
        if kode in _KODE_GOLONGAN:
            return kode, StatusASN.PNS
    try:
        return Golongan.dari(t).value, StatusASN.PNS
    except ValueError:
        pass
    raise ValueError(
        f"Golongan '{t}' tidak dikenal. Tulis golongan PNS seperti III/b (atau id BKN 11–45), "
        "golongan PPPK seperti IX (I–XVII)."
    )


def status_asn(jenis_pegawai: str, status_cpns: str) -> StatusASN | None:
    """PNS or PPPK from SIASN `JENIS PEGAWAI NAMA` / e-Kinerja `jenis_pegawai` / `STATUS CPNS PNS`; None if silent."""
    j = jenis_pegawai.casefold()
    if "pppk" in j or "perjanjian kerja" in j or j.startswith("p3k"):
        return StatusASN.PPPK
    if "pns" in j or "cpns" in j or "pegawai negeri" in j:
        return StatusASN.PNS
    if status_cpns.strip().upper() in ("P", "C", "PNS", "CPNS"):
        return StatusASN.PNS
    if j:
        raise ValueError(f"Jenis pegawai '{jenis_pegawai}' tidak dikenal. Tulis PNS atau PPPK.")
    return None


# --- jabatan ---------------------------------------------------------------------------------------------------

# Jenjang as written at the end of a JF name; the old names of the keterampilan jenjang too.
_JENJANG: tuple[tuple[str, Jenjang], ...] = (
    ("ahli pertama", Jenjang.AHLI_PERTAMA),
    ("ahli muda", Jenjang.AHLI_MUDA),
    ("ahli madya", Jenjang.AHLI_MADYA),
    ("ahli utama", Jenjang.AHLI_UTAMA),
    ("pelaksana pemula", Jenjang.PEMULA),
    ("pelaksana lanjutan", Jenjang.MAHIR),
    ("pemula", Jenjang.PEMULA),
    ("terampil", Jenjang.TERAMPIL),
    ("mahir", Jenjang.MAHIR),
    ("penyelia", Jenjang.PENYELIA),
)
_POLA_JENJANG = re.compile(r"\b(" + "|".join(n for n, _ in _JENJANG) + r")\b", re.IGNORECASE)


def jenjang_jf(nama_jabatan: str) -> tuple[str, Jenjang | None]:
    """ "Perawat Ahli Pertama" -> ("Perawat", AHLI_PERTAMA); "Pranata Komputer Mahir" -> ("Pranata Komputer", MAHIR)."""
    cocok = list(_POLA_JENJANG.finditer(nama_jabatan))
    if not cocok:
        return nama_jabatan.strip(), None
    m = cocok[-1]
    jenjang = dict(_JENJANG)[m[1].casefold()]
    return nama_jabatan[: m.start()].strip(" -,"), jenjang


# Struktural jabatan by name when the file has no eselon (first match wins).
_STRUKTURAL: tuple[tuple[str, JenisJabatan], ...] = (
    (
        (
            r"^(sekretaris daerah|sekretaris dprd|sekretaris dewan|asisten|staf ahli|inspektur(?! pembantu)"
            r"|kepala (dinas|badan|satuan polisi))\b"
        ),
        JenisJabatan.JPT_PRATAMA,
    ),
    (r"^kepala (sub ?bagian|sub ?bidang|seksi|sub ?seksi|upt|uptd|tata usaha)\b", JenisJabatan.PENGAWAS),
    (r"^(lurah|sekretaris kelurahan|kasubag|kasubbag|kasi)\b", JenisJabatan.PENGAWAS),
    (
        r"^(sekretaris|kepala (bidang|bagian|kantor)|camat|inspektur pembantu|direktur|kabid|kabag)\b",
        JenisJabatan.ADMINISTRATOR,
    ),
)
_STRUKTURAL_POLA = tuple((re.compile(p), j) for p, j in _STRUKTURAL)
_ESELON = re.compile(r"^(IV|III|II|I|V)\b", re.IGNORECASE)


def _struktural(eselon: str, nama_jabatan: str, kolom_jenis: str) -> JenisJabatan:
    if m := _ESELON.match(eselon.strip().replace(" ", "")):
        return {"I": JenisJabatan.JPT_PRATAMA, "II": JenisJabatan.JPT_PRATAMA, "III": JenisJabatan.ADMINISTRATOR}.get(
            m[1].upper(), JenisJabatan.PENGAWAS
        )
    if eselon:
        raise ValueError(f"Eselon '{eselon}' tidak dikenal. Tulis seperti II.b, III.a atau IV.a.")
    nama = " ".join(nama_jabatan.casefold().split())
    for pola, jenis in _STRUKTURAL_POLA:
        if pola.search(nama):
            return jenis
    raise ValueError(
        f"{kolom_jenis} menyebut jabatan struktural, tetapi '{nama_jabatan}' tidak menunjukkan tingkatnya dan berkas "
        "tidak memuat kolom ESELON. Tambahkan kolom ESELON (misalnya II.b, III.a, IV.a) atau tulis jenis jabatannya "
        "JPT Pratama, Administrator atau Pengawas."
    )


def jenis_jabatan(
    jenis_id: str, jenis_nama: str, nama_jabatan: str, eselon: str, kolom_jenis: str = "Jenis jabatan"
) -> JenisJabatan:
    """From SIASN ids (1 struktural, 2 fungsional, 4 pelaksana) or names; struktural split by eselon or the name.

    With neither id nor name: fungsional when the name carries a jenjang, struktural when it reads like one,
    otherwise pelaksana.
    """
    nama = jenis_nama.casefold()
    if jenis_id in ("1", "01") or (not jenis_id and "struktural" in nama):
        return _struktural(eselon, nama_jabatan, kolom_jenis)
    if jenis_id in ("2", "02"):
        return JenisJabatan.FUNGSIONAL
    if jenis_id in ("4", "04"):
        return JenisJabatan.PELAKSANA
    if jenis_id:
        raise ValueError(
            f"{kolom_jenis} '{jenis_id}' tidak dikenal. Id SIASN: 1 struktural, 2 fungsional, 4 pelaksana."
        )
    if nama:
        for kunci, jenis in (
            ("pimpinan tinggi", JenisJabatan.JPT_PRATAMA),
            ("jpt", JenisJabatan.JPT_PRATAMA),
            ("administrator", JenisJabatan.ADMINISTRATOR),
            ("pengawas", JenisJabatan.PENGAWAS),
            ("fungsional umum", JenisJabatan.PELAKSANA),
            ("jfu", JenisJabatan.PELAKSANA),
            ("pelaksana", JenisJabatan.PELAKSANA),
            ("fungsional", JenisJabatan.FUNGSIONAL),
            ("jft", JenisJabatan.FUNGSIONAL),
        ):
            if kunci in nama:
                return jenis
        raise ValueError(
            f"{kolom_jenis} '{jenis_nama}' tidak dikenal. Tulis Struktural, Fungsional, Pelaksana, "
            "JPT Pratama, Administrator atau Pengawas (atau id SIASN 1, 2, 4)."
        )
    if jenjang_jf(nama_jabatan)[1] is not None:
        return JenisJabatan.FUNGSIONAL
    if eselon:
        return _struktural(eselon, nama_jabatan, kolom_jenis)
    try:
        return _struktural("", nama_jabatan, kolom_jenis)
    except ValueError:
        return JenisJabatan.PELAKSANA


# --- pendidikan ------------------------------------------------------------------------------------------------

_ID_PENDIDIKAN = {
    "05": Pendidikan.SD,
    "10": Pendidikan.SMP,
    "12": Pendidikan.SMP,
    "15": Pendidikan.SMA,
    "17": Pendidikan.SMA,
    "18": Pendidikan.SMA,
    "20": Pendidikan.D1,
    "25": Pendidikan.D2,
    "30": Pendidikan.D3,
    "35": Pendidikan.D4,
    "40": Pendidikan.S1,
    "42": Pendidikan.S1,  # profesi
    "45": Pendidikan.S2,
    "47": Pendidikan.S2,  # spesialis
    "49": Pendidikan.S3,  # subspesialis
    "50": Pendidikan.S3,
}
# Compact name prefix (letters and digits only, upper case) -> education; the longest prefix wins.
_NAMA_PENDIDIKAN = {
    "SD": Pendidikan.SD,
    "SEKOLAHDASAR": Pendidikan.SD,
    "SLTP": Pendidikan.SMP,
    "SMP": Pendidikan.SMP,
    "MTS": Pendidikan.SMP,
    "SLTA": Pendidikan.SMA,
    "SMA": Pendidikan.SMA,
    "SMU": Pendidikan.SMA,
    "SMK": Pendidikan.SMA,
    "MA": Pendidikan.SMA,
    "STM": Pendidikan.SMA,
    "SPK": Pendidikan.SMA,
    "D1": Pendidikan.D1,
    "DI": Pendidikan.D1,
    "DIPLOMAI": Pendidikan.D1,
    "D2": Pendidikan.D2,
    "DII": Pendidikan.D2,
    "DIPLOMAII": Pendidikan.D2,
    "D3": Pendidikan.D3,
    "DIII": Pendidikan.D3,
    "DIPLOMAIII": Pendidikan.D3,
    "AKADEMI": Pendidikan.D3,
    "D4": Pendidikan.D4,
    "DIV": Pendidikan.D4,
    "DIPLOMAIV": Pendidikan.D4,
    "SARJANATERAPAN": Pendidikan.D4,
    "S1": Pendidikan.S1,
    "SI": Pendidikan.S1,
    "SARJANA": Pendidikan.S1,
    "STRATA1": Pendidikan.S1,
    "STRATAI": Pendidikan.S1,
    "PROFESI": Pendidikan.S1,
    "S2": Pendidikan.S2,
    "SII": Pendidikan.S2,
    "STRATA2": Pendidikan.S2,
    "STRATAII": Pendidikan.S2,
    "MAGISTER": Pendidikan.S2,
    "PASCASARJANA": Pendidikan.S2,
    "SPESIALIS": Pendidikan.S2,
    "S3": Pendidikan.S3,
    "SIII": Pendidikan.S3,
    "STRATA3": Pendidikan.S3,
    "STRATAIII": Pendidikan.S3,
    "DOKTOR": Pendidikan.S3,
    "SUBSPESIALIS": Pendidikan.S3,
}
_BUKAN_HURUF_ANGKA = re.compile(r"[^A-Z0-9]")
_PREFIKS_PENDIDIKAN = sorted(_NAMA_PENDIDIKAN, key=len, reverse=True)


def pendidikan(id_: str, nama: str) -> Pendidikan | None:
    """From SIASN tingkat pendidikan ids (05 SD … 50 S-3) or names ("S-1/Sarjana", "D-III", "SLTA"); None if empty."""
    if id_:
        kunci = id_.zfill(2)
        if kunci in _ID_PENDIDIKAN:
            return _ID_PENDIDIKAN[kunci]
        if not nama:
            raise ValueError(
                f"Id tingkat pendidikan '{id_}' tidak dikenal. Id SIASN: 05 SD, 10 SLTP, 15 SLTA, 20 D-I, 25 D-II, "
                "30 D-III, 35 D-IV, 40 S-1, 45 S-2, 50 S-3."
            )
    if not nama:
        return None
    kompak = _BUKAN_HURUF_ANGKA.sub("", nama.upper())
    for prefiks in _PREFIKS_PENDIDIKAN:
        if kompak.startswith(prefiks):
            return _NAMA_PENDIDIKAN[prefiks]
    raise ValueError(f"Pendidikan '{nama}' tidak dikenal. Tulis misalnya SLTA, D-III, D-IV, S-1, S-2 atau S-3.")


def pendidikan_dari_gelar(gelar_depan: str, gelar_belakang: str) -> Pendidikan | None:
    """A guess when the file has no education column: M.* -> S2, S.Tr.* -> D4, S.* -> S1, A.Md.* -> D3."""
    if re.search(r"\bDr\.", gelar_depan):
        return Pendidikan.S3
    bagian = [g.strip() for g in gelar_belakang.split(",")]
    if any(g.startswith(("M.", "Sp.")) for g in bagian):
        return Pendidikan.S2
    if any(g.startswith("S.Tr") for g in bagian):
        return Pendidikan.D4
    if any(g.startswith("S.") or g in ("Ns.", "Apt.") for g in bagian) or re.search(
        r"\b(dr|drg|drh|Ir|Drs|Dra)\.", gelar_depan
    ):
        return Pendidikan.S1
    if any(g.startswith("A.Md") for g in bagian):
        return Pendidikan.D3
    return None


# --- names -----------------------------------------------------------------------------------------------------

_GELAR_DEPAN = re.compile(r"^(prof|dr|drg|drh|ir|drs|dra|h|hj|apt|ns|kh)\.$", re.IGNORECASE)


def pisah_gelar(nama_lengkap: str) -> tuple[str, str, str]:
    """ "dr. Andi Wijaya, M.Kes." -> ("dr.", "Andi Wijaya", "M.Kes."); a plain name is returned as it is."""
    depan_nama, _, belakang = nama_lengkap.partition(",")
    kata = depan_nama.split()
    i = 0
    while i < len(kata) - 1 and _GELAR_DEPAN.match(kata[i]):
        i += 1
    return " ".join(kata[:i]), " ".join(kata[i:]), " ".join(belakang.split())
