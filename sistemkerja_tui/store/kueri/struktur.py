"""SQL of the structure: instansi, the unit tree, pegawai pages and detail, PPK lookups, the search index rows,
and the demo Pemda's bulk writes.

The TUI imports this module at start-up (through `layanan.struktur`), so
SQLAlchemy is imported only inside the functions that write (DESIGN §7).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sistemkerja_tui.aturan.enums import JenisJabatan
from sistemkerja_tui.store.kueri import jalankan, tabel

if TYPE_CHECKING:
    from sistemkerja_tui.store.baca import Pembaca

# Pegawai order on a unit page: JPT Pratama, Administrator, Pengawas, Fungsional, Pelaksana, then name.
_URUTAN_JABATAN = tuple(sorted(JenisJabatan, reverse=True))
_URUT_JABATAN = (
    "CASE p.jenis_jabatan "
    + " ".join(f"WHEN :urut_jabatan_{i} THEN {i}" for i in range(len(_URUTAN_JABATAN)))
    + f" ELSE {len(_URUTAN_JABATAN)} END"
)
_PARAM_URUT = {f"urut_jabatan_{i}": j.value for i, j in enumerate(_URUTAN_JABATAN)}
_KOLOM_PEGAWAI = (
    "p.id, p.nip, p.nama, p.gelar_depan, p.gelar_belakang, p.nama_jabatan, p.jenis_jabatan, "
    "p.jenjang, p.golongan, p.status_asn, p.unit_id, p.ppk_override_id, p.ppk_override_alasan"
)
_JUMLAH_INSTANSI = "SELECT COUNT(*) FROM instansi"


# --- instansi & units ----------------------------------------------------------


def instansi(pembaca: Pembaca) -> list[Any]:
    """Every instansi, the Pemda itself first (`luar` last)."""
    return pembaca.semua("SELECT id, nama, jenis, profil, kepala_daerah, luar, fiktif FROM instansi ORDER BY luar, id")


def jumlah_instansi(pembaca: Pembaca) -> int:
    return int(pembaca.skalar(_JUMLAH_INSTANSI))


def unit(pembaca: Pembaca) -> list[Any]:
    """Every unit in tree order with its leader's name and jabatan (columns `p_nama`, `gelar_*`, …) and its
    Plt./Plh. (`s_*`)."""
    return pembaca.semua(
        "SELECT u.id, u.instansi_id, u.induk_id, u.nama, u.jenis, u.kode, u.nama_jabatan_pimpinan, "
        "u.mandiri, u.aktif, u.pimpinan_id, p.nama AS p_nama, p.gelar_depan, p.gelar_belakang, "
        "p.nama_jabatan, p.jenis_jabatan, p.jenjang, "
        "u.sementara_id, u.jenis_sementara, s.nama AS s_nama, s.gelar_depan AS s_gelar_depan, "
        "s.gelar_belakang AS s_gelar_belakang, s.nama_jabatan AS s_nama_jabatan, "
        "s.jenis_jabatan AS s_jenis_jabatan, s.jenjang AS s_jenjang "
        "FROM unit_organisasi u LEFT JOIN pegawai p ON p.id = u.pimpinan_id "
        "LEFT JOIN pegawai s ON s.id = u.sementara_id "
        "ORDER BY u.urutan, u.id"
    )


# --- pegawai ---------------------------------------------------------------------


def pejabat(pembaca: Pembaca, ids: Iterable[int]) -> list[Any]:
    """Name and jabatan of the pegawai `ids` (PPK overrides)."""
    return pembaca.semua(
        "SELECT id, nama, gelar_depan, gelar_belakang, nama_jabatan, jenis_jabatan, jenjang "
        "FROM pegawai WHERE id IN :ids",
        ids=sorted(ids),
    )


def jumlah_pegawai(pembaca: Pembaca, unit_ids: list[int]) -> int:
    """Active pegawai in the units `unit_ids`."""
    return int(pembaca.skalar("SELECT COUNT(*) FROM pegawai p WHERE p.aktif AND p.unit_id IN :unit", unit=unit_ids))


def halaman_pegawai(pembaca: Pembaca, unit_ids: list[int], *, batas: int, lewati: int) -> list[Any]:
    """One page of active pegawai of `unit_ids`: leaders first, then by jabatan and name."""
    return pembaca.semua(
        f"SELECT {_KOLOM_PEGAWAI} FROM pegawai p WHERE p.aktif AND p.unit_id IN :unit "
        f"ORDER BY {_URUT_JABATAN}, p.nama, p.id LIMIT :n OFFSET :o",
        unit=unit_ids,
        n=batas,
        o=lewati,
        **_PARAM_URUT,
    )


def posisi_pegawai(pembaca: Pembaca, unit_ids: list[int], pegawai_id: int) -> int:
    """Index of the pegawai in the order of `halaman_pegawai`; LookupError when not among them."""
    return int(
        pembaca.skalar(
            f"WITH urut AS (SELECT p.id, ROW_NUMBER() OVER (ORDER BY {_URUT_JABATAN}, p.nama, p.id) - 1 AS i "
            "FROM pegawai p WHERE p.aktif AND p.unit_id IN :unit) SELECT i FROM urut WHERE id = :pid",
            unit=unit_ids,
            pid=pegawai_id,
            **_PARAM_URUT,
        )
    )


def pegawai(pembaca: Pembaca, pegawai_id: int) -> Any:
    """The columns a PPK needs of one pegawai; LookupError when there is none."""
    return pembaca.satu(f"SELECT {_KOLOM_PEGAWAI} FROM pegawai p WHERE p.id = :id", id=pegawai_id)


def detail_pegawai(pembaca: Pembaca, pegawai_id: int) -> Any:
    return pembaca.satu(
        f"SELECT {_KOLOM_PEGAWAI}, p.kelas_jabatan, p.pendidikan, p.kompetensi, "
        "p.predikat_kinerja_1, p.predikat_kinerja_2, p.hasil_penyetaraan FROM pegawai p WHERE p.id = :id",
        id=pegawai_id,
    )


def keanggotaan_pegawai(pembaca: Pembaca, pegawai_id: int) -> list[Any]:
    """The pegawai's teams, newest first, each with the latest rating (`penilaian`)."""
    return pembaca.semua(
        "SELECT t.nama, k.peran, k.status, (SELECT pa.predikat FROM penilaian_anggota pa WHERE pa.keanggotaan_id "
        "= k.id ORDER BY pa.periode_selesai DESC LIMIT 1) AS penilaian FROM keanggotaan k "
        "JOIN tim_kerja t ON t.id = k.tim_id "
        "WHERE k.pegawai_id = :id ORDER BY t.mulai DESC, t.nama",
        id=pegawai_id,
    )


