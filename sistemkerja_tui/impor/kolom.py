"""File headers matched to the app's fields through an alias table.

Headers are compared after normalisation: case ignored, spaces, underscores and punctuation removed, so
`NIP BARU`, `nip_baru`, `NipBaru` and `NIP-BARU` are one header. Each field lists the headers it accepts, the
preferred first: when a file has two of them (e-Kinerja `skp_unor` and `unit`), the earlier one is used.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter
from typing import Any

# field -> (Indonesian label, accepted headers). Sources: SIASN "Export Data ASN" (66 columns), e-Kinerja
# Laporan/Penilaian SKP, local DUK/nominatif spreadsheets.
ALIAS_PEGAWAI: Mapping[str, tuple[str, tuple[str, ...]]] = {
    "nip": ("NIP", ("NIP BARU", "NIP", "NIP 18", "NIP PEGAWAI", "NIP/NRP", "NIP ASN")),
    "pns_id": ("PNS ID", ("PNS ID", "ID PNS", "PNS_ID")),
    "nama": ("Nama", ("NAMA", "NAMA LENGKAP", "NAMA PEGAWAI", "NAMA ASN", "NAMA DAN GELAR")),
    "gelar_depan": ("Gelar depan", ("GELAR DEPAN",)),
    "gelar_belakang": ("Gelar belakang", ("GELAR BELAKANG",)),
    "tanggal_lahir": ("Tanggal lahir", ("TANGGAL LAHIR", "TGL LAHIR", "TGL. LAHIR")),
    "jenis_pegawai": (
        "Jenis pegawai",
        ("JENIS PEGAWAI NAMA", "jenis_pegawai", "STATUS PEGAWAI", "STATUS ASN", "STATUS KEPEGAWAIAN"),
    ),
    "status_cpns": ("Status CPNS/PNS", ("STATUS CPNS PNS", "STATUS CPNS/PNS")),
    "golongan": (
        "Golongan",
        ("GOL AKHIR NAMA", "GOLONGAN", "GOL/RUANG", "GOL RUANG", "GOLRU", "golru", "GOL", "GOLONGAN RUANG"),
    ),
    "golongan_id": ("Golongan (id BKN)", ("GOL AKHIR ID", "GOLONGAN ID")),
    "pangkat": ("Pangkat", ("PANGKAT", "PANGKAT GOLONGAN", "PANGKAT/GOL")),
    "jenis_jabatan_id": ("Jenis jabatan (id)", ("JENIS JABATAN ID",)),
    "jenis_jabatan": ("Jenis jabatan", ("JENIS JABATAN NAMA", "JENIS JABATAN", "skp_jenis_jabatan")),
    "nama_jabatan": ("Jabatan", ("JABATAN NAMA", "JABATAN", "NAMA JABATAN", "skp_jabatan", "JABATAN TERAKHIR")),
    "eselon": ("Eselon", ("ESELON", "ESELON NAMA")),
    "pendidikan_id": ("Tingkat pendidikan (id)", ("TINGKAT PENDIDIKAN ID",)),
    "pendidikan": (
        "Pendidikan",
        (
            "TINGKAT PENDIDIKAN NAMA",
            "TINGKAT PENDIDIKAN",
            "PENDIDIKAN TERAKHIR",
            "PENDIDIKAN",
            "JENJANG PENDIDIKAN",
            "PENDIDIKAN NAMA",
        ),
    ),
    "unit_sumber_id": ("Unit (id)", ("UNOR ID", "ID UNOR", "skp_unor_id", "KODE UNOR", "UNIT ID", "ID UNIT")),
    "unit_nama": (
        "Unit kerja",
        ("UNOR NAMA", "NAMA UNOR", "skp_unor", "UNIT KERJA", "UNIT", "NAMA UNIT", "SUB UNIT KERJA", "SATKER"),
    ),
    "unit_induk_nama": ("Unit atasan", ("skp_unor_atasan", "UNOR ATASAN", "UNIT ATASAN", "UNIT KERJA ATASAN")),
    "atasan_nip": ("NIP atasan", ("pegawai_atasan_nip", "NIP ATASAN", "NIP ATASAN LANGSUNG")),
}
WAJIB_PEGAWAI = ("nip", "nama", "nama_jabatan")

# SIASN ref-unor (`Id/DiatasanId/NamaUnor/NamaJabatan/PemimpinPnsId`), its snake_case forms, hand-made lists.
ALIAS_UNIT: Mapping[str, tuple[str, tuple[str, ...]]] = {
    "sumber_id": ("Id unit", ("Id", "ID UNOR", "UNOR ID", "UNORID", "KODE UNOR", "ID UNIT", "UNIT ID")),
    "nama": ("Nama unit", ("NamaUnor", "NAMA UNOR", "NAMA UNIT", "NAMA", "UNIT", "UNIT KERJA", "UNOR NAMA")),
    "induk_sumber_id": (
        "Id unit atasan",
        ("DiatasanId", "ID ATASAN", "PARENT ID", "ID INDUK", "INDUK ID", "ID UNOR ATASAN", "UNOR ATASAN ID"),
    ),
    "jenis": ("Jenis unit", ("JENIS UNIT", "JENIS", "JENIS UNOR", "JenisUnor")),
    "kode": ("Kode", ("KODE", "KODE UNIT", "CepatKode", "KODE SURAT")),
    "nama_jabatan_pimpinan": (
        "Jabatan pimpinan",
        ("NamaJabatan", "NAMA JABATAN", "JABATAN PIMPINAN", "JABATAN KEPALA", "JABATAN"),
    ),
    "pimpinan_nip": ("NIP pimpinan", ("NIP PIMPINAN", "NIP KEPALA", "PIMPINAN NIP", "NIP")),
    "pimpinan_pns_id": ("PNS ID pimpinan", ("PemimpinPnsId", "PEMIMPIN PNS ID", "PIMPINAN PNS ID")),
}
WAJIB_UNIT = ("sumber_id", "nama")

_BUKAN_HURUF_ANGKA = re.compile(r"[\W_]+")


def normalkan(header: str) -> str:
    """`NIP BARU`, `nip_baru`, `NipBaru` -> `nipbaru`."""
    return _BUKAN_HURUF_ANGKA.sub("", header.casefold())


@dataclass(frozen=True)
class TabelAlias:
    """An alias table ready for lookups: normalised header -> (field, preference)."""

    alias: Mapping[str, tuple[str, tuple[str, ...]]]
    wajib: tuple[str, ...]
    _cari: dict[str, tuple[str, int]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        cari: dict[str, tuple[str, int]] = {}
        for bidang, (_, nama) in self.alias.items():
            for urut, n in enumerate(nama):
                cari.setdefault(normalkan(n), (bidang, urut))
        object.__setattr__(self, "_cari", cari)

    def kenali(self, header: Sequence[str]) -> int:
        """How many cells of a candidate header row are known headers (to find the header row)."""
        return sum(1 for h in header if normalkan(h) in self._cari)

    def label(self, bidang: str) -> str:
        return self.alias[bidang][0]

    def petakan(self, header: Sequence[str]) -> Pemetaan:
        """Which column feeds which field; the preferred header wins when several name one field."""
        pilih: dict[str, tuple[int, int]] = {}  # field -> (preference, column index)
        for i, h in enumerate(header):
            cocok = self._cari.get(normalkan(h))
            if cocok is None:
                continue
            bidang, urut = cocok
            if bidang not in pilih or urut < pilih[bidang][0]:
                pilih[bidang] = (urut, i)
        indeks = {b: i for b, (_, i) in pilih.items()}
        hilang = [b for b in self.wajib if b not in indeks]
        return Pemetaan(
            indeks=indeks,
            header={b: header[i] for b, i in indeks.items()},
            hilang=hilang,
            pesan_hilang=[self.pesan_hilang(b) for b in hilang],
        )

    def pesan_hilang(self, bidang: str) -> str:
        label, nama = self.alias[bidang]
        return f"Kolom {label} tidak ditemukan. Beri salah satu judul kolom ini: {', '.join(nama)}."


@dataclass(frozen=True)
class Pemetaan:
    """Field -> column index and -> the file's header text; required fields not found, with their messages."""

    indeks: dict[str, int]
    header: dict[str, str]
    hilang: list[str]
    pesan_hilang: list[str]

    @cached_property
    def bidang(self) -> frozenset[str]:
        return frozenset(self.indeks)

    @cached_property
    def pasangan(self) -> tuple[tuple[str, int], ...]:
        """(field, column index) pairs, for reading a row's mapped cells in one pass."""
        return tuple(self.indeks.items())

    @cached_property
    def urutan(self) -> tuple[str, ...]:
        """The mapped fields in the order `ambil` gives their cells."""
        return tuple(self.indeks)

    @cached_property
    def ambil(self) -> Callable[[Sequence[Any]], tuple[Any, ...]]:
        """A row's mapped cells as a tuple, in `urutan` order (IndexError on a row too short)."""
        indeks = tuple(self.indeks.values())
        if len(indeks) == 1:
            return lambda sel: (sel[indeks[0]],)
        return itemgetter(*indeks)

    def sebagai_berkas(self) -> dict[str, str]:
        """File header -> field, in the file's column order (what `HasilBaca.pemetaan` holds)."""
        return {self.header[b]: b for b in sorted(self.indeks, key=self.indeks.__getitem__)}


PEGAWAI = TabelAlias(ALIAS_PEGAWAI, WAJIB_PEGAWAI)
UNIT = TabelAlias(ALIAS_UNIT, WAJIB_UNIT)
