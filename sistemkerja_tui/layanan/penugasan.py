"""Penugasan requests (permohonan): submit, approve, refuse, cancel, issue the Surat Tugas.

The route of each kind of request comes from the profile (`aturan.permohonan`);
who may act on a step is worked out from the structure: the pegawai's PPK,
the head of their unit, the head of the owner unit, or the Pejabat yang
Berwenang (the Sekda) of their agency. A decision locks the request first
(`with_for_update`), so two processes never apply one step twice. Every
transition goes to `riwayat_permohonan` and to the audit trail
(`store.riwayat.catat`) in the same transaction; the member's status follows.
The SQL is in `store.kueri.permohonan`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sistemkerja_tui.aturan.enums import (
    JenisPermohonan,
    JenisUnit,
    LingkupPenugasan,
    PeranTim,
    StatusKeanggotaan,
    StatusPermohonan,
)
from sistemkerja_tui.aturan.permohonan import (  # IsiSuratPermohonan: re-exported for the forms
    Aksi,
    Alur,
    IsiSuratPermohonan,
    Keadaan,
    alur,
    status_keanggotaan,
    transisi,
)
from sistemkerja_tui.aturan.profil_model import LANGKAH_PENUGASAN, Pihak
from sistemkerja_tui.aturan.sebutan import nama_lengkap, tanggal_panjang
from sistemkerja_tui.aturan.tahap import DataKegiatan, periksa_data
from sistemkerja_tui.layanan.galat import Ditolak, tolak_jika_error
from sistemkerja_tui.store.baca import sebagai_tanggal, sebagai_waktu

if TYPE_CHECKING:
    from sistemkerja_tui.layanan.mulai import Layanan


@dataclass(frozen=True)
class DataIndividu:
    """A target for one pegawai (penugasan individu)."""

    unit_id: int  # the owner unit (pemilik kinerja)
    pegawai_id: int | None  # None in the form of a team's kegiatan
    judul: str
    indikator: str = ""
    target: str = ""
    satuan: str = ""
    mulai: date | None = None
    tenggat: date | None = None
    rencana_anggaran: int | None = None  # rupiah
    perjanjian_kinerja: str = ""  # the perjanjian kinerja the target serves


@dataclass(frozen=True)
class RingkasPermohonan:
    """A request as listed; kind, scope and status are codes (enums), the screen shows their labels."""

    id: int
    jenis: JenisPermohonan
    lingkup: LingkupPenugasan
    status: StatusPermohonan
    tim: str
    pegawai: str
    dari_unit: str
    ke_unit: str
    langkah_berikut: str
    dibuat: datetime


@dataclass(frozen=True)
class Transisi:
    waktu: datetime
    aksi: str
    dari: str
    ke: str
    oleh: str
    sebagai: str
    alasan: str
    dari_surat: str = ""  # "dari surat … nomor … tanggal …" when recorded from the answering office's letter


@dataclass(frozen=True)
class JawabanSurat:
    """The answer of another office, as its letter says: recorded by the user, not decided by them."""

    setuju: bool
    kantor: str  # the answering office, e.g. "Dinas Kesehatan"
    nomor: str  # the number on the letter received
    tanggal: date  # the date on the letter received
    alasan: str = ""  # the reason of a refusal, as the letter gives it
    berkas: str = ""  # the scan of the letter, optional


@dataclass(frozen=True)
class DetailPermohonan:
    ringkas: RingkasPermohonan
    maksud_tujuan: str
    kompetensi: str
    ekspektasi: str
    durasi: str
    catatan_lisan: str
    jawaban_ketersediaan: str
    alasan_penolakan: str | None
    tembusan: str
    rujukan: str
    riwayat: tuple[Transisi, ...]
    langkah: tuple[str, ...] = ()  # who decides, step by step


__all__ = [
    "DataIndividu",
    "DetailPermohonan",
    "IsiSuratPermohonan",
    "JawabanSurat",
    "LayananPenugasan",
    "LingkupPenugasan",
    "RingkasPermohonan",
    "StatusPermohonan",
]


class LayananPenugasan:
    def __init__(self, layanan: Layanan) -> None:
        self.layanan = layanan
        self.struktur = layanan.struktur

    # --- the parties ----------------------------------------------------------------

    def _profil(self, unit_id: int):
        return self.struktur.profil(self.struktur.unit(unit_id).instansi_id)

    def _pimpinan_unit(self, unit_id: int) -> int | None:
        for u in reversed(self.struktur.jalur_unit(unit_id)):
            if u.pimpinan is not None:
                return u.pimpinan.pegawai_id
        return None

    def _pejabat_berwenang(self, unit_id: int) -> int | None:
        """The Sekda of the agency the unit belongs to (handles cross-agency requests)."""
        instansi = self.struktur.unit(unit_id).instansi_id
        for u in self.struktur.unit_akar(instansi):
            if u.jenis is JenisUnit.SEKRETARIAT_DAERAH and u.pimpinan is not None:
                return u.pimpinan.pegawai_id
        return self._pimpinan_unit(self.struktur.jalur_unit(unit_id)[0].id)

    def pihak(self, p, pegawai_unit_id: int, pemilik_unit_id: int) -> dict[Pihak, int | None]:
        """Who each party of a request is, as a pegawai id (the requester's agency's PyB, the target's PyB)."""
        ppk = self.struktur.ppk_pegawai(p.pegawai_id).ppk if p.pegawai_id else None
        return {
            Pihak.PPK_PEGAWAI: ppk.pegawai_id if ppk else None,
            Pihak.PIMPINAN_UNIT_PEGAWAI: self._pimpinan_unit(pegawai_unit_id),
            Pihak.PIMPINAN_UNIT_PEMILIK_KINERJA: self._pimpinan_unit(pemilik_unit_id),
            Pihak.PEJABAT_BERWENANG: self._pejabat_berwenang(pemilik_unit_id),
            Pihak.PEJABAT_BERWENANG_DITUJU: self._pejabat_berwenang(pegawai_unit_id),
        }

    def _unit_pegawai(self, sesi, pegawai_id: int | None) -> int:
        """The unit of the pegawai a request names (`buat_permohonan` always names one; a foreign key)."""
        from sistemkerja_tui.store.models import Pegawai

        pegawai = sesi.get(Pegawai, pegawai_id)
        assert pegawai is not None
        return pegawai.unit_id

    def _alur(self, p) -> Alur:
        return alur(JenisPermohonan(p.jenis), LingkupPenugasan(p.lingkup), self._profil(p.dari_unit_id))

    # --- creating ------------------------------------------------------------------------

    def buat_permohonan(
        self,
        sesi,
        *,
        unit_pemilik_id: int,
        pegawai_id: int,
        lingkup: LingkupPenugasan,
        peran: PeranTim,
        uraian: str,
        isi,
        oleh_id: int | None,
        jenis: JenisPermohonan,
        tim_id: int | None = None,
        kegiatan_id: int | None = None,
        catatan_lisan: str = "",
    ) -> tuple[int, StatusKeanggotaan]:
        """Create and submit the request that assigns `pegawai_id` to a team or to a kegiatan of their own
        (called inside a use case's transaction)."""
        from sistemkerja_tui.store.models import Pegawai, Permohonan

        profil = self._profil(unit_pemilik_id)
        rute = alur(jenis, lingkup, profil)
        pegawai = sesi.get(Pegawai, pegawai_id)
        p = Permohonan(
            jenis=jenis.value,
            lingkup=lingkup.value,
            tim_id=tim_id,
            kegiatan_id=kegiatan_id,
            pegawai_id=pegawai_id,
            dari_unit_id=unit_pemilik_id,
            ke_unit_id=pegawai.unit_id,
            pemohon_id=oleh_id,
            peran=peran.value,
            uraian_peran=uraian.strip(),
            catatan_lisan=catatan_lisan.strip(),
            tembusan="\n".join(rute.tembusan),
            status=StatusPermohonan.DRAF.value,
        )
        if isi is not None:
            p.maksud_tujuan, p.kompetensi = isi.maksud_tujuan.strip(), isi.kompetensi.strip()
            p.ekspektasi, p.durasi = isi.ekspektasi.strip(), isi.durasi.strip()
            tembusan = [t.strip() for t in isi.tembusan if t.strip()]
            if tembusan:  # typed in the request form: replaces the route's copies
                p.tembusan = "\n".join(tembusan)
        hasil = transisi(
            Keadaan(StatusPermohonan.DRAF), Aksi.AJUKAN, rute, isi=isi, catatan_lisan=catatan_lisan, profil=profil
        )
        tolak_jika_error(hasil.temuan)
        sesi.add(p)
        sesi.flush()
        assert p.id is not None  # the flush gave the new row its key
        if rute.langkah:
            pihak = self.pihak(p, pegawai.unit_id, unit_pemilik_id)
            p.penerima_id = pihak.get(rute.langkah[0].pihak)
        self._terapkan(sesi, p, hasil.keadaan, Aksi.AJUKAN, oleh_id, "", "")
        return p.id, status_keanggotaan(hasil.keadaan, rute)

    def ajukan_sukarela(
        self,
        tim_id: int,
        pegawai_id: int,
        uraian_peran: str = "",
        *,
        oleh_id: int | None,
        isi=None,
        catatan_lisan: str = "",
    ) -> StatusKeanggotaan:
        """A pegawai offers themselves for a team (spoken within the unit, written across units)."""
        from sistemkerja_tui.store.db import transaksi

        tim_layanan = self.layanan.tim
        with transaksi(self.layanan.engine) as sesi:
            tim = tim_layanan._tim(sesi, tim_id)
            tim_layanan._tim_terbuka(tim)
            if tim_layanan._lingkup(tim.unit_id, pegawai_id, sesi) is LingkupPenugasan.LINTAS_INSTANSI:
                raise Ditolak(
                    "Pengajuan sukarela hanya dalam unit atau lintas unit organisasi pada instansi yang sama."
                )
            return tim_layanan._tambah(
                sesi,
                tim,
                pegawai_id,
                PeranTim.ANGGOTA,
                uraian_peran,
                isi,
                oleh_id,
                [],
                jenis=JenisPermohonan.PENGAJUAN_SUKARELA,
                catatan_lisan=catatan_lisan,
            )

    def tugaskan_individu(self, data: DataIndividu, *, oleh_id: int | None, isi=None) -> StatusKeanggotaan:
        """Assign one JF/pelaksana alone to a target (Madiun Pasal 24 ayat (1) huruf a).

        The target becomes a kegiatan of the owner unit at the planning stage;
        a pegawai from another unit or agency is asked for through a permohonan
        and the assignment waits for its approval.
        """
        from sistemkerja_tui.store.db import transaksi

        if not data.judul.strip():
            raise Ditolak("Judul target kinerja wajib diisi: tuliskan apa yang harus dicapai pegawai.")
        if data.tenggat is not None and data.mulai is not None and data.tenggat < data.mulai:
            raise Ditolak("Tenggat harus sesudah tanggal mulai; perbaiki kolom tenggat.")
        tolak_jika_error(
            periksa_data(
                DataKegiatan(
                    judul=data.judul, tenggat=data.tenggat, mulai=data.mulai, rencana_anggaran=data.rencana_anggaran
                )
            )
        )
        tim_layanan = self.layanan.tim
        ceklis, langkah = self.layanan.kegiatan.ceklis_baru(data.unit_id, mulai_di=LANGKAH_PENUGASAN)
        if data.pegawai_id is None:
            raise Ditolak("Pegawai belum dipilih; pilih pegawai dari daftar.")
        with transaksi(self.layanan.engine) as sesi:
            calon = tim_layanan.kandidat(sesi, data.pegawai_id)
            if not calon.aktif:
                raise Ditolak(f"{calon.nama} tidak aktif dan tidak dapat ditugaskan.")
            if calon.jenis.struktural:
                raise Ditolak(
                    f"{calon.nama} adalah pejabat {calon.jenis.label}; penugasan individu ditujukan "
                    "kepada Pejabat Fungsional dan/atau pelaksana (Perwal Madiun 73/2023, Pasal 22 "
                    "ayat (1) dan Pasal 24 ayat (1) huruf a)."
                )
            lingkup = tim_layanan._lingkup(data.unit_id, data.pegawai_id, sesi)
            kegiatan_id = self.layanan.kegiatan.tambah(
                sesi, data, ceklis=ceklis, sub_tahap=langkah, oleh_id=oleh_id, penugasan_individu=True
            )
            _, status = self.buat_permohonan(
                sesi,
                unit_pemilik_id=data.unit_id,
                kegiatan_id=kegiatan_id,
                pegawai_id=data.pegawai_id,
                lingkup=lingkup,
                peran=PeranTim.ANGGOTA,
                uraian=data.judul,
                isi=isi,
                oleh_id=oleh_id,
                jenis=JenisPermohonan.PENUNJUKAN,
            )
            return status

    def selaraskan_penerima(self) -> int:
        """Point every submitted request at the party of its next step (after the structure changed);
        returns how many were changed."""
        from sistemkerja_tui.store.db import transaksi
        from sistemkerja_tui.store.kueri import permohonan as kueri
        from sistemkerja_tui.store.riwayat import catat

        berubah = 0
        with transaksi(self.layanan.engine) as sesi:
            for p in kueri.diajukan_terkunci(sesi):
                rute = self._alur(p)
                if p.langkah_disetujui >= len(rute.langkah):
                    continue
                pihak = self.pihak(p, self._unit_pegawai(sesi, p.pegawai_id), p.dari_unit_id)
                penerima = pihak.get(rute.langkah[p.langkah_disetujui].pihak)
                if penerima != p.penerima_id:
                    p.penerima_id, berubah = penerima, berubah + 1
            if berubah:
                catat(
                    sesi,
                    oleh_id=None,
                    aksi="selaraskan_penerima",
                    entitas="permohonan",
                    entitas_id=None,
                    jumlah=berubah,
                )
        return berubah

    # --- deciding --------------------------------------------------------------------------

    def setujui(
        self, permohonan_id: int, *, oleh_id: int, jawaban_ketersediaan: str = "", daftar_pegawai: str = ""
    ) -> StatusPermohonan:
        return self._putuskan(
            permohonan_id,
            Aksi.SETUJUI,
            oleh_id,
            jawaban_ketersediaan=jawaban_ketersediaan,
            daftar_pegawai=daftar_pegawai,
        )

    def tolak(self, permohonan_id: int, alasan: str, *, oleh_id: int) -> StatusPermohonan:
        return self._putuskan(permohonan_id, Aksi.TOLAK, oleh_id, alasan=alasan)

    def batalkan(self, permohonan_id: int, alasan: str = "", *, oleh_id: int | None) -> StatusPermohonan:
        return self._putuskan(permohonan_id, Aksi.BATALKAN, oleh_id, alasan=alasan)

    def terbitkan_surat_tugas(self, permohonan_id: int, *, oleh_id: int | None) -> StatusPermohonan:
        return self._putuskan(permohonan_id, Aksi.TERBITKAN_SURAT_TUGAS, oleh_id)

    def catat_jawaban(
        self, permohonan_id: int, jawaban: JawabanSurat, *, oleh_id: int, hari_ini: date | None = None
    ) -> StatusPermohonan:
        """Record the awaited step's decision from the answering office's letter (mode sendiri: that head is not
        at this laptop). The step is taken as its party; the history says who recorded it, from which letter."""
        hari_ini = hari_ini or date.today()
        kantor, nomor = " ".join(jawaban.kantor.split()), " ".join(jawaban.nomor.split())
        if not kantor:
            raise Ditolak("Kantor penjawab wajib diisi: tuliskan unit atau instansi yang mengirim surat jawaban.")
        if not nomor:
            raise Ditolak("Nomor surat jawaban wajib diisi, seperti tertulis pada surat yang diterima.")
        if jawaban.tanggal > hari_ini:
            raise Ditolak("Tanggal surat jawaban tidak boleh sesudah hari ini; periksa kolom tanggal.")
        if not jawaban.setuju and not jawaban.alasan.strip():
            raise Ditolak("Alasan penolakan wajib diisi, seperti tertulis pada surat jawaban.")
        if jawaban.berkas and not Path(jawaban.berkas).expanduser().is_file():
            raise Ditolak(f"Berkas pindaian surat {jawaban.berkas} tidak ditemukan; periksa path-nya atau kosongkan.")
        surat = (kantor, nomor, jawaban.tanggal, str(Path(jawaban.berkas).expanduser()) if jawaban.berkas else None)
        return self._putuskan(
            permohonan_id,
            Aksi.SETUJUI if jawaban.setuju else Aksi.TOLAK,
            oleh_id,
            alasan=jawaban.alasan,
            dari_surat=surat,
        )

    def _putuskan(
        self,
        permohonan_id: int,
        aksi: Aksi,
        oleh_id: int | None,
        *,
        alasan: str = "",
        jawaban_ketersediaan: str = "",
        daftar_pegawai: str = "",
        dari_surat: tuple[str, str, date, str | None] | None = None,
    ) -> StatusPermohonan:
        from sistemkerja_tui.store.db import transaksi
        from sistemkerja_tui.store.kueri import permohonan as kueri
        from sistemkerja_tui.store.models import Kegiatan, Permohonan

        with transaksi(self.layanan.engine) as sesi:
            p = sesi.get(Permohonan, permohonan_id, with_for_update=True)  # the decided row, locked first
            if p is None:
                raise Ditolak(f"Permohonan nomor {permohonan_id} tidak ditemukan.")
            rute = self._alur(p)
            keadaan = Keadaan(StatusPermohonan(p.status), p.langkah_disetujui)
            sebagai = None
            if aksi in (Aksi.SETUJUI, Aksi.TOLAK) and keadaan.langkah_disetujui < len(rute.langkah):
                langkah = rute.langkah[keadaan.langkah_disetujui]
                pihak = self.pihak(p, self._unit_pegawai(sesi, p.pegawai_id), p.dari_unit_id)
                if dari_surat is not None:  # the awaited party decided, by letter; the user records it
                    if oleh_id not in pihak.values() and oleh_id != p.pemohon_id:
                        raise Ditolak(
                            "Jawaban surat dicatat oleh pimpinan yang mengajukan permohonan atau pihak lain pada "
                            "alurnya; pilih pengguna yang tepat."
                        )
                    if pihak.get(langkah.pihak) == oleh_id:
                        raise Ditolak(
                            f"Langkah ini menunggu keputusan Anda sendiri ({langkah.sebutan}): setujui atau tolak "
                            "langsung, bukan dicatat dari surat."
                        )
                    sebagai = langkah.pihak
                elif pihak.get(langkah.pihak) == oleh_id:
                    sebagai = langkah.pihak
                else:  # let the rule name the party that should act
                    sebagai = next((ph for ph, pid in pihak.items() if pid == oleh_id), None)
            daftar = daftar_pegawai or p.daftar_pegawai
            hasil = transisi(
                keadaan,
                aksi,
                rute,
                pihak_pelaku=sebagai,
                alasan=alasan,
                jawaban_ketersediaan=jawaban_ketersediaan or p.jawaban_ketersediaan,
                daftar_pegawai=tuple(n.strip() for n in daftar.splitlines() if n.strip()),
                profil=self._profil(p.dari_unit_id),
            )
            tolak_jika_error(hasil.temuan)
            if jawaban_ketersediaan:
                p.jawaban_ketersediaan = jawaban_ketersediaan.strip()
            if daftar_pegawai:
                p.daftar_pegawai = daftar_pegawai.strip()
            if aksi is Aksi.TOLAK:
                p.alasan_penolakan = alasan.strip()
            self._terapkan(sesi, p, hasil.keadaan, aksi, oleh_id, sebagai.label if sebagai else "", alasan, dari_surat)
            if rute.langkah and hasil.keadaan.langkah_disetujui < len(rute.langkah):
                berikut = rute.langkah[hasil.keadaan.langkah_disetujui].pihak
                p.penerima_id = self.pihak(p, self._unit_pegawai(sesi, p.pegawai_id), p.dari_unit_id).get(berikut)
            kueri.ikutkan_keanggotaan(sesi, permohonan_id, status_keanggotaan(hasil.keadaan, rute))
            if p.kegiatan_id is not None and aksi in (Aksi.TOLAK, Aksi.BATALKAN):
                kegiatan = sesi.get(
                    Kegiatan, p.kegiatan_id, with_for_update=True
                )  # locked after its request, never before
                assert kegiatan is not None  # permohonan.kegiatan_id is a foreign key
                kegiatan.sub_tahap = f"penugasan {hasil.keadaan.status.label.lower()}"
            return hasil.keadaan.status

    def _terapkan(
        self, sesi, p, keadaan: Keadaan, aksi: Aksi, oleh_id, sebagai: str, alasan: str, dari_surat=None
    ) -> None:
        dari = p.status
        p.status, p.langkah_disetujui = keadaan.status.value, keadaan.langkah_disetujui
        sekarang = datetime.now().replace(microsecond=0)
        if aksi is Aksi.AJUKAN:
            p.diajukan = sekarang
        elif keadaan.status in (StatusPermohonan.DISETUJUI, StatusPermohonan.DITOLAK):
            p.diputus = sekarang
        self.catat_transisi(sesi, p.id, aksi.value, dari, p.status, oleh_id, sebagai, alasan, dari_surat)

    def catat_transisi(
        self,
        sesi,
        permohonan_id: int,
        aksi: str,
        dari: str | None,
        ke: str,
        oleh_id: int | None,
        sebagai: str,
        alasan: str,
        dari_surat: tuple[str, str, date, str | None] | None = None,
    ) -> None:
        """Write one transition: the request's own history and the audit row, in `sesi`'s transaction.
        `dari_surat` (office, number, date, scan): recorded from that letter by `oleh_id`."""
        from sistemkerja_tui.store.models import RiwayatPermohonan
        from sistemkerja_tui.store.riwayat import catat

        kantor, nomor, tanggal, berkas = dari_surat or (None, None, None, None)
        sesi.add(
            RiwayatPermohonan(
                permohonan_id=permohonan_id,
                aksi=aksi,
                dari_status=dari,
                ke_status=ke,
                oleh_id=oleh_id,
                sebagai=sebagai,
                alasan=alasan.strip(),
                surat_dari=kantor,
                surat_nomor=nomor,
                surat_tanggal=tanggal,
                surat_berkas=berkas,
            )
        )
        surat = {"dicatat_dari_surat": {"kantor": kantor, "nomor": nomor, "tanggal": tanggal}} if dari_surat else {}
        catat(
            sesi,
            oleh_id=oleh_id,
            aksi=f"permohonan_{aksi}",
            entitas="permohonan",
            entitas_id=permohonan_id,
            dari=dari,
            ke=ke,
            alasan=alasan.strip(),
            **surat,
        )

    # --- reading ---------------------------------------------------------------------------

    def daftar(
        self, *, pengguna_id: int | None = None, arah: str = "semua", status: StatusPermohonan | None = None
    ) -> list[RingkasPermohonan]:
        """Requests: `masuk` = addressed to the user (those awaiting a decision first), `keluar` = asked by the
        user's units, `semua` = every request that needs a decision (penunjukan dalam unit takes effect at once)."""
        from sistemkerja_tui.store.kueri import permohonan as kueri

        saring: dict = {}
        if arah == "masuk" and pengguna_id is not None:
            saring["penerima_id"] = pengguna_id
        elif arah == "keluar" and pengguna_id is not None:
            unit = [u.id for u in self._unit_dipimpin(pengguna_id)]
            saring.update(pemohon_id=pengguna_id, unit_ids=sorted({i for u in unit for i in self.struktur.subpohon(u)}))
        return [self._ringkas(r) for r in kueri.daftar(self.struktur.pembaca, status=status, **saring)]

    def _unit_dipimpin(self, pegawai_id: int):
        return [
            u
            for i in self.struktur.instansi
            for u in self._semua_unit(i.id)
            if u.pimpinan is not None and u.pimpinan.pegawai_id == pegawai_id
        ]

    def _semua_unit(self, instansi_id: int):
        tumpuk = list(self.struktur.unit_akar(instansi_id))
        while tumpuk:
            u = tumpuk.pop()
            yield u
            tumpuk.extend(self.struktur.anak_unit(u.id))

    def _ringkas(self, r) -> RingkasPermohonan:
        berikut = ""
        if r.status == StatusPermohonan.DIAJUKAN.value and r.r_nama:
            berikut = nama_lengkap(r.r_nama, r.r_depan, r.r_belakang)
        return RingkasPermohonan(
            r.id,
            JenisPermohonan(r.jenis),
            LingkupPenugasan(r.lingkup),
            StatusPermohonan(r.status),
            r.tim or (f"Individu: {r.kegiatan}" if r.kegiatan else "—"),
            nama_lengkap(r.nama, r.gelar_depan, r.gelar_belakang) if r.nama else "—",
            self.struktur.unit(r.dari_unit_id).nama,
            self.struktur.unit(r.ke_unit_id).nama if r.ke_unit_id else "—",
            berikut,
            sebagai_waktu(r.dibuat),
        )

    def detail(self, permohonan_id: int) -> DetailPermohonan:
        from sistemkerja_tui.store.kueri import permohonan as kueri

        p = kueri.satu(self.struktur.pembaca, permohonan_id)
        if p is None:
            raise Ditolak(f"Permohonan nomor {permohonan_id} tidak ditemukan.")
        ringkas = self._ringkas(p)
        rute = self._alur(p)
        riwayat = kueri.riwayat(self.struktur.pembaca, permohonan_id)
        return DetailPermohonan(
            ringkas,
            p.maksud_tujuan,
            p.kompetensi,
            p.ekspektasi,
            p.durasi,
            p.catatan_lisan,
            p.jawaban_ketersediaan,
            p.alasan_penolakan,
            p.tembusan,
            rute.rujukan,
            tuple(
                Transisi(
                    sebagai_waktu(h.waktu),
                    Aksi(h.aksi).label if h.aksi in Aksi.kode_semua() else h.aksi,
                    StatusPermohonan(h.dari_status).label if h.dari_status else "—",
                    StatusPermohonan(h.ke_status).label,
                    nama_lengkap(h.nama, h.gelar_depan, h.gelar_belakang) if h.nama else "—",
                    h.sebagai,
                    h.alasan,
                    _dari_surat(h),
                )
                for h in riwayat
            ),
            tuple(lk.sebutan for lk in rute.langkah),
        )


def _dari_surat(h) -> str:
    """'dari surat Dinas X nomor N tanggal T' of a transition recorded from a letter, else empty."""
    if not h.surat_nomor:
        return ""
    tanggal = sebagai_tanggal(h.surat_tanggal)
    return f"dari surat {h.surat_dari} nomor {h.surat_nomor} tanggal {tanggal_panjang(tanggal) if tanggal else '-'}"
