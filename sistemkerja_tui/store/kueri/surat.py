"""SQL of naskah dinas: the records a letter is made from, the counter, the register.

The counter (`nomor_berikut`) is one atomic UPSERT in the caller's
transaction, so two processes never get the same number, and a letter whose
registration fails gives its number back (the transaction rolls back).
SQLite ≥ 3.35 and PostgreSQL both support `ON CONFLICT … RETURNING`; on
PostgreSQL the conflicting row stays locked until the transaction ends.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from sistemkerja_tui.aturan.enums import StatusKeanggotaan
from sistemkerja_tui.store.kueri import jalankan, tabel

if TYPE_CHECKING:
    from sistemkerja_tui.store.baca import Pembaca


# --- the records a letter is made from (read path) ------------------------------


def pegawai(pembaca: Pembaca, pegawai_id: int) -> Any:
    """A person as a letter names them; LookupError when there is none."""
    return pembaca.satu(
        "SELECT id, nama, gelar_depan, gelar_belakang, nip, golongan, status_asn, nama_jabatan, unit_id "
        "FROM pegawai WHERE id = :id",
        id=pegawai_id,
    )


def instansi_unit(pembaca: Pembaca, unit_id: int) -> Any:
    """The instansi of a unit, with its letterhead, address, place, number pattern and classification codes."""
    return pembaca.satu(
        "SELECT i.id, i.nama, i.kepala_daerah, i.nama_kepala_daerah, i.tempat, i.kop_surat, i.alamat, i.telepon, "
        "i.pola_nomor_surat, i.kode_klasifikasi FROM instansi i "
        "JOIN unit_organisasi u ON u.instansi_id = i.id WHERE u.id = :u",
        u=unit_id,
    )


def tim(pembaca: Pembaca, tim_id: int) -> Any | None:
    baris = pembaca.semua(
        "SELECT id, nama, unit_id, tahun_anggaran, mulai, selesai, tujuan, jenis_pembentukan, bentuk, "
        "dasar_penetapan FROM tim_kerja "
        "WHERE id = :id",
        id=tim_id,
    )
    return baris[0] if baris else None


def anggota_aktif(pembaca: Pembaca, tim_id: int) -> list[Any]:
    """(pegawai_id, peran, asal, mulai, selesai) of the team's active members, in the order they joined."""
    return pembaca.semua(
        "SELECT pegawai_id, peran, asal, mulai, selesai FROM keanggotaan WHERE tim_id = :t AND status = :aktif "
        "ORDER BY id",
        t=tim_id,
        aktif=StatusKeanggotaan.AKTIF.value,
    )


def penilaian_tim(pembaca: Pembaca, tim_id: int) -> list[Any]:
    """(pegawai_id, predikat, catatan) of every rating of the team's members."""
    return pembaca.semua(
        "SELECT k.pegawai_id, n.predikat, n.catatan FROM penilaian_anggota n JOIN keanggotaan k "
        "ON k.id = n.keanggotaan_id WHERE k.tim_id = :t ORDER BY k.id",
        t=tim_id,
    )


def tim_penilaian(pembaca: Pembaca, penilaian_id: int) -> int | None:
    """The team a rating belongs to; None when there is no such rating."""
    baris = pembaca.semua(
        "SELECT k.tim_id FROM penilaian_anggota n JOIN keanggotaan k ON k.id = n.keanggotaan_id WHERE n.id = :id",
        id=penilaian_id,
    )
    return baris[0].tim_id if baris else None


def permohonan(pembaca: Pembaca, permohonan_id: int, tahun: int) -> Any | None:
    """A request with its team's or kegiatan's name (`nama_tim`) and budget year (`tahun`: the team's, else `tahun`)."""
    baris = pembaca.semua(
        "SELECT p.*, COALESCE(t.nama, k.judul) AS nama_tim, COALESCE(t.tahun_anggaran, :th) AS tahun, "
        "t.mulai AS tim_mulai, t.selesai AS tim_selesai, t.bentuk AS bentuk, t.dasar_penetapan AS dasar_tim, "
        "k.mulai AS kegiatan_mulai, "
        "k.tenggat AS kegiatan_tenggat "
        "FROM permohonan p LEFT JOIN tim_kerja t ON t.id = p.tim_id LEFT JOIN kegiatan k ON k.id = p.kegiatan_id "
        "WHERE p.id = :id",
        id=permohonan_id,
        th=tahun,
    )
    return baris[0] if baris else None


def pegawai_nip(pembaca: Pembaca, nip: str) -> int | None:
    """The id of the pegawai with this NIP; None when there is none."""
    baris = pembaca.semua("SELECT id FROM pegawai WHERE nip = :nip", nip=nip)
    return int(baris[0].id) if baris else None


