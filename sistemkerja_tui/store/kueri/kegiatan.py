"""SQL of kegiatan: the board, the Pemantauan dashboard, one kegiatan with its timeline, the review queue."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from sistemkerja_tui.aturan.enums import Tahap
from sistemkerja_tui.store.kueri import syarat as s

if TYPE_CHECKING:
    from sistemkerja_tui.store.baca import Pembaca

_KOLOM = (
    "k.id, k.unit_id, k.judul, k.tahap, k.sub_tahap, k.tenggat, k.progres, k.indikator, k.target, k.satuan, "
    "k.mulai, k.ceklis, k.tim_id"
)
# Returned from review to pelaksanaan and not advanced past it since.
_DIKEMBALIKAN = (
    "k.tahap = :pelaksanaan AND EXISTS (SELECT 1 FROM riwayat_tahap h WHERE h.kegiatan_id = k.id "
    "AND h.dari_tahap = :evaluasi AND h.ke_tahap = :pelaksanaan)"
)
_NAMA = "COALESCE(p.nama, '') AS nama, COALESCE(p.gelar_depan, '') AS depan, COALESCE(p.gelar_belakang, '') AS belakang"


def daftar(
    pembaca: Pembaca,
    *,
    unit_ids: list[int] | None = None,
    tim_id: int | None = None,
    pegawai_id: int | None = None,
    hari_ini: date | None = None,
) -> list[Any]:
    """Kegiatan of the units `unit_ids` (one list parameter), of a tim, or of a person (own or as an active
    team member), nearest deadline first. With `hari_ini` each row also says whether it is `terlambat`
    and `dikembalikan` (the dashboard)."""
    syarat: list[str] = ["1 = 1"]
    param: dict[str, Any] = {}
    if unit_ids is not None:
        syarat.append("k.unit_id IN :unit")
        param["unit"] = list(unit_ids)
    if tim_id is not None:
        syarat.append("k.tim_id = :tim")
        param["tim"] = tim_id
    if pegawai_id is not None:
        syarat.append(
            "(k.pegawai_id = :p OR k.tim_id IN (SELECT a.tim_id FROM keanggotaan a "
            "WHERE a.pegawai_id = :p AND a.status = :s_anggota_aktif))"
        )
        param["p"] = pegawai_id
    kolom = _KOLOM
    if hari_ini is not None:
        kolom += (
            f", CASE WHEN {s.terlambat('k')} THEN 1 ELSE 0 END AS terlambat, "
            f"CASE WHEN {_DIKEMBALIKAN} THEN 1 ELSE 0 END AS dikembalikan"
        )
        param.update(hari_ini=hari_ini, pelaksanaan=Tahap.PELAKSANAAN.value, evaluasi=Tahap.EVALUASI.value)
    return pembaca.semua(
        f"SELECT {kolom} FROM kegiatan k WHERE {' AND '.join(syarat)} "
        "ORDER BY CASE WHEN k.tenggat IS NULL THEN 1 ELSE 0 END, k.tenggat, k.id",
        **param,
        **s.PARAM,
    )


def satu(pembaca: Pembaca, kegiatan_id: int) -> Any | None:
    """One kegiatan with every field the detail shows; None when there is none."""
    baris = pembaca.semua(
        f"SELECT {_KOLOM}, k.rencana_anggaran, k.perjanjian_kinerja FROM kegiatan k WHERE k.id = :id", id=kegiatan_id
    )
    return baris[0] if baris else None


def riwayat_tahap(pembaca: Pembaca, kegiatan_id: int) -> list[Any]:
    """The stage changes of a kegiatan, with who made them."""
    return pembaca.semua(
        f"SELECT h.waktu, h.dari_tahap, h.ke_tahap, h.sub_tahap, h.alasan, {_NAMA} FROM riwayat_tahap h "
        "LEFT JOIN pegawai p ON p.id = h.oleh_id WHERE h.kegiatan_id = :id ORDER BY h.id",
        id=kegiatan_id,
    )


def catatan(pembaca: Pembaca, kegiatan_id: int) -> list[Any]:
    """The notes on a kegiatan, with who wrote them."""
    return pembaca.semua(
        f"SELECT c.dibuat AS waktu, c.jenis, c.isi, c.rekomendasi, {_NAMA} FROM catatan c "
        "LEFT JOIN pegawai p ON p.id = c.penulis_id WHERE c.kegiatan_id = :id ORDER BY c.id",
        id=kegiatan_id,
    )


def dalam_evaluasi(pembaca: Pembaca) -> list[Any]:
    """Kegiatan in the review chain (their `sub_tahap` says which review)."""
    return pembaca.semua(
        "SELECT id, unit_id, tim_id, tahap, sub_tahap FROM kegiatan WHERE tahap = :evaluasi ORDER BY id",
        evaluasi=Tahap.EVALUASI.value,
    )


def pemegang_peran(pembaca: Pembaca, tim_ids: list[int], peran: list[str]) -> list[Any]:
    """(tim_id, peran, id, nama_jabatan) of the active holders of `peran` in the teams `tim_ids` (list parameters),
    the newest membership last."""
    return pembaca.semua(
        "SELECT a.tim_id, a.peran, p.id, p.nama_jabatan FROM keanggotaan a JOIN pegawai p ON p.id = a.pegawai_id "
        "WHERE a.tim_id IN :t AND a.peran IN :r AND a.status = :s_anggota_aktif ORDER BY a.id",
        t=tim_ids,
        r=peran,
        **s.PARAM,
    )
