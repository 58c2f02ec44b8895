"""SQL of permohonan (penugasan requests): the lists, one request and its history, the rows a decision changes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sistemkerja_tui.aturan.enums import JenisPermohonan, LingkupPenugasan, StatusKeanggotaan, StatusPermohonan
from sistemkerja_tui.store.kueri import jalankan

if TYPE_CHECKING:
    from sistemkerja_tui.store.baca import Pembaca
    from sistemkerja_tui.store.models import Permohonan

_KOLOM = (
    "p.id, p.jenis, p.lingkup, p.status, p.dari_unit_id, p.ke_unit_id, p.langkah_disetujui, p.dibuat, "
    "t.nama AS tim, k.judul AS kegiatan, g.nama, g.gelar_depan, g.gelar_belakang, p.penerima_id, "
    "r.nama AS r_nama, r.gelar_depan AS r_depan, r.gelar_belakang AS r_belakang"
)
_KOLOM_DETAIL = (
    "p.maksud_tujuan, p.kompetensi, p.ekspektasi, p.durasi, p.catatan_lisan, p.jawaban_ketersediaan, "
    "p.alasan_penolakan, p.tembusan"
)
_DARI = (
    "FROM permohonan p LEFT JOIN tim_kerja t ON t.id = p.tim_id LEFT JOIN kegiatan k ON k.id = p.kegiatan_id "
    "LEFT JOIN pegawai g ON g.id = p.pegawai_id LEFT JOIN pegawai r ON r.id = p.penerima_id"
)


def daftar(
    pembaca: Pembaca,
    *,
    status: StatusPermohonan | None = None,
    penerima_id: int | None = None,
    pemohon_id: int | None = None,
    unit_ids: list[int] | None = None,
) -> list[Any]:
    """Requests that need a decision (a penunjukan within a unit takes effect at once), awaiting ones first,
    newest first; `penerima_id`: addressed to them; `pemohon_id`: asked by them or from `unit_ids`."""
    syarat = ["(p.lingkup != :dalam_unit OR p.jenis = :sukarela)"]
    param: dict[str, Any] = {
        "dalam_unit": LingkupPenugasan.DALAM_UNIT.value,
        "sukarela": JenisPermohonan.PENGAJUAN_SUKARELA.value,
        "diajukan": StatusPermohonan.DIAJUKAN.value,
    }
    if status is not None:
        syarat.append("p.status = :status")
        param["status"] = status.value
    if penerima_id is not None:
        syarat.append("p.penerima_id = :penerima")
        param["penerima"] = penerima_id
    if pemohon_id is not None:
        syarat.append("(p.pemohon_id = :pemohon OR p.dari_unit_id IN :unit)" if unit_ids else "p.pemohon_id = :pemohon")
        param.update(pemohon=pemohon_id, unit=list(unit_ids or ()))
    return pembaca.semua(
        f"SELECT {_KOLOM} {_DARI} WHERE {' AND '.join(syarat)} "
        "ORDER BY CASE WHEN p.status = :diajukan THEN 0 ELSE 1 END, p.dibuat DESC, p.id DESC",
        **param,
    )


def satu(pembaca: Pembaca, permohonan_id: int) -> Any | None:
    """One request with the fields of its letter; None when there is none."""
    baris = pembaca.semua(f"SELECT {_KOLOM_DETAIL}, {_KOLOM} {_DARI} WHERE p.id = :id", id=permohonan_id)
    return baris[0] if baris else None


def riwayat(pembaca: Pembaca, permohonan_id: int) -> list[Any]:
    """The transitions of a request in order, with who made them."""
    return pembaca.semua(
        "SELECT h.waktu, h.aksi, h.dari_status, h.ke_status, h.sebagai, h.alasan, o.nama, o.gelar_depan, "
        "o.gelar_belakang, h.surat_dari, h.surat_nomor, h.surat_tanggal "
        "FROM riwayat_permohonan h LEFT JOIN pegawai o ON o.id = h.oleh_id "
        "WHERE h.permohonan_id = :id ORDER BY h.id",
        id=permohonan_id,
    )


# --- inside a use case's transaction ------------------------------------------------------------


def diajukan_terkunci(sesi: Any) -> list[Permohonan]:
    """Every submitted request, locked for the use case that re-addresses them."""
    from sqlmodel import col, select

    from sistemkerja_tui.store.models import Permohonan

    kueri = select(Permohonan).where(Permohonan.status == StatusPermohonan.DIAJUKAN.value)
    return list(sesi.exec(kueri.order_by(col(Permohonan.id)).with_for_update()))


def ikutkan_keanggotaan(sesi: Any, permohonan_id: int, status: StatusKeanggotaan) -> None:
    """Give the memberships a request asks for the status that follows from its decision."""
    jalankan(
        sesi, "UPDATE keanggotaan SET status = :status WHERE permohonan_id = :p", status=status.value, p=permohonan_id
    )
