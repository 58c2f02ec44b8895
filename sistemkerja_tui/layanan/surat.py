"""Naskah dinas from the records: build the context, check it, number it, register it — one transaction.

A letter is made from a tim or a permohonan (never from typed names). The
signer is the one named (`penandatangan_id`, the CLI's `--penandatangan`)
or the app's user, and must be entitled to sign it (`pihak_surat`); the
parties are offices; a reply or a Surat Tugas cites the registered letters
it rests on, and the checker names one still to be made. The kop is the
instansi's first line, the issuing Perangkat Daerah, then the address lines
(the Kepala Daerah's own for a Keputusan Kepala Daerah), and the counter is
that issuer's. The number is taken from the counter inside the same
transaction that writes the register, so a refused or failed letter uses no
number; a letter asked for in a folder is written there before that
transaction commits, so a letter that cannot be written is neither numbered
nor registered. Re-exporting from the register writes the stored text byte
for byte. The SQL is in `store.kueri.surat`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, cast

from sistemkerja_tui.aturan.enums import LingkupPenugasan, PeranTim, StatusPermohonan
from sistemkerja_tui.aturan.nomor_surat import POLA_BAWAAN, PolaNomorTidakSah, susun_nomor
from sistemkerja_tui.aturan.sebutan import tanggal_panjang
from sistemkerja_tui.layanan.galat import Ditolak
from sistemkerja_tui.layanan.instansi import KODE_KLASIFIKASI_BAWAAN
from sistemkerja_tui.layanan.pihak_surat import PihakSurat
from sistemkerja_tui.store.baca import sebagai_tanggal
from sistemkerja_tui.store.kueri import surat as kueri
from sistemkerja_tui.surat import JenisSurat, KeluaranTidakSah, TemplatTidakSah, periksa, periksa_folder, render, tulis
from sistemkerja_tui.surat.konteks import (
    IsiPermohonan,
    Kepala,
    Konteks,
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
    from sistemkerja_tui.layanan.struktur import Unit
    from sistemkerja_tui.surat.penulis import Format

__all__ = ["HasilSurat", "JenisSurat", "LayananSurat", "RingkasSurat"]

_SETUJU = (StatusPermohonan.DISETUJUI.value, StatusPermohonan.SURAT_TUGAS_TERBIT.value)
# letters answering a request, the statuses it must have, and the refusal otherwise
_STATUS_SURAT = {
    JenisSurat.PERSETUJUAN_ANGGOTA: (_SETUJU, "Surat persetujuan hanya untuk permohonan yang sudah disetujui."),
    JenisSurat.PENOLAKAN: ((StatusPermohonan.DITOLAK.value,), "Surat penolakan hanya untuk permohonan yang ditolak."),
    JenisSurat.SURAT_TUGAS: (_SETUJU, "Surat Tugas diterbitkan setelah permohonan disetujui."),
}
_KEPALA_DAERAH = ("Bupati", "Wali Kota", "Walikota", "Gubernur")
# the letters that ask for a member, which a persetujuan or penolakan answers
_SURAT_PERMOHONAN = (
    JenisSurat.PERMOHONAN_PELIBATAN,
    JenisSurat.NOTA_DINAS,
    JenisSurat.PERMOHONAN_LINTAS_INSTANSI,
    JenisSurat.SUKARELA_LINTAS_UNIT,
)


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
class _Terbit:
    """A letter's context, the unit whose code and counter number it, and who signs it (the audit's actor)."""

    konteks: Konteks
    unit_nomor: Unit
    pegawai_id: int | None


@dataclass(frozen=True)
class _Siap:
    """A checked letter waiting for its number: context, source (kind, id), the checker's warnings."""

    terbit: _Terbit
    sumber: tuple[str, int | None]
    peringatan: tuple[str, ...]


