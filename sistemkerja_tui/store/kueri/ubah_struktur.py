"""SQL of editing the structure by hand: units (add, rename, move, close, head, Plt./Plh.) and pegawai (add, edit,
mutasi, deactivate, PPK override).

Every function runs inside the use case's transaction (`store.db.transaksi`) and takes its session. The unit or
pegawai a use case decides on is read locked (`with_for_update`: `SELECT … FOR UPDATE` on PostgreSQL; on SQLite
`BEGIN IMMEDIATE` already holds the write lock).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sistemkerja_tui.store.kueri import jalankan

if TYPE_CHECKING:
    from sqlmodel import Session

    from sistemkerja_tui.store.models import Pegawai, UnitOrganisasi


def unit(sesi: Session, unit_id: int, *, kunci: bool = True) -> UnitOrganisasi | None:
    """The unit `unit_id`, locked unless the use case only reads it."""
    from sistemkerja_tui.store.models import UnitOrganisasi

    return sesi.get(UnitOrganisasi, unit_id, with_for_update=kunci or None)


def pegawai(sesi: Session, pegawai_id: int, *, kunci: bool = True) -> Pegawai | None:
    """The pegawai `pegawai_id`, locked unless the use case only reads it."""
    from sistemkerja_tui.store.models import Pegawai

    return sesi.get(Pegawai, pegawai_id, with_for_update=kunci or None)


def kode_terpakai(sesi: Session, instansi_id: int, kode: str, *, kecuali: int | None = None) -> bool:
    """Whether another unit of the instansi already has the code `kode` (case-insensitive)."""
    return (
        jalankan(
            sesi,
            "SELECT 1 FROM unit_organisasi WHERE instansi_id = :i AND lower(kode) = lower(:k) AND id != :kecuali",
            i=instansi_id,
            k=kode,
            kecuali=kecuali or 0,
        ).first()
        is not None
    )


def urutan_berikut(sesi: Session) -> int:
    """The tree position after every unit (a new unit comes last among its siblings)."""
    return int(jalankan(sesi, "SELECT COALESCE(MAX(urutan), 0) + 1 FROM unit_organisasi").scalar_one())


def subpohon(sesi: Session, unit_id: int) -> list[int]:
    """`unit_id` and every unit beneath it, open or closed."""
    rows = jalankan(
        sesi,
        "WITH RECURSIVE bawah(id) AS (SELECT id FROM unit_organisasi WHERE id = :id "
        "UNION SELECT u.id FROM unit_organisasi u JOIN bawah b ON u.induk_id = b.id) SELECT id FROM bawah",
        id=unit_id,
    )
    return [r.id for r in rows]


def jalur_atas(sesi: Session, unit_id: int) -> list[int]:
    """`unit_id` and every unit above it, the top-level Perangkat Daerah last."""
    rows = jalankan(
        sesi,
        "WITH RECURSIVE atas(id, induk_id, n) AS (SELECT id, induk_id, 0 FROM unit_organisasi WHERE id = :id "
        "UNION SELECT u.id, u.induk_id, a.n + 1 FROM unit_organisasi u JOIN atas a ON u.id = a.induk_id) "
        "SELECT id FROM atas ORDER BY n",
        id=unit_id,
    )
    return [r.id for r in rows]


def geser_tingkat(sesi: Session, unit_ids: list[int], selisih: int) -> None:
    """Add `selisih` to the depth of the units `unit_ids` (a moved subtree)."""
    jalankan(sesi, "UPDATE unit_organisasi SET tingkat = tingkat + :d WHERE id IN :ids", d=selisih, ids=unit_ids)


def isi_unit(sesi: Session, unit_id: int) -> Any:
    """What still lives in a unit: active pegawai, open sub-units, active teams (columns `pegawai`, `sub`, `tim`)."""
    from sistemkerja_tui.aturan.enums import StatusTim

    return jalankan(
        sesi,
        "SELECT (SELECT COUNT(*) FROM pegawai WHERE unit_id = :id AND aktif) AS pegawai, "
        "(SELECT COUNT(*) FROM unit_organisasi WHERE induk_id = :id AND aktif) AS sub, "
        "(SELECT COUNT(*) FROM tim_kerja WHERE unit_id = :id AND status != :bubar) AS tim",
        id=unit_id,
        bubar=StatusTim.DIBUBARKAN.value,
    ).one()


def nip_terpakai(sesi: Session, nip: str, *, kecuali: int | None = None) -> str | None:
    """The name of the pegawai (active or not) who already has `nip`, else None."""
    return jalankan(  # type: ignore[no-any-return]
        sesi, "SELECT nama FROM pegawai WHERE nip = :nip AND id != :kecuali", nip=nip, kecuali=kecuali or 0
    ).scalar()


def unit_dipimpin(sesi: Session, pegawai_id: int) -> list[Any]:
    """The units `pegawai_id` heads or leads as Plt./Plh. (columns `id`, `nama`, `pimpinan_id`, `sementara_id`)."""
    return list(
        jalankan(
            sesi,
            "SELECT id, nama, pimpinan_id, sementara_id FROM unit_organisasi "
            "WHERE pimpinan_id = :p OR sementara_id = :p ORDER BY id",
            p=pegawai_id,
        )
    )


def jumlah_override_ke(sesi: Session, pegawai_id: int) -> int:
    """How many active pegawai have `pegawai_id` as their PPK override."""
    return int(
        jalankan(
            sesi, "SELECT COUNT(*) FROM pegawai WHERE ppk_override_id = :p AND aktif AND id != :p", p=pegawai_id
        ).scalar_one()
    )
