"""Ordered vocabularies of the ASN domain.

Each member stores a short code (what the database holds) and a label (what
the user reads). `UrutEnum` members compare by rank within their own type.
"""

from __future__ import annotations

from enum import Enum
from types import MappingProxyType
from typing import ClassVar, Self


# Not StrEnum: StrEnum formats f-strings with the stored code, ours format with the label (`__str__`).
class KodeEnum(str, Enum):  # noqa: UP042
    """A str enum whose value is the stored code and which carries a label."""

    label: str

    def __new__(cls, kode: str, label: str | None = None) -> Self:
        obj = str.__new__(cls, kode)
        obj._value_ = kode
        obj.label = label or kode
        return obj

    def __str__(self) -> str:
        return self.label

    @classmethod
    def dari(cls, teks: str) -> Self:
        """Member by code or label (case-insensitive); Indonesian error otherwise."""
        kunci = teks.strip().casefold()
        for anggota in cls:
            if kunci in (anggota.value.casefold(), anggota.label.casefold()):
                return anggota
        pilihan = ", ".join(a.label for a in cls)
        raise ValueError(f"{cls.__name__} '{teks}' tidak dikenal; pilihan: {pilihan}.")

    @classmethod
    def kode_semua(cls) -> tuple[str, ...]:
        return tuple(a.value for a in cls)


class UrutEnum(KodeEnum):
    """Members ordered by `tingkat` (defaults to declaration order)."""

    _cache_urutan: ClassVar[dict[UrutEnum, int]]

    @property
    def tingkat(self) -> int:
        return type(self)._urutan()[self]

    @classmethod
    def _urutan(cls) -> dict[UrutEnum, int]:
        cache: dict[UrutEnum, int] | None = cls.__dict__.get("_cache_urutan")
        if cache is None:
            cache = {a: i for i, a in enumerate(cls)}
            cls._cache_urutan = cache
        return cache

    def _banding(self, other: object) -> tuple[int, int] | None:
        if type(other) is not type(self):
            return None
        return self.tingkat, other.tingkat

    def __lt__(self, other: object) -> bool:
        p = self._banding(other)
        return NotImplemented if p is None else p[0] < p[1]

    def __le__(self, other: object) -> bool:
        p = self._banding(other)
        return NotImplemented if p is None else p[0] <= p[1]

    def __gt__(self, other: object) -> bool:
        p = self._banding(other)
        return NotImplemented if p is None else p[0] > p[1]

    def __ge__(self, other: object) -> bool:
        p = self._banding(other)
        return NotImplemented if p is None else p[0] >= p[1]

    __hash__ = str.__hash__


class Golongan(UrutEnum):
    """PNS golongan ruang with its pangkat (PP 99/2000)."""

    IA = ("I/a", "Juru Muda")
    IB = ("I/b", "Juru Muda Tingkat I")
    IC = ("I/c", "Juru")
    ID = ("I/d", "Juru Tingkat I")
    IIA = ("II/a", "Pengatur Muda")
    IIB = ("II/b", "Pengatur Muda Tingkat I")
    IIC = ("II/c", "Pengatur")
    IID = ("II/d", "Pengatur Tingkat I")
    IIIA = ("III/a", "Penata Muda")
    IIIB = ("III/b", "Penata Muda Tingkat I")
    IIIC = ("III/c", "Penata")
    IIID = ("III/d", "Penata Tingkat I")
    IVA = ("IV/a", "Pembina")
    IVB = ("IV/b", "Pembina Tingkat I")
    IVC = ("IV/c", "Pembina Utama Muda")
    IVD = ("IV/d", "Pembina Utama Madya")
    IVE = ("IV/e", "Pembina Utama")

    @property
    def pangkat(self) -> str:
        return self.label

    @property
    def pangkat_golongan(self) -> str:
        """As written in signature blocks: `Penata Muda Tingkat I (III/b)`."""
        return f"{self.label} ({self.value})"

    @classmethod
    def dari(cls, teks: str) -> Golongan:
        kunci = teks.strip().casefold()
        for anggota in cls:
            if kunci in (anggota.value.casefold(), anggota.label.casefold(), anggota.pangkat_golongan.casefold()):
                return anggota
        raise ValueError(f"Golongan '{teks}' tidak dikenal; contoh yang sah: III/b atau Penata Muda Tingkat I.")


