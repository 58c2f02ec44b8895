"""What reading an import file yields: checked rows, refusals, the column mapping."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Generic, TypeVar

from sistemkerja_tui.aturan.enums import JenisJabatan, JenisUnit, Jenjang, Pendidikan, StatusASN


@dataclass(frozen=True, slots=True)
class Penolakan:
    """One refused value: the file's row number (1-based, as a spreadsheet shows it), the column, why (Indonesian)."""

    baris: int
    kolom: str
    alasan: str


@dataclass(slots=True)
class BarisPegawai:
    """One pegawai row, every value already checked and converted to the app's codes. Read-only by convention
    (`dataclasses.replace` for a changed copy): not frozen, as a frozen one costs twice as much to build, 80 000
    times per import."""

    baris: int
    nip: str
    nama: str
    status_asn: StatusASN
    golongan: str  # "III/b" (PNS) or "IX" (PPPK); "" when the file has none
    jenis_jabatan: JenisJabatan
    nama_jabatan: str
    jenjang: Jenjang | None
    pendidikan: Pendidikan
    pns_id: str | None = None
    gelar_depan: str = ""
    gelar_belakang: str = ""
    unit_sumber_id: str | None = None  # SIASN `UNOR ID` / e-Kinerja unit id
    unit_nama: str | None = None  # used to link when the file has no unit id
    unit_induk_nama: str | None = None  # e-Kinerja `skp_unor_atasan` and similar
    atasan_nip: str | None = None  # e-Kinerja `pegawai_atasan_nip` (for the anomaly report)
    tanggal_lahir: date | None = None
    nama_jf: str = ""  # a JF's name without its jenjang ("Perawat" of "Perawat Ahli Pertama"); "" otherwise
    # The fields whose value the file gave; the others are defaults or guesses (pendidikan from the gelar,
    # status from the golongan) that an update should not write over a value already in the database.
    bidang_berkas: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class BarisUnit:
    """One unit row of a unit file (SIASN ref-unor and similar)."""

    baris: int
    sumber_id: str
    nama: str
    induk_sumber_id: str | None
    jenis: JenisUnit | None  # guessed from the name when the file has no kind; shown for confirmation
    jenis_ditebak: bool
    kode: str = ""
    nama_jabatan_pimpinan: str = ""
    pimpinan_nip: str | None = None
    pimpinan_pns_id: str | None = None


T = TypeVar("T", "BarisPegawai", "BarisUnit")


@dataclass
class HasilBaca(Generic[T]):
    """A file read: the header mapping (file header -> field), the rows that passed, the refusals."""

    berkas: str
    baris_header: int  # 1-based row of the header in the file
    pemetaan: dict[str, str]
    kolom_wajib_hilang: list[str] = field(default_factory=list)  # field names (Indonesian labels) not found
    baris: list[T] = field(default_factory=list)
    ditolak: list[Penolakan] = field(default_factory=list)
    jumlah_baris: int = 0  # data rows read (passed + refused)
    catatan: list[str] = field(default_factory=list)  # file-level messages (Indonesian): missing columns, no header
