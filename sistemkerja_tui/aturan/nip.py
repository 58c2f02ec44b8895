"""NIP: the 18-digit civil-servant number.

Layout `YYYYMMDD YYYYMM J NNN`: birth date, TMT CPNS (year and month), sex
(1 male, 2 female), sequence. A PPPK NIP has `2n` where a PNS NIP has the
month: `YYYYMMDD YYYY 2 n J NNN`, the PPPK code 2 then the intake (1-9) of
that year — no month begins with 2, so the two layouts never collide.
Spaces between the groups are allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

TAHUN_TMT_PALING_AWAL = 1950


class NIPTidakSah(ValueError):
    """A NIP that fails validation; `bagian` names the part that is wrong."""

    def __init__(self, bagian: str, pesan: str) -> None:
        super().__init__(pesan)
        self.bagian = bagian
        self.pesan = pesan


@dataclass(frozen=True)
class NIP:
    angka: str
    tanggal_lahir: date
    tmt_tahun: int
    tmt_bulan: int | None  # None on a PPPK NIP, which carries the intake instead
    jenis_kelamin: str  # "L" or "P"
    urut: int
    angkatan_pppk: int | None = None  # the PPPK intake of `tmt_tahun` (digit 14)

    @property
    def pppk(self) -> bool:
        return self.angkatan_pppk is not None

    @property
    def berkelompok(self) -> str:
        return kelompokkan_nip(self.angka)

    @property
    def jenis_kelamin_label(self) -> str:
        return "Laki-laki" if self.jenis_kelamin == "L" else "Perempuan"

    @property
    def tmt_label(self) -> str:
        if self.tmt_bulan is None:
            return f"PPPK {self.tmt_tahun} tahap {self.angkatan_pppk}"
        return f"{self.tmt_bulan:02d}/{self.tmt_tahun}"

    def __str__(self) -> str:
        return self.berkelompok


def kelompokkan_nip(angka: str) -> str:
    """`19670416 199303 1 015` from 18 digits; anything else unchanged."""
    if len(angka) != 18:
        return angka
    return f"{angka[:8]} {angka[8:14]} {angka[14]} {angka[15:]}"


def urai_nip(teks: str, hari_ini: date | None = None) -> NIP:
    """Parse and validate a NIP; raise `NIPTidakSah` naming the wrong part."""
    angka = teks if len(teks) == 18 and teks.isdigit() else "".join(teks.split())
    lahir, tmt_tahun, tmt_bulan, angkatan = _periksa(angka, teks, hari_ini or date.today())
    return NIP(angka, lahir, tmt_tahun, tmt_bulan, "L" if angka[14] == "1" else "P", int(angka[15:]), angkatan)


def angka_nip(teks: str, hari_ini: date | None = None) -> str:
    """The 18 digits of a valid NIP (the checks of `urai_nip`, without building a `NIP`: an import checks 80 000)."""
    angka = teks if len(teks) == 18 and teks.isdigit() else "".join(teks.split())
    _periksa(angka, teks, hari_ini or date.today())
    return angka


def _periksa(angka: str, teks: str, hari_ini: date) -> tuple[date, int, int | None, int | None]:
    """Birth date, TMT year and month, PPPK intake of the digits `angka`; `NIPTidakSah` naming the wrong part."""
    if not angka:
        raise NIPTidakSah("nip", "NIP kosong: isikan 18 angka, misalnya 19670416 199303 1 015.")
    if not angka.isdigit() or not angka.isascii():
        raise NIPTidakSah("nip", f"NIP '{teks.strip()}' memuat karakter selain angka dan spasi.")
    if len(angka) != 18:
        raise NIPTidakSah("nip", f"NIP harus 18 angka, yang diisikan {len(angka)} angka.")

    try:
        lahir = date(int(angka[0:4]), int(angka[4:6]), int(angka[6:8]))
    except ValueError:
        raise NIPTidakSah(
            "tanggal_lahir",
            f"Tanggal lahir pada NIP ({angka[6:8]}-{angka[4:6]}-{angka[0:4]}, angka ke-1 s.d. 8) "
            "bukan tanggal yang ada.",
        ) from None
    if lahir >= hari_ini:
        raise NIPTidakSah("tanggal_lahir", f"Tanggal lahir pada NIP ({lahir:%d-%m-%Y}) belum terjadi.")

    tmt_tahun = int(angka[8:12])
    angkatan = int(angka[13]) if angka[12] == "2" else None
    tmt_bulan = None if angkatan is not None else int(angka[12:14])
    if angkatan == 0 or (tmt_bulan is not None and not 1 <= tmt_bulan <= 12):
        raise NIPTidakSah(
            "tmt",
            f"Bulan TMT pada NIP (angka ke-13 s.d. 14: '{angka[12:14]}') harus 01 s.d. 12 (PNS) "
            "atau 21 s.d. 29 (PPPK).",
        )
    if not TAHUN_TMT_PALING_AWAL <= tmt_tahun <= hari_ini.year + 1:
        raise NIPTidakSah(
            "tmt",
            f"Tahun TMT pada NIP ({tmt_tahun}, angka ke-9 s.d. 12) harus antara "
            f"{TAHUN_TMT_PALING_AWAL} dan {hari_ini.year + 1}.",
        )
    if (tmt_tahun, tmt_bulan or 12) < (lahir.year + 18, lahir.month):
        tmt = f"{tmt_bulan:02d}/{tmt_tahun}" if tmt_bulan else str(tmt_tahun)
        raise NIPTidakSah(
            "tmt",
            f"TMT pada NIP ({tmt}) sebelum pegawai berusia 18 tahun (lahir {lahir:%d-%m-%Y}).",
        )

    kelamin = angka[14]
    if kelamin not in "12":
        raise NIPTidakSah(
            "jenis_kelamin",
            f"Angka jenis kelamin pada NIP (angka ke-15: '{kelamin}') harus 1 (laki-laki) atau 2 (perempuan).",
        )
    if angka.endswith("000"):
        raise NIPTidakSah("urut", "Nomor urut pada NIP (3 angka terakhir) tidak boleh 000.")
    return lahir, tmt_tahun, tmt_bulan, angkatan


def nip_sah(teks: str, hari_ini: date | None = None) -> bool:
    try:
        urai_nip(teks, hari_ini)
    except NIPTidakSah:
        return False
    return True
