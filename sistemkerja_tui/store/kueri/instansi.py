"""SQL of the instansi itself (the Pemda's settings: name, kind, profile, kop, numbering) and of the units'
letter codes.

Read functions take a `Pembaca`; the others the session of the use case's
transaction. The instansi row and the unit row a use case changes are read
with a lock (`with_for_update`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sistemkerja_tui.store.kueri import jalankan

if TYPE_CHECKING:
    from sqlmodel import Session

    from sistemkerja_tui.store.baca import Pembaca
    from sistemkerja_tui.store.models import Instansi, UnitOrganisasi

_KOLOM = (
    "id, nama, jenis, profil, kepala_daerah, nama_kepala_daerah, tempat, kop_surat, pola_nomor_surat, "
    "alamat, telepon, kode_klasifikasi, fiktif"
)


def utama(pembaca: Pembaca) -> Any | None:
    """The Pemda itself (not an outside instansi), with every setting; None in an empty database."""
    baris = pembaca.semua(f"SELECT {_KOLOM} FROM instansi WHERE luar = :luar ORDER BY id LIMIT 1", luar=False)
    return baris[0] if baris else None


def kode_unit(pembaca: Pembaca, instansi_id: int) -> list[Any]:
    """The units of `instansi_id` in tree order (id, induk_id, nama, kode, aktif)."""
    return pembaca.semua(
        "SELECT id, induk_id, nama, kode, aktif FROM unit_organisasi WHERE instansi_id = :i ORDER BY urutan, id",
        i=instansi_id,
    )


# --- inside a use case's transaction ----------------------------------------------


def nama_ada(sesi: Session) -> str | None:
    """The name of the first instansi already in the database, None when it holds none."""
    nama = jalankan(sesi, "SELECT nama FROM instansi ORDER BY luar, id LIMIT 1").scalar()
    return None if nama is None else str(nama)


def tambah(sesi: Session, **kolom: Any) -> int:
    """Insert an instansi with the columns `kolom`; its id."""
    from sistemkerja_tui.store.models import Instansi

    baris = Instansi(**kolom)
    sesi.add(baris)
    sesi.flush()
    assert baris.id is not None  # given by the database on flush
    return baris.id


def instansi(sesi: Session, instansi_id: int) -> Instansi | None:
    """The instansi `instansi_id`, locked: the use case changes it."""
    from sistemkerja_tui.store.models import Instansi

    return sesi.get(Instansi, instansi_id, with_for_update=True)


def unit(sesi: Session, unit_id: int) -> UnitOrganisasi | None:
    """The unit `unit_id`, locked: the use case changes its code."""
    from sistemkerja_tui.store.models import UnitOrganisasi

    return sesi.get(UnitOrganisasi, unit_id, with_for_update=True)


def pemakai_kode(sesi: Session, instansi_id: int, kode: str, kecuali_id: int) -> str | None:
    """The name of another unit of `instansi_id` whose code is `kode` (case ignored), None when there is none."""
    nama = jalankan(
        sesi,
        "SELECT nama FROM unit_organisasi WHERE instansi_id = :i AND upper(kode) = upper(:k) AND id != :u "
        "ORDER BY id LIMIT 1",
        i=instansi_id,
        k=kode,
        u=kecuali_id,
    ).scalar()
    return None if nama is None else str(nama)