class GolonganPPPK(UrutEnum):
    """PPPK grades I … XVII (Perpres 98/2020)."""

    I = ("I", "Golongan I")  # noqa: E741 — the Roman numeral of the grade, as the regulation writes it
    II = ("II", "Golongan II")
    III = ("III", "Golongan III")
    IV = ("IV", "Golongan IV")
    V = ("V", "Golongan V")
    VI = ("VI", "Golongan VI")
    VII = ("VII", "Golongan VII")
    VIII = ("VIII", "Golongan VIII")
    IX = ("IX", "Golongan IX")
    X = ("X", "Golongan X")
    XI = ("XI", "Golongan XI")
    XII = ("XII", "Golongan XII")
    XIII = ("XIII", "Golongan XIII")
    XIV = ("XIV", "Golongan XIV")
    XV = ("XV", "Golongan XV")
    XVI = ("XVI", "Golongan XVI")
    XVII = ("XVII", "Golongan XVII")


class StatusASN(KodeEnum):
    PNS = ("pns", "PNS")
    PPPK = ("pppk", "PPPK")


class JenisJabatan(UrutEnum):
    """Kinds of jabatan, lowest first (Madiun Pasal 5)."""

    PELAKSANA = ("pelaksana", "Pelaksana")
    FUNGSIONAL = ("fungsional", "Fungsional")
    PENGAWAS = ("pengawas", "Pengawas")
    ADMINISTRATOR = ("administrator", "Administrator")
    JPT_PRATAMA = ("jpt_pratama", "JPT Pratama")

    @property
    def struktural(self) -> bool:
        return self >= JenisJabatan.PENGAWAS


class KategoriJF(KodeEnum):
    KEAHLIAN = ("keahlian", "Keahlian")
    KETERAMPILAN = ("keterampilan", "Keterampilan")


class Jenjang(UrutEnum):
    """JF jenjang (Madiun Pasal 6). Comparison only within one kategori."""

    PEMULA = ("pemula", "Pemula")
    TERAMPIL = ("terampil", "Terampil")
    MAHIR = ("mahir", "Mahir")
    PENYELIA = ("penyelia", "Penyelia")
    AHLI_PERTAMA = ("ahli_pertama", "Ahli Pertama")
    AHLI_MUDA = ("ahli_muda", "Ahli Muda")
    AHLI_MADYA = ("ahli_madya", "Ahli Madya")
    AHLI_UTAMA = ("ahli_utama", "Ahli Utama")

    @property
    def kategori(self) -> KategoriJF:
        return KategoriJF.KEAHLIAN if self.value.startswith("ahli") else KategoriJF.KETERAMPILAN

    def _banding(self, other: object) -> tuple[int, int] | None:
        if type(other) is not type(self):
            return None
        if other.kategori is not self.kategori:
            raise TypeError(
                f"Jenjang {self.label} ({self.kategori.label.lower()}) tidak dapat dibandingkan "
                f"dengan {other.label} ({other.kategori.label.lower()})."
            )
        return self.tingkat, other.tingkat


class Pendidikan(UrutEnum):
    """Highest education. D-IV and S1 share a rank (both 'sarjana terapan/sarjana')."""

    SD = ("sd", "SD")
    SMP = ("smp", "SMP")
    SMA = ("sma", "SMA/SMK")
    D1 = ("d1", "D-I")
    D2 = ("d2", "D-II")
    D3 = ("d3", "D-III")
    D4 = ("d4", "D-IV")
    S1 = ("s1", "S1")
    S2 = ("s2", "S2")
    S3 = ("s3", "S3")

    @classmethod
    def _urutan(cls) -> dict[UrutEnum, int]:
        cache: dict[UrutEnum, int] | None = cls.__dict__.get("_cache_urutan")
        if cache is None:
            cache = {a: i for i, a in enumerate(cls)}
            cache[cls.S1] = cache[cls.D4]
            cache[cls.S2] = cache[cls.D4] + 1
            cache[cls.S3] = cache[cls.D4] + 2
            cls._cache_urutan = cache
        return cache


