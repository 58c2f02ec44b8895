"""Import use cases: preview and apply the pegawai or unit rows that `sistemkerja_tui.impor` read from a file.

A preview writes nothing. Applying is one transaction (`store.db.transaksi`):
with refused rows nothing is written unless the caller skips them
(`lewati_galat`); a cancel (`batal` set) rolls everything back. A re-import is
an update keyed on NIP (and PNS ID when present); a pegawai a full import no
longer lists is marked inactive, never deleted, and their running team
memberships are listed for the unit head. Writes are batched (executemany);
the audit trail gets one summary per changed pegawai or unit and one for the run.
"""

from __future__ import annotations

import csv
import threading
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from operator import attrgetter, itemgetter
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from sistemkerja_tui.aturan.enums import (
    Golongan,
    GolonganPPPK,
    JenisJabatan,
    JenisUnit,
    Jenjang,
    Pendidikan,
    PeranTim,
    StatusASN,
)
from sistemkerja_tui.aturan.sebutan import nama_lengkap
from sistemkerja_tui.impor.model import BarisPegawai, BarisUnit, HasilBaca, Penolakan, T
from sistemkerja_tui.layanan.galat import Ditolak

if TYPE_CHECKING:
    from sistemkerja_tui.layanan.mulai import Layanan

Kemajuan = Callable[[str, int, int], None]
"""Progress: (stage, done, total); stages `periksa` (rows compared) and `tulis` (rows written)."""

SETIAP = 1000  # rows between progress reports and cancellation checks while comparing

_LABEL_PEGAWAI = {
    "nip": "NIP",
    "pns_id": "PNS ID",
    "nama": "Nama",
    "gelar_depan": "Gelar depan",
    "gelar_belakang": "Gelar belakang",
    "status_asn": "Status ASN",
    "golongan": "Golongan",
    "jenis_jabatan": "Jenis jabatan",
    "nama_jabatan": "Jabatan",
    "jenjang": "Jenjang",
    "pendidikan": "Pendidikan",
    "unit_id": "Unit",
    "aktif": "Aktif",
}
_AMBIL_DB = attrgetter(*_LABEL_PEGAWAI)
_AMBIL_BARU = itemgetter(*_LABEL_PEGAWAI)
_RAHASIA = frozenset({"nip", "pns_id"})  # changed, but their values stay out of reports and the audit trail
_LABEL_UNIT = {
    "nama": "Nama",
    "induk_id": "Induk",
    "jenis": "Jenis",
    "kode": "Kode",
    "nama_jabatan_pimpinan": "Jabatan pimpinan",
    "pimpinan_id": "Pimpinan",
    "mandiri": "Unit kerja mandiri",
    "aktif": "Aktif",
    "sumber_id": "Id sumber",
}


class ImporDibatalkan(Ditolak):
    """The user cancelled; the transaction was rolled back."""

    def __init__(self) -> None:
        super().__init__("Impor dibatalkan; database tidak diubah.")


class ImporDitolak(Ditolak):
    """Refused rows (or new pegawai no unit takes) without `lewati_galat`: nothing written; `pratinjau` lists them."""

    def __init__(self, pratinjau: Pratinjau) -> None:
        super().__init__(_pesan_galat(pratinjau))
        self.pratinjau = pratinjau


@dataclass(frozen=True)
class Perubahan:
    """One pegawai or unit the file changes: its row, id, name and (label, old, new) per changed field."""

    baris: int
    id: int
    nama: str
    kolom: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True, slots=True)
class Baru:
    baris: int
    nama: str


@dataclass(frozen=True)
class TanpaUnit:
    """A pegawai row whose unit matches no unit (by id, else by name). A new one cannot be placed;
    an existing one keeps their unit."""

    baris: int
    nama: str
    unit: str
    baru: bool


@dataclass(frozen=True)
class Hilang:
    """An active pegawai of the Pemda that a full import does not list."""

    id: int
    nama: str
    unit: str


@dataclass(frozen=True)
class AnggotaNonaktif:
    """A running team membership of a pegawai no longer active: for the unit head to replace."""

    tim_id: int
    tim: str
    unit_id: int
    pegawai_id: int
    nama: str
    peran: str
    alasan: str


@dataclass
class Pratinjau:
    """What applying the file would do; nothing is written to make it."""

    berkas: str
    jenis: str  # "pegawai" | "unit"
    pemetaan: dict[str, str]
    jumlah_baris: int
    penuh: bool = False
    kolom_wajib_hilang: list[str] = field(default_factory=list)
    baru: list[Baru] = field(default_factory=list)
    diubah: list[Perubahan] = field(default_factory=list)
    tetap: int = 0
    hilang: list[Hilang] = field(default_factory=list)  # only with `penuh`
    ditolak: list[Penolakan] = field(default_factory=list)
    tanpa_unit: list[TanpaUnit] = field(default_factory=list)
    peringatan: list[str] = field(default_factory=list)
    pimpinan: list[str] = field(default_factory=list)  # heads set on units that had none ("unit: name (jabatan)")
    unit_baru: list[Baru] = field(default_factory=list)  # units a pegawai file names and no stored unit matches

    @property
    def ada_galat(self) -> bool:
        """Refused rows, a missing required column, or new pegawai that no unit takes."""
        return bool(self.ditolak or self.kolom_wajib_hilang or any(t.baru for t in self.tanpa_unit))

    @property
    def jumlah_dilewati(self) -> int:
        return len(self.ditolak) + sum(t.baru for t in self.tanpa_unit)


@dataclass
class HasilImpor:
    """What applying did (`pratinjau` holds the rows), and what the unit heads must look at."""

    pratinjau: Pratinjau
    baru: int = 0
    diubah: int = 0
    dinonaktifkan: int = 0
    dilewati: int = 0
    anggota_nonaktif: list[AnggotaNonaktif] = field(default_factory=list)
    unit_baru: int = 0  # units made from the pegawai file


# --- helpers -------------------------------------------------------------------------------------


@lru_cache(maxsize=8192)  # a file repeats a few hundred jabatan and unit names 80 000 times
def _normal(teks: str | None) -> str:
    return " ".join((teks or "").split()).casefold()


def _cek_batal(batal: threading.Event | None) -> None:
    if batal is not None and batal.is_set():
        raise ImporDibatalkan


def _lapor(kemajuan: Kemajuan | None, tahap: str, selesai: int, total: int) -> None:
    if kemajuan is not None:
        kemajuan(tahap, selesai, total)


def _nama_berkas(hasil: HasilBaca[Any]) -> str:
    return Path(hasil.berkas).name


def _cek_kolom(hasil: HasilBaca[Any]) -> None:
    if hasil.kolom_wajib_hilang:
        raise Ditolak(
            f"Berkas {_nama_berkas(hasil)} tidak dapat diimpor; database tidak diubah. "
            + (
                " ".join(hasil.catatan)
                or f"Kolom wajib tidak ditemukan: {', '.join(hasil.kolom_wajib_hilang)}. Tambahkan kolom itu (atau "
                "beri judul kolom yang dikenal) lalu impor lagi."
            )
        )


