"""The leader candidates of a team, ranked and paged by the database (the ketua picker at any size).

The ranking is `aturan.peringkat.RumusPeringkat` rendered as SQL: per candidate `galat_tetap` (blocking
findings that hold whatever the pool), one column per pool fact (`galat_<fakta>`: findings counted only
while that fact holds) and `skor`. `kelompok` counts candidates per (jenis, galat) so the use case can
work out the pool facts and the totals; `halaman` returns one page in `urutkan_kandidat`'s order: galat
ascending (eligible first), skor descending, full name (ASCII case-insensitively), id.

`saring`: words that must each occur in the full name, NIP, jabatan or jenis (any case).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sistemkerja_tui.aturan.enums import BentukTim, PeranTim
from sistemkerja_tui.aturan.peringkat import RumusPeringkat, Suku, Uji
from sistemkerja_tui.store.kueri import syarat

if TYPE_CHECKING:
    from sistemkerja_tui.store.baca import Pembaca

KOLOM_PEGAWAI = (
    "id",
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "status_asn",
    "jenis_jabatan",
    "jenjang",
    "kelas_jabatan",
    "golongan",
    "pendidikan",
    "predikat_kinerja_1",
    "predikat_kinerja_2",
    "hasil_penyetaraan",
    "unit_id",
    "aktif",
    "kompetensi",
    "nama_jabatan",
    "nip",
)
_HITUNGAN = {"peran_pimpinan": "COALESCE(pp.n, 0)", "kelompok_kerja": "COALESCE(kk.n, 0)"}
_BOOLEAN = {"hasil_penyetaraan", "aktif"}
_NAMA_LENGKAP = (  # aturan.sebutan.nama_lengkap
    "CASE WHEN p.gelar_depan != '' THEN p.gelar_depan || ' ' ELSE '' END || p.nama"
    " || CASE WHEN p.gelar_belakang != '' THEN ', ' || p.gelar_belakang ELSE '' END"
)


def sumber(kecuali_tim: int) -> tuple[str, dict[str, Any]]:
    """FROM and WHERE of every active JF and pelaksana of `:unit` (alias `p`) with the leader roles held elsewhere
    (`pp.n`: ketua/koordinator roles in running teams other than `kecuali_tim`; `kk.n`: running kelompok kerja
    other than `kecuali_tim` they are ketua of)."""
    sql = (
        "FROM pegawai p "
        "LEFT JOIN (SELECT k.pegawai_id, COUNT(*) AS n FROM keanggotaan k JOIN tim_kerja t ON t.id = k.tim_id "
        f"WHERE {syarat.peran_pimpinan_aktif('k', 't')} AND t.id != :tim GROUP BY k.pegawai_id) pp "
        "ON pp.pegawai_id = p.id "
        "LEFT JOIN (SELECT k.pegawai_id, COUNT(*) AS n FROM keanggotaan k JOIN tim_kerja t ON t.id = k.tim_id "
        "WHERE k.peran = :ketua AND t.bentuk = :kelompok_kerja "
        f"AND {syarat.keanggotaan_berjalan('k', 't')} AND t.id != :tim GROUP BY k.pegawai_id) kk "
        "ON kk.pegawai_id = p.id "
        f"WHERE {syarat.staf_aktif('p')} AND p.unit_id IN :unit"
    )
    param = {
        "tim": kecuali_tim,
        "ketua": PeranTim.KETUA.value,
        "kelompok_kerja": BentukTim.KELOMPOK_KERJA.value,
        **syarat.PARAM,
    }
    return sql, param


def _uji(u: Uji, param: dict[str, Any]) -> str:
    kolom = _HITUNGAN.get(u.kolom) or f"p.{u.kolom}"
    if u.kolom not in _HITUNGAN and u.kolom not in KOLOM_PEGAWAI:
        raise ValueError(f"kolom calon tidak dikenal: {u.kolom}")
    nama = f"r{len(param)}"
    if u.minimal is not None:
        param[nama] = u.minimal
        return f"{kolom} >= :{nama}"
    if u.kolom in _BOOLEAN:
        benar, salah = True in u.nilai, False in u.nilai
        return "1 = 1" if benar and salah else kolom if benar else f"NOT {kolom}" if salah else "1 = 0"
    bagian = [f"{kolom} IS NULL"] if None in u.nilai else []
    nilai = sorted(v for v in u.nilai if v is not None)  # one type per column
    if nilai:
        param[nama] = nilai
        bagian.append(f"{kolom} IN :{nama}")
    return f"({' OR '.join(bagian)})" if bagian else "1 = 0"


def _jumlah(suku: Sequence[Suku], param: dict[str, Any]) -> str:
    """The sum of `suku` as an integer expression (0 without terms)."""
    bagian = []
    for s in suku:
        kondisi = " OR ".join(f"({' AND '.join(_uji(u, param) for u in dan) or '1 = 1'})" for dan in s.atau)
        bagian.append(f"CASE WHEN {kondisi or '1 = 0'} THEN {int(s.bobot)} ELSE 0 END")
    return " + ".join(bagian) or "0"


def _fakta(rumus: RumusPeringkat) -> list[str]:
    return sorted({s.bila for s in rumus.galat if s.bila is not None})


def _calon(
    rumus: RumusPeringkat, kecuali_tim: int, saring: Sequence[str], dialek: str
) -> tuple[str, dict[str, Any], list[str]]:
    """The ranked candidates as a subquery (columns, galat parts, skor, name key) and the pool facts it names."""
    dari, param = sumber(kecuali_tim)
    fakta = _fakta(rumus)
    kolom = [f"p.{k}" for k in KOLOM_PEGAWAI]
    kolom += [f"{sql} AS {nama}" for nama, sql in _HITUNGAN.items()]
    kolom.append(f"{_jumlah([s for s in rumus.galat if s.bila is None], param)} AS galat_tetap")
    kolom += [f"{_jumlah([s for s in rumus.galat if s.bila == f], param)} AS galat_{f}" for f in fakta]
    kolom.append(f"{_jumlah(rumus.skor, param)} AS skor")
    urut = f"lower({_NAMA_LENGKAP})" + (' COLLATE "C"' if dialek == "postgresql" else "")  # code point order
    kolom.append(f"{urut} AS urut_nama")
    teks = f"lower({_NAMA_LENGKAP} || ' ' || p.nip || ' ' || p.nama_jabatan || ' ' || p.jenis_jabatan)"
    for i, kata in enumerate(saring):
        param[f"s{i}"] = "%" + kata.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%"
        dari += f" AND {teks} LIKE :s{i} ESCAPE '!'"
    return f"SELECT {', '.join(kolom)} {dari}", param, fakta


def _dialek(pembaca: Pembaca) -> str:
    return "sqlite" if pembaca.engine is None else pembaca.engine.dialect.name


def kelompok(
    pembaca: Pembaca, unit_ids: list[int], rumus: RumusPeringkat, *, kecuali_tim: int, saring: Sequence[str] = ()
) -> list[Any]:
    """(jenis_jabatan, galat_tetap, galat_<fakta>…, n): how many candidates of `unit_ids` share each galat."""
    sql, param, fakta = _calon(rumus, kecuali_tim, saring, _dialek(pembaca))
    kunci = ", ".join(["c.jenis_jabatan", "c.galat_tetap", *(f"c.galat_{f}" for f in fakta)])
    return pembaca.semua(f"SELECT {kunci}, COUNT(*) AS n FROM ({sql}) c GROUP BY {kunci}", unit=unit_ids, **param)


def halaman(
    pembaca: Pembaca,
    unit_ids: list[int],
    rumus: RumusPeringkat,
    *,
    kecuali_tim: int,
    fakta: Mapping[str, bool],
    mulai: int,
    batas: int,
    saring: Sequence[str] = (),
) -> list[Any]:
    """Candidates `mulai` … `mulai + batas − 1` in rank order, each with its `galat` count (under `fakta`) and
    `skor`, plus the columns of `KOLOM_PEGAWAI`, `peran_pimpinan` and `kelompok_kerja`."""
    sql, param, nama_fakta = _calon(rumus, kecuali_tim, saring, _dialek(pembaca))
    galat = " + ".join(["c.galat_tetap", *(f"c.galat_{f} * :f_{f}" for f in nama_fakta)])
    param.update({f"f_{f}": int(bool(fakta.get(f))) for f in nama_fakta})
    return pembaca.semua(
        f"SELECT c.*, {galat} AS galat FROM ({sql}) c "
        f"ORDER BY {galat}, c.skor DESC, c.urut_nama, c.id LIMIT :batas OFFSET :mulai",
        unit=unit_ids,
        batas=batas,
        mulai=mulai,
        **param,
    )
