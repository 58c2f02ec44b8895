"""Tim kerja use cases: form, edit, dissolve a team; set its leaders; add and remove members.

Each public method is one transaction and writes the audit log (`Riwayat`);
a refusal raises `Ditolak` with the findings and saves nothing. A member
from another unit or agency goes through a permohonan (`layanan.penugasan`)
and stays *menunggu persetujuan* until it is approved.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, overload

from sistemkerja_tui.aturan import aturan_tim
from sistemkerja_tui.aturan.enums import (
    BentukTim,
    Golongan,
    JenisJabatan,
    JenisPembentukan,
    JenisPermohonan,
    JenisUnit,
    Jenjang,
    LingkupPenugasan,
    Pendidikan,
    PeranTim,
    PredikatKinerja,
    PredikatPenilaian,
    SasaranTim,
    StatusASN,
    StatusKeanggotaan,
    StatusPermohonan,
    StatusTim,
)
from sistemkerja_tui.aturan.kriteria import Kandidat, Penilaian, kondisi_kumpulan, nilai_kandidat
from sistemkerja_tui.aturan.nip import kelompokkan_nip
from sistemkerja_tui.aturan.sebutan import nama_lengkap
from sistemkerja_tui.aturan.temuan import Temuan
from sistemkerja_tui.layanan.galat import Ditolak, tolak_jika_error
from sistemkerja_tui.store.baca import sebagai_tanggal
from sistemkerja_tui.store.kueri import calon as kueri_calon
from sistemkerja_tui.store.kueri import tim as kueri

if TYPE_CHECKING:
    from sistemkerja_tui.aturan.permohonan import IsiSuratPermohonan
    from sistemkerja_tui.layanan.mulai import Layanan

__all__ = [  # the enums are re-exported for the TUI's forms and views
    "Anggota",
    "BebanUnit",
    "BentukTim",
    "DaftarCalon",
    "DataTim",
    "DetailTim",
    "JenisPembentukan",
    "LayananTim",
    "LingkupPenugasan",
    "Penilaian",
    "PeranTim",
    "PredikatPenilaian",
    "RingkasTim",
    "SasaranTim",
    "StatusKeanggotaan",
    "StatusTim",
]

PERAN_PIMPINAN = (PeranTim.KETUA, PeranTim.KOORDINATOR)
PERAN_BERUSULAN = (PeranTim.KETUA, PeranTim.PENANGGUNG_JAWAB)  # appointed from proposed candidates (Klaten)
STATUS_BERLAKU = (StatusKeanggotaan.AKTIF.value, StatusKeanggotaan.MENUNGGU.value, StatusKeanggotaan.USULAN.value)


@dataclass(frozen=True)
class DataTim:
    """What the form asks for when forming or editing a team."""

    nama: str
    unit_id: int
    jenis_pembentukan: JenisPembentukan
    sasaran: SasaranTim
    mulai: date
    selesai: date
    tahun_anggaran: int | None = None
    tujuan: str = ""
    bentuk: BentukTim | None = None  # None: the profile's default for this kind of formation


@dataclass(frozen=True)
class RingkasTim:
    """A team as listed; kinds and status are codes (enums), the screen shows their labels."""

    id: int
    nama: str
    unit_id: int
    unit: str
    bentuk: BentukTim
    jenis_pembentukan: JenisPembentukan
    sasaran: SasaranTim
    tahun_anggaran: int | None
    status: StatusTim
    ketua: str
    anggota_aktif: int
    menunggu: int


@dataclass(frozen=True)
class Anggota:
    """A member of a team; role, origin, status and rating are codes (enums)."""

    keanggotaan_id: int
    pegawai_id: int
    nama: str
    jabatan: str
    unit: str
    peran: PeranTim
    asal: LingkupPenugasan
    status: StatusKeanggotaan
    uraian_peran: str
    permohonan_id: int | None
    penilaian: PredikatPenilaian | None = None  # latest rating at the end of a period (Luwu Utara format g)


@dataclass(frozen=True)
class DetailTim:
    ringkas: RingkasTim
    mulai: date
    selesai: date
    tujuan: str
    dasar_penetapan: str
    anggota: tuple[Anggota, ...]
    penetapan: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class BebanPegawai:
    pegawai_id: int
    nama: str
    jabatan: str
    tim: int
    peran_pimpinan: int
    di_atas_rata_rata: bool


@dataclass(frozen=True)
class BebanUnit:
    """The heaviest loads first; `pegawai` holds at most the `batas` asked for, the figures cover everyone."""

    unit_id: int
    rata_rata: float
    jumlah_pegawai: int
    di_atas: int
    pegawai: tuple[BebanPegawai, ...]
    rujukan: str = aturan_tim.RUJUKAN_BEBAN


class LayananTim:
    def __init__(self, layanan: Layanan) -> None:
        self.layanan = layanan
        self.struktur = layanan.struktur

    # --- helpers ------------------------------------------------------------

    def _profil_unit(self, unit_id: int):
        return self.struktur.profil(self.struktur.unit(unit_id).instansi_id)

    def _bentuk(self, data: DataTim, profil) -> BentukTim:
        if data.bentuk is not None:
            return data.bentuk
        kode = {b.kode for b in profil.bentuk_tim}
        if BentukTim.KELOMPOK_KERJA in kode:  # Klaten: yearly kelompok kerja, ad-hoc tim
            return BentukTim.KELOMPOK_KERJA if data.jenis_pembentukan is JenisPembentukan.TAHUNAN else BentukTim.TIM
        return BentukTim.TIM_KERJA

    def _periksa_data(self, data: DataTim, oleh_id: int | None) -> tuple[BentukTim, list[Temuan]]:
        profil = self._profil_unit(data.unit_id)
        bentuk = self._bentuk(data, profil)
        temuan = aturan_tim.periksa_nama_tim(data.nama)
        temuan += aturan_tim.periksa_periode(
            data.mulai,
            data.selesai,
            jenis_pembentukan=data.jenis_pembentukan,
            tahun_anggaran=data.tahun_anggaran,
            bentuk=bentuk,
            profil=profil,
        )
        if oleh_id is not None:
            pembentuk = kueri.jabatan_pegawai(self.struktur.pembaca, oleh_id)
            # a Kepala Seksi/Subbagian coordinates a substansi as its ketua; a Kepala UPTD or Lurah leads a unit
            substansi = self.struktur.unit(pembentuk.unit_id).jenis in (JenisUnit.SEKSI, JenisUnit.SUBBAGIAN)
            temuan += aturan_tim.periksa_pembentuk(
                JenisJabatan(pembentuk.jenis_jabatan), data.sasaran, profil, pembentuk_ketua_substansi=substansi
            )
        return bentuk, temuan

    def kandidat(self, sesi, pegawai_id: int, kecuali_tim: int | None = None) -> Kandidat:
        """The rule view of one pegawai, with the leader roles they hold in other active teams."""
        r = kueri.kandidat(sesi, pegawai_id)
        if r is None:
            raise Ditolak(f"Pegawai dengan id {pegawai_id} tidak ditemukan; pilih pegawai dari daftar.")
        peran = kueri.peran_pimpinan_per_bentuk(sesi, pegawai_id, kecuali_tim=kecuali_tim)
        return _kandidat(r, sum(n for _, n in peran), sum(n for b, n in peran if b == BentukTim.KELOMPOK_KERJA))

    def _kondisi_kumpulan(self, sesi, tim, calon: Kandidat, peran: PeranTim, profil) -> tuple[bool, bool, bool]:
        """`kondisi_kumpulan` of the pool `calon` is chosen from: the JF and pelaksana of the owner unit and the
        units beneath it, with `calon` (who may come from elsewhere) in place of their own row; and whether that
        pool holds any JF or pelaksana at all (Madiun Lampiran Bab II huruf F angka 1)."""
        rows = kueri.calon_pimpinan_sesi(sesi, self.struktur.subpohon(tim.unit_id), kecuali_tim=tim.id)
        lain = [r for r in rows if r.id != calon.pegawai_id]
        wakil = [*_wakil_jenis(lain).values(), calon]
        jf, penuh = kondisi_kumpulan(wakil, peran, profil, bentuk=BentukTim(tim.bentuk))
        staf = bool(lain) or calon.jenis in (JenisJabatan.FUNGSIONAL, JenisJabatan.PELAKSANA)
        return jf, penuh, staf

    def _rantai_jenis(self, unit_id: int) -> list[JenisUnit]:
        """The kinds of a unit and of the units above it, own unit first."""
        return [u.jenis for u in reversed(self.struktur.jalur_unit(unit_id))]

    def _satu_tingkat(self, unit_id: int, peran: PeranTim, profil) -> bool:
        """The unit is a Perangkat Daerah with no unit of the role's `tingkat_kedua` beneath it (Madiun Lampiran
        Bab II huruf C angka 1: simplified to one level)."""
        kriteria = profil.kriteria.get(peran)
        syarat = kriteria.unit if kriteria else None
        if syarat is None or not syarat.satu_tingkat or not self.struktur.unit(unit_id).jenis.perangkat_daerah:
            return False
        return not any(
            self.struktur.unit(i).jenis in syarat.tingkat_kedua for i in self.struktur.subpohon(unit_id) if i != unit_id
        )

    def _tim(self, sesi, tim_id: int, *, kunci: bool = True):
        """The team, locked unless the use case only reads it (`kunci=False`)."""
        tim = kueri.tim(sesi, tim_id, kunci=kunci)
        if tim is None:
            raise Ditolak(f"Tim dengan id {tim_id} tidak ditemukan.")
        return tim

    # --- forming, editing, dissolving ---------------------------------------

    def bentuk_tim(self, data: DataTim, *, oleh_id: int | None) -> int:
        """Form a team (status draf until its ketua is set); returns its id."""
        from sistemkerja_tui.store.db import transaksi
        from sistemkerja_tui.store.models import TimKerja
        from sistemkerja_tui.store.riwayat import catat

        bentuk, temuan = self._periksa_data(data, oleh_id)
        peringatan = tolak_jika_error(temuan)
        with transaksi(self.layanan.engine) as sesi:
            tim = TimKerja(
                unit_id=data.unit_id,
                nama=data.nama.strip(),
                bentuk=bentuk.value,
                jenis_pembentukan=data.jenis_pembentukan.value,
                sasaran=data.sasaran.value,
                tahun_anggaran=data.tahun_anggaran,
                mulai=data.mulai,
                selesai=data.selesai,
                tujuan=data.tujuan.strip(),
                status=StatusTim.DRAF.value,
            )
            sesi.add(tim)
            sesi.flush()
            assert tim.id is not None  # the flush gave the new row its key
            catat(
                sesi,
                oleh_id=oleh_id,
                aksi="bentuk_tim",
                entitas="tim_kerja",
                entitas_id=tim.id,
                nama=tim.nama,
                peringatan=[str(t) for t in peringatan],
            )
            return tim.id

    def ubah_tim(self, tim_id: int, data: DataTim, *, oleh_id: int | None) -> None:
        from sistemkerja_tui.store.db import transaksi
        from sistemkerja_tui.store.riwayat import catat

        bentuk, temuan = self._periksa_data(data, oleh_id)
        tolak_jika_error(temuan)
        with transaksi(self.layanan.engine) as sesi:
            tim = self._tim(sesi, tim_id)
            if tim.status == StatusTim.DIBUBARKAN.value:
                raise Ditolak("Tim ini sudah dibubarkan dan tidak dapat diubah.")
            if tim.unit_id != data.unit_id:
                raise Ditolak("Unit pemilik tim tidak dapat dipindah; bentuk tim baru di unit yang dituju.")
            sebelum = {"nama": tim.nama, "mulai": tim.mulai, "selesai": tim.selesai}
            tim.nama, tim.bentuk = data.nama.strip(), bentuk.value
            tim.jenis_pembentukan, tim.sasaran = data.jenis_pembentukan.value, data.sasaran.value
            tim.tahun_anggaran, tim.mulai, tim.selesai = data.tahun_anggaran, data.mulai, data.selesai
            tim.tujuan = data.tujuan.strip()
            catat(sesi, oleh_id=oleh_id, aksi="ubah_tim", entitas="tim_kerja", entitas_id=tim_id, sebelum=sebelum)

    def bubarkan_tim(self, tim_id: int, alasan: str, *, oleh_id: int | None) -> None:
        """Dissolve: memberships end, pending requests are cancelled."""
        from sistemkerja_tui.store.db import transaksi
        from sistemkerja_tui.store.riwayat import catat

        if not alasan.strip():
            raise Ditolak("Alasan pembubaran wajib diisi.")
        with transaksi(self.layanan.engine) as sesi:
            tim = self._tim(sesi, tim_id)
            if tim.status == StatusTim.DIBUBARKAN.value:
                raise Ditolak("Tim ini sudah dibubarkan.")
            tim.status = StatusTim.DIBUBARKAN.value
            batal = StatusPermohonan.DIBATALKAN.value
            for p in kueri.permohonan_menunggu(sesi, tim_id):
                self.layanan.penugasan.catat_transisi(
                    sesi, p.id, "batalkan", p.status, batal, oleh_id, "", f"Tim dibubarkan: {alasan.strip()}"
                )
            kueri.bubarkan(sesi, tim_id)
            catat(
                sesi,
                oleh_id=oleh_id,
                aksi="bubarkan_tim",
                entitas="tim_kerja",
                entitas_id=tim_id,
                alasan=alasan.strip(),
            )

    # --- leaders --------------------------------------------------------------

    def peran_tambahan(self, tim_id: int) -> list[tuple[PeranTim, str, str]]:
        """Roles besides ketua and anggota that the owner unit's regulation has: (peran, sebutan, rujukan)."""
        profil = self._profil_unit(kueri.unit_tim(self.struktur.pembaca, tim_id))
        return [
            (p.kode, p.sebutan, p.rujukan)
            for p in profil.peran.values()
            if p.kode not in (PeranTim.KETUA, PeranTim.ANGGOTA)
        ]

    def kandidat_pimpinan(self, tim_id: int, peran: PeranTim = PeranTim.KETUA) -> DaftarCalon:
        """Candidates for `peran`, in `urutkan_kandidat`'s order: eligible ones first, each other with the reasons
        why not (see `DaftarCalon`: counted and ranked by the database, read and judged a page at a time)."""
        try:
            tim = kueri.unit_bentuk_tim(self.struktur.pembaca, tim_id)
        except LookupError:
            raise Ditolak(f"Tim dengan id {tim_id} tidak ditemukan.") from None
        kumpulan = _Kumpulan(
            self.struktur.pembaca,
            self.struktur.subpohon(tim.unit_id),
            tim_id,
            peran,
            self._profil_unit(tim.unit_id),
            BentukTim(tim.bentuk),
        )
        return DaftarCalon.buka(kumpulan)

    def pengganti(self, tim_id: int, peran: PeranTim = PeranTim.KETUA, calon: DaftarCalon | None = None) -> str | None:
        """When the owner unit has no JF or pelaksana at all and the profile names who carries out the role's task
        instead (Madiun Lampiran Bab II huruf F angka 1): that rule with its passage; else None. `calon`: the
        role's candidates (`kandidat_pimpinan`) when the caller has read them already — reading them is most of
        the cost at 200 000 pegawai."""
        try:
            tim = kueri.unit_bentuk_tim(self.struktur.pembaca, tim_id)
        except LookupError:
            raise Ditolak(f"Tim dengan id {tim_id} tidak ditemukan.") from None
        kriteria = self._profil_unit(tim.unit_id).kriteria.get(peran)
        if kriteria is None or kriteria.pengganti is None:
            return None
        if len(calon if calon is not None else self.kandidat_pimpinan(tim_id, peran)):
            return None
        return f"{kriteria.pengganti.uraian} ({kriteria.pengganti.rujukan})"

    def tetapkan_pimpinan(
        self,
        tim_id: int,
        pegawai_id: int,
        peran: PeranTim = PeranTim.KETUA,
        *,
        oleh_id: int | None,
        isi: IsiSuratPermohonan | None = None,
    ) -> list[Temuan]:
        """Make `pegawai_id` the team's ketua (or koordinator, pengarah, penanggung jawab).

        Criteria errors refuse it; warnings are recorded and returned. The
        previous holder of a ketua/koordinator role steps down. Someone from
        outside the owner unit goes through a permohonan like any member.
        """
        from sistemkerja_tui.store.db import transaksi
        from sistemkerja_tui.store.riwayat import catat

        with transaksi(self.layanan.engine) as sesi:
            tim = self._tim(sesi, tim_id)
            self._tim_terbuka(tim)
            profil = self._profil_unit(tim.unit_id)
            bentuk = BentukTim(tim.bentuk)
            temuan: list[Temuan] = aturan_tim.periksa_peran(peran, profil)
            if peran in PERAN_PIMPINAN or peran is PeranTim.PENANGGUNG_JAWAB:
                calon = self.kandidat(sesi, pegawai_id, kecuali_tim=tim_id)
                jf, penuh, ada_staf = self._kondisi_kumpulan(sesi, tim, calon, peran, profil)
                nilai = nilai_kandidat(
                    calon,
                    peran,
                    profil,
                    bentuk=bentuk,
                    ada_jf_layak=jf,
                    ada_pelaksana_kelas_penuh=penuh,
                    ada_jf_pelaksana=ada_staf,
                )
                temuan += nilai.temuan
                temuan += aturan_tim.periksa_rangkap(calon, peran, profil, bentuk=bentuk)
                temuan += aturan_tim.periksa_unit_peran(
                    peran,
                    self._rantai_jenis(tim.unit_id),
                    profil,
                    satu_tingkat=self._satu_tingkat(tim.unit_id, peran, profil),
                )
                # the owner unit is the team's unit and every unit beneath it (Madiun Pasal 25 ayat (4); for the
                # Koordinator, Lampiran Bab II huruf C angka 1, it is required)
                dari_pemilik = self.struktur.di_bawah(calon.unit_id, tim.unit_id)
                temuan += aturan_tim.periksa_asal_ketua(
                    tim.unit_id if dari_pemilik else calon.unit_id, tim.unit_id, profil, peran=peran, nama=calon.nama
                )
                if peran in PERAN_BERUSULAN:
                    temuan += self._periksa_pengusulan(sesi, tim, pegawai_id, profil, peran)
            peringatan = tolak_jika_error(_unik(temuan))
            kriteria = profil.kriteria.get(peran)
            if peran in PERAN_PIMPINAN or (kriteria is not None and kriteria.pengusulan is not None):
                kueri.akhiri_peran(sesi, tim_id, peran, kecuali=pegawai_id)  # one holder; other candidates cancelled
            self._tambah(sesi, tim, pegawai_id, peran, "", isi, oleh_id, peringatan)
            if peran is PeranTim.KETUA and tim.status == StatusTim.DRAF.value:
                tim.status = StatusTim.AKTIF.value
                catat(sesi, oleh_id=oleh_id, aksi="aktifkan_tim", entitas="tim_kerja", entitas_id=tim_id)
            return peringatan

    def _periksa_pengusulan(self, sesi, tim, pegawai_id: int, profil, peran: PeranTim) -> list[Temuan]:
        """Klaten Pasal 14 (ketua) and Pasal 13 ayat (3) (Penanggungjawab): chosen from ≥ 2 proposed candidates
        after the Sekda's recommendation."""
        calon = kueri.calon_ketua(sesi, tim.id, peran)
        rekomendasi = tim.rekomendasi_ketua_id if peran is PeranTim.KETUA else tim.rekomendasi_pj_id
        temuan = aturan_tim.periksa_pengusulan_ketua(len(calon), rekomendasi is not None, profil, peran=peran)
        if temuan or not calon:
            return temuan
        if pegawai_id not in calon:
            sebutan = aturan_tim.sebutan_peran(peran, profil)
            return [
                Temuan(
                    "ketua_bukan_calon",
                    f"{sebutan} harus dipilih dari calon yang diusulkan kepada Sekretaris "
                    "Daerah; usulkan pegawai ini sebagai calon terlebih dahulu.",
                    temuan_rujukan(profil, peran),
                )
            ]
        return []

    def peran_berusulan(self, tim_id: int) -> list[tuple[PeranTim, str]]:
        """The roles of this team's regulation appointed from proposed candidates and allowed in its unit (Klaten:
        Ketua Kelompok Kerja; Penanggungjawab in a DPMPTSP), as (peran, sebutan)."""
        unit_id = kueri.unit_tim(self.struktur.pembaca, tim_id)
        profil, rantai = self._profil_unit(unit_id), self._rantai_jenis(unit_id)
        return [
            (p, aturan_tim.sebutan_peran(p, profil))
            for p in PERAN_BERUSULAN
            if (k := profil.kriteria.get(p)) is not None
            and k.pengusulan is not None
            and not aturan_tim.periksa_unit_peran(p, rantai, profil)  # Klaten: a Penanggungjawab only in a DPMPTSP
        ]

    def usulkan_calon_ketua(
        self,
        tim_id: int,
        pegawai_ids: list[int],
        *,
        oleh_id: int | None,
        peran: PeranTim = PeranTim.KETUA,
        hari_ini: date | None = None,
    ) -> None:
        """Record the ketua (or Penanggungjawab) candidates proposed to the Sekda (Klaten Pasal 14 ayat (1),
        Pasal 13 ayat (3)): at least two, at the end of a year or when the role is vacant."""
        from sistemkerja_tui.store.db import transaksi
        from sistemkerja_tui.store.models import Keanggotaan
        from sistemkerja_tui.store.riwayat import catat

        with transaksi(self.layanan.engine) as sesi:
            tim = self._tim(sesi, tim_id)
            self._tim_terbuka(tim)
            profil = self._profil_unit(tim.unit_id)
            sebutan = aturan_tim.sebutan_peran(peran, profil)
            if len(set(pegawai_ids)) < 2:
                raise Ditolak(f"Usulkan paling sedikit 2 (dua) calon {sebutan} yang berbeda.")
            temuan = aturan_tim.periksa_peran(peran, profil)
            temuan += aturan_tim.periksa_unit_peran(peran, self._rantai_jenis(tim.unit_id), profil)
            temuan += aturan_tim.periksa_waktu_usulan(
                hari_ini or date.today(), kueri.ada_pemegang(sesi, tim_id, peran), profil, peran=peran
            )
            tolak_jika_error(temuan)
            for pid in dict.fromkeys(pegawai_ids):
                calon = self.kandidat(sesi, pid)
                ada = kueri.keanggotaan_peran(sesi, tim_id, pid, peran)
                if ada is not None and ada.status == StatusKeanggotaan.AKTIF.value:
                    raise Ditolak(f"{calon.nama} sudah menjadi {sebutan} tim ini; usulkan pegawai lain.")
                if ada is not None:  # proposed before (not chosen, or ended): proposed again
                    ada.status = StatusKeanggotaan.USULAN.value
                    continue
                sesi.add(
                    Keanggotaan(
                        tim_id=tim_id,
                        pegawai_id=pid,
                        peran=peran.value,
                        asal=self._lingkup(tim.unit_id, pid, sesi).value,
                        status=StatusKeanggotaan.USULAN.value,
                    )
                )
            catat(
                sesi,
                oleh_id=oleh_id,
                aksi="usulkan_calon_ketua",
                entitas="tim_kerja",
                entitas_id=tim_id,
                calon=list(pegawai_ids),
                peran=peran.value,
            )

    def catat_rekomendasi_sekda(
        self, tim_id: int, pegawai_id: int, catatan: str, *, oleh_id: int | None, peran: PeranTim = PeranTim.KETUA
    ) -> None:
        """The Sekda's recommendation among the proposed candidates (Klaten Pasal 13 ayat (3) huruf c, Pasal 14
        ayat (1) huruf c)."""
        from sistemkerja_tui.store.db import transaksi
        from sistemkerja_tui.store.riwayat import catat

        with transaksi(self.layanan.engine) as sesi:
            tim = self._tim(sesi, tim_id)
            if pegawai_id not in kueri.calon_ketua(sesi, tim_id, peran):
                sebutan = aturan_tim.sebutan_peran(peran, self._profil_unit(tim.unit_id))
                raise Ditolak(f"Rekomendasi Sekretaris Daerah harus untuk salah satu calon {sebutan} yang diusulkan.")
            if peran is PeranTim.KETUA:
                tim.rekomendasi_ketua_id, tim.rekomendasi_catatan = pegawai_id, catatan.strip()
            else:
                tim.rekomendasi_pj_id, tim.rekomendasi_pj_catatan = pegawai_id, catatan.strip()
            catat(
                sesi,
                oleh_id=oleh_id,
                aksi="rekomendasi_sekda",
                entitas="tim_kerja",
                entitas_id=tim_id,
                pegawai_id=pegawai_id,
                peran=peran.value,
            )

    # --- members ----------------------------------------------------------------

    def tambah_anggota(
        self,
        tim_id: int,
        pegawai_id: int,
        uraian_peran: str = "",
        *,
        oleh_id: int | None,
        isi: IsiSuratPermohonan | None = None,
    ) -> StatusKeanggotaan:
        """Add a member: at once from the owner unit, by request (permohonan) from elsewhere."""
        from sistemkerja_tui.store.db import transaksi

        with transaksi(self.layanan.engine) as sesi:
            tim = self._tim(sesi, tim_id)
            self._tim_terbuka(tim)
            return self._tambah(sesi, tim, pegawai_id, PeranTim.ANGGOTA, uraian_peran, isi, oleh_id, [])

    def keluarkan_anggota(self, keanggotaan_id: int, alasan: str, *, oleh_id: int | None) -> None:
        """End a membership; a pending one withdraws its request."""
        from sistemkerja_tui.store.db import transaksi
        from sistemkerja_tui.store.riwayat import catat

        if not alasan.strip():
            raise Ditolak("Alasan mengeluarkan anggota wajib diisi.")
        with transaksi(self.layanan.engine) as sesi:
            k = kueri.keanggotaan(sesi, keanggotaan_id)
            if k is None or k.status not in STATUS_BERLAKU:
                raise Ditolak("Keanggotaan itu tidak ada atau sudah berakhir.")
            menunggu = k.status != StatusKeanggotaan.AKTIF.value
            k.status = (StatusKeanggotaan.DIBATALKAN if menunggu else StatusKeanggotaan.BERAKHIR).value
            if menunggu and k.permohonan_id is not None:
                p = kueri.permohonan(sesi, k.permohonan_id)
                if p is not None and p.status in (StatusPermohonan.DRAF.value, StatusPermohonan.DIAJUKAN.value):
                    batal = StatusPermohonan.DIBATALKAN.value
                    self.layanan.penugasan.catat_transisi(
                        sesi, k.permohonan_id, "batalkan", p.status, batal, oleh_id, "", alasan.strip()
                    )
                    p.status = batal
            catat(
                sesi,
                oleh_id=oleh_id,
                aksi="keluarkan_anggota",
                entitas="keanggotaan",
                entitas_id=keanggotaan_id,
                alasan=alasan.strip(),
            )

    def _tim_terbuka(self, tim) -> None:
        if tim.status in (StatusTim.DIBUBARKAN.value, StatusTim.SELESAI.value):
            raise Ditolak(
                f"Tim '{tim.nama}' berstatus {StatusTim(tim.status).label.lower()}; anggota dan "
                "pimpinannya tidak dapat diubah lagi."
            )

    def _lingkup(self, unit_pemilik_id: int, pegawai_id: int, sesi) -> LingkupPenugasan:
        unit_id = kueri.unit_pegawai(sesi, pegawai_id)
        if self.struktur.di_bawah(unit_id, unit_pemilik_id):
            return LingkupPenugasan.DALAM_UNIT
        if self.struktur.unit(unit_id).instansi_id == self.struktur.unit(unit_pemilik_id).instansi_id:
            return LingkupPenugasan.LINTAS_UNIT
        return LingkupPenugasan.LINTAS_INSTANSI

    def _tambah(
        self,
        sesi,
        tim,
        pegawai_id: int,
        peran: PeranTim,
        uraian: str,
        isi,
        oleh_id,
        peringatan,
        *,
        jenis: JenisPermohonan = JenisPermohonan.PENUNJUKAN,
        catatan_lisan: str = "",
    ) -> StatusKeanggotaan:
        """Bring `pegawai_id` into `tim` as `peran` through a penunjukan or a pengajuan sukarela."""
        from sistemkerja_tui.store.models import Keanggotaan
        from sistemkerja_tui.store.riwayat import catat

        calon = self.kandidat(sesi, pegawai_id)
        if not calon.aktif:
            raise Ditolak(f"{calon.nama} tidak aktif dan tidak dapat ditugaskan.")
        for r in kueri.keanggotaan_berlaku(sesi, tim.id, pegawai_id):
            if r.peran == peran.value or peran is PeranTim.ANGGOTA:
                raise Ditolak(
                    f"{calon.nama} sudah ada di tim ini sebagai {PeranTim(r.peran).label.lower()} "
                    f"({StatusKeanggotaan(r.status).label.lower()})."
                )
        lingkup = self._lingkup(tim.unit_id, pegawai_id, sesi)
        k = kueri.keanggotaan_peran(sesi, tim.id, pegawai_id, peran) or Keanggotaan(
            tim_id=tim.id, pegawai_id=pegawai_id, peran=peran.value
        )
        k.asal, k.uraian_peran, k.mulai, k.selesai = lingkup.value, uraian.strip(), tim.mulai, tim.selesai
        # ketua/koordinator duties hinder other leader roles of the same person in this team
        if peran in PERAN_PIMPINAN:
            kueri.akhiri_keanggotaan_biasa(sesi, tim.id, pegawai_id)
        permohonan_id, status = self.layanan.penugasan.buat_permohonan(
            sesi,
            unit_pemilik_id=tim.unit_id,
            tim_id=tim.id,
            pegawai_id=pegawai_id,
            lingkup=lingkup,
            peran=peran,
            uraian=uraian,
            isi=isi,
            oleh_id=oleh_id,
            jenis=jenis,
            catatan_lisan=catatan_lisan,
        )
        k.status, k.permohonan_id = status.value, permohonan_id
        sesi.add(k)
        sesi.flush()
        catat(
            sesi,
            oleh_id=oleh_id,
            aksi=f"{jenis.value}_{peran.value}",
            entitas="keanggotaan",
            entitas_id=k.id,
            tim_id=tim.id,
            pegawai_id=pegawai_id,
            lingkup=lingkup.value,
            status=status.value,
            peringatan=[str(t) for t in peringatan],
        )
        return status

    # --- rating members ----------------------------------------------------------

    def nilai_anggota(
        self,
        keanggotaan_id: int,
        predikat: PredikatPenilaian,
        catatan: str = "",
        *,
        oleh_id: int | None,
        hari_ini: date | None = None,
    ) -> None:
        """Record the ketua's rating advice for one member at the end of the team's period
        (Perbup Luwu Utara 59/2023, Format Naskah Dinas huruf g: di bawah / sesuai / di atas ekspektasi)."""
        from sistemkerja_tui.store.db import transaksi
        from sistemkerja_tui.store.models import PenilaianAnggota
        from sistemkerja_tui.store.riwayat import catat

        hari_ini = hari_ini or date.today()
        if oleh_id is None:
            raise Ditolak("Penilai belum ada: pilih dahulu pengguna yang mencatat penilaian.")
        with transaksi(self.layanan.engine) as sesi:
            k = kueri.keanggotaan(sesi, keanggotaan_id)
            dinilai = (StatusKeanggotaan.AKTIF.value, StatusKeanggotaan.BERAKHIR.value)
            if k is None or k.peran != PeranTim.ANGGOTA.value or k.status not in dinilai:
                raise Ditolak("Penilaian dicatat untuk anggota tim yang aktif atau telah berakhir masa tugasnya.")
            tim = self._tim(sesi, k.tim_id, kunci=False)
            mulai, selesai = sebagai_tanggal(tim.mulai), sebagai_tanggal(tim.selesai)
            assert mulai is not None and selesai is not None  # NOT NULL columns
            if hari_ini < selesai and tim.status != StatusTim.SELESAI.value:
                raise Ditolak(
                    f"Penilaian anggota dicatat pada akhir periode tim ({selesai:%d-%m-%Y}); tim ini masih berjalan."
                )
            baris = kueri.penilaian(sesi, keanggotaan_id, selesai) or PenilaianAnggota(
                keanggotaan_id=keanggotaan_id,
                penilai_id=oleh_id,
                predikat=predikat.value,
                periode_mulai=mulai,
                periode_selesai=selesai,
            )
            baris.predikat, baris.catatan, baris.penilai_id = predikat.value, catatan.strip(), oleh_id
            sesi.add(baris)
            catat(
                sesi,
                oleh_id=oleh_id,
                aksi="nilai_anggota",
                entitas="keanggotaan",
                entitas_id=keanggotaan_id,
                predikat=predikat.value,
            )

    # --- reading --------------------------------------------------------------

    def daftar_tim(
        self,
        *,
        unit_id: int | None = None,
        tahun: int | None = None,
        status: StatusTim | None = None,
        jenis: JenisPembentukan | None = None,
        termasuk_sub: bool = True,
    ) -> list[RingkasTim]:
        unit_ids = None if unit_id is None else self.struktur.subpohon(unit_id) if termasuk_sub else [unit_id]
        rows = kueri.daftar_tim(
            self.struktur.pembaca,
            unit_ids=unit_ids,
            tahun=tahun,
            status=status,
            jenis=None if jenis is None else jenis.value,
        )
        return [self._ringkas(r) for r in rows]

    def _ringkas(self, r) -> RingkasTim:
        return RingkasTim(
            r.id,
            r.nama,
            r.unit_id,
            self.struktur.unit(r.unit_id).nama,
            BentukTim(r.bentuk),
            JenisPembentukan(r.jenis_pembentukan),
            SasaranTim(r.sasaran),
            r.tahun_anggaran,
            StatusTim(r.status),
            r.ketua or "—",
            r.aktif,
            r.menunggu,
        )

    def detail_tim(self, tim_id: int) -> DetailTim:
        baris = kueri.daftar_tim(self.struktur.pembaca, tim_id=tim_id)
        if not baris:
            raise Ditolak(f"Tim dengan id {tim_id} tidak ditemukan.")
        ringkas = self._ringkas(baris[0])
        t = kueri.rincian_tim(self.struktur.pembaca, tim_id)
        rows = kueri.anggota_tim(self.struktur.pembaca, tim_id)
        anggota = tuple(
            Anggota(
                r.id,
                r.pegawai_id,
                nama_lengkap(r.nama, r.gelar_depan, r.gelar_belakang),
                r.nama_jabatan,
                self.struktur.unit(r.unit_id).nama,
                PeranTim(r.peran),
                LingkupPenugasan(r.asal),
                StatusKeanggotaan(r.status),
                r.uraian_peran,
                r.permohonan_id,
                PredikatPenilaian(r.penilaian) if r.penilaian else None,
            )
            for r in rows
        )
        profil = self._profil_unit(ringkas.unit_id)
        penetapan = tuple(f"{p.objek.label}: {p.sebutan} — {p.penetap} ({p.rujukan})" for p in profil.penetapan)
        mulai, selesai = sebagai_tanggal(t.mulai), sebagai_tanggal(t.selesai)
        assert mulai is not None and selesai is not None  # NOT NULL columns
        return DetailTim(
            ringkas,
            mulai,
            selesai,
            t.tujuan,
            t.dasar_penetapan,
            anggota,
            penetapan,
        )

    def beban_kerja(self, unit_id: int, batas: int = 200) -> BebanUnit:
        """Per JF/pelaksana of the unit (and beneath): active teams and leader roles; above average flagged."""
        rows = kueri.beban(self.struktur.pembaca, self.struktur.subpohon(unit_id))
        rata = sum(r.tim for r in rows) / len(rows) if rows else 0.0
        berat = aturan_tim.beban_di_atas_rata_rata
        return BebanUnit(
            unit_id,
            rata,
            len(rows),
            sum(berat(r.tim, rata) for r in rows),
            tuple(
                BebanPegawai(
                    r.id,
                    nama_lengkap(r.nama, r.gelar_depan, r.gelar_belakang),
                    r.nama_jabatan,
                    r.tim,
                    r.pimpinan,
                    berat(r.tim, rata),
                )
                for r in rows[:batas]
            ),
        )


