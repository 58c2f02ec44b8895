"""Tim kerja use cases: form, edit, dissolve a team; set its leaders; add and remove members.

Each public method is one transaction and writes the audit log (`Riwayat`);
a refusal raises `Ditolak` with the findings and saves nothing. A member
from another unit or agency goes through a permohonan (`layanan.penugasan`)
and stays *menunggu persetujuan* until it is approved.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from sistemkerja_tui.aturan import aturan_tim
from sistemkerja_tui.aturan.enums import (
    BentukTim, Golongan, JenisJabatan, JenisPembentukan, JenisPermohonan, JenisUnit, Jenjang, LingkupPenugasan,
    Pendidikan, PeranTim, PredikatKinerja, PredikatPenilaian, SasaranTim, StatusASN, StatusKeanggotaan, StatusTim,
)
from sistemkerja_tui.aturan.kriteria import Kandidat, Penilaian, urutkan_kandidat
from sistemkerja_tui.aturan.sebutan import nama_lengkap
from sistemkerja_tui.aturan.temuan import Temuan
from sistemkerja_tui.layanan.galat import Ditolak, tolak_jika_error
from sistemkerja_tui.store.baca import sebagai_tanggal

if TYPE_CHECKING:
    from sistemkerja_tui.aturan.permohonan import IsiSuratPermohonan
    from sistemkerja_tui.layanan.mulai import Layanan

__all__ = [  # the enums are re-exported for the TUI's forms
    "BebanUnit", "DataTim", "DetailTim", "JenisPembentukan", "LayananTim", "Penilaian", "PeranTim", "RingkasTim",
    "PredikatPenilaian", "SasaranTim", "StatusTim",
]

PERAN_PIMPINAN = (PeranTim.KETUA, PeranTim.KOORDINATOR)
_KOLOM_KANDIDAT = (
    "id, nama, gelar_depan, gelar_belakang, status_asn, jenis_jabatan, jenjang, kelas_jabatan, golongan, "
    "pendidikan, predikat_kinerja_1, predikat_kinerja_2, hasil_penyetaraan, unit_id, aktif, kompetensi, nama_jabatan"
)
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
    id: int
    nama: str
    unit_id: int
    unit: str
    bentuk: str
    jenis_pembentukan: str
    sasaran: str
    tahun_anggaran: int | None
    status: str
    ketua: str
    anggota_aktif: int
    menunggu: int


@dataclass(frozen=True)
class Anggota:
    keanggotaan_id: int
    pegawai_id: int
    nama: str
    jabatan: str
    unit: str
    peran: str
    asal: str
    status: str
    uraian_peran: str
    permohonan_id: int | None
    penilaian: str = ""  # latest rating at the end of a period (Luwu Utara format g), label


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
    rujukan: str = "Perwal Madiun 73/2023, Pasal 50 (pembagian beban kerja secara merata)"


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

    def _audit(self, sesi, pelaku_id: int | None, aksi: str, entitas: str, entitas_id: int | None, **rincian) -> None:
        from sistemkerja_tui.store.models import Pegawai, Riwayat

        pelaku = ""
        if pelaku_id is not None:
            p = sesi.get(Pegawai, pelaku_id)
            pelaku = f"{p.nama} ({p.nip})" if p else str(pelaku_id)
        sesi.add(Riwayat(pelaku=pelaku, aksi=aksi, entitas=entitas, entitas_id=entitas_id,
                         rincian=json.dumps(rincian, ensure_ascii=False, default=str)))

    def _periksa_data(self, data: DataTim, oleh_id: int | None) -> tuple[BentukTim, list[Temuan]]:
        profil = self._profil_unit(data.unit_id)
        bentuk = self._bentuk(data, profil)
        temuan = aturan_tim.periksa_nama_tim(data.nama)
        temuan += aturan_tim.periksa_periode(
            data.mulai, data.selesai, jenis_pembentukan=data.jenis_pembentukan,
            tahun_anggaran=data.tahun_anggaran, bentuk=bentuk, profil=profil,
        )
        if oleh_id is not None:
            pembentuk = self.struktur.pembaca.satu("SELECT jenis_jabatan, unit_id FROM pegawai WHERE id = :id",
                                                   id=oleh_id)
            # a Kepala Seksi/Subbagian coordinates a substansi as its ketua; a Kepala UPTD or Lurah leads a unit
            substansi = self.struktur.unit(pembentuk.unit_id).jenis in (JenisUnit.SEKSI, JenisUnit.SUBBAGIAN)
            temuan += aturan_tim.periksa_pembentuk(JenisJabatan(pembentuk.jenis_jabatan), data.sasaran, profil,
                                                   pembentuk_ketua_substansi=substansi)
        return bentuk, temuan

    def kandidat(self, sesi, pegawai_id: int, kecuali_tim: int | None = None) -> Kandidat:
        """The rule view of one pegawai, with the leader roles they hold in other active teams."""
        from sqlalchemy import text

        r = sesi.execute(text(f"SELECT {_KOLOM_KANDIDAT} FROM pegawai WHERE id = :id"),
                         {"id": pegawai_id}).one_or_none()
        if r is None:
            raise Ditolak(f"Pegawai dengan id {pegawai_id} tidak ditemukan; pilih pegawai dari daftar.")
        peran = sesi.execute(text(
            "SELECT t.bentuk, COUNT(*) FROM keanggotaan k JOIN tim_kerja t ON t.id = k.tim_id "
            "WHERE k.pegawai_id = :id AND k.peran IN ('ketua', 'koordinator') AND k.status = 'aktif' "
            "AND t.status IN ('draf', 'aktif') AND t.id != :tim GROUP BY t.bentuk"),
            {"id": pegawai_id, "tim": kecuali_tim or -1}).all()
        return _kandidat(r, sum(n for _, n in peran), sum(n for b, n in peran if b == BentukTim.KELOMPOK_KERJA))

    def _kumpulan_kandidat(self, sesi, tim) -> list[Kandidat]:
        """Everyone who could lead `tim`: JF and pelaksana of its owner unit and the units beneath it."""
        from sqlalchemy import bindparam, text

        unit_ids = self.struktur.subpohon(tim.unit_id)
        rows = sesi.execute(text(
            f"SELECT {_KOLOM_KANDIDAT} FROM pegawai WHERE aktif AND unit_id IN :unit "
            "AND jenis_jabatan IN ('fungsional', 'pelaksana')"
        ).bindparams(bindparam("unit", expanding=True)), {"unit": unit_ids}).all()
        peran = dict(sesi.execute(text(
            "SELECT k.pegawai_id, COUNT(*) FROM keanggotaan k JOIN tim_kerja t ON t.id = k.tim_id "
            "WHERE k.peran IN ('ketua', 'koordinator') AND k.status = 'aktif' AND t.status IN ('draf', 'aktif') "
            "AND t.id != :tim GROUP BY k.pegawai_id"), {"tim": tim.id}).all())
        kk = dict(sesi.execute(text(
            "SELECT k.pegawai_id, COUNT(*) FROM keanggotaan k JOIN tim_kerja t ON t.id = k.tim_id "
            "WHERE k.peran = 'ketua' AND k.status = 'aktif' AND t.bentuk = 'kelompok_kerja' "
            "AND t.status IN ('draf', 'aktif') AND t.id != :tim GROUP BY k.pegawai_id"), {"tim": tim.id}).all())
        return [_kandidat(r, peran.get(r.id, 0), kk.get(r.id, 0)) for r in rows]

    def _tim(self, sesi, tim_id: int):
        from sistemkerja_tui.store.models import TimKerja

        tim = sesi.get(TimKerja, tim_id)
        if tim is None:
            raise Ditolak(f"Tim dengan id {tim_id} tidak ditemukan.")
        return tim

    # --- forming, editing, dissolving ---------------------------------------

    def bentuk_tim(self, data: DataTim, *, oleh_id: int | None) -> int:
        """Form a team (status draf until its ketua is set); returns its id."""
        from sistemkerja_tui.store.db import transaksi
        from sistemkerja_tui.store.models import TimKerja

        bentuk, temuan = self._periksa_data(data, oleh_id)
        peringatan = tolak_jika_error(temuan)
        with transaksi(self.layanan.engine) as sesi:
            tim = TimKerja(
                unit_id=data.unit_id, nama=data.nama.strip(), bentuk=bentuk.value,
                jenis_pembentukan=data.jenis_pembentukan.value, sasaran=data.sasaran.value,
                tahun_anggaran=data.tahun_anggaran, mulai=data.mulai, selesai=data.selesai,
                tujuan=data.tujuan.strip(), status=StatusTim.DRAF.value,
            )
            sesi.add(tim)
            sesi.flush()
            self._audit(sesi, oleh_id, "bentuk_tim", "tim_kerja", tim.id, nama=tim.nama,
                        peringatan=[str(t) for t in peringatan])
            return tim.id

    def ubah_tim(self, tim_id: int, data: DataTim, *, oleh_id: int | None) -> None:
        from sistemkerja_tui.store.db import transaksi

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
            self._audit(sesi, oleh_id, "ubah_tim", "tim_kerja", tim_id, sebelum=sebelum)

    def bubarkan_tim(self, tim_id: int, alasan: str, *, oleh_id: int | None) -> None:
        """Dissolve: memberships end, pending requests are cancelled."""
        from sqlalchemy import text

        from sistemkerja_tui.store.db import transaksi

        if not alasan.strip():
            raise Ditolak("Alasan pembubaran wajib diisi.")
        with transaksi(self.layanan.engine) as sesi:
            tim = self._tim(sesi, tim_id)
            if tim.status == StatusTim.DIBUBARKAN.value:
                raise Ditolak("Tim ini sudah dibubarkan.")
            tim.status = StatusTim.DIBUBARKAN.value
            sesi.execute(text("UPDATE keanggotaan SET status = 'berakhir' WHERE tim_id = :t AND status = 'aktif'"),
                         {"t": tim_id})
            sesi.execute(text("UPDATE keanggotaan SET status = 'dibatalkan' WHERE tim_id = :t "
                              "AND status IN ('usulan', 'menunggu_persetujuan')"), {"t": tim_id})
            menunggu = sesi.execute(text("SELECT id, status FROM permohonan WHERE tim_id = :t "
                                         "AND status IN ('draf', 'diajukan')"), {"t": tim_id}).all()
            for p in menunggu:
                self.layanan.penugasan.catat_transisi(
                    sesi, p.id, "batalkan", p.status, "dibatalkan", oleh_id, "", f"Tim dibubarkan: {alasan.strip()}")
            sesi.execute(text("UPDATE permohonan SET status = 'dibatalkan' WHERE tim_id = :t "
                              "AND status IN ('draf', 'diajukan')"), {"t": tim_id})
            self._audit(sesi, oleh_id, "bubarkan_tim", "tim_kerja", tim_id, alasan=alasan.strip())

    # --- leaders --------------------------------------------------------------

    def peran_tambahan(self, tim_id: int) -> list[tuple[PeranTim, str, str]]:
        """Roles besides ketua and anggota that the owner unit's regulation has: (peran, sebutan, rujukan)."""
        unit_id = self.struktur.pembaca.skalar("SELECT unit_id FROM tim_kerja WHERE id = :id", id=tim_id)
        profil = self._profil_unit(unit_id)
        return [(p.kode, p.sebutan, p.rujukan) for p in profil.peran.values()
                if p.kode not in (PeranTim.KETUA, PeranTim.ANGGOTA)]

    def kandidat_pimpinan(self, tim_id: int, peran: PeranTim = PeranTim.KETUA) -> list[Penilaian]:
        """Candidates for `peran`: eligible ones first, each other with the reasons why not."""
        from sistemkerja_tui.store.db import transaksi

        with transaksi(self.layanan.engine) as sesi:
            tim = self._tim(sesi, tim_id)
            return urutkan_kandidat(self._kumpulan_kandidat(sesi, tim), peran, self._profil_unit(tim.unit_id),
                                    bentuk=BentukTim(tim.bentuk))

    def tetapkan_pimpinan(self, tim_id: int, pegawai_id: int, peran: PeranTim = PeranTim.KETUA, *,
                          oleh_id: int | None, isi: IsiSuratPermohonan | None = None) -> list[Temuan]:
        """Make `pegawai_id` the team's ketua (or koordinator, pengarah, penanggung jawab).

        Criteria errors refuse it; warnings are recorded and returned. The
        previous holder of a ketua/koordinator role steps down. Someone from
        outside the owner unit goes through a permohonan like any member.
        """
        from sistemkerja_tui.store.db import transaksi

        with transaksi(self.layanan.engine) as sesi:
            tim = self._tim(sesi, tim_id)
            self._tim_terbuka(tim)
            profil = self._profil_unit(tim.unit_id)
            bentuk = BentukTim(tim.bentuk)
            temuan: list[Temuan] = aturan_tim.periksa_peran(peran, profil)
            if peran in PERAN_PIMPINAN or peran is PeranTim.PENANGGUNG_JAWAB:
                calon = self.kandidat(sesi, pegawai_id, kecuali_tim=tim_id)
                kumpulan = [k for k in self._kumpulan_kandidat(sesi, tim) if k.pegawai_id != pegawai_id] + [calon]
                nilai = next(n for n in urutkan_kandidat(kumpulan, peran, profil, bentuk=bentuk)
                             if n.kandidat.pegawai_id == pegawai_id)
                temuan += nilai.temuan
                temuan += aturan_tim.periksa_rangkap(calon, peran, profil, bentuk=bentuk)
                if peran is PeranTim.KETUA:
                    dari_pemilik = self.struktur.di_bawah(calon.unit_id, tim.unit_id)
                    temuan += aturan_tim.periksa_asal_ketua(tim.unit_id if dari_pemilik else calon.unit_id,
                                                            tim.unit_id, profil)
                    temuan += self._periksa_pengusulan(sesi, tim, pegawai_id, profil)
            peringatan = tolak_jika_error(_unik(temuan))
            if peran in PERAN_PIMPINAN:
                self._akhiri_peran(sesi, tim_id, peran, kecuali=pegawai_id)
            self._tambah(sesi, tim, pegawai_id, peran, "", isi, oleh_id, peringatan)
            if peran is PeranTim.KETUA and tim.status == StatusTim.DRAF.value:
                tim.status = StatusTim.AKTIF.value
            return peringatan

    def _periksa_pengusulan(self, sesi, tim, pegawai_id: int, profil) -> list[Temuan]:
        """Klaten Pasal 14: the ketua is chosen from ≥ 2 proposed candidates after the Sekda's recommendation."""
        from sqlalchemy import text

        calon = {r[0] for r in sesi.execute(text(
            "SELECT pegawai_id FROM keanggotaan WHERE tim_id = :t AND peran = 'ketua' AND status = 'usulan'"),
            {"t": tim.id}).all()}
        temuan = aturan_tim.periksa_pengusulan_ketua(len(calon), tim.rekomendasi_ketua_id is not None, profil)
        if temuan or not calon:
            return temuan
        if pegawai_id not in calon:
            return [Temuan("ketua_bukan_calon", "Ketua harus dipilih dari calon yang diusulkan kepada Sekretaris "
                           "Daerah; usulkan pegawai ini sebagai calon terlebih dahulu.", temuan_rujukan(profil))]
        return []

    def usulkan_calon_ketua(self, tim_id: int, pegawai_ids: list[int], *, oleh_id: int | None) -> None:
        """Record the ketua candidates proposed to the Sekda (Klaten Pasal 14 ayat (1))."""
        from sistemkerja_tui.store.db import transaksi
        from sistemkerja_tui.store.models import Keanggotaan

        if len(set(pegawai_ids)) < 2:
            raise Ditolak("Usulkan paling sedikit 2 (dua) calon ketua yang berbeda.")
        with transaksi(self.layanan.engine) as sesi:
            tim = self._tim(sesi, tim_id)
            self._tim_terbuka(tim)
            for pid in dict.fromkeys(pegawai_ids):
                self.kandidat(sesi, pid)
                sesi.add(Keanggotaan(tim_id=tim_id, pegawai_id=pid, peran=PeranTim.KETUA.value,
                                     asal=self._lingkup(tim.unit_id, pid, sesi).value,
                                     status=StatusKeanggotaan.USULAN.value))
            self._audit(sesi, oleh_id, "usulkan_calon_ketua", "tim_kerja", tim_id, calon=list(pegawai_ids))

    def catat_rekomendasi_sekda(self, tim_id: int, pegawai_id: int, catatan: str, *, oleh_id: int | None) -> None:
        from sqlalchemy import text

        from sistemkerja_tui.store.db import transaksi

        with transaksi(self.layanan.engine) as sesi:
            tim = self._tim(sesi, tim_id)
            ada = sesi.execute(text("SELECT 1 FROM keanggotaan WHERE tim_id = :t AND pegawai_id = :p "
                                    "AND peran = 'ketua' AND status = 'usulan'"), {"t": tim_id, "p": pegawai_id}).first()
            if ada is None:
                raise Ditolak("Rekomendasi Sekretaris Daerah harus untuk salah satu calon ketua yang diusulkan.")
            tim.rekomendasi_ketua_id, tim.rekomendasi_catatan = pegawai_id, catatan.strip()
            self._audit(sesi, oleh_id, "rekomendasi_sekda", "tim_kerja", tim_id, pegawai_id=pegawai_id)

    def _akhiri_peran(self, sesi, tim_id: int, peran: PeranTim, *, kecuali: int) -> None:
        from sqlalchemy import text

        sesi.execute(text("UPDATE keanggotaan SET status = 'berakhir' WHERE tim_id = :t AND peran = :r "
                          "AND status = 'aktif' AND pegawai_id != :p"), {"t": tim_id, "r": peran.value, "p": kecuali})
        sesi.execute(text("UPDATE keanggotaan SET status = 'dibatalkan' WHERE tim_id = :t AND peran = :r "
                          "AND status = 'usulan' AND pegawai_id != :p"), {"t": tim_id, "r": peran.value, "p": kecuali})

    # --- members ----------------------------------------------------------------

    def tambah_anggota(self, tim_id: int, pegawai_id: int, uraian_peran: str = "", *, oleh_id: int | None,
                       isi: IsiSuratPermohonan | None = None) -> StatusKeanggotaan:
        """Add a member: at once from the owner unit, by request (permohonan) from elsewhere."""
        from sistemkerja_tui.store.db import transaksi

        with transaksi(self.layanan.engine) as sesi:
            tim = self._tim(sesi, tim_id)
            self._tim_terbuka(tim)
            return self._tambah(sesi, tim, pegawai_id, PeranTim.ANGGOTA, uraian_peran, isi, oleh_id, [])

    def keluarkan_anggota(self, keanggotaan_id: int, alasan: str, *, oleh_id: int | None) -> None:
        """End a membership; a pending one withdraws its request."""
        from sistemkerja_tui.store.db import transaksi
        from sistemkerja_tui.store.models import Keanggotaan, Permohonan

        if not alasan.strip():
            raise Ditolak("Alasan mengeluarkan anggota wajib diisi.")
        with transaksi(self.layanan.engine) as sesi:
            k = sesi.get(Keanggotaan, keanggotaan_id)
            if k is None or k.status not in STATUS_BERLAKU:
                raise Ditolak("Keanggotaan itu tidak ada atau sudah berakhir.")
            menunggu = k.status != StatusKeanggotaan.AKTIF.value
            k.status = (StatusKeanggotaan.DIBATALKAN if menunggu else StatusKeanggotaan.BERAKHIR).value
            if menunggu and k.permohonan_id is not None:
                p = sesi.get(Permohonan, k.permohonan_id)
                if p.status in ("draf", "diajukan"):
                    self.layanan.penugasan.catat_transisi(sesi, p.id, "batalkan", p.status, "dibatalkan", oleh_id,
                                                          "", alasan.strip())
                    p.status = "dibatalkan"
            self._audit(sesi, oleh_id, "keluarkan_anggota", "keanggotaan", keanggotaan_id, alasan=alasan.strip())

    def _tim_terbuka(self, tim) -> None:
        if tim.status in (StatusTim.DIBUBARKAN.value, StatusTim.SELESAI.value):
            raise Ditolak(f"Tim '{tim.nama}' berstatus {StatusTim(tim.status).label.lower()}; anggota dan "
                          "pimpinannya tidak dapat diubah lagi.")

    def _lingkup(self, unit_pemilik_id: int, pegawai_id: int, sesi) -> LingkupPenugasan:
        from sqlalchemy import text

        unit_id = sesi.execute(text("SELECT unit_id FROM pegawai WHERE id = :id"), {"id": pegawai_id}).scalar_one()
        if self.struktur.di_bawah(unit_id, unit_pemilik_id):
            return LingkupPenugasan.DALAM_UNIT
        if self.struktur.unit(unit_id).instansi_id == self.struktur.unit(unit_pemilik_id).instansi_id:
            return LingkupPenugasan.LINTAS_UNIT
        return LingkupPenugasan.LINTAS_INSTANSI

    def _tambah(self, sesi, tim, pegawai_id: int, peran: PeranTim, uraian: str, isi, oleh_id, peringatan, *,
                jenis: JenisPermohonan = JenisPermohonan.PENUNJUKAN, catatan_lisan: str = "") -> StatusKeanggotaan:
        """Bring `pegawai_id` into `tim` as `peran` through a penunjukan or a pengajuan sukarela."""
        from sqlalchemy import text

        from sistemkerja_tui.store.models import Keanggotaan

        calon = self.kandidat(sesi, pegawai_id)
        if not calon.aktif:
            raise Ditolak(f"{calon.nama} tidak aktif dan tidak dapat ditugaskan.")
        sudah = sesi.execute(text(
            "SELECT peran, status FROM keanggotaan WHERE tim_id = :t AND pegawai_id = :p AND status IN "
            "('aktif', 'menunggu_persetujuan')"), {"t": tim.id, "p": pegawai_id}).all()
        for r in sudah:
            if r.peran == peran.value or peran is PeranTim.ANGGOTA:
                raise Ditolak(f"{calon.nama} sudah ada di tim ini sebagai {PeranTim(r.peran).label.lower()} "
                              f"({StatusKeanggotaan(r.status).label.lower()}).")
        lingkup = self._lingkup(tim.unit_id, pegawai_id, sesi)
        lama = sesi.execute(text("SELECT id FROM keanggotaan WHERE tim_id = :t AND pegawai_id = :p AND peran = :r"),
                            {"t": tim.id, "p": pegawai_id, "r": peran.value}).scalar_one_or_none()
        k = sesi.get(Keanggotaan, lama) if lama else Keanggotaan(tim_id=tim.id, pegawai_id=pegawai_id,
                                                                  peran=peran.value)
        k.asal, k.uraian_peran, k.mulai, k.selesai = lingkup.value, uraian.strip(), tim.mulai, tim.selesai
        # ketua/koordinator duties hinder other leader roles of the same person in this team
        if peran in PERAN_PIMPINAN:
            sesi.execute(text("UPDATE keanggotaan SET status = 'berakhir' WHERE tim_id = :t AND pegawai_id = :p "
                              "AND peran = 'anggota' AND status = 'aktif'"), {"t": tim.id, "p": pegawai_id})
        permohonan_id, status = self.layanan.penugasan.buat_permohonan(
            sesi, unit_pemilik_id=tim.unit_id, tim_id=tim.id, pegawai_id=pegawai_id, lingkup=lingkup, peran=peran,
            uraian=uraian, isi=isi, oleh_id=oleh_id, jenis=jenis, catatan_lisan=catatan_lisan)
        k.status, k.permohonan_id = status.value, permohonan_id
        sesi.add(k)
        sesi.flush()
        self._audit(sesi, oleh_id, f"{jenis.value}_{peran.value}", "keanggotaan", k.id, tim_id=tim.id,
                    pegawai_id=pegawai_id, lingkup=lingkup.value, status=status.value,
                    peringatan=[str(t) for t in peringatan])
        return status

    # --- rating members ----------------------------------------------------------

    def nilai_anggota(self, keanggotaan_id: int, predikat: PredikatPenilaian, catatan: str = "", *,
                      oleh_id: int | None, hari_ini: date | None = None) -> None:
        """Record the ketua's rating advice for one member at the end of the team's period
        (Perbup Luwu Utara 59/2023, Format Naskah Dinas huruf g: di bawah / sesuai / di atas ekspektasi)."""
        from sqlmodel import select

        from sistemkerja_tui.store.db import transaksi
        from sistemkerja_tui.store.models import Keanggotaan, PenilaianAnggota

        hari_ini = hari_ini or date.today()
        if oleh_id is None:
            raise Ditolak("Penilai belum ada: pilih dahulu pengguna yang mencatat penilaian.")
        with transaksi(self.layanan.engine) as sesi:
            k = sesi.get(Keanggotaan, keanggotaan_id)
            if k is None or k.peran != PeranTim.ANGGOTA.value or k.status not in ("aktif", "berakhir"):
                raise Ditolak("Penilaian dicatat untuk anggota tim yang aktif atau telah berakhir masa tugasnya.")
            tim = self._tim(sesi, k.tim_id)
            selesai = sebagai_tanggal(tim.selesai)
            if hari_ini < selesai and tim.status != StatusTim.SELESAI.value:
                raise Ditolak(f"Penilaian anggota dicatat pada akhir periode tim ({selesai:%d-%m-%Y}); tim ini "
                              "masih berjalan.")
            ada = sesi.exec(select(PenilaianAnggota).where(PenilaianAnggota.keanggotaan_id == k.id,
                                                           PenilaianAnggota.periode_selesai == selesai)).first()
            baris = ada or PenilaianAnggota(keanggotaan_id=k.id, penilai_id=oleh_id, predikat=predikat.value,
                                            periode_mulai=sebagai_tanggal(tim.mulai), periode_selesai=selesai)
            baris.predikat, baris.catatan, baris.penilai_id = predikat.value, catatan.strip(), oleh_id
            sesi.add(baris)
            self._audit(sesi, oleh_id, "nilai_anggota", "keanggotaan", k.id, predikat=predikat.value)

    # --- reading --------------------------------------------------------------

    def daftar_tim(self, *, unit_id: int | None = None, tahun: int | None = None, status: StatusTim | None = None,
                   jenis: JenisPembentukan | None = None, termasuk_sub: bool = True) -> list[RingkasTim]:
        syarat, param = ["1 = 1"], {}
        if unit_id is not None:
            syarat.append("t.unit_id IN :unit")
            param["unit"] = self.struktur.subpohon(unit_id) if termasuk_sub else [unit_id]
        if tahun is not None:
            syarat.append("(t.tahun_anggaran = :tahun OR (t.mulai <= :akhir AND t.selesai >= :awal))")
            param.update(tahun=tahun, awal=date(tahun, 1, 1), akhir=date(tahun, 12, 31))
        if status is not None:
            syarat.append("t.status = :status")
            param["status"] = status.value
        if jenis is not None:
            syarat.append("t.jenis_pembentukan = :jenis")
            param["jenis"] = jenis.value
        rows = self.struktur.pembaca.semua(
            "SELECT t.id, t.nama, t.unit_id, t.bentuk, t.jenis_pembentukan, t.sasaran, t.tahun_anggaran, t.status, "
            "(SELECT p.nama FROM keanggotaan k JOIN pegawai p ON p.id = k.pegawai_id WHERE k.tim_id = t.id "
            " AND k.peran = 'ketua' AND k.status = 'aktif' LIMIT 1) AS ketua, "
            "(SELECT COUNT(*) FROM keanggotaan k WHERE k.tim_id = t.id AND k.status = 'aktif') AS aktif, "
            "(SELECT COUNT(*) FROM keanggotaan k WHERE k.tim_id = t.id AND k.status = 'menunggu_persetujuan') AS menunggu "
            f"FROM tim_kerja t WHERE {' AND '.join(syarat)} ORDER BY t.status = 'dibubarkan', t.mulai DESC, t.nama",
            **param,
        )
        return [self._ringkas(r) for r in rows]

    def _ringkas(self, r) -> RingkasTim:
        return RingkasTim(
            r.id, r.nama, r.unit_id, self.struktur.unit(r.unit_id).nama, BentukTim(r.bentuk).label,
            JenisPembentukan(r.jenis_pembentukan).label, SasaranTim(r.sasaran).label, r.tahun_anggaran,
            StatusTim(r.status).label, r.ketua or "—", r.aktif, r.menunggu,
        )

    def detail_tim(self, tim_id: int) -> DetailTim:
        (ringkas,) = [t for t in self.daftar_tim() if t.id == tim_id] or [None]
        if ringkas is None:
            raise Ditolak(f"Tim dengan id {tim_id} tidak ditemukan.")
        t = self.struktur.pembaca.satu(
            "SELECT mulai, selesai, tujuan, dasar_penetapan FROM tim_kerja WHERE id = :id", id=tim_id)
        rows = self.struktur.pembaca.semua(
            "SELECT k.id, k.pegawai_id, p.nama, p.gelar_depan, p.gelar_belakang, p.nama_jabatan, p.unit_id, k.peran, "
            "k.asal, k.status, k.uraian_peran, k.permohonan_id, (SELECT pa.predikat FROM penilaian_anggota pa "
            "WHERE pa.keanggotaan_id = k.id ORDER BY pa.periode_selesai DESC LIMIT 1) AS penilaian "
            "FROM keanggotaan k JOIN pegawai p ON p.id = k.pegawai_id "
            "WHERE k.tim_id = :id ORDER BY CASE k.peran WHEN 'pengarah' THEN 0 WHEN 'penanggung_jawab' THEN 1 "
            "WHEN 'koordinator' THEN 2 WHEN 'ketua' THEN 3 ELSE 4 END, k.status != 'aktif', p.nama",
            id=tim_id,
        )
        anggota = tuple(
            Anggota(r.id, r.pegawai_id, nama_lengkap(r.nama, r.gelar_depan, r.gelar_belakang), r.nama_jabatan,
                    self.struktur.unit(r.unit_id).nama, PeranTim(r.peran).label, LingkupPenugasan(r.asal).label,
                    StatusKeanggotaan(r.status).label, r.uraian_peran, r.permohonan_id,
                    PredikatPenilaian(r.penilaian).label if r.penilaian else "")
            for r in rows
        )
        profil = self._profil_unit(ringkas.unit_id)
        penetapan = tuple(f"{p.objek.label}: {p.sebutan} — {p.penetap} ({p.rujukan})" for p in profil.penetapan)
        return DetailTim(ringkas, sebagai_tanggal(t.mulai), sebagai_tanggal(t.selesai), t.tujuan, t.dasar_penetapan, anggota,
                         penetapan)

    def beban_kerja(self, unit_id: int, batas: int = 200) -> BebanUnit:
        """Per JF/pelaksana of the unit (and beneath): active teams and leader roles; above average flagged."""
        rows = self.struktur.pembaca.semua(
            "SELECT p.id, p.nama, p.gelar_depan, p.gelar_belakang, p.nama_jabatan, "
            "COUNT(DISTINCT CASE WHEN k.status = 'aktif' AND t.status IN ('draf', 'aktif') THEN k.tim_id END) AS tim, "
            "COUNT(CASE WHEN k.status = 'aktif' AND t.status IN ('draf', 'aktif') AND k.peran IN ('ketua', 'koordinator') "
            "THEN 1 END) AS pimpinan "
            "FROM pegawai p LEFT JOIN keanggotaan k ON k.pegawai_id = p.id LEFT JOIN tim_kerja t ON t.id = k.tim_id "
            "WHERE p.aktif AND p.unit_id IN :unit AND p.jenis_jabatan IN ('fungsional', 'pelaksana') "
            "GROUP BY p.id ORDER BY tim DESC, pimpinan DESC, p.nama",
            unit=self.struktur.subpohon(unit_id),
        )
        rata = sum(r.tim for r in rows) / len(rows) if rows else 0.0

        def berat(r) -> bool:
            return r.tim > rata and r.tim >= 2

        return BebanUnit(unit_id, rata, len(rows), sum(berat(r) for r in rows), tuple(
            BebanPegawai(r.id, nama_lengkap(r.nama, r.gelar_depan, r.gelar_belakang), r.nama_jabatan, r.tim,
                         r.pimpinan, berat(r))
            for r in rows[:batas]
        ))


def temuan_rujukan(profil) -> str:
    pengusulan = profil.kriteria.ketua.pengusulan
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
