"""Naskah dinas from the records: build the context, check it, number it, register it — one transaction.

A letter is made from a tim or a permohonan (never from typed names). The
signer is the app's user (a unit head) with their NIP and pangkat; the kop
is the instansi's first line, the signer's Perangkat Daerah, then the
address lines. The number is taken from the counter inside the same
transaction that writes the register, so a refused or failed letter uses no
number; a letter asked for in a folder is written there before that
transaction commits, so a letter that cannot be written is neither numbered
nor registered. Re-exporting from the register writes the stored text byte
for byte. The SQL is in `store.kueri.surat`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, cast

from sistemkerja_tui.aturan.enums import LingkupPenugasan, PeranTim, StatusPermohonan
from sistemkerja_tui.aturan.nomor_surat import POLA_BAWAAN, PolaNomorTidakSah, susun_nomor
from sistemkerja_tui.aturan.sebutan import label_golongan
from sistemkerja_tui.layanan.galat import Ditolak
from sistemkerja_tui.layanan.instansi import KODE_KLASIFIKASI_BAWAAN
from sistemkerja_tui.store.baca import sebagai_tanggal
from sistemkerja_tui.store.kueri import surat as kueri
from sistemkerja_tui.surat import JenisSurat, KeluaranTidakSah, TemplatTidakSah, periksa, periksa_folder, render, tulis
from sistemkerja_tui.surat.konteks import (
    IsiPermohonan,
    Kepala,
    KonteksKeputusanTim,
    KonteksNotaDinas,
    KonteksPenolakan,
    KonteksPermohonanLintasInstansi,
    KonteksPermohonanPelibatan,
    KonteksPersetujuan,
    KonteksRekomendasiPenilaian,
    KonteksSukarelaLintasUnit,
    KonteksSuratTugas,
    Kop,
    Orang,
    Penandatangan,
    Rekomendasi,
    RujukanSurat,
    TugasPeran,
)

if TYPE_CHECKING:
    from sistemkerja_tui.layanan.mulai import Layanan
    from sistemkerja_tui.surat.penulis import Format

__all__ = ["HasilSurat", "JenisSurat", "LayananSurat", "RingkasSurat"]

_SETUJU = (StatusPermohonan.DISETUJUI.value, StatusPermohonan.SURAT_TUGAS_TERBIT.value)
# letters answering a request, the statuses it must have, and the refusal otherwise
_STATUS_SURAT = {
    JenisSurat.PERSETUJUAN_ANGGOTA: (_SETUJU, "Surat persetujuan hanya untuk permohonan yang sudah disetujui."),
    JenisSurat.PENOLAKAN: ((StatusPermohonan.DITOLAK.value,), "Surat penolakan hanya untuk permohonan yang ditolak."),
    JenisSurat.SURAT_TUGAS: (_SETUJU, "Surat Tugas diterbitkan setelah permohonan disetujui."),
}


@dataclass(frozen=True)
class HasilSurat:
    surat_id: int
    nomor: str
    teks: str
    peringatan: tuple[str, ...]
    berkas: Path | None = None  # where it was written, when `buat` was given a folder


@dataclass(frozen=True)
class RingkasSurat:
    id: int
    jenis: str
    nomor: str
    tanggal: date
    perihal: str
    tujuan: str


@dataclass(frozen=True)
class _Pegawai:
    id: int
    orang: Orang
    unit_id: int


class LayananSurat:
    def __init__(self, layanan: Layanan) -> None:
        self.layanan = layanan
        self.struktur = layanan.struktur

    # --- pieces of a letter -------------------------------------------------

    def _pegawai(self, pegawai_id: int) -> _Pegawai:
        r = kueri.pegawai(self.struktur.pembaca, pegawai_id)
        return _Pegawai(
            r.id,
            Orang(
                nama=r.nama,
                gelar_depan=r.gelar_depan,
                gelar_belakang=r.gelar_belakang,
                nip=r.nip,
                pangkat_golongan=label_golongan(r.golongan, r.status_asn),
                jabatan=r.nama_jabatan,
                unit=self.struktur.unit(r.unit_id).nama,
            ),
            r.unit_id,
        )

    def _instansi(self, unit_id: int):
        return kueri.instansi_unit(self.struktur.pembaca, unit_id)

    def _kop(self, unit_id: int) -> Kop:
        instansi = self._instansi(unit_id)
        baris = [b.strip() for b in instansi.kop_surat.splitlines() if b.strip()] or [instansi.nama.upper()]
        telepon = instansi.telepon.strip()
        if telepon and not telepon[0].isalpha():
            telepon = f"Telepon {telepon}"
        baris += [b for b in (instansi.alamat.strip(), telepon) if b and not any(b in k for k in baris)]
        pd = self.struktur.jalur_unit(unit_id)[0].nama.upper()
        return Kop(baris=(baris[0], pd, *baris[1:]))

    def _penandatangan(self) -> tuple[Penandatangan, _Pegawai]:
        pengguna = self.layanan.pengguna.sekarang()
        if pengguna is None:
            raise Ditolak("Penandatangan belum ada: pilih dahulu pengguna (pimpinan unit) yang menandatangani.")
        p = self._pegawai(pengguna.pegawai_id)
        return Penandatangan(
            orang=p.orang,
            jabatan_ttd=pengguna.jabatan.upper(),
            plt_plh=self.layanan.pengguna.status_ttd(pengguna.pegawai_id),
        ), p

    def _pola_dan_klasifikasi(self, jenis: JenisSurat, unit_id: int) -> tuple[str, str]:
        instansi = self._instansi(unit_id)
        try:
            kode = json.loads(instansi.kode_klasifikasi or "{}")
        except ValueError:
            kode = {}
        klasifikasi = kode.get(jenis.value) if isinstance(kode, dict) else None
        return instansi.pola_nomor_surat or POLA_BAWAAN, klasifikasi or KODE_KLASIFIKASI_BAWAAN

    def _kepala(
        self,
        unit_id: int,
        *,
        hal: str,
        kepada: tuple[str, ...] = (),
        tembusan: tuple[str, ...] = (),
        tanggal: date,
        lampiran: int = 0,
    ) -> Kepala:
        return Kepala(
            nomor="",
            tanggal=tanggal,
            tempat=self._instansi(unit_id).tempat,
            hal=hal,
            kepada=kepada,
            tembusan=tembusan,
            lampiran=lampiran,
        )

    # --- contexts from the records -------------------------------------------

    def _anggota_tim(self, tim_id: int) -> dict[str, list[_Pegawai]]:
        hasil: dict[str, list[_Pegawai]] = {}
        for r in kueri.anggota_aktif(self.struktur.pembaca, tim_id):
            hasil.setdefault(r.peran, []).append(self._pegawai(r.pegawai_id))
        return hasil

    def konteks_tim(self, jenis: JenisSurat, tim_id: int, tanggal: date):
        t = kueri.tim(self.struktur.pembaca, tim_id)
        if t is None:
            raise Ditolak(f"Tim dengan id {tim_id} tidak ditemukan.")
        ttd, pengguna = self._penandatangan()
        anggota = self._anggota_tim(tim_id)
        orang = {peran: tuple(p.orang for p in daftar) for peran, daftar in anggota.items()}
        mulai, selesai = sebagai_tanggal(t.mulai), sebagai_tanggal(t.selesai)
        assert mulai is not None and selesai is not None  # NOT NULL columns
        tahun = t.tahun_anggaran or mulai.year
        kop = self._kop(t.unit_id)
        if jenis is JenisSurat.KEPUTUSAN_TIM:
            ttd, penetap = self._penetap_keputusan(t, ttd)
            ketua = orang.get(PeranTim.KETUA.value, ())
            tugas = tuple(
                TugasPeran(peran=PeranTim(p).label, uraian=(u,))
                for p, u in (
                    (PeranTim.KETUA.value, f"memimpin dan mengoordinasikan pelaksanaan tugas {t.nama}"),
                    (PeranTim.ANGGOTA.value, "melaksanakan tugas sesuai pembagian peran dari Ketua Tim"),
                )
                if p in orang
            )
            return KonteksKeputusanTim(
                kop=kop,
                kepala=self._kepala(t.unit_id, hal=f"Pembentukan {t.nama}", tanggal=tanggal, lampiran=1),
                penandatangan=ttd,
                penetap=penetap,
                nama_tim=_tanpa_awalan_tim(t.nama),
                tahun_anggaran=tahun,
                menimbang=(f"bahwa untuk mencapai target kinerja {t.tujuan or t.nama} perlu dibentuk {t.nama};",),
                mengingat=(self.struktur.profil(self.struktur.unit(t.unit_id).instansi_id).judul + ";",),
                tugas=tugas,
                ketua=ketua[0] if ketua else None,
                anggota=orang.get(PeranTim.ANGGOTA.value, ()),
                pengarah=orang.get(PeranTim.PENGARAH.value, ()),
                penanggung_jawab=orang.get(PeranTim.PENANGGUNG_JAWAB.value, ()),
                berlaku=tanggal,
            )
        if jenis is JenisSurat.SURAT_TUGAS:
            pegawai = tuple(
                p for peran in (PeranTim.KETUA.value, PeranTim.ANGGOTA.value) for p in anggota.get(peran, [])
            )
            return KonteksSuratTugas(
                kop=kop,
                kepala=self._kepala(
                    t.unit_id, hal=f"Penugasan {t.nama}", tanggal=tanggal, lampiran=1 if len(pegawai) > 1 else 0
                ),
                penandatangan=ttd,
                dasar=(f"Pembentukan {t.nama} Tahun Anggaran {tahun}.",),
                pegawai=tuple(p.orang for p in pegawai),
                untuk=(f"melaksanakan tugas sebagai anggota {t.nama} Tahun Anggaran {tahun};",),
                mulai=mulai,
                selesai=selesai,
                ppk=pengguna.orang,
            )
        if jenis is JenisSurat.REKOMENDASI_PENILAIAN:
            rows = kueri.penilaian_tim(self.struktur.pembaca, tim_id)
            if not rows:
                raise Ditolak(
                    f"Belum ada penilaian anggota untuk {t.nama}; catat penilaian (di bawah/sesuai/di atas "
                    "ekspektasi) terlebih dahulu."
                )
            from sistemkerja_tui.aturan.enums import PredikatPenilaian

            # addressed to the members' Pejabat Penilai Kinerja, who use it in their rating
            kepada = tuple(
                dict.fromkeys(
                    h.ppk.jabatan if h.ppk else h.sebutan
                    for h in (self.struktur.ppk_pegawai(r.pegawai_id) for r in rows)
                )
            )
            return KonteksRekomendasiPenilaian(
                kop=kop,
                kepala=self._kepala(t.unit_id, hal="Rekomendasi Penilaian Anggota Tim", kepada=kepada, tanggal=tanggal),
                penandatangan=ttd,
                nama_tim=t.nama,
                tahun=tahun,
                mulai=mulai,
                selesai=selesai,
                rekomendasi=tuple(
                    Rekomendasi(
                        orang=self._pegawai(r.pegawai_id).orang,
                        predikat=PredikatPenilaian(r.predikat),
                        catatan=r.catatan,
                    )
                    for r in rows
                ),
            )
        raise Ditolak(f"{jenis.label} tidak dibuat dari tim; buat dari permohonan yang bersangkutan.")

    def _penetap_keputusan(self, t, ttd: Penandatangan) -> tuple[Penandatangan, str]:
        """Who establishes the team by Keputusan under the profile: the unit head, or the Kepala Daerah with
        the unit head signing a.n. (e.g. Madiun Lampiran Bab II huruf B angka 1 huruf a for tahunan teams)."""
        from dataclasses import replace

        from sistemkerja_tui.aturan.enums import JenisPembentukan
        from sistemkerja_tui.aturan.profil import Naskah, ObjekPenetapan

        profil = self.struktur.profil(self.struktur.unit(t.unit_id).instansi_id)
        pembentukan = JenisPembentukan(t.jenis_pembentukan)
        cocok = [
            p
            for p in profil.penetapan
            if p.naskah is Naskah.KEPUTUSAN
            and p.objek in (ObjekPenetapan.TIM, ObjekPenetapan.KETUA)
            and (not p.pembentukan or pembentukan in p.pembentukan)
        ]
        if not cocok:
            return ttd, ttd.jabatan_ttd
        instansi = self._instansi(t.unit_id)
        if "atas nama" in cocok[0].penetap.lower() or cocok[0].penetap.startswith(instansi.kepala_daerah):
            daerah = instansi.nama.removeprefix("Pemerintah ").split(" ", 1)[-1]
            kepala = f"{instansi.kepala_daerah} {daerah}".upper()
            return replace(ttd, atas_nama=kepala), kepala
        return ttd, ttd.jabatan_ttd

    def konteks_permohonan(self, jenis: JenisSurat, permohonan_id: int, tanggal: date):
        p = kueri.permohonan(self.struktur.pembaca, permohonan_id, tanggal.year)
        if p is None:
            raise Ditolak(f"Permohonan nomor {permohonan_id} tidak ditemukan.")
        ttd, pengguna = self._penandatangan()
        _periksa_status(jenis, p.status)
        pegawai = self._pegawai(p.pegawai_id)
        lingkup = LingkupPenugasan(p.lingkup)
        dari = self.struktur.unit(p.dari_unit_id)
        ke = self.struktur.unit(p.ke_unit_id) if p.ke_unit_id else None
        penerima = self._pegawai(p.penerima_id).orang if p.penerima_id else None
        kepada = (penerima.jabatan if penerima else (ke.jabatan_pimpinan if ke else ""),)
        tembusan = tuple(x for x in p.tembusan.splitlines() if x.strip())
        isi = IsiPermohonan(
            nama_tim=p.nama_tim,
            kegiatan=p.uraian_peran or p.nama_tim,
            unit_pelaksana=dari.nama,
            tahun_anggaran=p.tahun,
            maksud_tujuan=p.maksud_tujuan,
            kompetensi=p.kompetensi,
            ekspektasi=p.ekspektasi,
            durasi=p.durasi,
            calon=(pegawai.orang,),
        )
        kop = self._kop(pengguna.unit_id)
        hal = "Permintaan Anggota Tim"
        if jenis in (JenisSurat.PERMOHONAN_PELIBATAN, JenisSurat.NOTA_DINAS, JenisSurat.PERMOHONAN_LINTAS_INSTANSI):
            if jenis is JenisSurat.PERMOHONAN_LINTAS_INSTANSI and lingkup is not LingkupPenugasan.LINTAS_INSTANSI:
                raise Ditolak("Surat lintas instansi hanya untuk permohonan lintas instansi.")
            kepala = self._kepala(p.dari_unit_id, hal=hal, kepada=kepada, tembusan=tembusan, tanggal=tanggal)
            if jenis is JenisSurat.NOTA_DINAS:
                return KonteksNotaDinas(
                    kop=kop, kepala=kepala, penandatangan=ttd, dari=ttd.jabatan_ttd.title(), isi=isi
                )
            if jenis is JenisSurat.PERMOHONAN_LINTAS_INSTANSI:
                return KonteksPermohonanLintasInstansi(
                    kop=kop,
                    kepala=kepala,
                    penandatangan=ttd,
                    instansi_tujuan=self._instansi(p.ke_unit_id).nama,
                    isi=isi,
                )
            return KonteksPermohonanPelibatan(kop=kop, kepala=kepala, penandatangan=ttd, isi=isi)
        dibuat = sebagai_tanggal(p.dibuat)
        assert dibuat is not None  # a NOT NULL column
        masuk = RujukanSurat(nomor=f"permohonan No. {p.id}", tanggal=dibuat, hal=hal)
        pemohon = (self._pegawai(p.pemohon_id).orang.jabatan,) if p.pemohon_id else (dari.jabatan_pimpinan,)
        if jenis is JenisSurat.PERSETUJUAN_ANGGOTA:
            return KonteksPersetujuan(
                kop=kop,
                kepala=self._kepala(pengguna.unit_id, hal="Persetujuan Anggota Tim", kepada=pemohon, tanggal=tanggal),
                penandatangan=ttd,
                surat_masuk=masuk,
                pegawai=(pegawai.orang,),
                nama_tim=p.nama_tim,
                kegiatan=p.uraian_peran or p.nama_tim,
                tahun_anggaran=p.tahun,
            )
        if jenis is JenisSurat.PENOLAKAN:
            return KonteksPenolakan(
                kop=kop,
                kepala=self._kepala(
                    pengguna.unit_id, hal="Jawaban Permintaan Anggota Tim", kepada=pemohon, tanggal=tanggal
                ),
                penandatangan=ttd,
                surat_masuk=masuk,
                nama_tim=p.nama_tim,
                kegiatan=p.uraian_peran or p.nama_tim,
                tahun_anggaran=p.tahun,
                alasan=tuple(a for a in (p.alasan_penolakan or "").splitlines() if a.strip()),
                pegawai=(pegawai.orang,),
            )
        if jenis is JenisSurat.SURAT_TUGAS:
            ppk = self.struktur.ppk_pegawai(p.pegawai_id).ppk
            return KonteksSuratTugas(
                kop=kop,
                kepala=self._kepala(pengguna.unit_id, hal=f"Penugasan {p.nama_tim}", tanggal=tanggal),
                penandatangan=ttd,
                dasar=(f"Permohonan No. {p.id} tentang {hal}.",),
                pegawai=(pegawai.orang,),
                untuk=(f"melaksanakan tugas sebagai anggota {p.nama_tim};",),
                mulai=tanggal,
                selesai=date(tanggal.year, 12, 31),
                ppk=self._pegawai(ppk.pegawai_id).orang if ppk else None,
            )
        if jenis is JenisSurat.SUKARELA_LINTAS_UNIT:
            return KonteksSukarelaLintasUnit(
                kepala=self._kepala(
                    p.dari_unit_id,
                    hal="Pengajuan Sukarela Anggota Tim",
                    kepada=kepada,
                    tembusan=tembusan,
                    tanggal=tanggal,
                ),
                pemohon=pegawai.orang,
                nama_tim=p.nama_tim,
                kinerja=p.ekspektasi or p.nama_tim,
                kompetensi=p.kompetensi or pegawai.orang.jabatan,
            )
        raise Ditolak(f"{jenis.label} tidak dibuat dari permohonan; buat dari timnya.")

    # --- making, listing, exporting -----------------------------------------------

    def buat(
        self,
        jenis: JenisSurat,
        *,
        tim_id: int | None = None,
        permohonan_id: int | None = None,
        penilaian_id: int | None = None,
        tanggal: date | None = None,
        folder: Path | None = None,
        format: str = "txt",
    ) -> HasilSurat:
        """Check, number, render and register one letter (one transaction; a refusal uses no number).

        A penilaian stands for its team's rating letter (all members rated for that period). With `folder`
        the letter is written there (as `format`) before the transaction commits: the folder is checked
        first, and a letter that cannot be written is neither numbered nor registered."""
        from sistemkerja_tui.store.db import transaksi
        from sistemkerja_tui.store.riwayat import catat

        if folder is not None:
            _periksa_keluaran(folder, format)
        tanggal = tanggal or date.today()
        if penilaian_id is not None:
            if jenis is not JenisSurat.REKOMENDASI_PENILAIAN or tim_id is not None or permohonan_id is not None:
                raise Ditolak("Dari sebuah penilaian hanya dibuat surat rekomendasi penilaian.")
            tim_id = kueri.tim_penilaian(self.struktur.pembaca, penilaian_id)
            if tim_id is None:
                raise Ditolak(f"Penilaian dengan id {penilaian_id} tidak ditemukan.")
        if (tim_id is None) == (permohonan_id is None):
            raise Ditolak("Sebutkan satu sumber surat: sebuah tim atau sebuah permohonan.")
        if tim_id is not None:
            konteks = self.konteks_tim(jenis, tim_id, tanggal)
        else:
            assert permohonan_id is not None  # exactly one source, checked above
            konteks = self.konteks_permohonan(jenis, permohonan_id, tanggal)
        temuan = [t for t in periksa(jenis, konteks) if t.kode != "nomor_kosong"]  # the number comes below
        galat = [t for t in temuan if t.memblokir]
        if galat:
            raise Ditolak(galat)
        _, pengguna = self._penandatangan()
        unit_pd = self.struktur.jalur_unit(pengguna.unit_id)[0]
        pola, klasifikasi = self._pola_dan_klasifikasi(jenis, pengguna.unit_id)
        sumber = ("tim", tim_id) if tim_id is not None else ("permohonan", permohonan_id)
        berkas: Path | None = None
        try:
            with transaksi(self.layanan.engine) as sesi:
                if permohonan_id is not None:  # the status the letter answers, locked until commit
                    _periksa_status(jenis, kueri.status_permohonan(sesi, permohonan_id))
                urut = kueri.nomor_berikut(sesi, klasifikasi, unit_pd.kode, tanggal.year)
                try:
                    nomor = susun_nomor(
                        pola, kode_klasifikasi=klasifikasi, nomor_urut=urut, kode_unit=unit_pd.kode, tahun=tanggal.year
                    )
                except PolaNomorTidakSah as e:
                    raise Ditolak(str(e)) from e
                di_surat = f"{klasifikasi}/{urut}" if jenis is JenisSurat.KEPUTUSAN_TIM else nomor
                konteks = _dengan_nomor(konteks, di_surat)
                try:
                    hasil = render(jenis, konteks)
                except TemplatTidakSah as e:
                    raise Ditolak(str(e)) from e
                surat_id = kueri.daftarkan(
                    sesi,
                    jenis=jenis.value,
                    nomor=nomor,
                    tanggal=tanggal,
                    perihal=konteks.kepala.hal,
                    tujuan="; ".join(konteks.kepala.kepada),
                    isi=hasil.teks,
                    konteks=(data_konteks := json.dumps(asdict(konteks), ensure_ascii=False, default=str)),
                    sumber_jenis=sumber[0],
                    sumber_id=sumber[1],
                    sidik_templat=hasil.sidik,
                    unit_id=unit_pd.id,
                )
                catat(
                    sesi,
                    oleh_id=pengguna.id,
                    aksi="surat_dibuat",
                    entitas="surat",
                    entitas_id=surat_id,
                    jenis=jenis.value,
                    nomor=nomor,
                    sumber=sumber[0],
                    sumber_id=sumber[1],
                )
                if folder is not None:  # the path `ekspor` takes: the registered text and context
                    berkas = _tulis(jenis.value, nomor, hasil.teks, data_konteks, folder, format)
        except BaseException:
            if berkas is not None:  # written, but the register did not commit: no file without its entry
                berkas.unlink(missing_ok=True)
            raise
        return HasilSurat(surat_id, nomor, hasil.teks, tuple(str(t) for t in temuan if not t.memblokir), berkas)

    def daftar(self, *, jenis: JenisSurat | None = None, tahun: int | None = None) -> list[RingkasSurat]:
        rows = kueri.register(self.struktur.pembaca, jenis=jenis.value if jenis else None, tahun=tahun)
        return [
            RingkasSurat(
                r.id, JenisSurat(r.jenis).label, r.nomor, cast(date, sebagai_tanggal(r.tanggal)), r.perihal, r.tujuan
            )
            for r in rows
        ]

    def _terdaftar(self, surat_id: int | None, nomor: str | None):
        r = kueri.surat(self.struktur.pembaca, surat_id, nomor)
        if r is None:
            raise Ditolak(f"Surat {'nomor ' + nomor if nomor else surat_id} tidak ada di register.")
        return r

    def teks(self, surat_id: int | None = None, *, nomor: str | None = None) -> tuple[str, str, str]:
        """(jenis, nomor, text) of a registered letter, exactly as issued."""
        r = self._terdaftar(surat_id, nomor)
        return r.jenis, r.nomor, r.isi

    def ekspor(
        self, surat_id: int | None = None, *, nomor: str | None = None, folder: Path, format: str = "txt"
    ) -> Path:
        """Write a registered letter as `format` — the path `buat` takes, so the number and text are the ones
        issued: .txt/.md from the stored text, .docx/.pdf from the stored context and the Word template."""
        _periksa_keluaran(folder, format)
        r = self._terdaftar(surat_id, nomor)
        return _tulis(r.jenis, r.nomor, r.isi, r.konteks, folder, format)


def _periksa_status(jenis: JenisSurat, status: str | None) -> None:
    """Refuse a letter answering a request whose status does not call for it."""
    boleh, pesan = _STATUS_SURAT.get(jenis, (None, ""))
    if boleh is not None and status not in boleh:
        raise Ditolak(pesan)


def _periksa_keluaran(folder: Path, format: str) -> None:
    """Refuse, before anything is numbered, a folder that cannot be written, an unknown format, or PDF
    where LibreOffice is not installed (the message names the package)."""
    from sistemkerja_tui.surat.dokumen import PdfTidakTersedia, periksa_pdf
    from sistemkerja_tui.surat.penulis import FORMAT

    if format not in FORMAT:
        raise Ditolak(f"Format keluaran '{format}' tidak dikenal; pilih {', '.join(FORMAT)}.")
    try:
        periksa_folder(folder)
        if format == "pdf":
            periksa_pdf()
    except (KeluaranTidakSah, PdfTidakTersedia) as e:
        raise Ditolak(str(e)) from e


def _tulis(jenis: str, nomor: str, isi: str, konteks: str | None, folder: Path, format: str) -> Path:
    """Write a registered letter: its text for .txt/.md; for .docx/.pdf its context rebuilt from the register."""
    from sistemkerja_tui.surat.dokumen import PdfTidakTersedia
    from sistemkerja_tui.surat.pulih import KonteksRusak, pulihkan

    j = JenisSurat(jenis)
    dipulihkan = None
    if format in ("docx", "pdf"):
        try:
            dipulihkan = pulihkan(j, konteks or "")
        except KonteksRusak as e:
            raise Ditolak(f"{e} Ekspor surat {nomor} sebagai .txt atau .md.") from e
    try:
        return tulis(isi, j, nomor, folder, cast("Format", format), konteks=dipulihkan)
    except (KeluaranTidakSah, TemplatTidakSah, PdfTidakTersedia) as e:
        raise Ditolak(str(e)) from e


def folder_dokumen() -> Path:
    from platformdirs import user_documents_path

    return user_documents_path()


def _tanpa_awalan_tim(nama: str) -> str:
    """The format writes "Tim <nama>": drop a leading "Tim"/"Tim Kerja" so it is not doubled."""
    for awalan in ("Tim Kerja ", "Tim "):
        if nama.startswith(awalan):
            return nama[len(awalan) :]
    return nama


def _dengan_nomor(konteks, nomor: str):
    from dataclasses import replace

    return replace(konteks, kepala=replace(konteks.kepala, nomor=nomor))