def _label_enum(enum: Any, kode: Any) -> str:
    if kode is None or kode == "":
        return "-"
    try:
        return str(enum(kode).label)
    except ValueError:
        return str(kode)


# --- pegawai ----------------------------------------------------------------------------------


@dataclass
class _Rencana:
    pratinjau: Pratinjau
    sisip: list[tuple[Any, ...]] = field(default_factory=list)  # new pegawai: the columns `_LABEL_PEGAWAI`
    ubah: list[dict[str, Any]] = field(default_factory=list)
    riwayat_ubah: list[tuple[int | None, dict[str, Any]]] = field(default_factory=list)
    nonaktif: list[int] = field(default_factory=list)
    pimpinan: dict[int, tuple[str, bool]] = field(default_factory=dict)  # unit id -> (head's NIP, is a JF)
    pimpinan_lepas: list[int] = field(default_factory=list)  # units whose head a full import deactivates
    unit_sisip: list[dict[str, Any]] = field(default_factory=list)  # units the pegawai file names that none matches


class _Unit:
    """The units of the Pemda as the pegawai rows link to them."""

    def __init__(self, rows: list[Any]) -> None:
        self.nama = {r.id: r.nama for r in rows}
        self.per_sumber = {r.sumber_id: r.id for r in rows if r.sumber_id}
        per_nama: dict[str, list[int]] = {}
        for r in rows:
            per_nama.setdefault(_normal(r.nama), []).append(r.id)
        self.per_nama = {k: v[0] for k, v in per_nama.items() if len(v) == 1}
        # units without a head: the jabatan names that make a pegawai their head ("Kepala Dinas Kesehatan")
        self.jabatan_kepala = {
            r.id: {_normal(r.nama_jabatan_pimpinan), f"kepala {_normal(r.nama)}"} - {""}
            for r in rows
            if r.pimpinan_id is None and r.aktif
        }

    def cocok(self, b: BarisPegawai) -> int | None:
        if b.unit_sumber_id and b.unit_sumber_id in self.per_sumber:
            return self.per_sumber[b.unit_sumber_id]
        return self.per_nama.get(_normal(b.unit_nama)) if b.unit_nama else None


_GOLONGAN_SAH = {
    StatusASN.PNS.value: frozenset(Golongan.kode_semua()),
    StatusASN.PPPK.value: frozenset(GolonganPPPK.kode_semua()),
}


def _tampil(kolom: str, nilai: Any, unit: _Unit) -> str:
    if kolom == "unit_id":
        return unit.nama.get(nilai, "-") if nilai is not None else "-"
    if kolom == "status_asn":
        return _label_enum(StatusASN, nilai)
    if kolom == "jenis_jabatan":
        return _label_enum(JenisJabatan, nilai)
    if kolom == "jenjang":
        return _label_enum(Jenjang, nilai)
    if kolom == "pendidikan":
        return _label_enum(Pendidikan, nilai)
    if kolom == "aktif":
        return "ya" if nilai else "tidak"
    return str(nilai) if nilai not in (None, "") else "-"


def _rencana_pegawai(
    hasil: HasilBaca[BarisPegawai],
    pegawai_db: list[Any],
    unit_db: list[Any],
    instansi_id: int | None,
    *,
    penuh: bool,
    batal: threading.Event | None,
    kemajuan: Kemajuan | None,
    id_unit_awal: int,
    buat_unit: bool = True,
) -> _Rencana:
    """Compare the file's rows with the database: pure Python over two reads, no query per row."""
    p = Pratinjau(
        _nama_berkas(hasil),
        "pegawai",
        dict(hasil.pemetaan),
        hasil.jumlah_baris,
        penuh=penuh,
        kolom_wajib_hilang=list(hasil.kolom_wajib_hilang),
        ditolak=list(hasil.ditolak),
    )
    r = _Rencana(p)
    unit = _Unit(unit_db)
    tanpa = [b for b in hasil.baris if (b.unit_sumber_id or b.unit_nama) and unit.cocok(b) is None]
    if tanpa and buat_unit:
        r.unit_sisip = _unit_dari_berkas(p, tanpa, unit, unit_db, pegawai_db, id_unit_awal)
        unit = _Unit([*unit_db, *(SimpleNamespace(**u) for u in r.unit_sisip)])
    per_nip = {q.nip: q for q in pegawai_db}
    per_pns = {q.pns_id: q for q in pegawai_db if q.pns_id}
    baris_nip: dict[str, int] = {}
    baris_pns: dict[str, int] = {}
    terlihat: set[int] = set()
    calon: dict[int, list[BarisPegawai]] = {}  # unit without a head -> rows whose jabatan names its head
    dipimpin = {u.pimpinan_id: u for u in unit_db if u.pimpinan_id is not None}  # head's pegawai id -> unit
    total = len(hasil.baris)
    for i, b in enumerate(hasil.baris, 1):
        if i % SETIAP == 0:
            _cek_batal(batal)
            _lapor(kemajuan, "periksa", i, total)
        tolak = _periksa_baris(b, baris_nip, baris_pns)
        lama = per_nip.get(b.nip)
        lewat_pns = per_pns.get(b.pns_id) if b.pns_id else None
        if tolak is None and lama is not None and lewat_pns is not None and lewat_pns.id != lama.id:
            tolak = Penolakan(b.baris, "PNS ID", "PNS ID milik pegawai lain dengan NIP berbeda; periksa NIP dan PNS ID")
        lama = lama or lewat_pns
        unit_id = unit.cocok(b) if tolak is None else None
        target: dict[str, Any] = {}
        if tolak is None and (unit_id is not None or lama is not None):
            target = _kolom_pegawai(b, unit_id, lama, b.bidang_berkas or _LABEL_PEGAWAI)
            tolak = _periksa_target(b.baris, target)
        if tolak is not None:
            p.ditolak.append(tolak)
            if lama is not None:
                terlihat.add(lama.id)  # listed in the file: never counted as missing
            continue
        baris_nip[b.nip] = b.baris
        if b.pns_id:
            baris_pns[b.pns_id] = b.baris
        if unit_id is None and (b.unit_sumber_id or b.unit_nama or lama is None):
            asal = " / ".join(x for x in (b.unit_sumber_id, b.unit_nama) if x) or "(tanpa unit)"
            p.tanpa_unit.append(TanpaUnit(b.baris, b.nama, asal, lama is None))
            if lama is None:
                continue
        kepala = unit.jabatan_kepala.get(target["unit_id"])
        if kepala and _normal(target["nama_jabatan"]) in kepala:
            calon.setdefault(target["unit_id"], []).append(b)
        if lama is None:
            r.sisip.append(_AMBIL_BARU(target))  # a tuple: 80 000 dicts would hold 50 MiB more
            p.baru.append(Baru(b.baris, nama_lengkap(b.nama, b.gelar_depan, b.gelar_belakang)))
            continue
        terlihat.add(lama.id)
        if _AMBIL_DB(lama) == _AMBIL_BARU(target):  # one C-level comparison for the common case (1 == True)
            p.tetap += 1
            continue
        beda = [k for k in _LABEL_PEGAWAI if _nilai_db(lama, k) != target[k]]
        p.diubah.append(
            Perubahan(
                b.baris,
                lama.id,
                nama_lengkap(b.nama, b.gelar_depan, b.gelar_belakang),
                tuple(
                    (_LABEL_PEGAWAI[k], "", "diubah")
                    if k in _RAHASIA
                    else (_LABEL_PEGAWAI[k], _tampil(k, _nilai_db(lama, k), unit), _tampil(k, target[k], unit))
                    for k in beda
                ),
            )
        )
        if lama.id in dipimpin and target["unit_id"] != lama.unit_id:
            p.peringatan.append(
                f"{dipimpin[lama.id].nama}: pimpinannya ({nama_lengkap(b.nama, b.gelar_depan, b.gelar_belakang)}) "
                f"pindah ke {unit.nama[target['unit_id']]}; periksa pimpinan unit itu."
            )
        r.ubah.append({"b_id": lama.id, **target})
        r.riwayat_ubah.append(
            (lama.id, {k: "diubah" if k in _RAHASIA else [_nilai_db(lama, k), target[k]] for k in beda})
        )
    _lapor(kemajuan, "periksa", total, total)
    for unit_id, baris in calon.items():
        if len(baris) == 1:
            b = baris[0]
            r.pimpinan[unit_id] = (b.nip, b.jenis_jabatan is JenisJabatan.FUNGSIONAL)
            nama = nama_lengkap(b.nama, b.gelar_depan, b.gelar_belakang)
            p.pimpinan.append(f"{unit.nama[unit_id]}: {nama} ({b.nama_jabatan}), dari jabatannya")
    if penuh:
        for q in pegawai_db:
            if q.aktif and q.instansi_id == instansi_id and q.id not in terlihat:
                p.hilang.append(
                    Hilang(q.id, nama_lengkap(q.nama, q.gelar_depan, q.gelar_belakang), unit.nama[q.unit_id])
                )
                r.nonaktif.append(q.id)
        for h in p.hilang:
            if h.id in dipimpin:
                u = dipimpin[h.id]
                r.pimpinan_lepas.append(u.id)
                p.peringatan.append(
                    f"{u.nama}: pimpinannya ({h.nama}) tidak aktif lagi, jadi pimpinan unit dikosongkan; "
                    "tetapkan pimpinan yang baru (atau Plt.)."
                )
    return r