def asal_anggota(pembaca: Pembaca, tim_id: int) -> list[str]:
    """The scopes (`asal`) members of the team come from, active or awaiting approval."""
    return [
        str(r.asal)
        for r in pembaca.semua(
            "SELECT DISTINCT asal FROM keanggotaan WHERE tim_id = :t AND status IN :status",
            t=tim_id,
            status=[StatusKeanggotaan.AKTIF.value, StatusKeanggotaan.MENUNGGU.value],
        )
    ]


def kegiatan(pembaca: Pembaca, tim_id: int | None, kegiatan_id: int | None) -> list[str]:
    """The titles of the kegiatan a letter names: this one, else the team's, in order."""
    if kegiatan_id is not None:
        baris = pembaca.semua("SELECT judul FROM kegiatan WHERE id = :k", k=kegiatan_id)
    elif tim_id is not None:
        baris = pembaca.semua("SELECT judul FROM kegiatan WHERE tim_id = :t ORDER BY id", t=tim_id)
    else:
        return []
    return [str(r.judul) for r in baris]


def keanggotaan_permohonan(pembaca: Pembaca, permohonan_id: int) -> Any | None:
    """(mulai, selesai) of the membership a request made."""
    baris = pembaca.semua(
        "SELECT mulai, selesai FROM keanggotaan WHERE permohonan_id = :p ORDER BY id LIMIT 1", p=permohonan_id
    )
    return baris[0] if baris else None


def surat_terdaftar(pembaca: Pembaca, sumber_jenis: str, sumber_id: int, jenis: tuple[str, ...]) -> Any | None:
    """(nomor, tanggal, perihal, jenis, konteks) of the latest registered letter of one of `jenis` made from
    this record."""
    baris = pembaca.semua(
        "SELECT nomor, tanggal, perihal, jenis, konteks FROM surat WHERE sumber_jenis = :s AND sumber_id = :i "
        "AND jenis IN :j ORDER BY id DESC LIMIT 1",
        s=sumber_jenis,
        i=sumber_id,
        j=list(jenis),
    )
    return baris[0] if baris else None


# --- the register (read path) --------------------------------------------------------


def register(pembaca: Pembaca, *, jenis: str | None = None, tahun: int | None = None) -> list[Any]:
    """Registered letters, newest first, optionally of one kind and one year."""
    syarat: list[str] = ["1 = 1"]
    param: dict[str, Any] = {}
    if jenis is not None:
        syarat.append("jenis = :jenis")
        param["jenis"] = jenis
    if tahun is not None:
        syarat.append("tanggal BETWEEN :awal AND :akhir")
        param.update(awal=date(tahun, 1, 1), akhir=date(tahun, 12, 31))
    return pembaca.semua(
        f"SELECT id, jenis, nomor, tanggal, perihal, tujuan FROM surat WHERE {' AND '.join(syarat)} ORDER BY id DESC",
        **param,
    )


def surat(pembaca: Pembaca, surat_id: int | None = None, nomor: str | None = None) -> Any | None:
    """(jenis, nomor, isi, konteks) of the letter with this id or number; None when it is not registered."""
    baris = pembaca.semua(
        "SELECT jenis, nomor, isi, konteks FROM surat WHERE id = :id OR nomor = :nomor", id=surat_id or -1, nomor=nomor
    )
    return baris[0] if baris else None


# --- numbering and registering (inside the letter's transaction) ----------------------


def nomor_berikut(sesi: Any, kode_klasifikasi: str, kode_unit: str, tahun: int) -> int:
    """Take the next sequence number for (classification, unit, year) in `sesi`'s transaction."""
    return int(
        jalankan(
            sesi,
            "INSERT INTO penomoran_surat (kode_klasifikasi, kode_unit, tahun, terakhir) VALUES (:k, :u, :t, 1) "
            "ON CONFLICT (kode_klasifikasi, kode_unit, tahun) DO UPDATE SET terakhir = penomoran_surat.terakhir + 1 "
            "RETURNING terakhir",
            k=kode_klasifikasi,
            u=kode_unit,
            t=tahun,
        ).scalar_one()
    )


def status_permohonan(sesi: Any, permohonan_id: int) -> str | None:
    """The request's status, its row locked until the letter's transaction ends (PostgreSQL)."""
    from sqlalchemy import select

    t = tabel("permohonan")
    status = sesi.execute(select(t.c.status).where(t.c.id == permohonan_id).with_for_update()).scalar()
    return None if status is None else str(status)


def daftarkan(sesi: Any, **kolom: Any) -> int:
    """Write one letter into the register (columns of `surat`); its id."""
    from sqlalchemy import insert

    from sistemkerja_tui.store.models import sekarang

    t = tabel("surat")
    return int(sesi.execute(insert(t).values(dibuat=sekarang(), **kolom).returning(t.c.id)).scalar_one())
