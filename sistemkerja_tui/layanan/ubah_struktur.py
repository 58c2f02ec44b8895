"""Editing the structure by hand: add, rename, move or close a unit; set its head and a Plt./Plh.; add, edit,
move (mutasi) or deactivate a pegawai; set a PPK override with its reason.

Each public method is one transaction that writes the audit log; a refusal raises `Ditolak` naming the field and
the fix and leaves the database unchanged. Warnings (e.g. a golongan unusual for the jabatan) are returned in
`HasilUbah.peringatan`. After a change the caller calls `segarkan(hasil)` so that the tree, the tables and the search
index show it (`LayananStruktur.segarkan`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sistemkerja_tui.aturan.enums import (
    Golongan,
    GolonganPPPK,
    JenisJabatan,
    JenisPimpinanSementara,
    JenisUnit,
    Jenjang,
    Pendidikan,
    StatusASN,
)
from sistemkerja_tui.aturan.nip import NIPTidakSah, urai_nip
from sistemkerja_tui.layanan.galat import Ditolak
from sistemkerja_tui.store.kueri import ubah_struktur as kueri

if TYPE_CHECKING:
    from sistemkerja_tui.layanan.mulai import Layanan
    from sistemkerja_tui.store.models import Pegawai, UnitOrganisasi

__all__ = [  # the enums are re-exported for the TUI's forms
    "DataPegawai",
    "DataUnit",
    "Golongan",
    "GolonganPPPK",
    "HasilUbah",
    "JenisJabatan",
    "JenisPimpinanSementara",
    "JenisUnit",
    "Jenjang",
    "LayananUbahStruktur",
    "Pendidikan",
    "StatusASN",
    "kewajaran_golongan",
]

# Golongan a PNS usually holds in a jabatan (JF jenjang: PermenPANRB 1/2023 Lampiran; structural: the lowest pangkat
# of PP 11/2017 jo. PP 17/2020). Outside it is a warning, not a refusal: the data may be right and the rule old.
_RENTANG_JENJANG: dict[Jenjang, tuple[Golongan, Golongan]] = {
    Jenjang.PEMULA: (Golongan.IIA, Golongan.IIA),
    Jenjang.TERAMPIL: (Golongan.IIB, Golongan.IID),
    Jenjang.MAHIR: (Golongan.IIIA, Golongan.IIIB),
    Jenjang.PENYELIA: (Golongan.IIIC, Golongan.IIID),
    Jenjang.AHLI_PERTAMA: (Golongan.IIIA, Golongan.IIIB),
    Jenjang.AHLI_MUDA: (Golongan.IIIC, Golongan.IIID),
    Jenjang.AHLI_MADYA: (Golongan.IVA, Golongan.IVC),
    Jenjang.AHLI_UTAMA: (Golongan.IVD, Golongan.IVE),
}
_MINIMUM_STRUKTURAL: dict[JenisJabatan, Golongan] = {
    JenisJabatan.PENGAWAS: Golongan.IIIB,
    JenisJabatan.ADMINISTRATOR: Golongan.IIIC,
    JenisJabatan.JPT_PRATAMA: Golongan.IVA,
}


@dataclass(frozen=True)
class DataUnit:
    """What the unit form asks for."""

    nama: str
    jenis: JenisUnit
    kode: str
    induk_id: int | None = None  # None: a Perangkat Daerah at the top of `instansi_id`
    instansi_id: int | None = None  # default: the parent's instansi
    nama_jabatan_pimpinan: str = ""
    mandiri: bool = False


@dataclass(frozen=True)
class DataPegawai:
    """What the pegawai form asks for (the unit is chosen apart: `tambah_pegawai`, `mutasi`)."""

    nip: str
    nama: str
    golongan: str
    jenis_jabatan: JenisJabatan
    nama_jabatan: str
    pendidikan: Pendidikan
    status_asn: StatusASN = StatusASN.PNS
    jenjang: Jenjang | None = None
    gelar_depan: str = ""
    gelar_belakang: str = ""
    kelas_jabatan: int | None = None


@dataclass(frozen=True)
class HasilUbah:
    """The row changed or made, and the warnings the user should read."""

    id: int
    peringatan: tuple[str, ...] = ()
    pegawai: tuple[int, ...] = ()  # whose search row changed (`segarkan` patches them into the index)


def kewajaran_golongan(
    status: StatusASN, golongan: str, jenis: JenisJabatan, jenjang: Jenjang | None
) -> tuple[str, ...]:
    """Warnings when a PNS golongan is unusual for the jabatan (e.g. a JPT Pratama with II/a)."""
    if status is not StatusASN.PNS:
        return ()
    gol = Golongan(golongan)
    if jenis is JenisJabatan.FUNGSIONAL and jenjang is not None:
        bawah, atas = _RENTANG_JENJANG[jenjang]
        if not bawah <= gol <= atas:
            rentang = bawah.value if bawah is atas else f"{bawah.value} s.d. {atas.value}"
            pesan = f"Golongan {gol.value} tidak lazim untuk JF jenjang {jenjang.label} (biasanya {rentang})"
            return (f"{pesan}; periksa golongan atau jenjangnya.",)
    minimum = _MINIMUM_STRUKTURAL.get(jenis)
    if minimum is not None and gol < minimum:
        pesan = f"Golongan {gol.value} tidak lazim untuk jabatan {jenis.label} (paling rendah {minimum.value})"
        return (f"{pesan}; periksa golongan atau jenis jabatannya.",)
    return ()


class LayananUbahStruktur:
    def __init__(self, layanan: Layanan) -> None:
        self.layanan = layanan
        self.struktur = layanan.struktur

    def data_pegawai(self, pegawai_id: int) -> DataPegawai:
        """What the pegawai form shows when editing `pegawai_id`."""
        from sistemkerja_tui.store.kueri.struktur import detail_pegawai

        try:
            r = detail_pegawai(self.struktur.pembaca, pegawai_id)
        except LookupError:
            raise Ditolak(f"Pegawai dengan id {pegawai_id} tidak ditemukan; pilih pegawai dari daftar.") from None
        return DataPegawai(
            nip=r.nip,
            nama=r.nama,
            golongan=r.golongan,
            jenis_jabatan=JenisJabatan(r.jenis_jabatan),
            nama_jabatan=r.nama_jabatan,
            pendidikan=Pendidikan(r.pendidikan),
            status_asn=StatusASN(r.status_asn),
            jenjang=Jenjang(r.jenjang) if r.jenjang else None,
            gelar_depan=r.gelar_depan,
            gelar_belakang=r.gelar_belakang,
            kelas_jabatan=r.kelas_jabatan,
        )

    def segarkan(self, hasil: HasilUbah | None = None) -> None:
        """Make the in-memory tree and the search index show the change `hasil` (call after a use case); without
        it the whole pegawai index is rebuilt on the next search."""
        self.struktur.segarkan(hasil.pegawai if hasil is not None else None)

    # --- units ----------------------------------------------------------------

    def tambah_unit(self, data: DataUnit, *, oleh_id: int | None) -> HasilUbah:
        """A new open unit under `data.induk_id` (or at the top of `data.instansi_id`)."""
        from sistemkerja_tui.store.models import UnitOrganisasi
        from sistemkerja_tui.store.riwayat import catat

        nama, kode = _wajib(data.nama, "Nama unit", "mis. Bidang Pelayanan Kesehatan"), _kode(data.kode)
        with self.layanan.transaksi_admin("Mengubah struktur organisasi") as sesi:
            if data.induk_id is not None:
                induk = self._unit_terbuka(sesi, data.induk_id, "Unit induk", kunci=False)
                instansi_id, tingkat = induk.instansi_id, induk.tingkat + 1
            elif data.instansi_id is not None:
                instansi_id, tingkat = data.instansi_id, 0
            else:
                raise Ditolak("Unit induk: pilih unit induk, atau instansi untuk Perangkat Daerah baru.")
            if kueri.kode_terpakai(sesi, instansi_id, kode):
                raise Ditolak(f"Kode unit: kode '{kode}' sudah dipakai unit lain; pilih kode lain.")
            unit = UnitOrganisasi(
                instansi_id=instansi_id,
                induk_id=data.induk_id,
                nama=nama,
                jenis=data.jenis.value,
                tingkat=tingkat,
                kode=kode,
                nama_jabatan_pimpinan=data.nama_jabatan_pimpinan.strip(),
                mandiri=data.mandiri,
                urutan=kueri.urutan_berikut(sesi),
            )
            sesi.add(unit)
            sesi.flush()
            assert unit.id is not None  # the flush gave the new row its key
            catat(sesi, oleh_id=oleh_id, aksi="tambah_unit", entitas="unit_organisasi", entitas_id=unit.id, nama=nama)
            return HasilUbah(unit.id)

    def ubah_unit(self, unit_id: int, data: DataUnit, *, oleh_id: int | None) -> HasilUbah:
        """Rename a unit, or change its kind, code, head's title or *mandiri* (the parent: `pindah_unit`)."""
        from sistemkerja_tui.store.riwayat import catat

        nama, kode = _wajib(data.nama, "Nama unit", "mis. Bidang Pelayanan Kesehatan"), _kode(data.kode)
        with self.layanan.transaksi_admin("Mengubah struktur organisasi") as sesi:
            unit = self._unit_terbuka(sesi, unit_id, "Unit")
            if kueri.kode_terpakai(sesi, unit.instansi_id, kode, kecuali=unit_id):
                raise Ditolak(f"Kode unit: kode '{kode}' sudah dipakai unit lain; pilih kode lain.")
            sebelum = {"nama": unit.nama, "jenis": unit.jenis, "kode": unit.kode}
            unit.nama, unit.jenis, unit.kode = nama, data.jenis.value, kode
            unit.nama_jabatan_pimpinan, unit.mandiri = data.nama_jabatan_pimpinan.strip(), data.mandiri
            catat(
                sesi, oleh_id=oleh_id, aksi="ubah_unit", entitas="unit_organisasi", entitas_id=unit_id, sebelum=sebelum
            )
            return HasilUbah(unit_id)

    def ganti_nama_unit(self, unit_id: int, nama: str, *, oleh_id: int | None) -> HasilUbah:
        from sistemkerja_tui.store.riwayat import catat

        nama = _wajib(nama, "Nama unit", "mis. Bidang Pelayanan Kesehatan")
        with self.layanan.transaksi_admin("Mengubah struktur organisasi") as sesi:
            unit = self._unit_terbuka(sesi, unit_id, "Unit")
            lama, unit.nama = unit.nama, nama
            catat(
                sesi,
                oleh_id=oleh_id,
                aksi="ganti_nama_unit",
                entitas="unit_organisasi",
                entitas_id=unit_id,
                sebelum=lama,
                sesudah=nama,
            )
            return HasilUbah(unit_id)

    def pindah_unit(self, unit_id: int, induk_id: int, *, oleh_id: int | None) -> HasilUbah:
        """Put the unit (with everything beneath it) under `induk_id`; the depth of the subtree follows."""
        from sistemkerja_tui.store.riwayat import catat

        with self.layanan.transaksi_admin("Mengubah struktur organisasi") as sesi:
            unit = self._unit_terbuka(sesi, unit_id, "Unit")
            induk = self._unit_terbuka(sesi, induk_id, "Unit induk baru", kunci=False)
            if induk.instansi_id != unit.instansi_id:
                raise Ditolak("Unit induk baru: pilih unit dari instansi yang sama.")
            if unit.induk_id == induk_id:
                raise Ditolak(f"Unit induk baru: {unit.nama} sudah berada di bawah {induk.nama}.")
            bawah = kueri.subpohon(sesi, unit_id)
            if induk_id in bawah:
                raise Ditolak(
                    f"Unit induk baru: {induk.nama} berada di dalam {unit.nama} sendiri, sehingga strukturnya "
                    "melingkar; pilih unit di luar cabang ini."
                )
            lama = unit.induk_id
            kueri.geser_tingkat(sesi, bawah, induk.tingkat + 1 - unit.tingkat)
            unit.induk_id = induk_id
            catat(
                sesi,
                oleh_id=oleh_id,
                aksi="pindah_unit",
                entitas="unit_organisasi",
                entitas_id=unit_id,
                dari_induk=lama,
                ke_induk=induk_id,
            )
            return HasilUbah(unit_id)

    def tutup_unit(self, unit_id: int, *, oleh_id: int | None) -> HasilUbah:
        """Close an empty unit: it leaves the tree, its history and letters stay."""
        from sistemkerja_tui.store.riwayat import catat

        with self.layanan.transaksi_admin("Mengubah struktur organisasi") as sesi:
            unit = self._unit_terbuka(sesi, unit_id, "Unit")
            isi = kueri.isi_unit(sesi, unit_id)
            sisa = []
            if isi.pegawai:
                sisa.append(f"{isi.pegawai} pegawai aktif (pindahkan dengan Mutasi atau nonaktifkan)")
            if isi.sub:
                sisa.append(f"{isi.sub} sub-unit (pindahkan ke unit lain atau tutup lebih dahulu)")
            if sisa:
                raise Ditolak(f"{unit.nama} belum dapat ditutup: masih ada {' dan '.join(sisa)}.")
            unit.aktif = False
            catat(sesi, oleh_id=oleh_id, aksi="tutup_unit", entitas="unit_organisasi", entitas_id=unit_id)
            peringatan: tuple[str, ...] = ()
            if isi.tim:
                peringatan = (f"{unit.nama} masih memiliki {isi.tim} tim kerja yang belum dibubarkan.",)
            return HasilUbah(unit_id, peringatan)

    def tetapkan_pimpinan(self, unit_id: int, pegawai_id: int | None, *, oleh_id: int | None) -> HasilUbah:
        """Make `pegawai_id` (of the unit or a unit above it) the head; None leaves the post vacant.

        A Plt. of the unit steps down once there is a head again."""
        from sistemkerja_tui.store.riwayat import catat

        with self.layanan.transaksi_admin("Mengubah struktur organisasi") as sesi:
            unit = self._unit_terbuka(sesi, unit_id, "Unit")
            peringatan: list[str] = []
            if pegawai_id is not None:
                p = self._pegawai_aktif(sesi, pegawai_id, "Pimpinan", kunci=False)
                if p.unit_id not in kueri.jalur_atas(sesi, unit_id):
                    raise Ditolak(
                        f"Pimpinan: {p.nama} tidak berkedudukan di {unit.nama} atau unit di atasnya; mutasikan "
                        "dahulu ke unit ini, atau tetapkan sebagai Plt./Plh."
                    )
                if not JenisJabatan(p.jenis_jabatan).struktural and not unit.mandiri:
                    peringatan.append(
                        f"{p.nama} bukan pejabat struktural, sehingga tidak menjadi Pejabat Penilai Kinerja pejabat "
                        "struktural di bawahnya (kecuali pada unit kerja mandiri)."
                    )
                if unit.jenis_sementara == JenisPimpinanSementara.PLT.value:
                    unit.sementara_id, unit.jenis_sementara = None, None
                    peringatan.append("Plt. unit ini diakhiri karena jabatan pimpinannya kini terisi.")
            lama, unit.pimpinan_id = unit.pimpinan_id, pegawai_id
            catat(
                sesi,
                oleh_id=oleh_id,
                aksi="tetapkan_pimpinan_unit",
                entitas="unit_organisasi",
                entitas_id=unit_id,
                dari=lama,
                ke=pegawai_id,
            )
            return HasilUbah(unit_id, tuple(peringatan))

    def tetapkan_sementara(
        self,
        unit_id: int,
        pegawai_id: int | None,
        jenis: JenisPimpinanSementara | None = None,
        *,
        oleh_id: int | None,
    ) -> HasilUbah:
        """A Plt. (the head's post is vacant) or Plh. (the head is away) for the unit; None ends it.

        The Plt. of a vacant post acts as the PPK of the unit's staff."""
        from sistemkerja_tui.store.riwayat import catat

        with self.layanan.transaksi_admin("Mengubah struktur organisasi") as sesi:
            unit = self._unit_terbuka(sesi, unit_id, "Unit")
            peringatan: tuple[str, ...] = ()
            if pegawai_id is not None:
                if jenis is None:
                    raise Ditolak("Jenis: pilih Plt. (jabatan kosong) atau Plh. (pimpinan berhalangan sementara).")
                p = self._pegawai_aktif(sesi, pegawai_id, f"{jenis.label}", kunci=False)
                if p.unit_id not in kueri.subpohon(sesi, kueri.jalur_atas(sesi, unit_id)[-1]):
                    peringatan += (f"{jenis.label}: {p.nama} berasal dari Perangkat Daerah lain.",)
                if p.id == unit.pimpinan_id:
                    raise Ditolak(f"{jenis.label}: {p.nama} adalah pimpinan definitif unit ini; pilih pegawai lain.")
                if jenis is JenisPimpinanSementara.PLT and unit.pimpinan_id is not None:
                    raise Ditolak(
                        "Plt.: jabatan pimpinan unit ini terisi; Plt. hanya untuk jabatan yang kosong. Tetapkan Plh. "
                        "bila pimpinan berhalangan sementara, atau kosongkan pimpinan definitif lebih dahulu."
                    )
                if jenis is JenisPimpinanSementara.PLH and unit.pimpinan_id is None:
                    peringatan += ("Plh.: jabatan pimpinan unit ini kosong; untuk jabatan kosong lazimnya Plt.",)
            lama = unit.sementara_id
            unit.sementara_id = pegawai_id
            unit.jenis_sementara = jenis.value if pegawai_id is not None and jenis is not None else None
            catat(
                sesi,
                oleh_id=oleh_id,
                aksi="tetapkan_pimpinan_sementara",
                entitas="unit_organisasi",
                entitas_id=unit_id,
                dari=lama,
                ke=pegawai_id,
                jenis=unit.jenis_sementara,
            )
            return HasilUbah(unit_id, peringatan)

    # --- pegawai --------------------------------------------------------------

    def tambah_pegawai(self, data: DataPegawai, unit_id: int, *, oleh_id: int | None) -> HasilUbah:
        """A new active pegawai in `unit_id`."""
        from sistemkerja_tui.store.models import Pegawai
        from sistemkerja_tui.store.riwayat import catat

        nilai, peringatan = _periksa_pegawai(data)
        with self.layanan.transaksi_admin("Mengubah struktur organisasi") as sesi:
            self._unit_terbuka(sesi, unit_id, "Unit kerja", kunci=False)
            self._nip_baru(sesi, nilai["nip"])
            p = Pegawai(unit_id=unit_id, **nilai)
            sesi.add(p)
            sesi.flush()
            assert p.id is not None  # the flush gave the new row its key
            catat(sesi, oleh_id=oleh_id, aksi="tambah_pegawai", entitas="pegawai", entitas_id=p.id, unit_id=unit_id)
            return HasilUbah(p.id, peringatan, (p.id,))

    def ubah_pegawai(self, pegawai_id: int, data: DataPegawai, *, oleh_id: int | None) -> HasilUbah:
        """Correct a pegawai's data (the unit changes through `mutasi`)."""
        from sistemkerja_tui.store.riwayat import catat

        nilai, peringatan = _periksa_pegawai(data)
        with self.layanan.transaksi_admin("Mengubah struktur organisasi") as sesi:
            p = self._pegawai_aktif(sesi, pegawai_id, "Pegawai")
            self._nip_baru(sesi, nilai["nip"], kecuali=pegawai_id)
            berubah = sorted(k for k, v in nilai.items() if getattr(p, k) != v)
            for k, v in nilai.items():
                setattr(p, k, v)
            catat(sesi, oleh_id=oleh_id, aksi="ubah_pegawai", entitas="pegawai", entitas_id=pegawai_id, kolom=berubah)
            return HasilUbah(pegawai_id, peringatan, (pegawai_id,))

    def mutasi(self, pegawai_id: int, unit_id: int, *, oleh_id: int | None) -> HasilUbah:
        """Move the pegawai to another open unit; a unit they headed is left vacant (and said so)."""
        from sistemkerja_tui.store.riwayat import catat

        with self.layanan.transaksi_admin("Mengubah struktur organisasi") as sesi:
            p = self._pegawai_aktif(sesi, pegawai_id, "Pegawai")
            tujuan = self._unit_terbuka(sesi, unit_id, "Unit tujuan", kunci=False)
            if p.unit_id == unit_id:
                raise Ditolak(f"Unit tujuan: {p.nama} sudah berada di {tujuan.nama}; pilih unit lain.")
            peringatan = self._lepas_jabatan(sesi, p, lambda u: u.pimpinan_id == pegawai_id)
            asal, p.unit_id = p.unit_id, unit_id
            catat(
                sesi,
                oleh_id=oleh_id,
                aksi="mutasi_pegawai",
                entitas="pegawai",
                entitas_id=pegawai_id,
                dari_unit=asal,
                ke_unit=unit_id,
            )
            return HasilUbah(pegawai_id, peringatan, (pegawai_id,))

    def nonaktifkan(self, pegawai_id: int, alasan: str, *, oleh_id: int | None) -> HasilUbah:
        """Mark the pegawai no longer active (pensiun, pindah instansi, …): never deleted, history kept."""
        from sistemkerja_tui.store.riwayat import catat

        alasan = _wajib(alasan, "Alasan", "mis. pensiun, pindah instansi, meninggal dunia")
        with self.layanan.transaksi_admin("Mengubah struktur organisasi") as sesi:
            p = self._pegawai_aktif(sesi, pegawai_id, "Pegawai")
            peringatan = list(self._lepas_jabatan(sesi, p, lambda _u: True))
            n = kueri.jumlah_override_ke(sesi, pegawai_id)
            if n:
                peringatan.append(f"{n} pegawai masih menunjuk {p.nama} sebagai PPK (override); perbarui PPK mereka.")
            p.aktif, p.alasan_nonaktif = False, alasan
            catat(
                sesi,
                oleh_id=oleh_id,
                aksi="nonaktifkan_pegawai",
                entitas="pegawai",
                entitas_id=pegawai_id,
                alasan=alasan,
            )
            return HasilUbah(pegawai_id, tuple(peringatan), (pegawai_id,))

    def tetapkan_ppk(self, pegawai_id: int, ppk_id: int | None, alasan: str = "", *, oleh_id: int | None) -> HasilUbah:
        """Override the PPK the regulation gives (a delegation), with its reason; None goes back to the rule."""
        from sistemkerja_tui.store.riwayat import catat

        with self.layanan.transaksi_admin("Mengubah struktur organisasi") as sesi:
            p = self._pegawai_aktif(sesi, pegawai_id, "Pegawai")
            if ppk_id is None:
                p.ppk_override_id, p.ppk_override_alasan = None, None
            else:
                alasan = _wajib(alasan, "Alasan", "mis. pendelegasian dengan Surat Kepala Dinas Nomor …")
                if ppk_id == pegawai_id:
                    raise Ditolak("PPK: pegawai tidak dapat menjadi PPK dirinya sendiri; pilih pegawai lain.")
                self._pegawai_aktif(sesi, ppk_id, "PPK", kunci=False)
                p.ppk_override_id, p.ppk_override_alasan = ppk_id, alasan
            catat(
                sesi,
                oleh_id=oleh_id,
                aksi="tetapkan_ppk",
                entitas="pegawai",
                entitas_id=pegawai_id,
                ppk_id=ppk_id,
                alasan=alasan if ppk_id is not None else "",
            )
            return HasilUbah(pegawai_id)

    # --- helpers --------------------------------------------------------------

    def _unit_terbuka(self, sesi, unit_id: int, kolom: str, *, kunci: bool = True) -> UnitOrganisasi:
        unit = kueri.unit(sesi, unit_id, kunci=kunci)
        if unit is None:
            raise Ditolak(f"{kolom}: unit dengan id {unit_id} tidak ditemukan; pilih unit dari pohon.")
        if not unit.aktif:
            raise Ditolak(f"{kolom}: {unit.nama} sudah ditutup; pilih unit yang masih ada.")
        return unit

    def _pegawai_aktif(self, sesi, pegawai_id: int, kolom: str, *, kunci: bool = True) -> Pegawai:
        p = kueri.pegawai(sesi, pegawai_id, kunci=kunci)
        if p is None:
            raise Ditolak(f"{kolom}: pegawai dengan id {pegawai_id} tidak ditemukan; pilih pegawai dari daftar.")
        if not p.aktif:
            raise Ditolak(f"{kolom}: {p.nama} sudah tidak aktif ({p.alasan_nonaktif or 'tanpa alasan'}).")
        return p

    def _nip_baru(self, sesi, nip: str, *, kecuali: int | None = None) -> None:
        pemilik = kueri.nip_terpakai(sesi, nip, kecuali=kecuali)
        if pemilik is not None:
            raise Ditolak(f"NIP: NIP ini sudah tercatat untuk {pemilik}; periksa kembali angkanya.")

    def _lepas_jabatan(self, sesi, p: Pegawai, syarat) -> tuple[str, ...]:
        """End the head posts (and, where `syarat` says, Plt./Plh. posts) `p` holds; the warnings to show."""
        peringatan = []
        assert p.id is not None  # a stored row
        for r in kueri.unit_dipimpin(sesi, p.id):
            if not syarat(r):
                continue
            unit = kueri.unit(sesi, r.id)
            assert unit is not None  # just read
            if unit.pimpinan_id == p.id:
                unit.pimpinan_id = None
                peringatan.append(f"{unit.nama} kini tanpa pimpinan; tetapkan pimpinan baru atau Plt.")
            if unit.sementara_id == p.id:
                jenis = JenisPimpinanSementara(unit.jenis_sementara or JenisPimpinanSementara.PLT.value)
                unit.sementara_id, unit.jenis_sementara = None, None
                peringatan.append(f"{jenis.label} {unit.nama} diakhiri.")
        return tuple(peringatan)


