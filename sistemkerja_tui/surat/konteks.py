"""What a letter needs, filled by the caller from the records.

Templates only print these values; they never hold a name of their own.
Signature rules follow Permendagri 1/2023 Pasal 44.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from sistemkerja_tui.aturan.enums import KodeEnum, PredikatPenilaian
from sistemkerja_tui.aturan.nip import kelompokkan_nip
from sistemkerja_tui.aturan.sebutan import nama_lengkap

PltPlh = Literal["Pj.", "Plt.", "Plh."]


class JenisSurat(KodeEnum):
    """Kinds of naskah dinas: code, label, template file."""

    KEPUTUSAN_TIM = ("keputusan_tim", "Keputusan pembentukan tim")
    SURAT_TUGAS = ("surat_tugas", "Surat Tugas")
    PERMOHONAN_PELIBATAN = ("permohonan_pelibatan", "Surat permohonan pelibatan lintas unit")
    NOTA_DINAS = ("nota_dinas", "Nota Dinas permintaan anggota tim")
    PERSETUJUAN_ANGGOTA = ("persetujuan_anggota", "Surat persetujuan anggota tim")
    PENOLAKAN = ("penolakan", "Surat penolakan permohonan pelibatan")
    PERMOHONAN_LINTAS_INSTANSI = ("permohonan_lintas_instansi", "Surat permohonan pelibatan lintas instansi")
    SUKARELA_LINTAS_UNIT = ("sukarela_lintas_unit", "Surat pengajuan sukarela lintas unit")
    REKOMENDASI_PENILAIAN = ("rekomendasi_penilaian", "Surat rekomendasi penilaian anggota tim")

    @property
    def templat(self) -> str:
        return f"{self.value}.txt.j2"


@dataclass(frozen=True, kw_only=True)
class Kop:
    """Letterhead lines, top to bottom (instansi, perangkat daerah, alamat)."""

    baris: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class Orang:
    """A civil servant as a letter names them; `nama` is without gelar."""

    nama: str
    jabatan: str
    unit: str = ""
    nip: str | None = None
    pangkat_golongan: str | None = None
    gelar_depan: str = ""
    gelar_belakang: str = ""

    @property
    def nama_bergelar(self) -> str:
        return nama_lengkap(self.nama, self.gelar_depan, self.gelar_belakang)

    @property
    def nip_tertulis(self) -> str:
        """`19670416 199303 1 015`, or `-` when unknown."""
        return kelompokkan_nip("".join(self.nip.split())) if self.nip else "-"

    @property
    def nama_dan_jabatan(self) -> str:
        return f"{self.nama_bergelar} ({self.jabatan})"

    @property
    def pangkat_tertulis(self) -> str:
        return self.pangkat_golongan or "-"


@dataclass(frozen=True, kw_only=True)
class Penandatangan:
    """Who signs and in what capacity.

    `atas_nama` and `untuk_beliau` are the offices signed for, without the
    `a.n.`/`u.b.` prefix. `kepala_daerah` covers Wakil Kepala Daerah too.
    """

    orang: Orang
    jabatan_ttd: str
    atas_nama: str | None = None
    untuk_beliau: str | None = None
    plt_plh: PltPlh | None = None
    kepala_daerah: bool = False
    sekda: bool = False

    @property
    def baris_jabatan(self) -> tuple[str, ...]:
        baris: list[str] = []
        if self.atas_nama:
            baris.append(f"a.n. {self.atas_nama}")
        if self.untuk_beliau:
            baris += [f"{self.untuk_beliau},", "u.b."]
        awalan = f"{self.plt_plh} " if self.plt_plh else ""
        baris.append(f"{awalan}{self.jabatan_ttd},")
        return tuple(baris)

    @property
    def cantumkan_nip(self) -> bool:
        """Pasal 44(3)-(5): NIP and pangkat only for signers other than KD, WKD, Sekda."""
        return not (self.kepala_daerah or self.sekda)

    def nama_tertulis(self, penetapan: bool = False) -> str:
        """Pasal 44(1),(4),(5): no gelar on a penetapan or for Pj/Plt/Plh KD, Pj/Plh Sekda."""
        tanpa_gelar = (
            penetapan
            or (self.kepala_daerah and self.plt_plh is not None)
            or (self.sekda and self.plt_plh in ("Pj.", "Plh."))
        )
        return self.orang.nama if tanpa_gelar else self.orang.nama_bergelar

    def baris_nama(self, penetapan: bool = False) -> tuple[str, ...]:
        """Name, then pangkat/golongan and NIP where Pasal 44(3) asks for them."""
        baris = [self.nama_tertulis(penetapan)]
        if self.cantumkan_nip:
            if self.orang.pangkat_golongan:
                baris.append(self.orang.pangkat_golongan)
            if self.orang.nip:
                baris.append(f"NIP. {self.orang.nip_tertulis}")
        return tuple(baris)


@dataclass(frozen=True, kw_only=True)
class Kepala:
    """Heading fields: number, date and place, addressees, copies."""

    nomor: str
    tanggal: date | None
    tempat: str
    hal: str = ""
    sifat: str = "Biasa"
    lampiran: int = 0
    kepada: tuple[str, ...] = ()
    di: str = "Tempat"
    tembusan: tuple[str, ...] = ()

    @property
    def nomor_penetapan(self) -> str:
        """The NOMOR of a penetapan in the issuer's pattern: 'TAHUN yyyy' only when the number has no year."""
        tahun = str(self.tanggal.year) if self.tanggal else ""
        if not tahun or tahun in self.nomor.split("/"):
            return self.nomor
        return f"{self.nomor} TAHUN {tahun}"