class PredikatKinerja(UrutEnum):
    """Yearly performance rating (PermenPANRB 6/2022), lowest first."""

    SANGAT_KURANG = ("sangat_kurang", "Sangat Kurang")
    KURANG = ("kurang", "Kurang")
    BUTUH_PERBAIKAN = ("butuh_perbaikan", "Butuh Perbaikan")
    BAIK = ("baik", "Baik")
    SANGAT_BAIK = ("sangat_baik", "Sangat Baik")


class ModeKerja(KodeEnum):
    """How an installation is used (DESIGN §10): one person on their laptop, or one database for a Pemda."""

    SENDIRI = ("sendiri", "Sendiri (satu pengguna)")
    BERSAMA = ("bersama", "Bersama (akun per pimpinan)")


class JenisInstansi(KodeEnum):
    KABUPATEN = ("kabupaten", "Kabupaten")
    KOTA = ("kota", "Kota")
    PROVINSI = ("provinsi", "Provinsi")


class JenisUnit(KodeEnum):
    """Kinds of unit organisasi found in the seeds' structures."""

    SEKRETARIAT_DAERAH = ("sekretariat_daerah", "Sekretariat Daerah")
    ASISTEN = ("asisten", "Asisten")
    BAGIAN = ("bagian", "Bagian")
    SEKRETARIAT_DPRD = ("sekretariat_dprd", "Sekretariat DPRD")
    INSPEKTORAT = ("inspektorat", "Inspektorat")
    INSPEKTUR_PEMBANTU = ("inspektur_pembantu", "Inspektur Pembantu")
    DINAS = ("dinas", "Dinas")
    DPMPTSP = ("dpmptsp", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu")
    BADAN = ("badan", "Badan")
    SATUAN = ("satuan", "Satuan")
    SEKRETARIAT = ("sekretariat", "Sekretariat")
    BIDANG = ("bidang", "Bidang")
    SEKSI = ("seksi", "Seksi")
    SUBBAGIAN = ("subbagian", "Subbagian")
    KECAMATAN = ("kecamatan", "Kecamatan")
    KELURAHAN = ("kelurahan", "Kelurahan")
    UPTD = ("uptd", "UPTD")
    PUSKESMAS = ("puskesmas", "Puskesmas")
    RSUD = ("rsud", "RSUD")
    SEKOLAH = ("sekolah", "Satuan Pendidikan")

    @property
    def perangkat_daerah(self) -> bool:
        return self in _PERANGKAT_DAERAH


class JenisPimpinanSementara(KodeEnum):
    """Who leads a unit while its head is absent (Plt.: the post is vacant; Plh.: the head is away)."""

    PLT = ("plt", "Plt.")
    PLH = ("plh", "Plh.")


_PERANGKAT_DAERAH = frozenset(
    {
        JenisUnit.SEKRETARIAT_DAERAH,
        JenisUnit.SEKRETARIAT_DPRD,
        JenisUnit.INSPEKTORAT,
        JenisUnit.DINAS,
        JenisUnit.DPMPTSP,
        JenisUnit.BADAN,
        JenisUnit.SATUAN,
        JenisUnit.KECAMATAN,
    }
)

# A unit type the seeds run as another unless a profile gives it a chain of its own: a DPMPTSP is a Dinas
# (Perbup Klaten 34/2024 Lampiran huruf B angka 5.5; Perwal Padang Panjang 48/2024 Lampiran II huruf D and E).
SETARA = MappingProxyType({JenisUnit.DPMPTSP: JenisUnit.DINAS})


# --- tim kerja, penugasan, kegiatan (schema now, behaviour in later issues) ---


class JenisPembentukan(KodeEnum):
    """Team by formation (Madiun Lampiran Bab II A)."""

    TAHUNAN = ("tahunan", "Tahunan")
    INSIDENTAL = ("insidental", "Insidental")


class SasaranTim(KodeEnum):
    """Team by target (Madiun Lampiran Bab II A)."""

    PENGAMPU_SUBSTANSI = ("pengampu_substansi", "Pengampu substansi")
    INTERVENSI = ("intervensi", "Intervensi")
    ADMINISTRATIF = ("administratif", "Administratif/tata usaha satuan pendidikan")
    LAYANAN_TEKNIS = ("layanan_teknis", "Layanan teknis tertentu")
    SATUAN_NONSTRUKTURAL = ("satuan_nonstruktural", "Satuan pelaksana nonstruktural")


class BentukTim(KodeEnum):
    """The profile's own term for a team (Klaten: Kelompok Kerja vs Tim)."""

    TIM_KERJA = ("tim_kerja", "Tim Kerja")
    KELOMPOK_KERJA = ("kelompok_kerja", "Kelompok Kerja")
    TIM = ("tim", "Tim")


class StatusTim(KodeEnum):
    DRAF = ("draf", "Draf")
    AKTIF = ("aktif", "Aktif")
    SELESAI = ("selesai", "Selesai")
    DIBUBARKAN = ("dibubarkan", "Dibubarkan")


class PeranTim(KodeEnum):
    PENGARAH = ("pengarah", "Pengarah")
    PENANGGUNG_JAWAB = ("penanggung_jawab", "Penanggung Jawab")
    KOORDINATOR = ("koordinator", "Koordinator")
    KETUA = ("ketua", "Ketua")
    ANGGOTA = ("anggota", "Anggota")


class LingkupPenugasan(KodeEnum):
    DALAM_UNIT = ("dalam_unit", "Dalam unit")
    LINTAS_UNIT = ("lintas_unit", "Lintas unit")
    LINTAS_INSTANSI = ("lintas_instansi", "Lintas instansi")


class StatusKeanggotaan(KodeEnum):
    USULAN = ("usulan", "Usulan")
    MENUNGGU = ("menunggu_persetujuan", "Menunggu persetujuan")
    AKTIF = ("aktif", "Aktif")
    BERAKHIR = ("berakhir", "Berakhir")
    DITOLAK = ("ditolak", "Ditolak")
    DIBATALKAN = ("dibatalkan", "Dibatalkan")


class JenisPermohonan(KodeEnum):
    PENUNJUKAN = ("penunjukan", "Penunjukan")
    PENGAJUAN_SUKARELA = ("pengajuan_sukarela", "Pengajuan sukarela")


class StatusPermohonan(KodeEnum):
    DRAF = ("draf", "Draf")
    DIAJUKAN = ("diajukan", "Diajukan")
    DISETUJUI = ("disetujui", "Disetujui")
    DITOLAK = ("ditolak", "Ditolak")
    DIBATALKAN = ("dibatalkan", "Dibatalkan")
    SURAT_TUGAS_TERBIT = ("surat_tugas_terbit", "Surat tugas terbit")


class Tahap(UrutEnum):
    PERENCANAAN = ("perencanaan", "Perencanaan")
    PELAKSANAAN = ("pelaksanaan", "Pelaksanaan")
    EVALUASI = ("evaluasi", "Evaluasi")
    SELESAI = ("selesai", "Selesai")


class JenisCatatan(KodeEnum):
    LAPORAN_BERKALA = ("laporan_berkala", "Laporan berkala")
    UMPAN_BALIK = ("umpan_balik", "Umpan balik")
    KENDALA = ("kendala", "Kendala")
    PERMINTAAN_LAPORAN = ("permintaan_laporan", "Permintaan laporan")
    REVIU = ("reviu", "Reviu")
    PENGEMBALIAN = ("pengembalian", "Pengembalian")


class PredikatPenilaian(UrutEnum):
    """Ketua's rating advice for a member (Luwu Utara format g)."""

    DI_BAWAH = ("di_bawah", "Di bawah ekspektasi")
    SESUAI = ("sesuai", "Sesuai ekspektasi")
    DI_ATAS = ("di_atas", "Di atas ekspektasi")