def _wajib(teks: str, kolom: str, contoh: str) -> str:
    teks = " ".join(teks.split())
    if not teks:
        raise Ditolak(f"{kolom} wajib diisi ({contoh}).")
    return teks


def _kode(kode: str) -> str:
    kode = kode.strip()
    if not kode:
        raise Ditolak("Kode unit wajib diisi: kode yang dipakai pada nomor surat, mis. 440.1 atau DINKES.")
    if any(c.isspace() for c in kode):
        raise Ditolak(f"Kode unit '{kode}' tidak boleh memuat spasi; pakai titik atau tanda hubung.")
    return kode


def _periksa_pegawai(data: DataPegawai) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The columns to write and the warnings; `Ditolak` naming the field when a value cannot be stored."""
    try:
        nip = urai_nip(data.nip).angka
    except NIPTidakSah as e:
        raise Ditolak(f"NIP: {e.pesan}") from None
    nama = _wajib(data.nama, "Nama", "tanpa gelar, mis. Siti Aminah")
    jabatan = _wajib(data.nama_jabatan, "Nama jabatan", "mis. Perawat Ahli Pertama")
    golongan = data.golongan.strip()
    sah = Golongan if data.status_asn is StatusASN.PNS else GolonganPPPK
    if golongan not in sah.kode_semua():
        contoh = "III/b" if data.status_asn is StatusASN.PNS else "IX"
        raise Ditolak(
            f"Golongan: '{golongan or 'kosong'}' bukan golongan {data.status_asn.label}; isikan mis. {contoh}."
        )
    if data.jenis_jabatan is JenisJabatan.FUNGSIONAL and data.jenjang is None:
        raise Ditolak("Jenjang wajib diisi untuk jabatan fungsional (mis. Ahli Pertama, Terampil).")
    if data.jenis_jabatan is not JenisJabatan.FUNGSIONAL and data.jenjang is not None:
        raise Ditolak(f"Jenjang hanya untuk jabatan fungsional; kosongkan jenjang bagi {data.jenis_jabatan.label}.")
    if data.kelas_jabatan is not None and not 1 <= data.kelas_jabatan <= 17:
        raise Ditolak("Kelas jabatan harus angka 1 s.d. 17, atau dikosongkan.")
    nilai: dict[str, Any] = {
        "nip": nip,
        "nama": nama,
        "gelar_depan": data.gelar_depan.strip(),
        "gelar_belakang": data.gelar_belakang.strip(),
        "status_asn": data.status_asn.value,
        "golongan": golongan,
        "jenis_jabatan": data.jenis_jabatan.value,
        "nama_jabatan": jabatan,
        "jenjang": data.jenjang.value if data.jenjang else None,
        "kelas_jabatan": data.kelas_jabatan,
        "pendidikan": data.pendidikan.value,
    }
    return nilai, kewajaran_golongan(data.status_asn, golongan, data.jenis_jabatan, data.jenjang)