@dataclass(frozen=True, kw_only=True)
class RujukanSurat:
    """An earlier letter being answered."""

    nomor: str
    tanggal: date
    hal: str


@dataclass(frozen=True, kw_only=True)
class TugasPeran:
    """Duties of one role in the team (diktum KEDUA)."""

    peran: str
    uraian: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class IsiPermohonan:
    """The four contents of a permohonan pelibatan and the activity behind it."""

    nama_tim: str
    kegiatan: str
    unit_pelaksana: str
    tahun_anggaran: int
    maksud_tujuan: str
    kompetensi: str
    ekspektasi: str
    durasi: str
    calon: tuple[Orang, ...] = ()
    sebutan_tim: str = "Tim"  # the profile's term before `nama_tim` ("Tim Kerja", "Kelompok Kerja")


@dataclass(frozen=True, kw_only=True)
class Rekomendasi:
    """The ketua's rating advice for one member."""

    orang: Orang
    predikat: PredikatPenilaian
    catatan: str = ""


@dataclass(frozen=True, kw_only=True)
class KonteksKeputusanTim:
    kop: Kop
    kepala: Kepala
    penandatangan: Penandatangan | None
    penetap: str
    nama_tim: str
    tahun_anggaran: int
    menimbang: tuple[str, ...]
    mengingat: tuple[str, ...]
    tugas: tuple[TugasPeran, ...]
    ketua: Orang | None
    anggota: tuple[Orang, ...]
    pengarah: tuple[Orang, ...] = ()
    penanggung_jawab: tuple[Orang, ...] = ()
    diktum_tambahan: tuple[str, ...] = ()
    berlaku: date | None = None
    sebutan_tim: str = "Tim"


@dataclass(frozen=True, kw_only=True)
class KonteksSuratTugas:
    kop: Kop
    kepala: Kepala
    penandatangan: Penandatangan | None
    dasar: tuple[str, ...]
    pegawai: tuple[Orang, ...]
    untuk: tuple[str, ...]
    mulai: date
    selesai: date
    ppk: Orang | None = None
    peran: tuple[str, ...] = ()  # each pegawai's role ("Ketua", "Anggota"), in the order of `pegawai`
    ppk_anggota: tuple[str, ...] = ()  # each pegawai's PPK office, in the order of `pegawai`
    rujukan_belum_dibuat: tuple[str, ...] = ()  # letters to cite under Dasar that are not registered yet

    @property
    def kolektif(self) -> bool:
        return len(self.pegawai) > 1

    @property
    def kelompok_peran(self) -> tuple[tuple[str, tuple[Orang, ...]], ...]:
        """(role, pegawai) in order of first appearance; one group when no roles are given."""
        if len(self.peran) != len(self.pegawai):
            return (("", self.pegawai),)
        kelompok: dict[str, list[Orang]] = {}
        for peran, orang in zip(self.peran, self.pegawai, strict=True):
            kelompok.setdefault(peran, []).append(orang)
        return tuple((peran, tuple(o)) for peran, o in kelompok.items())

    @property
    def ppk_masing_masing(self) -> bool:
        """The pegawai report to different PPKs: each is named in the Lampiran."""
        return len(set(self.ppk_anggota)) > 1