def _unit_dari_berkas(
    p: Pratinjau, tanpa: list[BarisPegawai], unit: _Unit, unit_db: list[Any], pegawai_db: list[Any], id_awal: int
) -> list[dict[str, Any]]:
    """The units that pegawai rows name and no stored unit matches (SIASN `UNOR ID`/`UNOR NAMA`, e-Kinerja
    `skp_unor`/`skp_unor_atasan`), as rows to insert: kind guessed from the name, parent when the file names it."""
    from sistemkerja_tui.impor.unit import unit_dari_pegawai

    baris = unit_dari_pegawai(tanpa)
    dikenal = {b.sumber_id: unit.per_nama[_normal(b.nama)] for b in baris if _normal(b.nama) in unit.per_nama}
    ru = _rencana_unit(
        HasilBaca(p.berkas, 0, {}, baris=[b for b in baris if b.sumber_id not in dikenal]),
        unit_db,
        pegawai_db,
        id_awal,
        dikenal=dikenal,
    )
    ber_id = {b.unit_sumber_id for b in tanpa if b.unit_sumber_id}
    for u in ru.sisip:
        if u["sumber_id"] not in ber_id:
            u["sumber_id"] = None  # keyed by its name in the file: no source id to keep
    p.unit_baru = ru.pratinjau.baru
    if ru.sisip:
        teratas = sum(u["induk_id"] is None for u in ru.sisip)
        p.peringatan.append(
            f"{len(ru.sisip)} unit baru dibuat dari berkas pegawai ({teratas} di antaranya unit teratas karena "
            "berkas tidak menyebut induknya); jenisnya ditebak dari nama. Periksa di layar Struktur, atau impor "
            "berkas unit (sistemkerja impor unit BERKAS) untuk pohon dan pimpinannya."
        )
    for t in ru.pratinjau.ditolak:
        p.peringatan.append(f"Unit pada baris {t.baris} tidak dapat dibuat: {t.alasan}.")
    return ru.sisip


def _periksa_baris(b: BarisPegawai, baris_nip: dict[str, int], baris_pns: dict[str, int]) -> Penolakan | None:
    """What the database would refuse of a row the reader passed, said before anything is written."""
    if len(b.nip) != 18 or not b.nip.isdigit():
        return Penolakan(b.baris, "NIP", "NIP harus 18 angka")
    if b.nip in baris_nip:
        return Penolakan(b.baris, "NIP", f"NIP sama dengan baris {baris_nip[b.nip]}; satu pegawai satu baris")
    if b.pns_id and b.pns_id in baris_pns:
        return Penolakan(b.baris, "PNS ID", f"PNS ID sama dengan baris {baris_pns[b.pns_id]}; satu pegawai satu baris")
    return None


_FUNGSIONAL = JenisJabatan.FUNGSIONAL.value


def _periksa_target(baris: int, t: dict[str, Any]) -> Penolakan | None:
    """The stored row after the update, checked as the database's constraints would check it."""
    if not t["golongan"]:
        return Penolakan(baris, "golongan", "golongan kosong; pegawai baru memerlukan golongan (mis. III/b)")
    if t["golongan"] not in _GOLONGAN_SAH[t["status_asn"]]:
        status = StatusASN(t["status_asn"])
        sah = "I/a sampai IV/e" if status is StatusASN.PNS else "I sampai XVII"
        return Penolakan(baris, "golongan", f"golongan {t['golongan']} tidak berlaku untuk {status.label} ({sah})")
    if t["jenis_jabatan"] == _FUNGSIONAL and t["jenjang"] is None:
        return Penolakan(baris, "jenjang", "jabatan fungsional tanpa jenjang; tulis mis. 'Perawat Ahli Pertama'")
    return None


def _nilai_db(lama: Any, kolom: str) -> Any:
    nilai = getattr(lama, kolom)
    return bool(nilai) if kolom == "aktif" else nilai


# member -> its code: a dict lookup costs a quarter of `Enum.value` (a Python property), 4 × 80 000 times
_KODE: dict[Any, str] = {m: m.value for e in (StatusASN, JenisJabatan, Jenjang, Pendidikan) for m in e}
_BOLEH_TETAP = ("gelar_depan", "gelar_belakang", "status_asn", "jenis_jabatan", "nama_jabatan", "jenjang", "pendidikan")