_KOLOM_INDEKS = "id, unit_id, nip, nama, gelar_depan, gelar_belakang, nama_jabatan"


def baris_indeks(pembaca: Pembaca) -> list[Any]:
    """Every active pegawai as the search index reads them."""
    return pembaca.semua(f"SELECT {_KOLOM_INDEKS} FROM pegawai WHERE aktif")


def baris_indeks_id(pembaca: Pembaca, ids: Iterable[int]) -> list[Any]:
    """The pegawai `ids` that are active, as the search index reads them (patching it after a change)."""
    return pembaca.semua(f"SELECT {_KOLOM_INDEKS} FROM pegawai WHERE aktif AND id IN :ids", ids=sorted(ids))


# --- demo Pemda: bulk writes inside its one transaction ----------------------------

_POTONGAN = 5000  # rows per INSERT batch


def ada_instansi(sesi: Any) -> bool:
    """Whether the database already holds an instansi (a Pemda)."""
    return bool(jalankan(sesi, _JUMLAH_INSTANSI).scalar_one())


def id_berikut(sesi: Any, nama_tabel: str) -> int:
    """The first free id of the table `nama_tabel`."""
    from sqlalchemy import func, select

    t = tabel(nama_tabel)
    return (sesi.connection().execute(select(func.max(t.c.id))).scalar() or 0) + 1


def sisipkan(sesi: Any, nama_tabel: str, baris: list[dict[str, Any]]) -> None:
    """Insert `baris` (with their ids) into the table `nama_tabel`, in batches."""
    from sqlalchemy import insert

    t, conn = tabel(nama_tabel), sesi.connection()
    for awal in range(0, len(baris), _POTONGAN):
        conn.execute(insert(t), baris[awal : awal + _POTONGAN])


def tetapkan_pimpinan(sesi: Any, pimpinan: dict[int, int]) -> None:
    """unit.pimpinan_id (unit id → pegawai id), once the pegawai exist (the two tables point at each other)."""
    from sqlalchemy import bindparam, update

    t = tabel("unit_organisasi")
    perintah = update(t).where(t.c.id == bindparam("b_id")).values(pimpinan_id=bindparam("b_pimpinan"))
    sesi.connection().execute(perintah, [{"b_id": u, "b_pimpinan": p} for u, p in pimpinan.items()])


def selaraskan_sekuens(sesi: Any, nama_tabel: Iterable[str]) -> None:
    """PostgreSQL sequences do not see explicit ids; move them past the rows of the tables `nama_tabel`."""
    if sesi.get_bind().dialect.name != "postgresql":
        return
    for nama in nama_tabel:
        nama = tabel(nama).name  # a table of the schema, never outside text
        jalankan(sesi, f"SELECT setval(pg_get_serial_sequence(:tabel, 'id'), (SELECT max(id) FROM {nama}))", tabel=nama)