@dataclass(frozen=True, kw_only=True)
class KonteksPermohonanPelibatan:
    kop: Kop
    kepala: Kepala
    penandatangan: Penandatangan | None
    isi: IsiPermohonan


@dataclass(frozen=True, kw_only=True)
class KonteksNotaDinas:
    kop: Kop
    kepala: Kepala
    penandatangan: Penandatangan | None
    dari: str
    isi: IsiPermohonan


@dataclass(frozen=True, kw_only=True)
class KonteksPersetujuan:
    kop: Kop
    kepala: Kepala
    penandatangan: Penandatangan | None
    surat_masuk: RujukanSurat
    pegawai: tuple[Orang, ...]
    nama_tim: str
    kegiatan: str
    tahun_anggaran: int
    sebutan_tim: str = "Tim"
    rujukan_belum_dibuat: tuple[str, ...] = ()  # the request letter to cite, not registered yet


@dataclass(frozen=True, kw_only=True)
class KonteksPenolakan:
    kop: Kop
    kepala: Kepala
    penandatangan: Penandatangan | None
    surat_masuk: RujukanSurat
    nama_tim: str
    kegiatan: str
    tahun_anggaran: int
    alasan: tuple[str, ...]
    pegawai: tuple[Orang, ...] = ()
    sebutan_tim: str = "Tim"
    rujukan_belum_dibuat: tuple[str, ...] = ()  # the request letter to cite, not registered yet


@dataclass(frozen=True, kw_only=True)
class KonteksPermohonanLintasInstansi:
    kop: Kop
    kepala: Kepala
    penandatangan: Penandatangan | None
    instansi_tujuan: str
    isi: IsiPermohonan


@dataclass(frozen=True, kw_only=True)
class KonteksSukarelaLintasUnit:
    """A civil servant's own written request; no letterhead, no number needed."""

    kepala: Kepala
    pemohon: Orang | None
    nama_tim: str
    kinerja: str
    kompetensi: str
    penyetuju: Penandatangan | None = None
    sebutan_tim: str = "Tim"


@dataclass(frozen=True, kw_only=True)
class KonteksRekomendasiPenilaian:
    kop: Kop
    kepala: Kepala
    penandatangan: Penandatangan | None
    nama_tim: str
    tahun: int
    mulai: date
    selesai: date
    rekomendasi: tuple[Rekomendasi, ...]
    sebutan_tim: str = "Tim"


Konteks = (
    KonteksKeputusanTim
    | KonteksSuratTugas
    | KonteksPermohonanPelibatan
    | KonteksNotaDinas
    | KonteksPersetujuan
    | KonteksPenolakan
    | KonteksPermohonanLintasInstansi
    | KonteksSukarelaLintasUnit
    | KonteksRekomendasiPenilaian
)

KONTEKS_PER_JENIS: dict[JenisSurat, type] = {
    JenisSurat.KEPUTUSAN_TIM: KonteksKeputusanTim,
    JenisSurat.SURAT_TUGAS: KonteksSuratTugas,
    JenisSurat.PERMOHONAN_PELIBATAN: KonteksPermohonanPelibatan,
    JenisSurat.NOTA_DINAS: KonteksNotaDinas,
    JenisSurat.PERSETUJUAN_ANGGOTA: KonteksPersetujuan,
    JenisSurat.PENOLAKAN: KonteksPenolakan,
    JenisSurat.PERMOHONAN_LINTAS_INSTANSI: KonteksPermohonanLintasInstansi,
    JenisSurat.SUKARELA_LINTAS_UNIT: KonteksSukarelaLintasUnit,
    JenisSurat.REKOMENDASI_PENILAIAN: KonteksRekomendasiPenilaian,
}