def temuan_rujukan(profil, peran: PeranTim = PeranTim.KETUA) -> str:
    kriteria = profil.kriteria.get(peran)
    pengusulan = kriteria.pengusulan if kriteria is not None else None
    return pengusulan.rujukan if pengusulan is not None else profil.judul


def _unik(temuan: list[Temuan]) -> list[Temuan]:
    return list(dict.fromkeys(temuan))


def _kandidat(r, peran_pimpinan: int, kelompok_kerja: int) -> Kandidat:
    status = StatusASN(r.status_asn)
    return Kandidat(
        pegawai_id=r.id,
        nama=nama_lengkap(r.nama, r.gelar_depan, r.gelar_belakang),
        status_asn=status,
        jenis=JenisJabatan(r.jenis_jabatan),
        jenjang=Jenjang(r.jenjang) if r.jenjang else None,
        kelas_jabatan=r.kelas_jabatan,
        golongan=Golongan(r.golongan) if status is StatusASN.PNS else None,
        pendidikan=Pendidikan(r.pendidikan),
        predikat=tuple(PredikatKinerja(p) for p in (r.predikat_kinerja_1, r.predikat_kinerja_2) if p),
        hasil_penyetaraan=bool(r.hasil_penyetaraan),
        unit_id=r.unit_id,
        aktif=bool(r.aktif),
        peran_pimpinan=peran_pimpinan,
        memimpin_kelompok_kerja=kelompok_kerja,
        kompetensi=r.kompetensi or "",
        jabatan=r.nama_jabatan,
    )


