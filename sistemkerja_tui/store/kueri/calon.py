"""The leader candidates of a team, read for a picker of any size: counted by kind, then a page at a time.

A candidate's *kind* is what the criteria (`aturan.kriteria`) read of them: the columns of `KOLOM_JENIS` and
the leader roles they already hold (`peran_pimpinan`, `kelompok_kerja`). `jenis` gives each kind of a pool
with its pegawai ids in one pass — a walk of the index `ix_pegawai_jenis_calon` in its own order (migration
0006): no sort, no table row read — plus the few who lead another team, so the rules judge kinds, not rows.
`halaman` reads the full rows of one page among given ids, by full name (ASCII case-insensitively, as
`urutkan_kandidat` orders them) then id. Ids travel as text (`1,2,3`), as the database aggregates them: a
pool of 100 000 is never turned into Python integers to be page-read.

`saring`: words that must each occur in the full name, NIP, jabatan or jenis (any case).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sistemkerja_tui.aturan.enums import BentukTim, PeranTim
from sistemkerja_tui.store.kueri import syarat

if TYPE_CHECKING:
    from sistemkerja_tui.store.baca import Pembaca

KOLOM_JENIS = (
    "jenis_jabatan",
    "status_asn",
    "jenjang",
    "kelas_jabatan",
    "golongan",
    "pendidikan",
    "predikat_kinerja_1",
    "predikat_kinerja_2",
    "hasil_penyetaraan",
)
"""What the criteria read of a pegawai row beside the leader roles (the index's order). Not: `aktif` (the pool
holds active pegawai only), `kompetensi` (a warning only), the name (the wording only)."""

KOLOM_CALON = (
    "id, nama, gelar_depan, gelar_belakang, status_asn, jenis_jabatan, jenjang, kelas_jabatan, golongan, "
    "pendidikan, predikat_kinerja_1, predikat_kinerja_2, hasil_penyetaraan, unit_id, aktif, kompetensi, "
    "nama_jabatan, nip"
)
_NAMA_LENGKAP = (  # aturan.sebutan.nama_lengkap
    "CASE WHEN p.gelar_depan != '' THEN p.gelar_depan || ' ' ELSE '' END || p.nama"
    " || CASE WHEN p.gelar_belakang != '' THEN ', ' || p.gelar_belakang ELSE '' END"
)


def _pimpinan(peran: str) -> str:
    """Per pegawai, how many leader roles of `peran` (a fragment) they hold in running teams other than `:tim`."""
    return (
        "(SELECT k.pegawai_id, COUNT(*) AS n FROM keanggotaan k JOIN tim_kerja t ON t.id = k.tim_id "
        f"WHERE {peran} AND {syarat.keanggotaan_berjalan('k', 't')} AND t.id != :tim GROUP BY k.pegawai_id)"
    )


def _peran_dari(peran: str) -> str:
    """How many leader roles of `peran` (a fragment) pegawai `p` holds in running teams other than `:tim`."""
    return (
        "(SELECT COUNT(*) FROM keanggotaan k JOIN tim_kerja t ON t.id = k.tim_id WHERE k.pegawai_id = p.id "
        f"AND {peran} AND {syarat.keanggotaan_berjalan('k', 't')} AND t.id != :tim)"
    )


_PP = _pimpinan("k.peran IN :s_peran_pimpinan")  # ketua/koordinator of any team
_KK = _pimpinan("k.peran = :ketua AND t.bentuk = :kelompok_kerja")  # ketua of a kelompok kerja (Klaten)


def _param(kecuali_tim: int) -> dict[str, Any]:
    return {"tim": kecuali_tim, "ketua": PeranTim.KETUA.value, "kelompok_kerja": BentukTim.KELOMPOK_KERJA.value}


def sumber(kecuali_tim: int) -> tuple[str, dict[str, Any]]:
    """FROM and WHERE of every active JF and pelaksana of `:unit` (alias `p`) with the leader roles held elsewhere
    (`pp.n`: ketua/koordinator roles in running teams other than `kecuali_tim`; `kk.n`: running kelompok kerja
    other than `kecuali_tim` they are ketua of)."""
    sql = (
        f"FROM pegawai p LEFT JOIN {_PP} pp ON pp.pegawai_id = p.id LEFT JOIN {_KK} kk ON kk.pegawai_id = p.id "
        f"WHERE {syarat.staf_aktif('p')} AND p.unit_id IN :unit"
    )
    return sql, {**_param(kecuali_tim), **syarat.PARAM}


def _dialek(pembaca: Pembaca) -> str:
    return "sqlite" if pembaca.engine is None else pembaca.engine.dialect.name


_TEKS = f"lower({_NAMA_LENGKAP} || ' ' || p.nip || ' ' || p.nama_jabatan || ' ' || p.jenis_jabatan)"
"""What a filter word is looked for in: full name, NIP, jabatan and jenis, in lower case."""


def _saring(saring: Sequence[str], param: dict[str, Any]) -> str:
    kondisi = ""
    for i, kata in enumerate(saring):
        param[f"s{i}"] = "%" + kata.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%"
        kondisi += f" AND {_TEKS} LIKE :s{i} ESCAPE '!'"
    return kondisi


def teks(pembaca: Pembaca, unit_ids: list[int]) -> list[Any]:
    """(id, teks) of every candidate of `unit_ids`: what `saring` looks in, for filtering in memory."""
    return pembaca.semua(
        f"SELECT p.id, {_TEKS} AS teks FROM pegawai p WHERE {syarat.staf_aktif('p')} AND p.unit_id IN :unit",
        unit=unit_ids,
        **syarat.PARAM,
    )


def jenis(pembaca: Pembaca, unit_ids: list[int], *, kecuali_tim: int, saring: Sequence[str] = ()) -> list[Any]:
    """Each kind of candidate to lead team `kecuali_tim` from `unit_ids`: the columns `KOLOM_JENIS`,
    `peran_pimpinan`, `kelompok_kerja`, `n` and `ids` (the kind's pegawai ids, text `1,2,3`).

    Rows with `pemimpin` 0 count every candidate as holding no leader role; rows with `pemimpin` 1 are the
    kinds of those who do hold one (a few): the caller moves them from the first to the second.
    """
    param: dict[str, Any] = {**_param(kecuali_tim), **syarat.PARAM}
    kondisi = f"{syarat.staf_aktif('p')} AND p.unit_id IN :unit{_saring(saring, param)}"
    kolom = ", ".join(f"p.{k}" for k in KOLOM_JENIS)
    ids = "group_concat(p.id)" if _dialek(pembaca) == "sqlite" else "string_agg(CAST(p.id AS VARCHAR), ',')"
    return pembaca.semua(
        f"SELECT {kolom}, 0 AS peran_pimpinan, 0 AS kelompok_kerja, COUNT(*) AS n, {ids} AS ids, 0 AS pemimpin "
        f"FROM pegawai p WHERE {kondisi} GROUP BY {kolom} "
        f"UNION ALL SELECT {kolom}, pp.n, COALESCE(kk.n, 0), COUNT(*), {ids}, 1 FROM pegawai p "
        f"JOIN {_PP} pp ON pp.pegawai_id = p.id LEFT JOIN {_KK} kk ON kk.pegawai_id = p.id "
        f"WHERE {kondisi} GROUP BY {kolom}, pp.n, kk.n",
        unit=unit_ids,
        **param,
    )


def _daftar(nama: str, dialek: str) -> str:
    """The ids in the text parameter `:nama` (`1,2,3`) as a one-column query."""
    if dialek == "sqlite":
        return f"SELECT value FROM json_each(:{nama})"
    return f"SELECT unnest(CAST(string_to_array(:{nama}, ',') AS INTEGER[]))"


def halaman(
    pembaca: Pembaca, ids: str, *, tanpa: str = "", tambah: str = "", kecuali_tim: int, mulai: int, batas: int
) -> list[Any]:
    """Candidates `mulai` … `mulai + batas − 1` among pegawai `ids` but not `tanpa`, or `tambah` (each text
    `1,2,3`, as `jenis` gives them), by full name then id: the columns of `KOLOM_CALON` with `peran_pimpinan`
    and `kelompok_kerja`."""
    dialek = _dialek(pembaca)
    kolom = ", ".join(f"p.{k.strip()}" for k in KOLOM_CALON.split(","))
    urut = f"lower({_NAMA_LENGKAP})" + (' COLLATE "C"' if dialek == "postgresql" else "")  # code point order
    di_antara = (
        f"p.id IN ({_daftar('ids', dialek)} EXCEPT {_daftar('tanpa', dialek)} UNION {_daftar('tambah', dialek)})"
    )
    teks = (lambda t: f"[{t}]") if dialek == "sqlite" else (lambda t: t)  # SQLite reads the ids as JSON
    return pembaca.semua(  # the page's ids first (name and id only), then their rows and leader roles
        f"SELECT {kolom}, {_peran_dari('k.peran IN :s_peran_pimpinan')} AS peran_pimpinan, "
        f"{_peran_dari('k.peran = :ketua AND t.bentuk = :kelompok_kerja')} AS kelompok_kerja "
        f"FROM (SELECT p.id, {urut} AS urut FROM pegawai p WHERE {di_antara} "
        "ORDER BY urut, p.id LIMIT :batas OFFSET :mulai) h JOIN pegawai p ON p.id = h.id ORDER BY h.urut, h.id",
        ids=teks(ids),
        tanpa=teks(tanpa),
        tambah=teks(tambah),
        batas=batas,
        mulai=mulai,
        **_param(kecuali_tim),
        **syarat.PARAM,
    )
