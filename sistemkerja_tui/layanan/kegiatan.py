"""Kegiatan use cases: create, advance through the stages, review, return, notes.

Each is one transaction that locks the kegiatan it decides on before checking
it (`with_for_update`), so a step is never applied twice by two processes;
every stage transition is written to RiwayatTahap and the audit trail
(`store.riwayat.catat`) in the same transaction, and a return also leaves a
`pengembalian` note with its reason. Rules come from `aturan.tahap`; the
reviewers are the leaders of the owner unit's chain matched to the profile's
review chain. The SQL is in `store.kueri.kegiatan`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sistemkerja_tui.aturan.enums import JenisCatatan, PeranTim, Tahap
from sistemkerja_tui.aturan.profil_model import KUNCI_TAHAPAN_BAWAAN, Tahapan
from sistemkerja_tui.aturan.sebutan import baca_rupiah, rupiah  # re-exported for the screens
from sistemkerja_tui.aturan.tahap import (
    AksiTahap,
    DataKegiatan,
    KeadaanKegiatan,
    Peninjau,
    boleh_catatan,
    ke_reviu,
    peninjau,
    periksa_data,
    tahapan_dari_json,
    tahapan_ke_json,
    transisi_kegiatan,
)
from sistemkerja_tui.layanan.galat import Ditolak, tolak_jika_error
from sistemkerja_tui.store.baca import sebagai_tanggal, sebagai_waktu

if TYPE_CHECKING:
    from sistemkerja_tui.layanan.mulai import Layanan
    from sistemkerja_tui.layanan.penugasan import DataIndividu

__all__ = [
    "AksiTahap",
    "DetailKegiatan",
    "JenisCatatan",
    "KegiatanBaru",
    "LangkahCeklis",
    "LayananKegiatan",
    "Pemantauan",
    "RingkasKegiatan",
    "Tahap",
    "baca_rupiah",
    "rupiah",
]


@dataclass(frozen=True)
class KegiatanBaru:
    """A target kinerja of a tim or of one pegawai, owned by a unit."""

    unit_id: int
    judul: str
    indikator: str = ""
    target: str = ""
    satuan: str = ""
    tim_id: int | None = None
    pegawai_id: int | None = None
    mulai: date | None = None
    tenggat: date | None = None
    rencana_anggaran: int | None = None
    perjanjian_kinerja: str = ""


@dataclass(frozen=True)
class RingkasKegiatan:
    id: int
    judul: str
    tahap: Tahap  # a code: the board puts the card in its column, the label is the widget's
    keadaan: str
    tenggat: date | None
    progres: int
    peninjau_kini: str


@dataclass(frozen=True)
class Pemantauan:
    """What the unit head watches: stages, what is late or returned, what waits for them, the load."""

    per_tahap: tuple[tuple[str, int], ...]
    terlambat: tuple[RingkasKegiatan, ...]
    dikembalikan: tuple[RingkasKegiatan, ...]
    menunggu_saya: tuple[RingkasKegiatan, ...]
    beban: tuple[tuple[str, int, bool], ...]  # (nama, active teams, above average), heaviest first
    rata_rata_beban: float


@dataclass(frozen=True)
class LangkahCeklis:
    """One line of a kegiatan's checklist: a step of its unit type's mechanism or a review."""

    label: str
    pelaku: str
    lewat: bool
    kini: bool


@dataclass(frozen=True)
class DetailKegiatan:
    ringkas: RingkasKegiatan
    indikator: str
    target: str
    satuan: str
    mulai: date | None
    unit: str  # owner unit (pemilik kinerja)
    rencana_anggaran: int | None
    perjanjian_kinerja: str
    ceklis: tuple[LangkahCeklis, ...]  # in order
    dasar_ceklis: str  # the passage the steps come from
    lini_masa: tuple[tuple[datetime, str, str], ...]  # (waktu, apa, siapa/alasan), newest first


@lru_cache(maxsize=256)
def _baca_ceklis(teks: str) -> tuple[str, Tahapan] | None:
    """Parsed once per distinct checklist (kegiatan of one unit type share it)."""
    return tahapan_dari_json(teks)


class LayananKegiatan:
    def __init__(self, layanan: Layanan) -> None:
        self.layanan = layanan
        self.struktur = layanan.struktur

    def _ke_atas(self, unit_id: int):
        """The unit and those above it (own unit first), and its instansi's profile."""
        return list(reversed(self.struktur.jalur_unit(unit_id))), self.struktur.profil(
            self.struktur.unit(unit_id).instansi_id
        )

    def peninjau(
        self,
        unit_id: int,
        tim_id: int | None = None,
        pemegang: Mapping[int, Mapping[PeranTim, tuple[int, str]]] | None = None,
    ) -> tuple[Peninjau, ...]:
        """The review chain of a unit's kegiatan (of team `tim_id`, if it is a team's), nearest reviewer first.

        A step for a role of the team (Madiun Setda: the Koordinator Tim Kerja) is the team's holder of it, read
        from `pemegang` (team → role → (pegawai id, jabatan), `_pemegang` for many rows at once) or else queried."""
        units, profil = self._ke_atas(unit_id)
        milik_tim: Mapping[PeranTim, tuple[int, str]] = {}
        if tim_id is not None:
            peran = [x.peran for x in profil.alur_reviu([u.jenis for u in units]).langkah if x.peran is not None]
            if peran:
                milik_tim = (pemegang if pemegang is not None else self._pemegang([tim_id], peran)).get(tim_id, {})
        return peninjau(
            [(u.jenis, u.pimpinan.pegawai_id if u.pimpinan else None, u.jabatan_pimpinan) for u in units],
            profil,
            milik_tim,
        )

    def _pemegang(
        self, tim_ids: Iterable[int], peran: Iterable[PeranTim] = (PeranTim.KOORDINATOR,)
    ) -> dict[int, dict[PeranTim, tuple[int, str]]]:
        """team → role → (pegawai id, jabatan) of the active holders of `peran` in these teams (one query)."""
        from sistemkerja_tui.store.kueri import kegiatan as kueri

        hasil: dict[int, dict[PeranTim, tuple[int, str]]] = {}
        ids = sorted(set(tim_ids))
        if ids:
            for r in kueri.pemegang_peran(self.struktur.pembaca, ids, [p.value for p in set(peran)]):
                hasil.setdefault(r.tim_id, {})[PeranTim(r.peran)] = (r.id, r.nama_jabatan)
        return hasil

    def _pemegang_baris(self, rows: Iterable[Any]) -> dict[int, dict[PeranTim, tuple[int, str]]]:
        """`_pemegang` for the teams of the rows in review (the only ones whose reviewers are read)."""
        return self._pemegang(r.tim_id for r in rows if r.tim_id is not None and r.tahap == Tahap.EVALUASI.value)

    def tahapan_unit(self, unit_id: int) -> tuple[str, Tahapan]:
        """The perencanaan/pelaksanaan steps the profile lists for this unit's type, and that type."""
        units, profil = self._ke_atas(unit_id)
        return profil.tahapan_untuk([u.jenis for u in units])

    def ceklis_baru(self, unit_id: int, *, mulai_di: str | None = None) -> tuple[str, str]:
        """(`ceklis` JSON, first sub-step) for a new kegiatan of this unit; `mulai_di` a step key
        (a penugasan individu starts at `penugasan`)."""
        kunci, tahapan = self.tahapan_unit(unit_id)
        return tahapan_ke_json(kunci, tahapan), mulai_di or tahapan.perencanaan[0].kunci

    def _tahapan(self, k) -> Tahapan:
        """The steps a kegiatan was planned with; the profile's baseline for one saved before they were kept."""
        tersimpan = _baca_ceklis(k.ceklis)
        if tersimpan is not None:
            return tersimpan[1]
        return self.struktur.profil(self.struktur.unit(k.unit_id).instansi_id).tahapan[KUNCI_TAHAPAN_BAWAAN]

    @staticmethod
    def _keadaan(k) -> KeadaanKegiatan:
        return KeadaanKegiatan(Tahap(k.tahap), k.sub_tahap, ke_reviu(k.sub_tahap))

    @staticmethod
    def _data(k) -> DataKegiatan:
        return DataKegiatan(
            judul=k.judul,
            indikator=k.indikator,
            target=k.target,
            satuan=k.satuan,
            tenggat=sebagai_tanggal(k.tenggat),
            mulai=sebagai_tanggal(k.mulai),
            progres=k.progres,
        )

    def buat(self, data: KegiatanBaru, *, oleh_id: int | None) -> int:
        from sistemkerja_tui.store.db import transaksi

        if (data.tim_id is None) == (data.pegawai_id is None):
            raise Ditolak("Kegiatan milik sebuah tim atau seorang pegawai (penugasan individu); pilih salah satu.")
        tolak_jika_error(
            periksa_data(
                DataKegiatan(
                    judul=data.judul,
                    indikator=data.indikator,
                    target=data.target,
                    satuan=data.satuan,
                    tenggat=data.tenggat,
                    mulai=data.mulai,
                    rencana_anggaran=data.rencana_anggaran,
                )
            )
        )
        ceklis, awal = self.ceklis_baru(data.unit_id)
        with transaksi(self.layanan.engine) as sesi:
            return self.tambah(sesi, data, ceklis=ceklis, sub_tahap=awal, oleh_id=oleh_id)

    def tambah(
        self,
        sesi,
        data: KegiatanBaru | DataIndividu,
        *,
        ceklis: str,
        sub_tahap: str,
        oleh_id: int | None,
        **audit: object,
    ) -> int:
        """Insert the kegiatan of `data` (already checked) in the open transaction `sesi` at the planning stage's
        `sub_tahap`, with its first history row and its audit record (`audit`: more fields for that record)."""
        from sistemkerja_tui.store.models import Kegiatan, RiwayatTahap
        from sistemkerja_tui.store.riwayat import catat

        k = Kegiatan(
            unit_id=data.unit_id,
            tim_id=getattr(data, "tim_id", None),
            pegawai_id=data.pegawai_id,
            judul=data.judul.strip(),
            indikator=data.indikator.strip(),
            target=data.target.strip(),
            satuan=data.satuan.strip(),
            mulai=data.mulai,
            tenggat=data.tenggat,
            rencana_anggaran=data.rencana_anggaran,
            perjanjian_kinerja=data.perjanjian_kinerja.strip(),
            tahap=Tahap.PERENCANAAN.value,
            sub_tahap=sub_tahap,
            ceklis=ceklis,
        )
        sesi.add(k)
        sesi.flush()
        assert k.id is not None  # the flush gave the new row its key
        sesi.add(
            RiwayatTahap(kegiatan_id=k.id, dari_tahap=None, ke_tahap=k.tahap, sub_tahap=k.sub_tahap, oleh_id=oleh_id)
        )
        catat(
            sesi,
            oleh_id=oleh_id,
            aksi="buat_kegiatan",
            entitas="kegiatan",
            entitas_id=k.id,
            tahap=k.tahap,
            sub_tahap=k.sub_tahap,
            **audit,
        )
        return k.id

    def maju(self, kegiatan_id: int, *, oleh_id: int | None) -> KeadaanKegiatan:
        """Next sub-step; from 'hasil disampaikan' into the review chain."""
        return self._ubah(kegiatan_id, AksiTahap.MAJU, oleh_id, "")

    def setujui(self, kegiatan_id: int, *, oleh_id: int) -> KeadaanKegiatan:
        """The current reviewer accepts; the last one's acceptance makes it SELESAI."""
        return self._ubah(kegiatan_id, AksiTahap.SETUJUI_REVIU, oleh_id, "")

    def kembalikan(self, kegiatan_id: int, alasan: str, *, oleh_id: int) -> KeadaanKegiatan:
        """The current reviewer returns it to pelaksanaan with a reason."""
        return self._ubah(kegiatan_id, AksiTahap.KEMBALIKAN, oleh_id, alasan)

    def _ubah(self, kegiatan_id: int, aksi: AksiTahap, oleh_id: int | None, alasan: str) -> KeadaanKegiatan:
        from sistemkerja_tui.store.db import transaksi
        from sistemkerja_tui.store.models import Catatan, Kegiatan, RiwayatTahap
        from sistemkerja_tui.store.riwayat import catat

        with transaksi(self.layanan.engine) as sesi:
            k = sesi.get(Kegiatan, kegiatan_id, with_for_update=True)
            if k is None:
                raise Ditolak(f"Kegiatan dengan id {kegiatan_id} tidak ditemukan.")
            hasil = transisi_kegiatan(
                self._keadaan(k),
                aksi,
                tahapan=self._tahapan(k),
                peninjau=self.peninjau(k.unit_id, k.tim_id),
                pelaku_id=oleh_id,
                alasan=alasan,
                data=self._data(k),
            )
            tolak_jika_error(hasil.temuan)
            dari, dari_sub = k.tahap, k.sub_tahap
            k.tahap, k.sub_tahap = hasil.keadaan.tahap.value, hasil.keadaan.sub_tahap
            if hasil.selesai:
                k.progres = 100
            sesi.add(
                RiwayatTahap(
                    kegiatan_id=kegiatan_id,
                    dari_tahap=dari,
                    ke_tahap=k.tahap,
                    sub_tahap=k.sub_tahap,
                    oleh_id=oleh_id,
                    alasan=alasan.strip(),
                )
            )
            if aksi is AksiTahap.KEMBALIKAN:
                sesi.add(
                    Catatan(
                        kegiatan_id=kegiatan_id,
                        jenis=JenisCatatan.PENGEMBALIAN.value,
                        isi=alasan.strip(),
                        penulis_id=oleh_id,
                    )
                )
            catat(
                sesi,
                oleh_id=oleh_id,
                aksi=f"kegiatan_{aksi.value}",
                entitas="kegiatan",
                entitas_id=kegiatan_id,
                dari=f"{dari}/{dari_sub}",
                ke=f"{k.tahap}/{k.sub_tahap}",
                alasan=alasan.strip(),
            )
            return hasil.keadaan

    def catat(
        self,
        kegiatan_id: int,
        jenis: JenisCatatan,
        isi: str,
        *,
        oleh_id: int | None,
        rekomendasi: str = "",
        progres: int | None = None,
    ) -> None:
        """A laporan berkala, umpan balik, kendala (with rekomendasi), or a request for a report."""
        from sistemkerja_tui.store.db import transaksi
        from sistemkerja_tui.store.models import Catatan, Kegiatan
        from sistemkerja_tui.store.riwayat import catat

        if not isi.strip():
            raise Ditolak("Isi catatan wajib diisi.")
        if jenis is JenisCatatan.KENDALA and not rekomendasi.strip():
            raise Ditolak(
                "Kendala disertai alternatif rekomendasi untuk diputuskan (Perwal Madiun 73/2023, "
                "Pasal 33 ayat (3) dan ayat (4)); isi kolom rekomendasi."
            )
        if progres is not None and not 0 <= progres <= 100:
            raise Ditolak("Progres harus antara 0 dan 100 persen.")
        with transaksi(self.layanan.engine) as sesi:
            k = sesi.get(Kegiatan, kegiatan_id, with_for_update=True)
            if k is None:
                raise Ditolak(f"Kegiatan dengan id {kegiatan_id} tidak ditemukan.")
            tolak_jika_error([t for t in (boleh_catatan(self._keadaan(k), jenis),) if t is not None])
            sesi.add(
                Catatan(
                    kegiatan_id=kegiatan_id,
                    jenis=jenis.value,
                    isi=isi.strip(),
                    rekomendasi=rekomendasi.strip(),
                    progres=progres,
                    penulis_id=oleh_id,
                )
            )
            if progres is not None:
                k.progres = progres
            catat(
                sesi,
                oleh_id=oleh_id,
                aksi=f"catatan_{jenis.value}",
                entitas="kegiatan",
                entitas_id=kegiatan_id,
                progres=progres,
            )

    def _ringkas(self, r, pemegang: Mapping[int, Mapping[PeranTim, tuple[int, str]]] | None = None) -> RingkasKegiatan:
        """A row of `store.kueri.kegiatan` as the board shows it."""
        keadaan = self._keadaan(r)
        daftar = self.peninjau(r.unit_id, r.tim_id, pemegang) if keadaan.tahap is Tahap.EVALUASI else ()
        kini = daftar[keadaan.reviu_ke - 1].nama_tampil if daftar and keadaan.reviu_ke else ""
        return RingkasKegiatan(
            r.id,
            r.judul,
            keadaan.tahap,
            keadaan.uraian(self._tahapan(r), daftar),
            sebagai_tanggal(r.tenggat),
            r.progres,
            kini,
        )

    def _giliran(
        self, r, pegawai_id: int, pemegang: Mapping[int, Mapping[PeranTim, tuple[int, str]]] | None = None
    ) -> bool:
        """Whether the current review step of kegiatan row `r` belongs to `pegawai_id`."""
        keadaan = self._keadaan(r)
        if keadaan.tahap is not Tahap.EVALUASI or not keadaan.reviu_ke:
            return False
        daftar = self.peninjau(r.unit_id, r.tim_id, pemegang)
        return len(daftar) >= keadaan.reviu_ke and daftar[keadaan.reviu_ke - 1].pegawai_id == pegawai_id

    def daftar(
        self, *, unit_id: int | None = None, tim_id: int | None = None, pegawai_id: int | None = None
    ) -> list[RingkasKegiatan]:
        """Kegiatan of a unit (and beneath), optionally of one tim or one person (own or as a team member)."""
        from sistemkerja_tui.store.kueri import kegiatan as kueri

        unit = self.struktur.subpohon(unit_id) if unit_id is not None else None
        rows = kueri.daftar(self.struktur.pembaca, unit_ids=unit, tim_id=tim_id, pegawai_id=pegawai_id)
        pemegang = self._pemegang_baris(rows)
        return [self._ringkas(r, pemegang) for r in rows]

    def pemantauan(self, unit_id: int, pengguna_id: int | None, hari_ini: date | None = None) -> Pemantauan:
        """The dashboard of a unit (and beneath): counts per stage, overdue, returned, my reviews, load
        (Perwal Madiun 73/2023 Pasal 49-50)."""
        from sistemkerja_tui.store.kueri import kegiatan as kueri

        rows = kueri.daftar(
            self.struktur.pembaca, unit_ids=self.struktur.subpohon(unit_id), hari_ini=hari_ini or date.today()
        )
        pemegang = self._pemegang_baris(rows)
        daftar = [(r, self._ringkas(r, pemegang)) for r in rows]
        beban = self.layanan.tim.beban_kerja(unit_id, batas=10)
        return Pemantauan(
            per_tahap=tuple((t.label, sum(r.tahap == t.value for r, _ in daftar)) for t in Tahap),
            terlambat=tuple(k for r, k in daftar if r.terlambat),
            dikembalikan=tuple(k for r, k in daftar if r.dikembalikan),
            menunggu_saya=tuple(
                k for r, k in daftar if pengguna_id is not None and self._giliran(r, pengguna_id, pemegang)
            ),
            beban=tuple((p.nama, p.tim, p.di_atas_rata_rata) for p in beban.pegawai),
            rata_rata_beban=beban.rata_rata,
        )

    def detail(self, kegiatan_id: int) -> DetailKegiatan:
        """Fields, the checklist of sub-steps and the timeline (stage changes and notes, newest first)."""
        from sistemkerja_tui.aturan.enums import JenisCatatan as Jenis
        from sistemkerja_tui.aturan.sebutan import nama_lengkap
        from sistemkerja_tui.aturan.tahap import cari_langkah, label_sub_tahap, sub_tahap
        from sistemkerja_tui.store.kueri import kegiatan as kueri

        k = kueri.satu(self.struktur.pembaca, kegiatan_id)
        if k is None:
            raise Ditolak(f"Kegiatan dengan id {kegiatan_id} tidak ditemukan.")
        keadaan = self._keadaan(k)
        daftar = self.peninjau(k.unit_id, k.tim_id)
        tahapan = self._tahapan(k)
        urutan = [s for t in Tahap for s in sub_tahap(tahapan, t, len(daftar))]
        posisi = urutan.index(keadaan.sub_tahap) if keadaan.sub_tahap in urutan else 0

        def pelaku(sub: str) -> str:
            langkah = cari_langkah(tahapan, sub)
            if langkah is not None:
                return langkah.pelaku
            ke = ke_reviu(sub)
            return daftar[ke - 1].jabatan if 1 <= ke <= len(daftar) else ""

        ceklis = tuple(
            LangkahCeklis(
                label_sub_tahap(s, tahapan, daftar),
                pelaku(s),
                i < posisi or keadaan.selesai,
                i == posisi and not keadaan.selesai,
            )
            for i, s in enumerate(urutan)
            if s != "selesai"
        )
        lini = [
            (
                sebagai_waktu(h.waktu),
                f"{Tahap(h.ke_tahap).label}: {label_sub_tahap(h.sub_tahap, tahapan, daftar)}",
                nama_lengkap(h.nama, h.depan, h.belakang) + (f" — {h.alasan}" if h.alasan else ""),
            )
            for h in kueri.riwayat_tahap(self.struktur.pembaca, kegiatan_id)
        ]
        lini += [
            (
                sebagai_waktu(c.waktu),
                f"{Jenis(c.jenis).label}: {c.isi}",
                nama_lengkap(c.nama, c.depan, c.belakang)
                + (f" — rekomendasi: {c.rekomendasi}" if c.rekomendasi else ""),
            )
            for c in kueri.catatan(self.struktur.pembaca, kegiatan_id)
        ]
        dasar = "; ".join(dict.fromkeys((tahapan.rujukan, *(p.rujukan for p in daftar[:1]))))
        return DetailKegiatan(
            self._ringkas(k),
            k.indikator,
            k.target,
            k.satuan,
            sebagai_tanggal(k.mulai),
            self.struktur.unit(k.unit_id).nama,
            k.rencana_anggaran,
            k.perjanjian_kinerja,
            ceklis,
            dasar,
            tuple(sorted(lini, key=lambda x: x[0], reverse=True)),
        )

    def menunggu_reviu(self, pegawai_id: int) -> list[int]:
        """Kegiatan whose current review step belongs to `pegawai_id`."""
        from sistemkerja_tui.store.kueri import kegiatan as kueri

        rows = kueri.dalam_evaluasi(self.struktur.pembaca)
        pemegang = self._pemegang_baris(rows)
        return [r.id for r in rows if self._giliran(r, pegawai_id, pemegang)]