def _jenis_calon(r: Any) -> tuple[Any, ...]:
    """What the criteria read of a candidate row: rows with the same value are judged alike but for the name."""
    return (
        r.status_asn,
        r.jenis_jabatan,
        r.jenjang,
        r.kelas_jabatan,
        r.golongan,
        r.pendidikan,
        r.predikat_kinerja_1,
        r.predikat_kinerja_2,
        r.hasil_penyetaraan,
        r.aktif,
        bool((r.kompetensi or "").strip()),
        r.peran_pimpinan,
        r.kelompok_kerja,
    )


def _wakil_jenis(rows: Iterable[Any]) -> dict[tuple[Any, ...], Kandidat]:
    """One candidate per kind (`_jenis_calon`), the first row of that kind."""
    wakil: dict[tuple[Any, ...], Kandidat] = {}
    for r in rows:
        wakil.setdefault(_jenis_calon(r), _kandidat(r, r.peran_pimpinan, r.kelompok_kerja))
    return wakil


@dataclass(frozen=True)
class _Kelompok:
    """`n` candidates of equal rank (eligibility, number of errors, skor), ordered among themselves by name:
    the pegawai `ids` but the pool's leaders, and the leaders `tambah` (ids as text `1,2,3`)."""

    layak: bool
    n: int
    ids: str
    tambah: str = ""