def _kolom_pegawai(b: BarisPegawai, unit_id: int | None, lama: Any, bidang: Collection[str]) -> dict[str, Any]:
    """The columns the row sets. On an update, a field the file did not give (not in `bidang`, the row's
    `bidang_berkas`: a default or a guess of the reader) keeps its stored value; so do an empty golongan and PNS ID."""
    kolom = {
        "nip": b.nip,
        "pns_id": b.pns_id,
        "nama": b.nama,
        "gelar_depan": b.gelar_depan,
        "gelar_belakang": b.gelar_belakang,
        "status_asn": _KODE[b.status_asn],
        "golongan": b.golongan,
        "jenis_jabatan": _KODE[b.jenis_jabatan],
        "nama_jabatan": b.nama_jabatan,
        "jenjang": _KODE[b.jenjang] if b.jenjang else None,
        "pendidikan": _KODE[b.pendidikan],
        "unit_id": unit_id,
        "aktif": True,
    }
    if lama is not None:
        for k in _BOLEH_TETAP:
            if k not in bidang:
                kolom[k] = getattr(lama, k)
        kolom["pns_id"] = b.pns_id or lama.pns_id
        kolom["golongan"] = b.golongan or lama.golongan
        if unit_id is None:
            kolom["unit_id"] = lama.unit_id
    return kolom


# --- units ------------------------------------------------------------------------------------


@dataclass
class _RencanaUnit:
    pratinjau: Pratinjau
    sisip: list[dict[str, Any]] = field(default_factory=list)
    ubah: list[dict[str, Any]] = field(default_factory=list)
    riwayat_ubah: list[tuple[int | None, dict[str, Any]]] = field(default_factory=list)
    tutup: list[int] = field(default_factory=list)  # units a full import closes (`aktif` false, never deleted)


_KATA_LEWAT = frozenset({"DAN", "DI", "KE", "DARI", "UNTUK", "YANG", "PADA"})


def buat_kode(nama: str, terpakai: set[str]) -> str:
    """A unit code from its name (`Dinas Kesehatan` → `DINKES`), unique among `terpakai` (uq_unit_kode)."""
    kata = [k for k in "".join(c if c.isalnum() else " " for c in nama.upper()).split() if k not in _KATA_LEWAT]
    dasar = "".join(k[:3] for k in kata[:3])[:12] or "UNIT"
    kode, n = dasar, 2
    while kode in terpakai:
        kode, n = f"{dasar}{n}", n + 1
    return kode


def _rencana_unit(
    hasil: HasilBaca[BarisUnit],
    unit_db: list[Any],
    pegawai_db: list[Any],
    id_awal: int,
    *,
    dikenal: dict[str, int] | None = None,
    penuh: bool = False,
    batal: threading.Event | None = None,
    kemajuan: Kemajuan | None = None,
) -> _RencanaUnit:
    """Compare the unit rows with the stored units; `dikenal` = parent keys already known (key -> unit id).
    `penuh`: the file lists every unit, so a stored open unit it does not name is closed (`_tutup_unit`)."""
    p = Pratinjau(
        _nama_berkas(hasil),
        "unit",
        dict(hasil.pemetaan),
        hasil.jumlah_baris,
        penuh=penuh,
        kolom_wajib_hilang=list(hasil.kolom_wajib_hilang),
        ditolak=list(hasil.ditolak),
    )
    r = _RencanaUnit(p)
    lama_per_id = {u.id: u for u in unit_db}
    per_sumber = {u.sumber_id: u for u in unit_db if u.sumber_id}
    per_nama: dict[str, list[Any]] = {}
    for u in unit_db:
        if not u.sumber_id:
            per_nama.setdefault(_normal(u.nama), []).append(u)
    per_nip = {q.nip: q for q in pegawai_db}
    per_pns = {q.pns_id: q for q in pegawai_db if q.pns_id}
    induk_di_berkas = {b.induk_sumber_id for b in hasil.baris if b.induk_sumber_id}

    # 1. which rows are units, which is the instansi itself, which are refused
    terima: list[BarisUnit] = []
    dilihat: dict[str, int] = {}
    instansi_sumber: set[str] = set()
    for b in hasil.baris:
        if b.sumber_id in dilihat:
            p.ditolak.append(Penolakan(b.baris, "id", f"id unit sama dengan baris {dilihat[b.sumber_id]}"))
            continue
        dilihat[b.sumber_id] = b.baris
        if b.jenis is None:
            if b.sumber_id in induk_di_berkas and not (b.induk_sumber_id and b.induk_sumber_id in dilihat):
                instansi_sumber.add(b.sumber_id)
                p.peringatan.append(
                    f"Baris {b.baris} ({b.nama}) dianggap instansi itu sendiri; unit di bawahnya menjadi "
                    "perangkat daerah (unit teratas)."
                )
                continue
            p.ditolak.append(
                Penolakan(
                    b.baris, "jenis", f"jenis unit '{b.nama}' tidak dapat ditebak; isi kolom jenis (mis. Dinas, Bidang)"
                )
            )
            continue
        terima.append(b)

    # 2. ids: a unit of the file is the stored one with its source id (else the same name), or a new one
    def cocok(b: BarisUnit) -> Any | None:
        lama = per_sumber.get(b.sumber_id)
        if lama is None:
            kandidat = per_nama.get(_normal(b.nama), [])
            lama = kandidat[0] if len(kandidat) == 1 else None
        return lama

    id_baris: dict[str, int] = {}
    berikut = id_awal
    for b in terima:
        lama = cocok(b)
        if lama is not None:
            id_baris[b.sumber_id] = lama.id
        else:
            id_baris[b.sumber_id], berikut = berikut, berikut + 1

    # 3. parents, then a tree without cycles
    induk: dict[int, int | None] = {u.id: u.induk_id for u in unit_db}
    for b in terima:
        i = id_baris[b.sumber_id]
        s = b.induk_sumber_id
        if not s or s in instansi_sumber:
            induk[i] = None
        elif s in id_baris:
            induk[i] = id_baris[s]
        elif s in per_sumber:
            induk[i] = per_sumber[s].id
        elif dikenal and s in dikenal:
            induk[i] = dikenal[s]
        else:
            induk[i] = None
            p.peringatan.append(f"Baris {b.baris} ({b.nama}): induk '{s}' tidak ditemukan; dijadikan unit teratas.")
    siklus = _dalam_siklus(induk)
    if siklus:
        for b in terima:
            if id_baris[b.sumber_id] in siklus:
                p.ditolak.append(Penolakan(b.baris, "induk", "induk unit membentuk lingkaran; periksa id induknya"))
        terima = [b for b in terima if id_baris[b.sumber_id] not in siklus]
        for i in siklus:
            induk[i] = lama_per_id[i].induk_id if i in lama_per_id and lama_per_id[i].induk_id not in siklus else None
    tingkat = _tingkat(induk)

    # 4. codes, heads, and the rows to write
    kode_dipakai = {u.kode: u.id for u in unit_db}
    urutan = max((u.urutan for u in unit_db), default=0)
    tersentuh: set[int] = set()
    nama_unit = {**{u.id: u.nama for u in unit_db}, **{id_baris[x.sumber_id]: x.nama for x in terima}}
    total = len(terima)
    for nomor, b in enumerate(terima, 1):
        if nomor % SETIAP == 0:
            _cek_batal(batal)
            _lapor(kemajuan, "periksa", nomor, total)
        i = id_baris[b.sumber_id]
        lama = lama_per_id.get(i)
        jenis = b.jenis
        assert jenis is not None  # rows without a kind were refused in step 1
        kode = b.kode.strip() or (lama.kode if lama is not None else "")
        if kode and kode_dipakai.get(kode, i) != i:
            lain = lama_per_id.get(kode_dipakai[kode])
            p.ditolak.append(
                Penolakan(b.baris, "kode", f"kode '{kode}' sudah dipakai unit {lain.nama if lain else 'lain'}")
            )
            continue
        if not kode:
            kode = buat_kode(b.nama, set(kode_dipakai))
        kode_dipakai[kode] = i
        pimpinan = _pimpinan(b, per_nip, per_pns)
        if pimpinan is None and (b.pimpinan_nip or b.pimpinan_pns_id):
            p.peringatan.append(
                f"Baris {b.baris} ({b.nama}): pimpinan belum ada di database; impor pegawai dulu lalu impor "
                "berkas unit ini lagi."
            )
        pimpinan_id = pimpinan.id if pimpinan is not None else (lama.pimpinan_id if lama is not None else None)
        if pimpinan is not None:
            # the profile's `ppk.unit_mandiri`: a unit kerja mandiri is one a Pejabat Fungsional leads
            mandiri = pimpinan.jenis_jabatan == JenisJabatan.FUNGSIONAL.value
        else:
            mandiri = bool(lama.mandiri) if lama is not None else False
        if b.jenis_ditebak:
            p.peringatan.append(f"Baris {b.baris} ({b.nama}): jenis ditebak dari nama: {jenis.label}; periksa.")
        target = {
            "nama": b.nama,
            "induk_id": induk[i],
            "jenis": jenis.value,
            "kode": kode,
            "nama_jabatan_pimpinan": b.nama_jabatan_pimpinan
            or (lama.nama_jabatan_pimpinan if lama is not None else ""),
            "pimpinan_id": pimpinan_id,
            "mandiri": mandiri,
            "aktif": True,
            "sumber_id": b.sumber_id,
        }
        tersentuh.add(i)
        if lama is None:
            urutan += 1
            r.sisip.append({"id": i, "instansi_id": 0, "tingkat": tingkat[i], "urutan": urutan, **target})
            p.baru.append(Baru(b.baris, b.nama))
            continue
        beda = [k for k in _LABEL_UNIT if _nilai_unit(lama, k) != target[k]]
        if not beda and lama.tingkat == tingkat[i]:
            p.tetap += 1
            continue
        if beda:
            p.diubah.append(
                Perubahan(
                    b.baris,
                    i,
                    b.nama,
                    tuple(
                        (
                            _LABEL_UNIT[k],
                            _tampil_unit(k, _nilai_unit(lama, k), nama_unit),
                            _tampil_unit(k, target[k], nama_unit),
                        )
                        for k in beda
                    ),
                )
            )
            r.riwayat_ubah.append((i, {k: [_nilai_unit(lama, k), target[k]] for k in beda}))
        r.ubah.append({"b_id": i, "tingkat": tingkat[i], **target})
    _lapor(kemajuan, "periksa", total, total)
    if penuh:
        # named by a row (even a refused one) or as a row's parent: in the file, never closed
        disebut = {u.id for b in hasil.baris if (u := cocok(b)) is not None}
        disebut |= {per_sumber[b.induk_sumber_id].id for b in hasil.baris if b.induk_sumber_id in per_sumber}
        _tutup_unit(r, unit_db, pegawai_db, disebut, induk, nama_unit)
    # units outside the file whose level changed because a unit above them moved
    for u in unit_db:
        if u.id not in tersentuh and u.tingkat != tingkat[u.id]:
            r.ubah.append({"b_id": u.id, "tingkat": tingkat[u.id], **{k: _nilai_unit(u, k) for k in _LABEL_UNIT}})
    r.sisip.sort(key=lambda d: d["tingkat"])  # parents before their children (foreign key)
    return r


