"""Queries of the unit head's reports: the six-monthly pemantauan and the MPPH matrix.

Every query of a unit "and beneath" joins the unit subtree computed in SQL
(`WITH RECURSIVE sub`), so no query carries a list of unit, team or pegawai
ids, whatever the size of the Pemda. Portable SQL only (SQLite and
PostgreSQL); enum codes are parameters.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sistemkerja_tui.aturan.enums import JenisCatatan, JenisJabatan, PeranTim, StatusKeanggotaan, StatusTim, Tahap
from sistemkerja_tui.store.baca import Pembaca
from sistemkerja_tui.store.kueri import syarat

_SUB = (
    "WITH RECURSIVE sub(id) AS (SELECT u.id FROM unit_organisasi u WHERE u.id = :unit "
    "UNION ALL SELECT u.id FROM unit_organisasi u JOIN sub ON u.induk_id = sub.id) "
)
"""The unit `:unit` and every unit beneath it, as the table `sub(id)`; prefix of a query."""

_DI_SUB = "IN (SELECT id FROM sub)"

_PARAM: dict[str, Any] = {
    **syarat.PARAM,
    "tahap_evaluasi": Tahap.EVALUASI.value,
    "tahap_pelaksanaan": Tahap.PELAKSANAAN.value,
    "tim_aktif": StatusTim.AKTIF.value,
    "peran_anggota": PeranTim.ANGGOTA.value,
    "peran_ketua": PeranTim.KETUA.value,
    "catatan_kendala": JenisCatatan.KENDALA.value,
    "jenis_mpph": [JenisJabatan.FUNGSIONAL.value, JenisJabatan.PELAKSANA.value],
    "status_mpph": [StatusKeanggotaan.AKTIF.value, StatusKeanggotaan.USULAN.value, StatusKeanggotaan.MENUNGGU.value],
}


def _semua(p: Pembaca, sql: str, unit: int, **param: Any) -> list[Any]:
    return p.semua(_SUB + sql, unit=unit, **_PARAM, **param)


# --- units ---------------------------------------------------------------------------


def unit_berkode(p: Pembaca, kode: str) -> list[Any]:
    """Units (id) whose code is `kode`, any case; own-Pemda units first."""
    return p.semua(
        "SELECT u.id FROM unit_organisasi u JOIN instansi i ON i.id = u.instansi_id "
        "WHERE upper(u.kode) = upper(:kode) ORDER BY i.luar, i.id, u.id",
        kode=kode,
    )


def kode_perangkat_daerah(p: Pembaca, batas: int) -> list[str]:
    """Codes of the own Pemda's top-level units, in display order."""
    return [
        r.kode
        for r in p.semua(
            "SELECT u.kode FROM unit_organisasi u JOIN instansi i ON i.id = u.instansi_id "
            "WHERE u.induk_id IS NULL AND NOT i.luar ORDER BY u.urutan, u.id LIMIT :batas",
            batas=batas,
        )
    ]


# --- pemantauan ----------------------------------------------------------------------


def kegiatan_per_tahap(p: Pembaca, unit: int, mulai: date, selesai: date) -> dict[str, int]:
    """Stage code → number of the subtree's kegiatan running at some time in [mulai, selesai]."""
    return {
        r.tahap: r.n
        for r in _semua(
            p,
            f"SELECT k.tahap, COUNT(*) AS n FROM kegiatan k WHERE k.unit_id {_DI_SUB} "
            "AND (k.mulai IS NULL OR k.mulai <= :selesai) AND (k.tenggat IS NULL OR k.tenggat >= :mulai) "
            "GROUP BY k.tahap",
            unit,
            mulai=mulai,
            selesai=selesai,
        )
    }


def kegiatan_terlambat(p: Pembaca, unit: int, batas: date) -> list[Any]:
    """The subtree's unfinished kegiatan with a deadline before `batas`, with their team or pegawai."""
    return _semua(
        p,
        "SELECT k.judul, k.tenggat, k.tahap, k.progres, t.nama AS tim, pg.nama AS pg_nama, "
        "pg.gelar_depan, pg.gelar_belakang FROM kegiatan k LEFT JOIN tim_kerja t ON t.id = k.tim_id "
        f"LEFT JOIN pegawai pg ON pg.id = k.pegawai_id WHERE k.unit_id {_DI_SUB} AND {syarat.terlambat('k')} "
        "ORDER BY k.tenggat, k.judul, k.id",
        unit,
        hari_ini=batas,
    )


def dikembalikan(p: Pembaca, unit: int, mulai: date, sampai: date) -> list[Any]:
    """Returns from evaluasi to pelaksanaan of the subtree's kegiatan in [mulai, sampai)."""
    return _semua(
        p,
        "SELECT r.waktu, r.alasan, k.judul, pg.nama AS pg_nama, pg.gelar_depan, pg.gelar_belakang "
        "FROM riwayat_tahap r JOIN kegiatan k ON k.id = r.kegiatan_id LEFT JOIN pegawai pg ON pg.id = r.oleh_id "
        f"WHERE k.unit_id {_DI_SUB} AND r.dari_tahap = :tahap_evaluasi AND r.ke_tahap = :tahap_pelaksanaan "
        "AND r.waktu >= :mulai AND r.waktu < :sampai ORDER BY r.waktu, r.id",
        unit,
        mulai=mulai,
        sampai=sampai,
    )