@dataclass
class _Kumpulan:
    """The pool of a team's candidates for one role. The rules (`aturan.kriteria`) judge one candidate per kind
    (`store.kueri.calon.jenis`) to rank the pool, then each candidate read, a page at a time, for its reasons."""

    pembaca: Any
    unit_ids: list[int]
    kecuali_tim: int
    peran: PeranTim
    profil: Any
    bentuk: BentukTim
    kondisi: tuple[bool, bool] = (True, True)  # kondisi_kumpulan of the whole pool, set by its first read
    pemimpin: str = ""  # the pool's candidates holding a leader role elsewhere (ids as text)
    _semua: list[_Kelompok] | None = None
    _nilai_jenis: dict[tuple[Any, ...], Penilaian] = field(default_factory=dict)
    _teks: list[tuple[int, str]] | None = None  # (id, teks) of the whole pool once `siapkan_saringan` has read it
    _id: list[tuple[list[int], list[int]]] | None = None  # per run of `_semua`: its ids and `tambah`, as integers

    def siapkan_saringan(self) -> None:
        """Read what a filter looks in for every candidate once (blocking), so later filters run in memory."""
        if self._teks is None:
            semua, pemimpin = self.kelompok(), set(_id(self.pemimpin))
            self._id = [([i for i in _id(k.ids) if i not in pemimpin], _id(k.tambah)) for k in semua]
            self._teks = [(r.id, r.teks) for r in kueri_calon.teks(self.pembaca, self.unit_ids)]

    def nilai(self, k: Kandidat) -> Penilaian:
        jf, penuh = self.kondisi
        return nilai_kandidat(
            k, self.peran, self.profil, bentuk=self.bentuk, ada_jf_layak=jf, ada_pelaksana_kelas_penuh=penuh
        )

    def kelompok(self, saring: Sequence[str] = ()) -> list[_Kelompok]:
        """The candidates holding every word of `saring` as runs of equal rank, in `urutkan_kandidat`'s order.

        Read without `saring` first: that read also works out the pool's `kondisi` (and is kept).
        """
        if not saring and self._semua is not None:
            return self._semua
        if saring and self._teks is not None and self._id is not None:  # the database's test, in memory
            cocok = {i for i, t in self._teks if all(w in t for w in saring)}
            hasil = []
            for k, (biasa_k, tambah_k) in zip(self.kelompok(), self._id, strict=True):
                a, b = [i for i in biasa_k if i in cocok], [i for i in tambah_k if i in cocok]
                if a or b:
                    hasil.append(_Kelompok(k.layak, len(a) + len(b), ",".join(map(str, a)), ",".join(map(str, b))))
            return hasil
        jenis = kueri_calon.jenis(self.pembaca, self.unit_ids, kecuali_tim=self.kecuali_tim, saring=saring)
        biasa = [r for r in jenis if not r.pemimpin]
        pemimpin = [r for r in jenis if r.pemimpin]
        lepas: dict[tuple[Any, ...], int] = {}  # per kind, how many of its rows hold a leader role
        for r in pemimpin:
            kunci = _kunci_jenis(r)[: len(kueri_calon.KOLOM_JENIS)]
            lepas[kunci] = lepas.get(kunci, 0) + int(r.n)
        wakil = [
            (r, n) for r in biasa if (n := int(r.n) - lepas.get(_kunci_jenis(r)[: len(kueri_calon.KOLOM_JENIS)], 0))
        ] + [(r, int(r.n)) for r in pemimpin]
        if not saring:
            self.kondisi = kondisi_kumpulan((_wakil(r) for r, _ in wakil), self.peran, self.profil, bentuk=self.bentuk)
            self.pemimpin = ",".join(r.ids for r in pemimpin)
        per_kunci: dict[tuple[int, int, int], tuple[int, list[str], list[str]]] = {}
        for r, n in wakil:
            kunci_jenis = _kunci_jenis(r)
            nilai = self._nilai_jenis.get(kunci_jenis)
            if nilai is None:
                nilai = self._nilai_jenis[kunci_jenis] = self.nilai(_wakil(r))
            kunci = (0, 0, -nilai.skor) if nilai.layak else (1, len(nilai.galat), -nilai.skor)
            jumlah, ids, tambah = per_kunci.get(kunci, (0, [], []))
            (tambah if r.pemimpin else ids).append(r.ids)
            per_kunci[kunci] = (jumlah + n, ids, tambah)
        kelompok = [
            _Kelompok(kunci[0] == 0, n, ",".join(ids), ",".join(tambah))
            for kunci, (n, ids, tambah) in sorted(per_kunci.items())
        ]
        if not saring:
            self._semua = kelompok
        return kelompok

    def baca(self, k: _Kelompok, mulai: int, batas: int) -> list[tuple[Penilaian, str]]:
        """Candidates `mulai`… of the run `k` by name, each judged by the rules, with its NIP."""
        rows = kueri_calon.halaman(
            self.pembaca,
            k.ids,
            tanpa=self.pemimpin,
            tambah=k.tambah,
            kecuali_tim=self.kecuali_tim,
            mulai=mulai,
            batas=batas,
        )
        return [(self.nilai(_kandidat(r, r.peran_pimpinan, r.kelompok_kerja)), r.nip or "") for r in rows]