def _tutup_unit(
    r: _RencanaUnit,
    unit_db: list[Any],
    pegawai_db: list[Any],
    disebut: set[int],
    induk: dict[int, int | None],
    nama_unit: dict[int, str],
) -> None:
    """A full unit import: each open unit the file does not name is closed, listed in `pratinjau.hilang` with its
    parent. A unit that still has active pegawai is refused (a unit import moves no pegawai), and the units above
    it stay open."""
    p = r.pratinjau
    aktif = Counter(q.unit_id for q in pegawai_db if q.aktif)
    calon = [u for u in unit_db if u.aktif and u.id not in disebut]
    tetap: set[int] = set()  # refused, or above a refused one
    for u in calon:
        if aktif[u.id]:
            p.ditolak.append(
                Penolakan(
                    0,
                    "unit",
                    f"Unit {u.nama} tidak tercantum di berkas, tetapi tidak dapat ditutup: masih ada {aktif[u.id]} "
                    "pegawai aktif. Pindahkan mereka lebih dahulu (impor pegawai, atau Mutasi di layar Struktur), "
                    "atau cantumkan unit ini di berkas.",
                )
            )
            atas: int | None = u.id
            while atas is not None and atas not in tetap:
                tetap.add(atas)
                atas = induk.get(atas)
    for u in calon:
        if u.id in tetap:
            if not aktif[u.id]:
                p.peringatan.append(
                    f"{u.nama} tidak tercantum di berkas, tetapi tetap dibuka: sub-unitnya tidak ditutup."
                )
            continue
        atas = induk.get(u.id)
        p.hilang.append(Hilang(u.id, u.nama, nama_unit.get(atas, "-") if atas is not None else "(teratas)"))
        r.tutup.append(u.id)


def _pimpinan(b: BarisUnit, per_nip: dict[str, Any], per_pns: dict[str, Any]) -> Any | None:
    if b.pimpinan_nip and b.pimpinan_nip in per_nip:
        return per_nip[b.pimpinan_nip]
    if b.pimpinan_pns_id and b.pimpinan_pns_id in per_pns:
        return per_pns[b.pimpinan_pns_id]
    return None


def _nilai_unit(u: Any, kolom: str) -> Any:
    nilai = getattr(u, kolom)
    return bool(nilai) if kolom in ("aktif", "mandiri") else nilai


def _tampil_unit(kolom: str, nilai: Any, nama_unit: dict[int, str]) -> str:
    if kolom == "induk_id":
        return nama_unit.get(nilai, "-") if nilai is not None else "(teratas)"
    if kolom == "jenis":
        return _label_enum(JenisUnit, nilai)
    if kolom in ("aktif", "mandiri"):
        return "ya" if nilai else "tidak"
    if kolom == "pimpinan_id":
        return "ditetapkan" if nilai is not None else "-"
    return str(nilai) if nilai not in (None, "") else "-"


def _dalam_siklus(induk: dict[int, int | None]) -> set[int]:
    """Units whose chain of parents comes back to itself."""
    hasil: set[int] = set()
    aman: set[int] = set()
    for awal in induk:
        jalur: list[int] = []
        di_jalur: set[int] = set()
        u: int | None = awal
        while u is not None and u not in aman and u not in di_jalur:
            jalur.append(u)
            di_jalur.add(u)
            u = induk.get(u)
        if u is not None and u in di_jalur:
            hasil.update(jalur[jalur.index(u) :])
        aman.update(jalur)
    return hasil


