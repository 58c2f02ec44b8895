"""Read side of the Struktur screen: unit tree, pegawai pages, detail, search.

Returns plain dataclasses; widgets never see a session. Units (a few hundred
to a few thousand) are cached in memory, pegawai are read a page at a time,
and search runs over an in-memory index built once per database. Queries go
through `store.baca.Pembaca` (sqlite3 for an up-to-date SQLite file); their SQL is
in `store.kueri.struktur`.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from sistemkerja_tui.aturan.enums import (
    JenisJabatan,
    JenisPimpinanSementara,
    JenisUnit,
    Jenjang,
    Pendidikan,
    PeranTim,
    PredikatKinerja,
    PredikatPenilaian,
    StatusKeanggotaan,
)
from sistemkerja_tui.aturan.nip import NIP, NIPTidakSah, kelompokkan_nip, urai_nip
from sistemkerja_tui.aturan.ppk import HasilPPK, Pejabat, SubjekPPK, UnitRantai, tentukan_ppk
from sistemkerja_tui.aturan.sebutan import label_golongan, nama_lengkap
from sistemkerja_tui.layanan.indeks_cari import IndeksCari
from sistemkerja_tui.store.kueri import struktur as kueri

if TYPE_CHECKING:
    from sistemkerja_tui.aturan.profil import Profil
    from sistemkerja_tui.store.baca import Pembaca

PER_HALAMAN = 100
BATAS_CARI = 50
BATAS_TAMBALAN = 2000  # pegawai changed since the index was built before it is rebuilt whole


def muat_profil(nama: str) -> Profil:
    """The regulation profile `nama` (`aturan.profil.muat_profil`). Its model (~40 ms of imports and parsing) is
    loaded on the first PPK asked for, in a worker: not when the TUI starts and its first screen comes from
    another process (`tui.awal`)."""
    from sistemkerja_tui.aturan.profil import muat_profil as muat

    return muat(nama)


@dataclass(frozen=True)
class Instansi:
    id: int
    nama: str
    jenis: str
    profil: str
    kepala_daerah: str
    luar: bool
    fiktif: bool = False  # the demo Pemda


@dataclass(frozen=True)
class Unit:
    id: int
    instansi_id: int
    induk_id: int | None
    nama: str
    jenis: JenisUnit
    kode: str
    jabatan_pimpinan: str
    mandiri: bool
    pimpinan: Pejabat | None
    anak: tuple[int, ...] = ()  # the open sub-units
    aktif: bool = True  # a closed unit stays (history, letters) but leaves the tree and the search
    sementara: Pejabat | None = None  # the Plt./Plh.
    jenis_sementara: JenisPimpinanSementara | None = None

    @property
    def label_pimpinan(self) -> str:
        s = f"{self.jenis_sementara.label} {self.sementara.nama}" if self.sementara and self.jenis_sementara else ""
        if self.pimpinan is None:
            return s or "(pimpinan belum ditetapkan)"
        return f"{self.pimpinan.nama} ({s})" if s else self.pimpinan.nama

    @property
    def pimpinan_ppk(self) -> Pejabat | None:
        """Who leads the unit as PPK: the head, else the Plt./Plh. acting for a vacant post."""
        return self.pimpinan or self.sementara


@dataclass(frozen=True)
class BarisPegawai:
    id: int
    nip: str
    nama: str
    jabatan: str
    pangkat: str
    unit: str
    ppk: str
    pimpinan_unit: bool


@dataclass(frozen=True)
class HalamanPegawai:
    unit: Unit
    termasuk_sub: bool
    halaman: int
    total: int
    baris: tuple[BarisPegawai, ...]
    per_halaman: int = PER_HALAMAN

    @property
    def unit_id(self) -> int:
        return self.unit.id

    @property
    def jumlah_halaman(self) -> int:
        return max(1, -(-self.total // self.per_halaman))


@dataclass(frozen=True)
class Keanggotaan:
    """A team the pegawai is in, by codes (the detail panel renders their labels)."""

    tim: str
    peran: PeranTim
    status: StatusKeanggotaan
    penilaian: PredikatPenilaian | None = None  # latest rating by the ketua at the end of a period


@dataclass(frozen=True)
class DetailPegawai:
    id: int
    nama: str
    nip: str
    nip_urai: NIP | None
    nip_galat: str | None
    status_asn: str
    pangkat: str
    jabatan: str
    jenis_jabatan: str
    jenjang: str | None
    kelas_jabatan: int | None
    pendidikan: str
    kedudukan: str
    unit_id: int
    ppk: HasilPPK
    kompetensi: str
    predikat: tuple[str, ...]
    hasil_penyetaraan: bool
    tim: tuple[Keanggotaan, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class HasilCari:
    """A pegawai found, or a unit (`adalah_unit`: `pegawai_id` 0, `unit` the path above it)."""

    pegawai_id: int
    unit_id: int
    nama: str
    nip: str
    jabatan: str
    unit: str
    adalah_unit: bool = False


class LayananStruktur:
    """Structure queries over one database; safe to call from worker threads."""

    def __init__(self, pembaca: Pembaca) -> None:
        self.pembaca = pembaca
        self._kunci = threading.Lock()
        self._unit: dict[int, Unit] | None = None
        self._akar: dict[int, tuple[int, ...]] = {}
        self._kunci_indeks = threading.Lock()
        self._indeks: IndeksCari[Any] | None = None
        self._indeks_unit: IndeksCari[HasilCari] | None = None
        # pegawai changed since the index was built (`segarkan`): their old rows are skipped, their rows now searched
        # in a small second index, so that an edit never rebuilds the whole index (seconds at 200 000 pegawai)
        self._tambalan: tuple[IndeksCari[Any], frozenset[int]] | None = None
        self._baris_tambalan: dict[int, Any] = {}

    # --- instansi & units -------------------------------------------------

    @cached_property
    def instansi(self) -> tuple[Instansi, ...]:
        rows = kueri.instansi(self.pembaca)
        return tuple(
            Instansi(r.id, r.nama, r.jenis, r.profil, r.kepala_daerah, bool(r.luar), bool(r.fiktif)) for r in rows
        )

    def lupakan(self) -> None:
        """Forget the instansi, the units and the search index read so far (after a use case changed them):
        the next call reads the database again."""
        # one lock after the other: `siapkan_indeks` takes the index lock, then (reading the units) the units' lock
        with self._kunci_indeks:
            self._indeks = self._indeks_unit = self._tambalan = None
            self._baris_tambalan = {}
        with self._kunci:
            self.__dict__.pop("instansi", None)
            self._unit = None
            self._akar = {}

    def muat(self) -> None:
        """Read the instansi and the unit tree now (from a worker), instead of on their first use."""
        self.instansi  # noqa: B018 — reading it fills the cached property
        self._muat_unit()

    def muat_ulang(self) -> None:
        """Forget the cached instansi, unit tree and search index and read them again (after an import)."""
        with self._kunci, self._kunci_indeks:
            self.__dict__.pop("instansi", None)
            self._unit = None
            self._akar = {}
            self._indeks = None
            self._indeks_unit = None
        self.muat()

    def instansi_dari_id(self, instansi_id: int) -> Instansi:
        return next(i for i in self.instansi if i.id == instansi_id)

    def profil(self, instansi_id: int) -> Profil:
        return muat_profil(self.instansi_dari_id(instansi_id).profil)

    def _muat_unit(self) -> dict[int, Unit]:
        with self._kunci:
            if self._unit is not None:
                return self._unit
            rows = kueri.unit(self.pembaca)
            anak: dict[int | None, list[int]] = {}
            akar: dict[int, list[int]] = {}
            for r in rows:
                if not r.aktif:
                    continue
                if r.induk_id is None:
                    akar.setdefault(r.instansi_id, []).append(r.id)
                else:
                    anak.setdefault(r.induk_id, []).append(r.id)
            unit: dict[int, Unit] = {}
            for r in rows:
                pimpinan = sementara = None
                if r.pimpinan_id is not None:
                    pimpinan = Pejabat(
                        r.pimpinan_id,
                        nama_lengkap(r.p_nama, r.gelar_depan, r.gelar_belakang),
                        r.nama_jabatan_pimpinan or r.nama_jabatan,
                        JenisJabatan(r.jenis_jabatan),
                        Jenjang(r.jenjang) if r.jenjang else None,
                    )
                if r.sementara_id is not None:
                    jenis = JenisPimpinanSementara(r.jenis_sementara)
                    sementara = Pejabat(
                        r.sementara_id,
                        nama_lengkap(r.s_nama, r.s_gelar_depan, r.s_gelar_belakang),
                        f"{jenis.label} {r.nama_jabatan_pimpinan or r.s_nama_jabatan}",
                        JenisJabatan(r.s_jenis_jabatan),
                        Jenjang(r.s_jenjang) if r.s_jenjang else None,
                    )
                unit[r.id] = Unit(
                    r.id,
                    r.instansi_id,
                    r.induk_id,
                    r.nama,
                    JenisUnit(r.jenis),
                    r.kode,
                    r.nama_jabatan_pimpinan,
                    bool(r.mandiri),
                    pimpinan,
                    tuple(anak.get(r.id, ())),
                    bool(r.aktif),
                    sementara,
                    JenisPimpinanSementara(r.jenis_sementara) if r.jenis_sementara else None,
                )
            self._akar = {k: tuple(v) for k, v in akar.items()}
            self._unit = unit
            return unit

    def segarkan(self, pegawai: Iterable[int] | None = None) -> None:
        """Read the unit tree again after a change (`layanan.ubah_struktur`) and bring the search index up to date:
        the units' index is rebuilt, the rows of the pegawai `pegawai` are patched in. With `pegawai` None (or
        after many patches) the pegawai index is dropped and built again on the next `siapkan_indeks`."""
        with self._kunci:
            self._unit = None
            self.__dict__.pop("instansi", None)  # the cached property: an instansi may have been set up meanwhile
        self._muat_unit()
        with self._kunci_indeks:
            if self._indeks is None:
                return
            dibuang = self._tambalan[1] if self._tambalan else frozenset()
            if pegawai is None or len(dibuang) > BATAS_TAMBALAN:
                self._indeks = self._indeks_unit = self._tambalan = None
                self._baris_tambalan = {}
                return
            self._indeks_unit = self._buat_indeks_unit()
            ids = set(pegawai)
            if ids:
                for i in ids:
                    self._baris_tambalan.pop(i, None)
                self._baris_tambalan.update((r.id, r) for r in kueri.baris_indeks_id(self.pembaca, ids))
                baris = IndeksCari(_entri_pegawai(self._baris_tambalan.values()))
                self._tambalan = (baris, dibuang | ids)

    def unit(self, unit_id: int) -> Unit:
        return self._muat_unit()[unit_id]

    def unit_akar(self, instansi_id: int) -> list[Unit]:
        semua = self._muat_unit()
        return [semua[i] for i in self._akar.get(instansi_id, ())]

    def anak_unit(self, unit_id: int) -> list[Unit]:
        semua = self._muat_unit()
        return [semua[i] for i in semua[unit_id].anak]

    def jalur_unit(self, unit_id: int) -> list[Unit]:
        """From the top-level Perangkat Daerah down to `unit_id`."""
        semua = self._muat_unit()
        jalur = []
        u: Unit | None = semua[unit_id]
        while u is not None:
            jalur.append(u)
            u = semua.get(u.induk_id) if u.induk_id is not None else None
        return jalur[::-1]

    def subpohon(self, unit_id: int) -> list[int]:
        """`unit_id` and every unit beneath it."""
        semua = self._muat_unit()
        hasil, tumpuk = [], [unit_id]
        while tumpuk:
            i = tumpuk.pop()
            hasil.append(i)
            tumpuk.extend(semua[i].anak)
        return hasil

    # --- PPK --------------------------------------------------------------

    def _rantai(self, unit_id: int) -> tuple[UnitRantai, ...]:
        return tuple(
            UnitRantai(u.id, u.nama, u.jenis, u.mandiri, u.pimpinan_ppk, u.jabatan_pimpinan)
            for u in reversed(self.jalur_unit(unit_id))
        )

    def _ppk(self, r, override: Pejabat | None, ingat: dict[Any, Any] | None = None) -> HasilPPK:
        """The PPK of row `r`; `ingat` keeps each unit's chain and each instansi's profile over many rows."""
        unit = self.unit(r.unit_id)
        instansi = self.instansi_dari_id(unit.instansi_id)
        if ingat is None:
            rantai, profil, sekda = self._rantai(r.unit_id), muat_profil(instansi.profil), self._sekda(instansi.id)
        else:
            if r.unit_id not in ingat:
                ingat[r.unit_id] = self._rantai(r.unit_id)
            if ("instansi", instansi.id) not in ingat:
                ingat["instansi", instansi.id] = (muat_profil(instansi.profil), self._sekda(instansi.id))
            rantai, (profil, sekda) = ingat[r.unit_id], ingat["instansi", instansi.id]
        subjek = SubjekPPK(
            r.id,
            JenisJabatan(r.jenis_jabatan),
            Jenjang(r.jenjang) if r.jenjang else None,
            rantai,
            override,
            r.ppk_override_alasan,
            sekda,
        )
        return tentukan_ppk(subjek, profil, kepala_daerah=instansi.kepala_daerah)

    def _sekda(self, instansi_id: int) -> Pejabat | None:
        """Leader of the instansi's Sekretariat Daerah: PPK of the heads of Perangkat Daerah."""
        for u in self.unit_akar(instansi_id):
            if u.jenis is JenisUnit.SEKRETARIAT_DAERAH:
                return u.pimpinan_ppk
        return None

    def _pejabat_override(self, ids: set[int]) -> dict[int, Pejabat]:
        if not ids:
            return {}
        return {
            r.id: Pejabat(
                r.id,
                nama_lengkap(r.nama, r.gelar_depan, r.gelar_belakang),
                r.nama_jabatan,
                JenisJabatan(r.jenis_jabatan),
                Jenjang(r.jenjang) if r.jenjang else None,
            )
            for r in kueri.pejabat(self.pembaca, ids)
        }

    # --- pegawai pages ----------------------------------------------------

    def halaman_pegawai(
        self, unit_id: int, *, termasuk_sub: bool = False, halaman: int = 0, per_halaman: int = PER_HALAMAN
    ) -> HalamanPegawai:
        """One page of the unit's pegawai: leaders first, then by jabatan and name."""
        unit_ids = self.subpohon(unit_id) if termasuk_sub else [unit_id]
        total = kueri.jumlah_pegawai(self.pembaca, unit_ids)
        halaman = max(0, min(halaman, max(0, (total - 1) // per_halaman)))
        rows = kueri.halaman_pegawai(self.pembaca, unit_ids, batas=per_halaman, lewati=halaman * per_halaman)
        override = self._pejabat_override({r.ppk_override_id for r in rows if r.ppk_override_id})
        semua = self._muat_unit()
        baris = []
        for r in rows:
            hasil = self._ppk(r, override.get(r.ppk_override_id))
            ppk = hasil.ppk.nama if hasil.ppk else hasil.sebutan
            if hasil.override:
                ppk = f"{ppk} *"
            pimpinan = semua[r.unit_id].pimpinan
            baris.append(
                BarisPegawai(
                    r.id,
                    kelompokkan_nip(r.nip),
                    nama_lengkap(r.nama, r.gelar_depan, r.gelar_belakang),
                    r.nama_jabatan,
                    label_golongan(r.golongan, r.status_asn),
                    semua[r.unit_id].nama,
                    ppk,
                    pimpinan is not None and pimpinan.pegawai_id == r.id,
                )
            )
        return HalamanPegawai(semua[unit_id], termasuk_sub, halaman, total, tuple(baris), per_halaman)

    def posisi_pegawai(self, pegawai_id: int, unit_id: int, *, termasuk_sub: bool = False) -> int:
        """Index of the pegawai in the ordering used by `halaman_pegawai`."""
        unit_ids = self.subpohon(unit_id) if termasuk_sub else [unit_id]
        return kueri.posisi_pegawai(self.pembaca, unit_ids, pegawai_id)

    def ppk_baris(self, rows: list[Any]) -> list[HasilPPK]:
        """The PPK of each row (the columns of `kueri.struktur.pegawai`), the overrides read in one query.

        `tentukan_ppk` reads of a pegawai who has no override and leads no unit only their unit, jenis jabatan
        and jenjang: such rows share one result per those three (the anomaly list asks for every pegawai)."""
        override = self._pejabat_override({r.ppk_override_id for r in rows if r.ppk_override_id})
        pemimpin = {u.pimpinan_ppk.pegawai_id for u in self._muat_unit().values() if u.pimpinan_ppk is not None}
        ingat: dict[Any, Any] = {}
        sama: dict[tuple[int, str, str | None], HasilPPK] = {}
        hasil = []
        for r in rows:
            if r.ppk_override_id is not None or r.id in pemimpin:
                hasil.append(self._ppk(r, override.get(r.ppk_override_id), ingat))
                continue
            kunci = (r.unit_id, r.jenis_jabatan, r.jenjang)
            if kunci not in sama:
                sama[kunci] = self._ppk(r, None, ingat)
            hasil.append(sama[kunci])
        return hasil

    def ppk_pegawai(self, pegawai_id: int) -> HasilPPK:
        """The PPK of one pegawai, with the passage behind it."""
        r = kueri.pegawai(self.pembaca, pegawai_id)
        override = self._pejabat_override({r.ppk_override_id} if r.ppk_override_id else set())
        return self._ppk(r, override.get(r.ppk_override_id))

    def di_bawah(self, unit_id: int, induk_id: int) -> bool:
        """Whether `unit_id` is `induk_id` or lies beneath it."""
        return any(u.id == induk_id for u in self.jalur_unit(unit_id))

    # --- detail -----------------------------------------------------------

    def detail_pegawai(self, pegawai_id: int) -> DetailPegawai:
        r = kueri.detail_pegawai(self.pembaca, pegawai_id)
        tim = kueri.keanggotaan_pegawai(self.pembaca, pegawai_id)
        override = self._pejabat_override({r.ppk_override_id} if r.ppk_override_id else set())
        try:
            nip, galat = urai_nip(r.nip), None
        except NIPTidakSah as e:
            nip, galat = None, e.pesan
        return DetailPegawai(
            id=r.id,
            nama=nama_lengkap(r.nama, r.gelar_depan, r.gelar_belakang),
            nip=kelompokkan_nip(r.nip),
            nip_urai=nip,
            nip_galat=galat,
            status_asn=r.status_asn.upper(),
            pangkat=label_golongan(r.golongan, r.status_asn),
            jabatan=r.nama_jabatan,
            jenis_jabatan=JenisJabatan(r.jenis_jabatan).label,
            jenjang=Jenjang(r.jenjang).label if r.jenjang else None,
            kelas_jabatan=r.kelas_jabatan,
            pendidikan=Pendidikan(r.pendidikan).label,
            kedudukan=" › ".join(u.nama for u in self.jalur_unit(r.unit_id)),
            unit_id=r.unit_id,
            ppk=self._ppk(r, override.get(r.ppk_override_id)),
            kompetensi=r.kompetensi,
            predikat=tuple(PredikatKinerja(p).label for p in (r.predikat_kinerja_1, r.predikat_kinerja_2) if p),
            hasil_penyetaraan=bool(r.hasil_penyetaraan),
            tim=tuple(
                Keanggotaan(
                    t.nama,
                    PeranTim(t.peran),
                    StatusKeanggotaan(t.status),
                    PredikatPenilaian(t.penilaian) if t.penilaian else None,
                )
                for t in tim
            ),
        )

    # --- search -----------------------------------------------------------

    def siapkan_indeks(self) -> IndeksCari[Any]:
        """The search index of pegawai and of units, built once per database (safe from several workers)."""
        with self._kunci_indeks:
            if self._indeks is None:
                rows = kueri.baris_indeks(self.pembaca)
                self._indeks_unit = self._buat_indeks_unit()
                # the rows themselves: a HasilCari is made for a result only
                self._indeks = IndeksCari(_entri_pegawai(rows))
                self._tambalan, self._baris_tambalan = None, {}
                gc.freeze()  # millions of long-lived objects: keep the collector from walking them on every key
            return self._indeks

    def _buat_indeks_unit(self) -> IndeksCari[HasilCari]:
        unit = (
            (u.nama, HasilCari(0, u.id, u.nama, "", u.label_pimpinan, self._di_atas(u.id), adalah_unit=True))
            for u in self._muat_unit().values()
            if u.aktif
        )
        return IndeksCari(unit)

    def _di_atas(self, unit_id: int) -> str:
        """The units above `unit_id`, top first."""
        return " › ".join(u.nama for u in self.jalur_unit(unit_id)[:-1])

    @property
    def indeks_siap(self) -> bool:
        """Whether `cari` answers from memory without touching the database."""
        return self._indeks is not None

    def cari(self, teks: str, batas: int = BATAS_CARI, *, unit: bool = False) -> list[HasilCari]:
        """Pegawai whose name, NIP, gelar or jabatan words begin with every word of `teks` (see `IndeksCari`);
        with `unit`, the units whose name matches come first."""
        indeks = self.siapkan_indeks()
        indeks_unit, tambalan = self._indeks_unit, self._tambalan
        hasil_unit = indeks_unit.cari(teks, batas) if unit and indeks_unit is not None else []
        semua = self._muat_unit()
        sisa = batas - len(hasil_unit)
        if tambalan is None:
            rows = indeks.cari(teks, sisa)
        else:
            baru, dibuang = tambalan
            rows = baru.cari(teks, sisa)
            rows += [r for r in indeks.cari(teks, sisa + len(dibuang)) if r.id not in dibuang][: sisa - len(rows)]
        return hasil_unit + [
            HasilCari(
                r.id,
                r.unit_id,
                nama_lengkap(r.nama, r.gelar_depan, r.gelar_belakang),
                kelompokkan_nip(r.nip),
                r.nama_jabatan,
                semua[r.unit_id].nama,
            )
            for r in rows
        ]


def _entri_pegawai(rows: Iterable[Any]) -> Iterator[tuple[str, Any]]:
    """(searchable text, row) of index rows (`kueri.struktur.baris_indeks`)."""
    return ((f"{r.nama} {r.gelar_belakang} {r.gelar_depan} {r.nip} {r.nama_jabatan}", r) for r in rows)
