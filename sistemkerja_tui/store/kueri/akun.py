"""Queries of the accounts of mode "bersama" (`akun`) and of the mode itself (a `pengaturan` key)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sistemkerja_tui.store.kueri import jalankan

if TYPE_CHECKING:
    from sqlmodel import Session

    from sistemkerja_tui.store.baca import Pembaca

KUNCI_MODE = "mode"

_AKUN = (
    "SELECT a.id, a.pegawai_id, a.sandi, a.admin, a.harus_ganti, a.gagal, a.aktif, a.masuk_terakhir, "
    "p.nip, p.nama, p.gelar_depan, p.gelar_belakang, p.nama_jabatan, p.aktif AS pegawai_aktif "
    "FROM akun a JOIN pegawai p ON p.id = a.pegawai_id"
)


def pegawai_menurut_nip(sesi: Session, nip: str) -> Any:
    """The pegawai with NIP `nip` (id, nama, aktif), or None."""
    return jalankan(sesi, "SELECT id, nama, aktif FROM pegawai WHERE nip = :nip", nip=nip).first()


def nip_pegawai(sesi: Session, pegawai_id: int) -> str:
    return str(jalankan(sesi, "SELECT nip FROM pegawai WHERE id = :id", id=pegawai_id).scalar_one())


def akun_menurut_nip(sesi: Session, nip: str, *, kunci: bool = False) -> Any:
    """The account of the pegawai with NIP `nip`, its row locked for the decision when `kunci`; or None.

    On SQLite the transaction already holds the write lock; PostgreSQL locks the account row."""
    kunci_baris = " FOR UPDATE OF a" if kunci and sesi.get_bind().dialect.name == "postgresql" else ""
    return jalankan(sesi, f"{_AKUN} WHERE p.nip = :nip{kunci_baris}", nip=nip).first()


def daftar(pembaca: Pembaca) -> list[Any]:
    """Every account, by name."""
    return pembaca.semua(f"{_AKUN} ORDER BY p.nama, p.nip")


def ada_admin(sesi: Session) -> bool:
    return jalankan(sesi, "SELECT 1 FROM akun WHERE admin AND aktif LIMIT 1").first() is not None


def tambah(sesi: Session, pegawai_id: int, sandi: str, admin: bool, waktu: datetime) -> int:
    hasil = jalankan(
        sesi,
        "INSERT INTO akun (pegawai_id, sandi, admin, harus_ganti, gagal, aktif, dibuat) "
        "VALUES (:p, :s, :a, :t, 0, :t, :w) RETURNING id",
        p=pegawai_id,
        s=sandi,
        a=admin,
        t=True,
        w=waktu,
    )
    return int(hasil.scalar_one())


def ganti_sandi(sesi: Session, akun_id: int, sandi: str, *, harus_ganti: bool) -> None:
    jalankan(
        sesi,
        "UPDATE akun SET sandi = :s, harus_ganti = :h, gagal = 0 WHERE id = :id",
        s=sandi,
        h=harus_ganti,
        id=akun_id,
    )


def catat_gagal(sesi: Session, akun_id: int) -> int:
    """One more failed login in a row; the new count."""
    jalankan(sesi, "UPDATE akun SET gagal = gagal + 1 WHERE id = :id", id=akun_id)
    return int(jalankan(sesi, "SELECT gagal FROM akun WHERE id = :id", id=akun_id).scalar_one())


def catat_masuk(sesi: Session, akun_id: int, waktu: datetime) -> None:
    jalankan(sesi, "UPDATE akun SET gagal = 0, masuk_terakhir = :w WHERE id = :id", w=waktu, id=akun_id)