def _tingkat(induk: dict[int, int | None]) -> dict[int, int]:
    """1 for a Perangkat Daerah (the instansi is level 0), +1 per level down."""
    hasil: dict[int, int] = {}

    def dari(i: int) -> int:
        jalur = []
        u: int | None = i
        while u is not None and u not in hasil:
            jalur.append(u)
            u = induk.get(u)
        dasar = hasil[u] if u is not None else 0
        for v in reversed(jalur):
            dasar += 1
            hasil[v] = dasar
        return hasil[i]

    for i in induk:
        dari(i)
    return hasil


# --- the service ------------------------------------------------------------------------------


class LayananImpor:
    """Import use cases over one open database (`layanan.mulai.Layanan`)."""

    def __init__(self, layanan: Layanan) -> None:
        self.layanan = layanan

    @property
    def _pembaca(self) -> Any:
        return self.layanan.struktur.pembaca

    def _instansi(self, sumber: Any) -> Any:
        from sistemkerja_tui.store.kueri import impor as kueri

        instansi = kueri.instansi_sendiri(sumber)
        if instansi is None:
            raise Ditolak(
                "Database belum berisi instansi (Pemda). Siapkan dulu dengan: sistemkerja init --instansi "
                '"Pemerintah Kabupaten …" --jenis kabupaten --profil umum, lalu impor lagi.'
            )
        return instansi

    # --- reading (the TUI imports only layanan) ---

    def baca_pegawai(
        self,
        path: str | Path,
        *,
        kemajuan: Callable[[int], None] | None = None,
        batal: threading.Event | None = None,
    ) -> HasilBaca[BarisPegawai]:
        """The pegawai rows of `path` (`impor.pegawai.baca_pegawai`); `kemajuan(n)` as rows are read;
        `ImporDibatalkan` once `batal` is set (checked every 1000 rows)."""
        from sistemkerja_tui.impor.pegawai import baca_pegawai

        return _baca(lambda: baca_pegawai(path, kemajuan=kemajuan, batal=batal), path)

    def baca_unit(
        self,
        path: str | Path,
        *,
        kemajuan: Callable[[int], None] | None = None,
        batal: threading.Event | None = None,
    ) -> HasilBaca[BarisUnit]:
        """The unit rows of `path` (`impor.unit.baca_unit`); progress and cancelling as `baca_pegawai`."""
        from sistemkerja_tui.impor.unit import baca_unit

        return _baca(lambda: baca_unit(path, kemajuan=kemajuan, batal=batal), path)

    # --- pegawai ---

    def pratinjau_pegawai(
        self,
        hasil: HasilBaca[BarisPegawai],
        *,
        penuh: bool,
        batal: threading.Event | None = None,
        kemajuan: Kemajuan | None = None,
        buat_unit: bool = True,
    ) -> Pratinjau:
        """What applying `hasil` would do: new, changed (fields per pegawai), unchanged, missing (`penuh`),
        refused rows, units the file names that none matches (made from the file unless not `buat_unit`)
        and rows whose unit still matches none. Writes nothing."""
        from sistemkerja_tui.store.kueri import impor as kueri

        instansi = self._instansi(self._pembaca)
        unit_db = kueri.unit(self._pembaca, instansi.id)
        return _rencana_pegawai(
            hasil,
            kueri.pegawai(self._pembaca),
            unit_db,
            instansi.id,
            penuh=penuh,
            batal=batal,
            kemajuan=kemajuan,
            id_unit_awal=max((u.id for u in unit_db), default=0) + 1,  # only to tell new units apart
            buat_unit=buat_unit,
        ).pratinjau

    def terapkan_pegawai(
        self,
        hasil: HasilBaca[BarisPegawai],
        *,
        oleh_id: int | None,
        lewati_galat: bool,
        penuh: bool,
        batal: threading.Event | None = None,
        kemajuan: Kemajuan | None = None,
        alasan_nonaktif: str | None = None,
        buat_unit: bool = True,
    ) -> HasilImpor:
        """Apply `hasil` in one transaction (see the module doc); `Ditolak` leaves the database unchanged."""
        from sistemkerja_tui.store import riwayat
        from sistemkerja_tui.store.kueri import impor as kueri
        from sistemkerja_tui.store.kueri.struktur import id_berikut, selaraskan_sekuens

        _cek_kolom(hasil)
        if penuh and hasil.ditolak:
            raise Ditolak(
                f"Impor penuh dihentikan: {len(hasil.ditolak)} baris berkas {_nama_berkas(hasil)} ditolak, sehingga "
                "pegawai pada baris itu akan dianggap tidak ada lagi. Perbaiki baris itu, atau impor tanpa --penuh; "
                "database tidak diubah."
            )
        with self.layanan.transaksi_admin("Impor data pegawai") as sesi:
            instansi = self._instansi(sesi)
            pegawai_db = kueri.pegawai(sesi)
            r = _rencana_pegawai(
                hasil,
                pegawai_db,
                kueri.unit(sesi, instansi.id),
                instansi.id,
                penuh=penuh,
                batal=batal,
                kemajuan=kemajuan,
                id_unit_awal=id_berikut(sesi, "unit_organisasi"),
                buat_unit=buat_unit,
            )
            p = r.pratinjau
            if p.ada_galat and not lewati_galat:
                raise ImporDitolak(p)
            alasan = alasan_nonaktif or f"tidak tercantum lagi pada impor penuh {p.berkas} ({date.today():%d-%m-%Y})"
            nonaktif = [{"b_id": i, "aktif": False, "alasan_nonaktif": alasan} for i in r.nonaktif]
            total = len(r.sisip) + len(r.ubah) + len(nonaktif)
            ditulis = 0

            def setiap(n: int) -> None:
                _cek_batal(batal)
                _lapor(kemajuan, "tulis", ditulis + n, total)

            _cek_batal(batal)
            _lapor(kemajuan, "tulis", 0, total)
            kueri.sisipkan_unit(sesi, [{**u, "instansi_id": instansi.id} for u in r.unit_sisip])
            selaraskan_sekuens(sesi, ["unit_organisasi"])
            with kueri.indeks_ditunda(sesi, "pegawai", len(r.sisip), len(pegawai_db)):
                kueri.sisipkan_pegawai(sesi, list(_LABEL_PEGAWAI), r.sisip, setiap)
            ditulis += len(r.sisip)
            with kueri.cache_besar(sesi):  # updates touch the five pegawai indexes at random places
                kueri.perbarui_pegawai(sesi, [{**u, "alasan_nonaktif": ""} for u in r.ubah], setiap)
                ditulis += len(r.ubah)
                kueri.perbarui_pegawai(sesi, nonaktif, setiap)
            self._tetapkan_pimpinan(sesi, r.pimpinan, oleh_id)
            kueri.perbarui_unit(sesi, [{"b_id": u, "pimpinan_id": None} for u in r.pimpinan_lepas])
            riwayat.catat_banyak(
                sesi,
                oleh_id=oleh_id,
                aksi="kosongkan_pimpinan_unit",
                entitas="unit_organisasi",
                rincian=[(u, {"alasan": "pimpinan tidak aktif lagi (impor penuh)"}) for u in r.pimpinan_lepas],
            )
            riwayat.catat_banyak(
                sesi, oleh_id=oleh_id, aksi="impor_ubah_pegawai", entitas="pegawai", rincian=r.riwayat_ubah
            )
            riwayat.catat_banyak(
                sesi,
                oleh_id=oleh_id,
                aksi="nonaktifkan_pegawai",
                entitas="pegawai",
                rincian=[(i, {"alasan": alasan}) for i in r.nonaktif],
            )
            riwayat.catat(
                sesi,
                oleh_id=oleh_id,
                aksi="impor_pegawai",
                entitas="instansi",
                entitas_id=instansi.id,
                berkas=p.berkas,
                baru=len(r.sisip),
                unit_baru=len(r.unit_sisip),
                diubah=len(r.ubah),
                dinonaktifkan=len(r.nonaktif),
                dilewati=p.jumlah_dilewati,
                penuh=penuh,
            )
            baru_nonaktif = set(r.nonaktif)
            anggota = [a for a in _anggota(kueri.anggota_nonaktif(sesi)) if a.pegawai_id in baru_nonaktif]
            _cek_batal(batal)
        self._segarkan()
        return HasilImpor(
            p, len(r.sisip), len(r.ubah), len(r.nonaktif), p.jumlah_dilewati, anggota, unit_baru=len(r.unit_sisip)
        )

    @staticmethod
    def _tetapkan_pimpinan(sesi: Any, pimpinan: dict[int, tuple[str, bool]], oleh_id: int | None) -> None:
        """Heads of units that had none, found by their jabatan; the profile's `ppk.unit_mandiri`: a unit a
        Pejabat Fungsional leads is a unit kerja mandiri."""
        from sistemkerja_tui.store import riwayat
        from sistemkerja_tui.store.kueri import impor as kueri

        if not pimpinan:
            return
        ids = kueri.pegawai_per_nip(sesi, [nip for nip, _ in pimpinan.values()])
        ubah = [{"b_id": u, "pimpinan_id": ids[nip], "mandiri": jf} for u, (nip, jf) in pimpinan.items()]
        kueri.perbarui_unit(sesi, ubah)
        rincian = [(u["b_id"], {"pimpinan_id": [None, u["pimpinan_id"]], "mandiri": u["mandiri"]}) for u in ubah]
        riwayat.catat_banyak(
            sesi, oleh_id=oleh_id, aksi="impor_pimpinan_unit", entitas="unit_organisasi", rincian=rincian
        )

    # --- units ---

    def pratinjau_unit(
        self,
        hasil: HasilBaca[BarisUnit],
        *,
        penuh: bool = False,
        batal: threading.Event | None = None,
        kemajuan: Kemajuan | None = None,
    ) -> Pratinjau:
        """What applying the unit file would do (with `penuh`: which units it closes). Writes nothing."""
        from sistemkerja_tui.store.kueri import impor as kueri

        instansi = self._instansi(self._pembaca)
        unit_db = kueri.unit(self._pembaca, instansi.id)
        id_awal = max((u.id for u in unit_db), default=0) + 1  # only to tell rows apart; not written
        return _rencana_unit(
            hasil, unit_db, kueri.pegawai(self._pembaca), id_awal, penuh=penuh, batal=batal, kemajuan=kemajuan
        ).pratinjau

    def terapkan_unit(
        self,
        hasil: HasilBaca[BarisUnit],
        *,
        oleh_id: int | None,
        lewati_galat: bool = False,
        penuh: bool = False,
        batal: threading.Event | None = None,
        kemajuan: Kemajuan | None = None,
    ) -> HasilImpor:
        """Apply the unit file in one transaction: new units, renamed/moved ones, codes, heads; with `penuh`,
        the open units the file does not name are closed (never deleted: their pegawai and history stay)."""
        from sistemkerja_tui.store import riwayat
        from sistemkerja_tui.store.kueri import impor as kueri
        from sistemkerja_tui.store.kueri.struktur import id_berikut, selaraskan_sekuens

        _cek_kolom(hasil)
        if penuh and hasil.ditolak:
            raise Ditolak(
                f"Impor unit penuh dihentikan: {len(hasil.ditolak)} baris berkas {_nama_berkas(hasil)} ditolak, "
                "sehingga unit pada baris itu akan dianggap tidak ada lagi dan ditutup. Perbaiki baris itu, atau "
                "impor tanpa --penuh; database tidak diubah."
            )
        with self.layanan.transaksi_admin("Impor unit") as sesi:
            instansi = self._instansi(sesi)
            r = _rencana_unit(
                hasil,
                kueri.unit(sesi, instansi.id),
                kueri.pegawai(sesi),
                id_berikut(sesi, "unit_organisasi"),
                penuh=penuh,
                batal=batal,
                kemajuan=kemajuan,
            )
            p = r.pratinjau
            if p.ada_galat and not lewati_galat:
                raise ImporDitolak(p)
            total = len(r.sisip) + len(r.ubah) + len(r.tutup)

            def setiap(n: int) -> None:
                _cek_batal(batal)
                _lapor(kemajuan, "tulis", n, total)

            setiap(0)
            kueri.sisipkan_unit(sesi, [{**u, "instansi_id": instansi.id} for u in r.sisip], setiap)
            kueri.perbarui_unit(sesi, r.ubah, lambda n: setiap(len(r.sisip) + n))
            kueri.perbarui_unit(
                sesi, [{"b_id": i, "aktif": False} for i in r.tutup], lambda n: setiap(len(r.sisip) + len(r.ubah) + n)
            )
            selaraskan_sekuens(sesi, ["unit_organisasi"])
            riwayat.catat_banyak(
                sesi, oleh_id=oleh_id, aksi="impor_ubah_unit", entitas="unit_organisasi", rincian=r.riwayat_ubah
            )
            alasan = f"tidak tercantum lagi pada impor unit penuh {p.berkas} ({date.today():%d-%m-%Y})"
            riwayat.catat_banyak(
                sesi,
                oleh_id=oleh_id,
                aksi="tutup_unit",
                entitas="unit_organisasi",
                rincian=[(i, {"alasan": alasan}) for i in r.tutup],
            )
            riwayat.catat(
                sesi,
                oleh_id=oleh_id,
                aksi="impor_unit",
                entitas="instansi",
                entitas_id=instansi.id,
                berkas=p.berkas,
                baru=len(r.sisip),
                diubah=len(p.diubah),
                ditutup=len(r.tutup),
                dilewati=p.jumlah_dilewati,
                penuh=penuh,
            )
            _cek_batal(batal)
        self._segarkan()
        return HasilImpor(p, len(r.sisip), len(p.diubah), len(r.tutup), p.jumlah_dilewati)

    # --- after an import ---

    def anggota_nonaktif(self, unit_id: int | None = None) -> list[AnggotaNonaktif]:
        """Running team memberships of pegawai no longer active (in teams of `unit_id` and below, if given)."""
        from sistemkerja_tui.store.kueri import impor as kueri

        unit = self.layanan.struktur.subpohon(unit_id) if unit_id is not None else None
        return _anggota(kueri.anggota_nonaktif(self._pembaca, unit))

    def _segarkan(self) -> None:
        """The structure, tree and search index read again, so screens show the import without a restart."""
        self.layanan.struktur.muat_ulang()


