"""SQL of the demo's decided requests and rating (`layanan.demo._putusan_dan_penilaian`)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sistemkerja_tui.aturan.enums import JenisJabatan, LingkupPenugasan, PeranTim, StatusKeanggotaan, StatusPermohonan
from sistemkerja_tui.store.kueri import jalankan

if TYPE_CHECKING:
    from sistemkerja_tui.store.baca import Pembaca


def unit(pembaca: Pembaca) -> list[int]:
    return [int(r.id) for r in pembaca.semua("SELECT id FROM unit_organisasi")]


def permohonan_lintas_unit(pembaca: Pembaca) -> list[Any]:
    """Pending team requests across units: (id, tim_id, dari_unit_id, ke_unit_id, penerima_id)."""
    return pembaca.semua(
        "SELECT id, tim_id, dari_unit_id, ke_unit_id, penerima_id FROM permohonan "
        "WHERE status = :s AND lingkup = :l AND tim_id IS NOT NULL ORDER BY id",
        s=StatusPermohonan.DIAJUKAN.value,
        l=LingkupPenugasan.LINTAS_UNIT.value,
    )


def status_penerima(pembaca: Pembaca, permohonan_id: int) -> Any:
    return pembaca.satu("SELECT status, penerima_id FROM permohonan WHERE id = :id", id=permohonan_id)


def pegawai_fungsional(pembaca: Pembaca) -> list[Any]:
    return pembaca.semua(
        "SELECT id, unit_id FROM pegawai WHERE jenis_jabatan = :j ORDER BY id", j=JenisJabatan.FUNGSIONAL.value
    )


def anggota_permohonan(pembaca: Pembaca, permohonan_id: int) -> list[Any]:
    """The active member a request made, with its team's end and owner unit."""
    return pembaca.semua(
        "SELECT k.id, t.selesai, t.unit_id FROM keanggotaan k JOIN tim_kerja t ON t.id = k.tim_id "
        "WHERE k.permohonan_id = :p AND k.status = :s AND k.peran = :r",
        p=permohonan_id,
        s=StatusKeanggotaan.AKTIF.value,
        r=PeranTim.ANGGOTA.value,
    )


def tetapkan_waktu(sesi: Any, sejak: datetime, waktu: datetime) -> None:
    """Requests stamped from `sejak` on get the demo's fixed `waktu`: the same seed gives the same rows."""
    for kolom in ("dibuat", "diajukan", "diputus"):
        jalankan(sesi, f"UPDATE permohonan SET {kolom} = :w WHERE {kolom} >= :s", w=waktu, s=sejak)