def _id(teks: str) -> list[int]:
    return [int(i) for i in teks.split(",")] if teks else []


def _kunci_jenis(r: Any) -> tuple[Any, ...]:
    """The kind of a row of `kueri.calon.jenis`: every column the rules read."""
    return (*(getattr(r, k) for k in kueri_calon.KOLOM_JENIS), int(r.peran_pimpinan), int(r.kelompok_kerja))


def _wakil(r: Any) -> Kandidat:
    """A nameless candidate of the kind `r` (a row of `kueri.calon.jenis`): who the rules judge for that kind."""
    lain = {"id": 0, "nama": "", "gelar_depan": "", "gelar_belakang": "", "unit_id": 0, "aktif": True}
    baris = SimpleNamespace(**lain, kompetensi="", nama_jabatan="", **r._asdict())
    return _kandidat(baris, int(r.peran_pimpinan), int(r.kelompok_kerja))


class DaftarCalon(Sequence[Penilaian]):
    """The candidates of a team for one role, in `urutkan_kandidat`'s order, read a page at a time.

    One read counts the pool by kind of candidate and the rules rank the kinds (`_Kumpulan`); a page
    (`HALAMAN` candidates) is read and judged by `aturan.kriteria` when first needed: `muat(i)` in a worker,
    or `daftar[i]` on the spot. `termuat(i)` says whether `daftar[i]` is read already. `saring` narrows it by
    name, NIP and jabatan.
    """

    HALAMAN = 100

    def __init__(self, kumpulan: _Kumpulan, saring: tuple[str, ...], kelompok: list[_Kelompok]) -> None:
        self._kumpulan, self._saring, self._kelompok = kumpulan, saring, kelompok
        self._awal = list(accumulate((k.n for k in kelompok), initial=0))  # where each run starts
        self._jumlah_layak = sum(k.n for k in kelompok if k.layak)
        self._halaman: dict[int, list[tuple[Penilaian, str]]] = {}

    @classmethod
    def buka(cls, kumpulan: _Kumpulan) -> DaftarCalon:
        """The whole pool, its first page read."""
        daftar = cls(kumpulan, (), kumpulan.kelompok())
        daftar.muat(0)
        return daftar

    def __len__(self) -> int:
        return self._awal[-1]

    def _baca(self, awal: int, akhir: int) -> list[tuple[Penilaian, str]]:
        """Candidates `awal` … `akhir − 1`: one read per run of equal rank they fall in."""
        hasil: list[tuple[Penilaian, str]] = []
        g = bisect_right(self._awal, awal) - 1
        while awal < akhir:
            sampai = min(akhir, self._awal[g + 1])
            hasil += self._kumpulan.baca(self._kelompok[g], awal - self._awal[g], sampai - awal)
            awal, g = sampai, g + 1
        return hasil

    def termuat(self, i: int) -> bool:
        return i // self.HALAMAN in self._halaman

    def muat(self, i: int) -> None:
        """Read the page holding candidate `i` (blocking: call it in a worker)."""
        h = i // self.HALAMAN
        if h not in self._halaman and 0 <= i < len(self):
            self._halaman[h] = self._baca(h * self.HALAMAN, min(len(self), (h + 1) * self.HALAMAN))

    def _baris(self, i: int) -> tuple[Penilaian, str]:
        if not -len(self) <= i < len(self):
            raise IndexError(i)
        i %= len(self)
        self.muat(i)
        return self._halaman[i // self.HALAMAN][i % self.HALAMAN]

    @overload
    def __getitem__(self, i: int) -> Penilaian: ...
    @overload
    def __getitem__(self, i: slice) -> list[Penilaian]: ...
    def __getitem__(self, i: int | slice) -> Penilaian | list[Penilaian]:
        if isinstance(i, slice):
            awal, akhir, langkah = i.indices(len(self))
            if langkah != 1:
                return [self[j] for j in range(awal, akhir, langkah)]
            return [n for n, _ in self._baca(awal, max(awal, akhir))]  # one read per run, however long
        return self._baris(i)[0]

    def __iter__(self) -> Iterator[Penilaian]:
        return iter(self[:])

    @property
    def peran(self) -> PeranTim:
        return self._kumpulan.peran

    def layak(self, i: int) -> bool:
        return self._baris(i)[0].layak

    @property
    def jumlah_layak(self) -> int:
        return self._jumlah_layak

    def nip(self, i: int) -> str:
        """The candidate's NIP as the app writes it ("19751011 200001 2 006")."""
        return kelompokkan_nip(self._baris(i)[1])

    def siapkan_saringan(self) -> None:
        """Make later `saring` calls fast (blocking: call it in a worker once the list is shown)."""
        self._kumpulan.siapkan_saringan()

    @property
    def saringan_siap(self) -> bool:
        """Whether `saring` filters in memory (`siapkan_saringan` has run)."""
        return self._kumpulan._teks is not None

    def saring(self, teks: str) -> DaftarCalon:
        """The pool's candidates whose full name, NIP, jabatan or jenis holds every word of `teks` (any case),
        its first page read."""
        kata = tuple(teks.casefold().split())
        if kata == self._saring:
            return self
        daftar = DaftarCalon(self._kumpulan, kata, self._kumpulan.kelompok(kata))
        daftar.muat(0)
        return daftar