def _baca(baca: Callable[[], HasilBaca[T]], path: str | Path) -> HasilBaca[T]:
    """Run a reader; a file that cannot be read is refused with the reader's (Indonesian) message."""
    from sistemkerja_tui.impor.berkas import BacaDibatalkan, BerkasTidakTerbaca

    try:
        return baca()
    except BacaDibatalkan:
        raise ImporDibatalkan from None
    except BerkasTidakTerbaca as e:
        raise Ditolak(str(e)) from e
    except OSError as e:
        raise Ditolak(f"Berkas {path} tidak dapat dibaca: {e.strerror or e}. Periksa izin berkas itu.") from e


def _anggota(rows: Iterable[Any]) -> list[AnggotaNonaktif]:
    return [
        AnggotaNonaktif(
            r.tim_id,
            r.tim,
            r.unit_id,
            r.pegawai_id,
            nama_lengkap(r.nama, r.gelar_depan, r.gelar_belakang),
            _label_enum(PeranTim, r.peran),
            r.alasan_nonaktif,
        )
        for r in rows
    ]


def _pesan_galat(p: Pratinjau) -> str:
    bagian = []
    if p.ditolak:
        bagian.append(f"{len(p.ditolak)} baris ditolak")
    tanpa = sum(t.baru for t in p.tanpa_unit)
    if tanpa:
        bagian.append(f"{tanpa} pegawai baru tanpa unit yang cocok (impor berkas unit dulu: sistemkerja impor unit)")
    return (
        f"Berkas {p.berkas}: {', '.join(bagian)}; database tidak diubah. Perbaiki berkasnya, atau impor hanya "
        "baris yang sah dengan --lewati-galat."
    )