class LayananSurat:
    def __init__(self, layanan: Layanan) -> None:
        self.layanan = layanan
        self.struktur = layanan.struktur
        self.pihak = PihakSurat(layanan)

    # --- pieces of a letter -------------------------------------------------

    def _instansi(self, unit_id: int):
        return kueri.instansi_unit(self.struktur.pembaca, unit_id)

    def _kop(self, unit_id: int) -> Kop:
        """The Perangkat Daerah's letterhead: the instansi's first line, the PD, then the address lines."""
        pd = self.struktur.jalur_unit(unit_id)[0].nama.upper()
        return self._kop_dengan(unit_id, pd)

    def _kop_dengan(self, unit_id: int, kedua: str | None) -> Kop:
        instansi = self._instansi(unit_id)
        baris = [b.strip() for b in instansi.kop_surat.splitlines() if b.strip()] or [instansi.nama.upper()]
        telepon = instansi.telepon.strip()
        if telepon and not telepon[0].isalpha():
            telepon = f"Telepon {telepon}"
        baris += [b for b in (instansi.alamat.strip(), telepon) if b and not any(b in k for k in baris)]
        if kedua is None:  # the Kepala Daerah's own letterhead: the office alone, then the address
            return Kop(baris=(self.pihak.kepala_daerah(unit_id).upper(), *baris[1:]))
        return Kop(baris=(baris[0], kedua, *baris[1:]))

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

    def _pd(self, unit_id: int) -> Unit:
        return self.struktur.jalur_unit(unit_id)[0]

    def _nama_tim(self, nama: str, bentuk: str | None, unit_id: int) -> tuple[str, str]:
        """(term, name) so that "<term> <name>" is the team's name once: no "Tim Tim", the profile's term
        for the team's form (Perbup Klaten 34/2024 Pasal 1 angka 24: Kelompok Kerja)."""
        profil = self.struktur.profil(self.struktur.unit(unit_id).instansi_id)
        sebutan = next((b.sebutan for b in profil.bentuk_tim if b.kode.value == bentuk), "")
        for awalan in ("Kelompok Kerja", "Tim Kerja", "Tim"):
            if nama.startswith(awalan + " "):
                nama = nama[len(awalan) + 1 :]
                # the name's own "Tim"/"Tim Kerja" stays, unless the profile calls this form otherwise
                return (awalan if not sebutan or sebutan.startswith("Tim") else sebutan), nama
        return sebutan or "Tim", nama

    def _kegiatan(self, tim_id: int | None, kegiatan_id: int | None) -> str:
        """The sub kegiatan a letter names, from the kegiatan records (never the typed role)."""
        judul = kueri.kegiatan(self.struktur.pembaca, tim_id, kegiatan_id)
        return judul[0] if len(judul) == 1 else ", ".join(judul[:-1]) + (f" dan {judul[-1]}" if judul else "")

    def _rujukan(self, sumber: str, sumber_id: int, jenis: tuple[JenisSurat, ...]) -> RujukanSurat | None:
        r = kueri.surat_terdaftar(self.struktur.pembaca, sumber, sumber_id, tuple(j.value for j in jenis))
        if r is None:
            return None
        return RujukanSurat(nomor=r.nomor, tanggal=cast(date, sebagai_tanggal(r.tanggal)), hal=r.perihal)

    def _keputusan_terdaftar(self, tim_id: int) -> str | None:
        """'Keputusan <penetap> Nomor … tanggal … tentang …' of the team's registered Keputusan."""
        r = kueri.surat_terdaftar(self.struktur.pembaca, "tim", tim_id, (JenisSurat.KEPUTUSAN_TIM.value,))
        if r is None:
            return None
        try:
            penetap = json.loads(r.konteks).get("penetap", "")
        except (ValueError, AttributeError):
            penetap = ""
        return (
            f"Keputusan {penetap} Nomor {r.nomor} tanggal {tanggal_panjang(cast(date, sebagai_tanggal(r.tanggal)))}"
            f" tentang {r.perihal};"
        )

    def _tembusan(
        self,
        baris: tuple[str, ...],
        *,
        pegawai_id: int | None,
        unit_pegawai: int | None,
        bagi: int,
        kecuali: tuple[str, ...],
    ) -> tuple[str, ...]:
        """The copies as named offices: the profile's "Pejabat Penilai Kinerja", "Pimpinan Unit Organisasi"
        and "Sekretaris Daerah" become the offices they mean; other lines are kept as written."""
        hasil: list[str] = []
        for b in (x.strip() for x in baris):
            if not b:
                continue
            rendah = b.lower()
            if "penilai kinerja" in rendah and pegawai_id is not None:
                b = self.pihak.kantor_ppk(pegawai_id, bagi=bagi)
            elif "pimpinan unit" in rendah and unit_pegawai is not None:
                b = self.pihak.kantor(unit_pegawai, bagi=bagi)
            elif rendah.startswith("sekretaris daerah"):
                sekda = self.pihak.sekda(bagi)
                b = self.pihak.kantor(sekda.id, lengkap=True) if sekda else b
            if b not in hasil and b.upper() not in (k.upper() for k in kecuali):
                hasil.append(b)
        return tuple(hasil)

    # --- contexts from the records -------------------------------------------

    def konteks_tim(self, jenis: JenisSurat, tim_id: int, tanggal: date, *, penandatangan_id: int | None = None):
        return self._dari_tim(jenis, tim_id, tanggal, penandatangan_id, None).konteks

    def konteks_permohonan(
        self, jenis: JenisSurat, permohonan_id: int, tanggal: date, *, penandatangan_id: int | None = None
    ):
        return self._dari_permohonan(jenis, permohonan_id, tanggal, penandatangan_id, None).konteks

    def _dari_tim(
        self, jenis: JenisSurat, tim_id: int, tanggal: date, penandatangan_id: int | None, tembusan
    ) -> _Terbit:
        t = kueri.tim(self.struktur.pembaca, tim_id)
        if t is None:
            raise Ditolak(f"Tim dengan id {tim_id} tidak ditemukan.")
        if jenis not in (JenisSurat.KEPUTUSAN_TIM, JenisSurat.SURAT_TUGAS, JenisSurat.REKOMENDASI_PENILAIAN):
            raise Ditolak(f"{jenis.label} tidak dibuat dari tim; buat dari permohonan yang bersangkutan.")
        pid = self.pihak.pilih_penandatangan(penandatangan_id)
        mulai, selesai = sebagai_tanggal(t.mulai), sebagai_tanggal(t.selesai)
        assert mulai is not None and selesai is not None  # NOT NULL columns
        tahun = t.tahun_anggaran or mulai.year
        sebutan, nama = self._nama_tim(t.nama, t.bentuk, t.unit_id)
        if jenis is JenisSurat.KEPUTUSAN_TIM:
            return self._keputusan(t, pid, tanggal, tahun, sebutan, nama, tembusan)
        penanda = self.pihak.penanda(pid, t.unit_id, apa=f"{jenis.label} {t.nama}")
        unit_ttd = penanda.unit.id
        kop = self._kop(unit_ttd)
        if jenis is JenisSurat.SURAT_TUGAS:
            baris = [
                r
                for peran in (PeranTim.KETUA.value, PeranTim.ANGGOTA.value)
                for r in kueri.anggota_aktif(self.struktur.pembaca, tim_id)
                if r.peran == peran
            ]
            orang = tuple(self.pihak.orang(r.pegawai_id)[0] for r in baris)
            peran = tuple(PeranTim(r.peran).label for r in baris)
            ppk_pasangan = [self.pihak.ppk(r.pegawai_id, bagi=unit_ttd) for r in baris]
            ppk = tuple(k for k, _ in ppk_pasangan)
            ppk_id = [i for _, i in ppk_pasangan]
            kegiatan = self._kegiatan(tim_id, None)
            dasar, belum = self._dasar_tim(t, tahun)
            # the team, its sub kegiatan and year first, then "sesuai peran …": the Lampiran names the roles, not
            # the sub kegiatan
            sebagai = f"{' dan '.join(dict.fromkeys(peran)) or 'Anggota'} {sebutan} {nama}"
            sesuai = " sesuai peran masing-masing sebagaimana tercantum dalam Lampiran" if len(set(peran)) > 1 else ""
            pada = f" pada sub kegiatan {kegiatan}" if kegiatan else ""
            ppk_orang = None
            if len(set(ppk)) == 1 and ppk_id[0] is not None:
                ppk_orang = replace(self.pihak.orang(ppk_id[0])[0], jabatan=ppk[0])
            elif len(set(ppk)) == 1:
                ppk_orang = Orang(nama="", jabatan=ppk[0])
            salinan = tembusan if tembusan is not None else tuple(dict.fromkeys(ppk))
            return _Terbit(
                KonteksSuratTugas(
                    kop=kop,
                    kepala=self._kepala(
                        unit_ttd,
                        hal=f"Penugasan {t.nama}",
                        tanggal=tanggal,
                        lampiran=1 if len(orang) > 1 else 0,
                        tembusan=self._tembusan(
                            salinan,
                            pegawai_id=None,
                            unit_pegawai=None,
                            bagi=unit_ttd,
                            kecuali=(penanda.ttd.jabatan_ttd,),
                        ),
                    ),
                    penandatangan=penanda.ttd,
                    dasar=dasar,
                    pegawai=orang,
                    untuk=(f"Melaksanakan tugas sebagai {sebagai}{pada} Tahun Anggaran {tahun}{sesuai};",),
                    mulai=mulai,
                    selesai=selesai,
                    ppk=ppk_orang,
                    peran=peran,
                    ppk_anggota=ppk,
                    rujukan_belum_dibuat=belum,
                ),
                self._pd(unit_ttd),
                pid,
            )
        return self._rekomendasi(t, penanda, tanggal, tahun, sebutan, nama, mulai, selesai, kop, tembusan)

    def _dasar_tim(self, t, tahun: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Dasar of a team's Surat Tugas: the profile's regulation, then the registered Keputusan (else the
        basis recorded with the team); a Keputusan the profile asks for but not yet made is named to make first."""
        profil = self.struktur.profil(self.struktur.unit(t.unit_id).instansi_id)
        dasar = [profil.judul + ";"]
        keputusan = self._keputusan_terdaftar(t.id)
        if keputusan:
            return (*dasar, keputusan), ()
        if t.dasar_penetapan.strip():
            return (*dasar, t.dasar_penetapan.strip().rstrip(".;") + ";"), ()
        if self._penetapan(t) is not None:
            return tuple(dasar), (JenisSurat.KEPUTUSAN_TIM.label,)
        return tuple(dasar), ()

    def _penetapan(self, t):
        """The profile's rule that establishes this team by Keputusan (form, yearly/insidental, scope), if any."""
        from sistemkerja_tui.aturan.enums import BentukTim, JenisPembentukan
        from sistemkerja_tui.aturan.profil import Naskah, ObjekPenetapan

        profil = self.struktur.profil(self.struktur.unit(t.unit_id).instansi_id)
        pembentukan = JenisPembentukan(t.jenis_pembentukan)
        asal = {LingkupPenugasan(a) for a in kueri.asal_anggota(self.struktur.pembaca, t.id)}
        lingkup = next(
            (lk for lk in (LingkupPenugasan.LINTAS_INSTANSI, LingkupPenugasan.LINTAS_UNIT) if lk in asal),
            LingkupPenugasan.DALAM_UNIT,
        )
        cocok = [
            p
            for p in profil.penetapan
            if p.naskah is Naskah.KEPUTUSAN
            and p.objek in (ObjekPenetapan.TIM, ObjekPenetapan.KETUA)
            and (not p.pembentukan or pembentukan in p.pembentukan)
            and (not p.lingkup or lingkup in p.lingkup)
            and (not p.bentuk or BentukTim(t.bentuk) in p.bentuk)
        ]
        return cocok[0] if cocok else None

    def _keputusan(self, t, pid: int, tanggal: date, tahun: int, sebutan: str, nama: str, tembusan) -> _Terbit:
        """The Keputusan's issuer, letterhead and counter follow the profile's rule for this team:
        the Kepala Daerah (Perwal Cilegon 17/2023 Pasal 9 ayat (2): a team across agencies), the Kepala Daerah
        signed a.n. by the head of the Perangkat Daerah (Perwal Madiun 73/2023 Lampiran Bab II huruf B angka 1
        huruf a: a yearly team), the head of the Perangkat Daerah (Perbup Luwu Utara 59/2023 Format Naskah
        Dinas huruf a), else the head of the unit that owns the team."""
        penetapan = self._penetapan(t)
        teks = penetapan.penetap if penetapan else ""
        instansi = self.struktur.instansi_dari_id(self.struktur.unit(t.unit_id).instansi_id)
        pd = self._pd(t.unit_id)
        sekda = self.pihak.sekda(t.unit_id)
        apa = f"Keputusan pembentukan {t.nama}"
        kop: Kop
        if "atas nama" in teks.lower():
            penanda = self.pihak.penanda(pid, t.unit_id, apa=apa, hanya=pd, tambahan=(sekda,) if sekda else ())
            kd = self.pihak.kepala_daerah(t.unit_id)
            ttd = replace(penanda.ttd, atas_nama=kd.upper())
            penetap, kop, unit_nomor = kd, self._kop_dengan(t.unit_id, None), sekda or pd
        elif teks.startswith((instansi.kepala_daerah, *_KEPALA_DAERAH)):  # the profile's term, the Pemda's own
            self.pihak.penanda(pid, t.unit_id, apa=f"konsep {apa}")  # a head in the chain drafts it
            kd = self.pihak.kepala_daerah(t.unit_id)
            nama_kd = self._instansi(t.unit_id).nama_kepala_daerah or ""
            ttd = Penandatangan(orang=_orang_bergelar(nama_kd, kd), jabatan_ttd=kd.upper(), kepala_daerah=True)
            penetap, kop, unit_nomor = kd, self._kop_dengan(t.unit_id, None), sekda or pd
        else:
            hanya = pd if "perangkat daerah" in teks.lower() else None
            penanda = self.pihak.penanda(pid, t.unit_id, apa=apa, hanya=hanya)
            ttd = penanda.ttd
            penetap = self.pihak.kantor(penanda.unit.id, lengkap=True)
            kop, unit_nomor = self._kop(penanda.unit.id), self._pd(penanda.unit.id)
        anggota: dict[str, list[Orang]] = {}
        for r in kueri.anggota_aktif(self.struktur.pembaca, t.id):
            anggota.setdefault(r.peran, []).append(self.pihak.orang(r.pegawai_id)[0])
        ketua = anggota.get(PeranTim.KETUA.value, [])
        lengkap = f"{sebutan} {nama}"
        tugas = tuple(
            TugasPeran(peran=PeranTim(p).label, uraian=(u,))
            for p, u in (
                (PeranTim.PENGARAH.value, f"memberikan arahan kepada {lengkap}"),
                (PeranTim.PENANGGUNG_JAWAB.value, f"bertanggung jawab atas pelaksanaan tugas {lengkap}"),
                (PeranTim.KETUA.value, f"memimpin dan mengoordinasikan pelaksanaan tugas {lengkap}"),
                (PeranTim.ANGGOTA.value, "melaksanakan tugas sesuai pembagian peran dari Ketua"),
            )
            if p in anggota
        )
        tujuan = t.tujuan.strip().rstrip(".")
        untuk = tujuan[:1].lower() + tujuan[1:] if tujuan else "mencapai target kinerja"
        menimbang = (
            f"bahwa untuk {untuk} perlu membentuk {lengkap} Tahun Anggaran {tahun};",
            (
                "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan "
                f"{penetap} tentang Pembentukan {lengkap} Tahun Anggaran {tahun};"
            ),
        )
        profil = self.struktur.profil(instansi.id)
        return _Terbit(
            KonteksKeputusanTim(
                kop=kop,
                kepala=self._kepala(
                    t.unit_id,
                    hal=f"Pembentukan {lengkap} Tahun Anggaran {tahun}",
                    tanggal=tanggal,
                    lampiran=1,
                    tembusan=tuple(tembusan or ()),
                ),
                penandatangan=ttd,
                penetap=penetap,
                nama_tim=nama,
                tahun_anggaran=tahun,
                menimbang=menimbang,
                mengingat=(profil.judul + ";",),
                tugas=tugas,
                ketua=ketua[0] if ketua else None,
                anggota=tuple(anggota.get(PeranTim.ANGGOTA.value, ())),
                pengarah=tuple(anggota.get(PeranTim.PENGARAH.value, ())),
                penanggung_jawab=tuple(anggota.get(PeranTim.PENANGGUNG_JAWAB.value, ())),
                berlaku=None,  # "mulai berlaku pada tanggal ditetapkan" (Format Naskah Dinas huruf a)
                sebutan_tim=sebutan,
            ),
            unit_nomor,
            pid,
        )

    def _rekomendasi(self, t, penanda, tanggal, tahun, sebutan, nama, mulai, selesai, kop, tembusan) -> _Terbit:
        """To the rated members' Pejabat Penilai Kinerja (Format Naskah Dinas huruf g); a member the signer
        rates himself needs no letter."""
        from sistemkerja_tui.aturan.enums import PredikatPenilaian

        rows = kueri.penilaian_tim(self.struktur.pembaca, t.id)
        if not rows:
            raise Ditolak(
                f"Belum ada penilaian anggota untuk {t.nama}; catat penilaian (di bawah/sesuai/di atas "
                "ekspektasi) terlebih dahulu."
            )
        dinilai = []
        for r in rows:
            ppk = self.struktur.ppk_pegawai(r.pegawai_id).ppk
            if ppk is None or ppk.pegawai_id != penanda.pegawai_id:
                dinilai.append((r, self.pihak.kantor_ppk(r.pegawai_id, bagi=penanda.unit.id)))
        if not dinilai:
            raise Ditolak(
                f"Semua anggota {t.nama} yang dinilai berada di bawah penilaian kinerja penanda tangan sendiri: "
                "rekomendasi penilaian disampaikan kepada Pejabat Penilai Kinerja anggota dari unit lain "
                "(Perbup Luwu Utara 59/2023, Format Naskah Dinas huruf g)."
            )
        kepada = tuple(dict.fromkeys(k for _, k in dinilai))
        return _Terbit(
            KonteksRekomendasiPenilaian(
                kop=kop,
                kepala=self._kepala(
                    penanda.unit.id,
                    hal="Penyampaian Rekomendasi Penilaian Anggota Tim",
                    kepada=kepada,
                    tanggal=tanggal,
                    tembusan=tuple(tembusan or ()),
                ),
                penandatangan=penanda.ttd,
                nama_tim=nama,
                tahun=tahun,
                mulai=mulai,
                selesai=selesai,
                rekomendasi=tuple(
                    Rekomendasi(
                        orang=self.pihak.orang(r.pegawai_id)[0],
                        predikat=PredikatPenilaian(r.predikat),
                        catatan=r.catatan,
                    )
                    for r, _ in dinilai
                ),
                sebutan_tim=sebutan,
            ),
            self._pd(penanda.unit.id),
            penanda.pegawai_id,
        )

    def _dari_permohonan(
        self, jenis: JenisSurat, permohonan_id: int, tanggal: date, penandatangan_id: int | None, tembusan
    ) -> _Terbit:
        p = kueri.permohonan(self.struktur.pembaca, permohonan_id, tanggal.year)
        if p is None:
            raise Ditolak(f"Permohonan nomor {permohonan_id} tidak ditemukan.")
        if jenis in (JenisSurat.KEPUTUSAN_TIM, JenisSurat.REKOMENDASI_PENILAIAN):
            raise Ditolak(f"{jenis.label} tidak dibuat dari permohonan; buat dari timnya.")
        _periksa_status(jenis, p.status)
        lingkup = LingkupPenugasan(p.lingkup)
        pegawai, unit_pegawai = self.pihak.orang(p.pegawai_id)
        sebutan, nama = self._nama_tim(p.nama_tim, p.bentuk, p.dari_unit_id)
        kegiatan = self._kegiatan(p.tim_id, p.kegiatan_id)
        salinan = tembusan if tembusan is not None else tuple(p.tembusan.splitlines())
        sekda_pemilik, sekda_pegawai = self.pihak.sekda(p.dari_unit_id), self.pihak.sekda(unit_pegawai)
        lintas_instansi = lingkup is LingkupPenugasan.LINTAS_INSTANSI
        isi = IsiPermohonan(
            nama_tim=nama,
            kegiatan=kegiatan,
            unit_pelaksana=self.pihak.nama_unit(p.dari_unit_id),
            tahun_anggaran=p.tahun,
            maksud_tujuan=p.maksud_tujuan.strip().rstrip(".;"),
            kompetensi=p.kompetensi.strip().rstrip(".;"),
            ekspektasi=p.ekspektasi.strip().rstrip(".;"),
            durasi=p.durasi.strip().rstrip(".;"),
            calon=(pegawai,),
            sebutan_tim=sebutan,
        )
        if jenis is JenisSurat.SUKARELA_LINTAS_UNIT:  # the pegawai's own letter, to the owner unit's head
            kepada = (self.pihak.kantor(p.dari_unit_id, bagi=unit_pegawai),)
            return _Terbit(
                KonteksSukarelaLintasUnit(
                    kepala=self._kepala(
                        p.dari_unit_id,
                        hal=f"Pengajuan Sukarela Anggota {sebutan} {nama}",
                        kepada=kepada,
                        tembusan=self._tembusan(
                            salinan,
                            pegawai_id=p.pegawai_id,
                            unit_pegawai=unit_pegawai,
                            bagi=unit_pegawai,
                            kecuali=kepada,
                        ),
                        tanggal=tanggal,
                    ),
                    pemohon=pegawai,
                    nama_tim=nama,
                    kinerja=kegiatan or p.ekspektasi or nama,  # the kegiatan the pegawai offers to join
                    kompetensi=p.kompetensi or pegawai.jabatan,
                    sebutan_tim=sebutan,
                ),
                self._pd(p.dari_unit_id),
                None,
            )
        pid = self.pihak.pilih_penandatangan(penandatangan_id)
        if jenis in (JenisSurat.PERSETUJUAN_ANGGOTA, JenisSurat.PENOLAKAN):
            return self._jawaban(
                jenis,
                p,
                pid,
                pegawai,
                unit_pegawai,
                sebutan,
                nama,
                kegiatan,
                tanggal,
                salinan,
                sekda_pegawai if lintas_instansi else None,
            )
        apa = f"{jenis.label} untuk {p.nama_tim}"
        penanda = self.pihak.penanda(
            pid, p.dari_unit_id, apa=apa, tambahan=(sekda_pemilik,) if lintas_instansi and sekda_pemilik else ()
        )
        unit_ttd = penanda.unit.id
        if jenis is JenisSurat.SURAT_TUGAS:
            return self._tugas_permohonan(p, penanda, pegawai, sebutan, nama, kegiatan, tanggal, salinan)
        if jenis is JenisSurat.PERMOHONAN_LINTAS_INSTANSI and not lintas_instansi:
            raise Ditolak("Surat lintas instansi hanya untuk permohonan lintas instansi.")
        if jenis is JenisSurat.NOTA_DINAS and self._pd(unit_pegawai).id != self._pd(unit_ttd).id:
            raise Ditolak(
                "Nota Dinas hanya untuk permintaan antarbidang di dalam satu Perangkat Daerah; untuk pegawai "
                "Perangkat Daerah lain buat Surat permohonan pelibatan lintas unit (Perbup Luwu Utara 59/2023, "
                "Format Naskah Dinas huruf d dan huruf e)."
            )
        if p.penerima_id:
            kepada = (self.pihak.kantor_pegawai(p.penerima_id, unit_pegawai, bagi=unit_ttd),)
        else:
            kepada = (self.pihak.kantor(unit_pegawai, bagi=unit_ttd),)
        if jenis is not JenisSurat.NOTA_DINAS:
            penanda = self.pihak.atas_nama_pd(penanda)
        if penanda.ttd.jabatan_ttd.upper() in (k.upper() for k in kepada):
            raise Ditolak(
                f"{jenis.label} ditujukan kepada {kepada[0]}, yaitu penanda tangan sendiri: permohonan ini tidak "
                "memerlukan surat."
            )
        hal = f"Permintaan Anggota {sebutan} {nama}"
        kepala = self._kepala(
            unit_ttd,
            hal=hal,
            kepada=kepada,
            tanggal=tanggal,
            tembusan=self._tembusan(
                salinan,
                pegawai_id=p.pegawai_id,
                unit_pegawai=unit_pegawai,
                bagi=unit_ttd,
                kecuali=(*kepada, penanda.ttd.jabatan_ttd),
            ),
        )
        kop = self._kop(unit_ttd)
        konteks: Konteks
        if jenis is JenisSurat.NOTA_DINAS:
            konteks = KonteksNotaDinas(
                kop=kop, kepala=kepala, penandatangan=penanda.ttd, dari=self.pihak.kantor(unit_ttd), isi=isi
            )
        elif jenis is JenisSurat.PERMOHONAN_LINTAS_INSTANSI:
            konteks = KonteksPermohonanLintasInstansi(
                kop=kop,
                kepala=kepala,
                penandatangan=penanda.ttd,
                instansi_tujuan=self._instansi(unit_pegawai).nama,
                isi=isi,
            )
        else:
            konteks = KonteksPermohonanPelibatan(kop=kop, kepala=kepala, penandatangan=penanda.ttd, isi=isi)
        return _Terbit(konteks, self._pd(unit_ttd), pid)

    def _jawaban(
        self, jenis, p, pid, pegawai, unit_pegawai, sebutan, nama, kegiatan, tanggal, salinan, sekda
    ) -> _Terbit:
        """A persetujuan or penolakan, from the pegawai's side, citing the registered request letter
        (Perbup Luwu Utara 59/2023, Format Naskah Dinas huruf f: "Sehubungan dengan surat Saudara Nomor …")."""
        # the heads over the pegawai, or the official the route gave the decision to (e.g. the Sekda)
        pemutus = self.pihak.unit_pimpinan(p.penerima_id) if p.penerima_id else None
        tambahan = tuple(u for u in (sekda, pemutus) if u is not None)
        penanda = self.pihak.penanda(pid, unit_pegawai, apa=f"{jenis.label} untuk {p.nama_tim}", tambahan=tambahan)
        penanda = self.pihak.atas_nama_pd(penanda)
        unit_ttd = penanda.unit.id
        if p.pemohon_id:
            kepada = (self.pihak.kantor_pegawai(p.pemohon_id, p.dari_unit_id, bagi=unit_ttd),)
        else:
            kepada = (self.pihak.kantor(p.dari_unit_id, bagi=unit_ttd),)
        masuk = self._rujukan("permohonan", p.id, _SURAT_PERMOHONAN)
        belum: tuple[str, ...] = ()
        if masuk is None:
            belum = (self._jenis_permohonan(p, unit_pegawai).label,)
            masuk = RujukanSurat(nomor="", tanggal=tanggal, hal="")
        kepala = self._kepala(
            unit_ttd,
            hal=f"Persetujuan Anggota {sebutan} {nama}"
            if jenis is JenisSurat.PERSETUJUAN_ANGGOTA
            else f"Jawaban Permintaan Anggota {sebutan} {nama}",
            kepada=kepada,
            tanggal=tanggal,
            tembusan=self._tembusan(
                salinan,
                pegawai_id=p.pegawai_id,
                unit_pegawai=unit_pegawai,
                bagi=unit_ttd,
                kecuali=(*kepada, penanda.ttd.jabatan_ttd),
            ),
        )
        kop = self._kop(unit_ttd)
        konteks: Konteks
        if jenis is JenisSurat.PERSETUJUAN_ANGGOTA:
            konteks = KonteksPersetujuan(
                kop=kop,
                kepala=kepala,
                penandatangan=penanda.ttd,
                surat_masuk=masuk,
                pegawai=(pegawai,),
                nama_tim=nama,
                kegiatan=kegiatan,
                tahun_anggaran=p.tahun,
                sebutan_tim=sebutan,
                rujukan_belum_dibuat=belum,
            )
        else:
            konteks = KonteksPenolakan(
                kop=kop,
                kepala=kepala,
                penandatangan=penanda.ttd,
                surat_masuk=masuk,
                nama_tim=nama,
                kegiatan=kegiatan,
                tahun_anggaran=p.tahun,
                alasan=tuple(a for a in (p.alasan_penolakan or "").splitlines() if a.strip()),
                pegawai=(pegawai,),
                sebutan_tim=sebutan,
                rujukan_belum_dibuat=belum,
            )
        return _Terbit(konteks, self._pd(unit_ttd), pid)

    def _jenis_permohonan(self, p, unit_pegawai: int) -> JenisSurat:
        """The letter that asks for this request: sukarela, across agencies, a Nota Dinas inside one PD."""
        from sistemkerja_tui.aturan.enums import JenisPermohonan

        if p.jenis == JenisPermohonan.PENGAJUAN_SUKARELA.value:
            return JenisSurat.SUKARELA_LINTAS_UNIT
        if p.lingkup == LingkupPenugasan.LINTAS_INSTANSI.value:
            return JenisSurat.PERMOHONAN_LINTAS_INSTANSI
        if self._pd(unit_pegawai).id == self._pd(p.dari_unit_id).id:
            return JenisSurat.NOTA_DINAS
        return JenisSurat.PERMOHONAN_PELIBATAN

    def _tugas_permohonan(self, p, penanda, pegawai, sebutan, nama, kegiatan, tanggal, salinan) -> _Terbit:
        """The Surat Tugas after an approved request: Dasar cites the Keputusan and the approval letter by
        number and date; the period is the membership's, else the team's or the kegiatan's."""
        unit_ttd = penanda.unit.id
        profil = self.struktur.profil(self.struktur.unit(p.dari_unit_id).instansi_id)
        dasar = [profil.judul + ";"]
        belum: list[str] = []
        if p.tim_id:
            keputusan = self._keputusan_terdaftar(p.tim_id)
            if keputusan:
                dasar.append(keputusan)
            elif (p.dasar_tim or "").strip():  # the basis recorded with the team (made outside the app)
                dasar.append(p.dasar_tim.strip().rstrip(".;") + ";")
        setuju = self._rujukan("permohonan", p.id, (JenisSurat.PERSETUJUAN_ANGGOTA,))
        if setuju is not None:
            dasar.append(f"Surat Nomor {setuju.nomor} tanggal {tanggal_panjang(setuju.tanggal)} hal {setuju.hal};")
        elif p.lingkup != LingkupPenugasan.DALAM_UNIT.value:
            belum.append(JenisSurat.PERSETUJUAN_ANGGOTA.label)
        anggota = kueri.keanggotaan_permohonan(self.struktur.pembaca, p.id)
        mulai = next(
            (
                d
                for d in (
                    sebagai_tanggal(anggota.mulai) if anggota else None,
                    sebagai_tanggal(p.tim_mulai),
                    sebagai_tanggal(p.kegiatan_mulai),
                )
                if d
            ),
            tanggal,
        )
        selesai = next(
            (
                d
                for d in (
                    sebagai_tanggal(anggota.selesai) if anggota else None,
                    sebagai_tanggal(p.tim_selesai),
                    sebagai_tanggal(p.kegiatan_tenggat),
                )
                if d
            ),
            date(tanggal.year, 12, 31),
        )
        ppk_hasil = self.struktur.ppk_pegawai(p.pegawai_id).ppk
        ppk_kantor = self.pihak.kantor_ppk(p.pegawai_id, bagi=unit_ttd)
        ppk = (
            replace(self.pihak.orang(ppk_hasil.pegawai_id)[0], jabatan=ppk_kantor)
            if ppk_hasil
            else Orang(nama="", jabatan=ppk_kantor)
        )
        peran = PeranTim(p.peran).label
        pada = f" pada sub kegiatan {kegiatan}" if kegiatan else ""
        return _Terbit(
            KonteksSuratTugas(
                kop=self._kop(unit_ttd),
                kepala=self._kepala(
                    unit_ttd,
                    hal=f"Penugasan {sebutan} {nama}",
                    tanggal=tanggal,
                    tembusan=self._tembusan(
                        (*salinan, ppk_kantor),
                        pegawai_id=p.pegawai_id,
                        unit_pegawai=None,
                        bagi=unit_ttd,
                        kecuali=(penanda.ttd.jabatan_ttd,),
                    ),
                ),
                penandatangan=penanda.ttd,
                dasar=tuple(dasar),
                pegawai=(pegawai,),
                untuk=(f"Melaksanakan tugas sebagai {peran} {sebutan} {nama}{pada} Tahun Anggaran {p.tahun};",),
                mulai=mulai,
                selesai=selesai,
                ppk=ppk,
                peran=(peran,),
                ppk_anggota=(ppk_kantor,),
                rujukan_belum_dibuat=tuple(belum),
            ),
            self._pd(unit_ttd),
            penanda.pegawai_id,
        )

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
        penandatangan_id: int | None = None,
        tembusan: tuple[str, ...] | None = None,
    ) -> HasilSurat:
        """Check, number, render and register one letter (one transaction; a refusal uses no number).

        The signer is `penandatangan_id`, else the app's user; one who may not sign this letter is refused.
        `tembusan` replaces the copies taken from the route. A penilaian stands for its team's rating letter
        (all members rated for that period). With `folder`
        the letter is written there (as `format`) before the transaction commits: the folder is checked
        first, and a letter that cannot be written is neither numbered nor registered."""
        from sistemkerja_tui.store.db import transaksi

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
        siap = self._siapkan(jenis, tim_id, permohonan_id, tanggal, penandatangan_id, tembusan)
        berkas: list[Path] = []
        try:
            with transaksi(self.layanan.engine) as sesi:
                hasil = self._daftarkan(sesi, jenis, siap, tanggal, folder, format, berkas)
        except BaseException:
            for b in berkas:  # written, but the register did not commit: no file without its entry
                b.unlink(missing_ok=True)
            raise
        return hasil

    def buat_banyak(
        self,
        jenis: JenisSurat,
        *,
        tim_id: tuple[int, ...] = (),
        permohonan_id: tuple[int, ...] = (),
        tanggal: date | None = None,
        penandatangan_id: int | None = None,
        folder: Path | None = None,
        format: str = "txt",
    ) -> list[HasilSurat]:
        """One batch of letters of one kind (e.g. the Surat Tugas of many teams or approved requests), in one
        transaction: every one checked first, then all numbered and registered, or none (a refusal names the
        team or request at fault and uses no number). With `folder`, each is written there as in `buat`: a
        batch that cannot be written whole is neither numbered nor registered, and leaves no file."""
        from sistemkerja_tui.store.db import transaksi

        if folder is not None:
            _periksa_keluaran(folder, format)
        tanggal = tanggal or date.today()
        siap = []
        for sumber, nilai in [("tim", t) for t in tim_id] + [("permohonan", p) for p in permohonan_id]:
            try:
                siap.append(
                    self._siapkan(
                        jenis,
                        nilai if sumber == "tim" else None,
                        nilai if sumber == "permohonan" else None,
                        tanggal,
                        penandatangan_id,
                        None,
                    )
                )
            except Ditolak as e:
                raise Ditolak(f"{jenis.label} untuk {sumber} {nilai} ditolak: {e.pesan}") from e
        berkas: list[Path] = []
        try:
            with transaksi(self.layanan.engine) as sesi:
                return [self._daftarkan(sesi, jenis, s, tanggal, folder, format, berkas) for s in siap]
        except BaseException:
            for b in berkas:  # written, but the register did not commit: no file without its entry
                b.unlink(missing_ok=True)
            raise

    def _siapkan(self, jenis, tim_id, permohonan_id, tanggal, penandatangan_id, tembusan) -> _Siap:
        """The context from the records, checked (a blocking finding refuses it), before any number is taken."""
        if tembusan is not None:
            tembusan = tuple(t.strip() for t in tembusan if t.strip())
        if tim_id is not None:
            terbit = self._dari_tim(jenis, tim_id, tanggal, penandatangan_id, tembusan)
        else:
            assert permohonan_id is not None  # exactly one source, checked by the callers
            terbit = self._dari_permohonan(jenis, permohonan_id, tanggal, penandatangan_id, tembusan)
        temuan = [t for t in periksa(jenis, terbit.konteks) if t.kode != "nomor_kosong"]  # numbered later
        galat = [t for t in temuan if t.memblokir]
        if galat:
            raise Ditolak(galat)
        sumber = ("tim", tim_id) if tim_id is not None else ("permohonan", permohonan_id)
        return _Siap(terbit, sumber, tuple(str(t) for t in temuan if not t.memblokir))

    def _daftarkan(self, sesi, jenis, siap: _Siap, tanggal: date, folder, format: str, berkas: list[Path]):
        """Number, render and register one checked letter inside `sesi`'s transaction (and write it to
        `folder`, appending the file to `berkas` so the caller removes it if the transaction fails)."""
        from sistemkerja_tui.store.riwayat import catat

        terbit, sumber = siap.terbit, siap.sumber
        unit_pd = terbit.unit_nomor
        pola, klasifikasi = self._pola_dan_klasifikasi(jenis, unit_pd.id)
        if sumber[0] == "permohonan" and sumber[1] is not None:  # the status it answers, locked until commit
            _periksa_status(jenis, kueri.status_permohonan(sesi, sumber[1]))
        urut = kueri.nomor_berikut(sesi, klasifikasi, unit_pd.kode, tanggal.year)
        try:
            nomor = susun_nomor(
                pola, kode_klasifikasi=klasifikasi, nomor_urut=urut, kode_unit=unit_pd.kode, tahun=tanggal.year
            )
        except PolaNomorTidakSah as e:
            raise Ditolak(str(e)) from e
        konteks = _dengan_nomor(terbit.konteks, nomor)
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
            oleh_id=terbit.pegawai_id,
            aksi="surat_dibuat",
            entitas="surat",
            entitas_id=surat_id,
            jenis=jenis.value,
            nomor=nomor,
            sumber=sumber[0],
            sumber_id=sumber[1],
        )
        tertulis = None
        if folder is not None:  # the path `ekspor` takes: the registered text and context
            tertulis = _tulis(jenis.value, nomor, hasil.teks, data_konteks, folder, format)
            berkas.append(tertulis)
        return HasilSurat(surat_id, nomor, hasil.teks, siap.peringatan, tertulis)

    def jenis_surat_permohonan(self, permohonan_id: int) -> JenisSurat:
        """The letter that asks for this request (what a persetujuan or penolakan cites)."""
        p = kueri.permohonan(self.struktur.pembaca, permohonan_id, date.today().year)
        if p is None:
            raise Ditolak(f"Permohonan nomor {permohonan_id} tidak ditemukan.")
        return self._jenis_permohonan(p, self.pihak.orang(p.pegawai_id)[1])

    def penandatangan_nip(self, nip: str) -> int:
        """The pegawai id of the signer named by NIP (spaces allowed); refused when no pegawai has it."""
        bersih = "".join(nip.split())
        pegawai_id = kueri.pegawai_nip(self.struktur.pembaca, bersih)
        if pegawai_id is None:
            raise Ditolak(f"Penandatangan dengan NIP {nip} tidak ada di data pegawai; periksa NIP (18 angka).")
        return pegawai_id

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


def _orang_bergelar(nama: str, jabatan: str) -> Orang:
    """A name as written with its titles ('H. Raden Wiratmaja, S.H., M.Si.') split into gelar and name, so a
    penetapan prints it without gelar (Permendagri 1/2023 Pasal 44 ayat (1))."""
    inti, _, belakang = nama.partition(",")
    kata = inti.split()
    depan = [k for k in kata[:-1] if k.endswith(".")]
    return Orang(
        nama=" ".join(kata[len(depan) :]),
        gelar_depan=" ".join(depan),
        gelar_belakang=belakang.strip(),
        jabatan=jabatan,
    )


def _dengan_nomor(konteks, nomor: str):
    from dataclasses import replace

    return replace(konteks, kepala=replace(konteks.kepala, nomor=nomor))