def tim_aktif(p: Pembaca, unit: int) -> list[Any]:
    """The subtree's active teams: members (ketua excluded) and the first active ketua's name parts."""
    return _semua(
        p,
        "SELECT t.id, t.nama, t.mulai, t.selesai, "
        "(SELECT COUNT(*) FROM keanggotaan a WHERE a.tim_id = t.id AND a.status = :s_anggota_aktif "
        " AND a.peran = :peran_anggota) AS anggota, "
        "pk.nama AS ketua_nama, pk.gelar_depan AS ketua_depan, pk.gelar_belakang AS ketua_belakang "
        "FROM tim_kerja t LEFT JOIN keanggotaan ka ON ka.id = (SELECT MIN(a.id) FROM keanggotaan a "
        " WHERE a.tim_id = t.id AND a.status = :s_anggota_aktif AND a.peran = :peran_ketua) "
        "LEFT JOIN pegawai pk ON pk.id = ka.pegawai_id "
        f"WHERE t.unit_id {_DI_SUB} AND t.status = :tim_aktif ORDER BY t.nama, t.id",
        unit,
    )


def kendala(p: Pembaca, unit: int, mulai: date, sampai: date) -> list[Any]:
    """Kendala notes on the subtree's kegiatan written in [mulai, sampai)."""
    return _semua(
        p,
        "SELECT c.dibuat, c.isi, c.rekomendasi, k.judul FROM catatan c JOIN kegiatan k ON k.id = c.kegiatan_id "
        f"WHERE k.unit_id {_DI_SUB} AND c.jenis = :catatan_kendala AND c.dibuat >= :mulai "
        "AND c.dibuat < :sampai ORDER BY c.dibuat, c.id",
        unit,
        mulai=mulai,
        sampai=sampai,
    )


def penilaian_per_predikat(p: Pembaca, unit: int, mulai: date, selesai: date) -> dict[str, int]:
    """Predikat code → number of ratings of members of the subtree's teams for periods overlapping the range."""
    return {
        r.predikat: r.n
        for r in _semua(
            p,
            "SELECT pa.predikat, COUNT(*) AS n FROM penilaian_anggota pa "
            "JOIN keanggotaan a ON a.id = pa.keanggotaan_id JOIN tim_kerja t ON t.id = a.tim_id "
            f"WHERE t.unit_id {_DI_SUB} AND pa.periode_mulai <= :selesai AND pa.periode_selesai >= :mulai "
            "GROUP BY pa.predikat",
            unit,
            mulai=mulai,
            selesai=selesai,
        )
    }


# --- MPPH ------------------------------------------------------------------------------

# A role shown in the matrix: an active or proposed membership of a running team of the subtree,
# held by an active fungsional/pelaksana of the subtree; an individual kegiatan not yet finished.
_TIM_MPPH = f"t.unit_id {_DI_SUB} AND t.status IN :s_tim_berjalan"
_PEGAWAI_MPPH = f"p.aktif AND p.unit_id {_DI_SUB} AND p.jenis_jabatan IN :jenis_mpph"
_INDIVIDU_MPPH = f"k.unit_id {_DI_SUB} AND k.pegawai_id IS NOT NULL AND k.tahap != :s_tahap_selesai"


def tim_mpph(p: Pembaca, unit: int) -> list[Any]:
    """Columns: the subtree's running teams (id, nama)."""
    return _semua(p, f"SELECT t.id, t.nama FROM tim_kerja t WHERE {_TIM_MPPH} ORDER BY t.nama, t.id", unit)


def kegiatan_individu_mpph(p: Pembaca, unit: int) -> list[Any]:
    """Columns: the subtree's unfinished individual kegiatan (id, judul, pegawai_id)."""
    return _semua(
        p, f"SELECT k.id, k.judul, k.pegawai_id FROM kegiatan k WHERE {_INDIVIDU_MPPH} ORDER BY k.judul, k.id", unit
    )


def peran_mpph(p: Pembaca, unit: int) -> list[Any]:
    """Cells: (tim_id, pegawai_id, peran, status) of every role shown, by team then membership."""
    return _semua(
        p,
        "SELECT a.tim_id, a.pegawai_id, a.peran, a.status FROM keanggotaan a "
        "JOIN tim_kerja t ON t.id = a.tim_id JOIN pegawai p ON p.id = a.pegawai_id "
        f"WHERE {_TIM_MPPH} AND {_PEGAWAI_MPPH} AND a.status IN :status_mpph ORDER BY a.tim_id, a.id",
        unit,
    )


def pegawai_mpph(p: Pembaca, unit: int) -> list[Any]:
    """Rows: the subtree's active fungsional/pelaksana who hold a role shown, by name."""
    return _semua(
        p,
        "SELECT p.id, p.nip, p.nama, p.gelar_depan, p.gelar_belakang, p.nama_jabatan FROM pegawai p "
        f"WHERE {_PEGAWAI_MPPH} AND (p.id IN (SELECT a.pegawai_id FROM keanggotaan a "
        f" JOIN tim_kerja t ON t.id = a.tim_id WHERE {_TIM_MPPH} AND a.status IN :status_mpph) "
        f"OR p.id IN (SELECT k.pegawai_id FROM kegiatan k WHERE {_INDIVIDU_MPPH})) "
        "ORDER BY p.nama, p.id",
        unit,
    )