# --- the report file --------------------------------------------------------------------------


def tulis_laporan(hasil: HasilImpor | Pratinjau, path: str | Path) -> Path:
    """Write what was done (or would be, for a preview) and what was refused: .md or .csv by extension."""
    berkas = Path(path).expanduser()
    akhiran = berkas.suffix.lower()
    if akhiran not in (".md", ".csv"):
        raise Ditolak(f"Berkas laporan {berkas.name} harus berakhiran .md atau .csv.")
    if not berkas.parent.is_dir():
        raise Ditolak(f"Folder laporan {berkas.parent} tidak ada; buat dulu atau pilih folder lain.")
    p = hasil.pratinjau if isinstance(hasil, HasilImpor) else hasil
    baris = _baris_laporan(p)
    try:
        if akhiran == ".csv":
            with berkas.open("w", newline="", encoding="utf-8-sig") as f:
                tulis = csv.writer(f)
                tulis.writerow(("bagian", "baris", "nama", "kolom", "keterangan"))
                tulis.writerows(baris)
        else:
            berkas.write_text(_markdown(hasil, p, baris), encoding="utf-8")
    except OSError as e:
        raise Ditolak(f"Laporan tidak dapat ditulis ke {berkas}: {e.strerror or e}. Periksa izin folder itu.") from e
    return berkas


def _baris_laporan(p: Pratinjau) -> list[tuple[str, str, str, str, str]]:
    hasil: list[tuple[str, str, str, str, str]] = []
    hasil += [("unit baru", str(b.baris), b.nama, "", "dibuat dari berkas pegawai") for b in p.unit_baru]
    hasil += [("baru", str(b.baris), b.nama, "", "") for b in p.baru]
    for u in p.diubah:
        hasil += [
            ("diubah", str(u.baris), u.nama, k, f"{lama} → {baru}" if lama else baru) for k, lama, baru in u.kolom
        ]
    hasil += [("tidak ada di berkas", "", h.nama, "", keterangan_hilang(p, h)) for h in p.hilang]
    hasil += [("ditolak", str(t.baris or ""), "", t.kolom, t.alasan) for t in p.ditolak]
    for t in p.tanpa_unit:
        akibat = "tidak diimpor" if t.baru else "unitnya tetap"
        hasil.append(("unit tidak cocok", str(t.baris), t.nama, "unit", f"{t.unit}: {akibat}"))
    hasil += [("pimpinan unit", "", "", "", w) for w in p.pimpinan]
    hasil += [("peringatan", "", "", "", w) for w in p.peringatan]
    return hasil


def keterangan_hilang(p: Pratinjau, h: Hilang) -> str:
    """What a full import does to a pegawai or unit the file does not list."""
    return f"ditutup; induk {h.unit}" if p.jenis == "unit" else f"dinonaktifkan; unit {h.unit}"


def _markdown(hasil: HasilImpor | Pratinjau, p: Pratinjau, baris: list[tuple[str, str, str, str, str]]) -> str:
    judul = f"# Laporan impor {p.jenis}: {p.berkas}"
    if isinstance(hasil, HasilImpor):
        ringkas = (
            f"Diterapkan: {hasil.baru} baru, {hasil.diubah} diubah, {p.tetap} tetap, "
            f"{hasil.dinonaktifkan} {'ditutup' if p.jenis == 'unit' else 'dinonaktifkan'}, {hasil.dilewati} dilewati."
        )
    else:
        ringkas = f"Pratinjau (belum ditulis): {len(p.baru)} baru, {len(p.diubah)} diubah, {p.tetap} tetap."
    teks = [judul, "", f"{p.jumlah_baris} baris data dibaca. {ringkas}", ""]
    if p.pemetaan:
        teks += ["## Pemetaan kolom", "", "| Kolom berkas | Data |", "|---|---|"]
        teks += [f"| {_sel(k)} | {_sel(v)} |" for k, v in p.pemetaan.items()]
        teks.append("")
    if baris:
        teks += ["## Rincian", "", "| Bagian | Baris | Nama | Kolom | Keterangan |", "|---|---|---|---|---|"]
        teks += ["| " + " | ".join(_sel(x) for x in b) + " |" for b in baris]
        teks.append("")
    if isinstance(hasil, HasilImpor) and hasil.anggota_nonaktif:
        teks += ["## Anggota tim yang tidak aktif lagi (untuk pimpinan unit)", ""]
        teks += [f"- {a.tim}: {a.nama} ({a.peran}) — {a.alasan}" for a in hasil.anggota_nonaktif]
        teks.append("")
    return "\n".join(teks)


def _sel(teks: str) -> str:
    return teks.replace("|", "\\|").replace("\n", " ")


def label_bidang(jenis: str, bidang: str) -> str:
    """The Indonesian label of a mapped field (`pemetaan` values) of a pegawai or unit file."""
    from sistemkerja_tui.impor.kolom import ALIAS_PEGAWAI, ALIAS_UNIT

    alias = ALIAS_PEGAWAI if jenis == "pegawai" else ALIAS_UNIT
    return alias[bidang][0] if bidang in alias else bidang
