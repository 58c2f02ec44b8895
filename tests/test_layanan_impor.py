"""Import use cases on a real database: rows built as the readers yield them (`impor.model`), fictional people."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import pytest
from tests.bantu import sidik
from tests.bantu import sql as _sql
from tests.berkas_impor import PegawaiFiktif, UnitFiktif, pegawai_fiktif, ubah, unit_fiktif

from sistemkerja_tui.aturan.enums import JenisUnit, Pendidikan, PeranTim, StatusKeanggotaan, StatusTim
from sistemkerja_tui.impor.model import BarisPegawai, BarisUnit, HasilBaca, Penolakan
from sistemkerja_tui.layanan.galat import Ditolak
from sistemkerja_tui.layanan.impor import ImporDibatalkan, buat_kode, tulis_laporan
from sistemkerja_tui.layanan.mulai import Layanan, buka_database

PEMETAAN = {
    "NIP BARU": "nip",
    "PNS ID": "pns_id",
    "NAMA": "nama",
    "GELAR DEPAN": "gelar_depan",
    "GELAR BELAKANG": "gelar_belakang",
    "GOL AKHIR NAMA": "golongan",
    "JABATAN NAMA": "nama_jabatan",
    "TINGKAT PENDIDIKAN ID": "pendidikan",
    "UNOR ID": "unit_sumber_id",
    "UNOR NAMA": "unit_nama",
}
_JENIS = (
    ("Dinas", JenisUnit.DINAS),
    ("Sekretariat", JenisUnit.SEKRETARIAT),
    ("Subbagian", JenisUnit.SUBBAGIAN),
    ("Bidang", JenisUnit.BIDANG),
    ("Seksi", JenisUnit.SEKSI),
    ("UPTD Puskesmas", JenisUnit.PUSKESMAS),
    ("RSUD", JenisUnit.RSUD),
)


def baris_unit(unit: Sequence[UnitFiktif], pimpinan: dict[str, str] | None = None) -> HasilBaca[BarisUnit]:
    """Unit rows as a ref-unor reader yields them; `pimpinan` = {unit id: PNS ID of its head}."""
    rows = [
        BarisUnit(
            baris=i,
            sumber_id=u.id,
            nama=u.nama,
            induk_sumber_id=u.induk_id or None,
            jenis=next(j for awal, j in _JENIS if u.nama.startswith(awal)),
            jenis_ditebak=True,
            nama_jabatan_pimpinan=u.nama_jabatan,
            pimpinan_pns_id=(pimpinan or {}).get(u.id),
        )
        for i, u in enumerate(unit, 2)
    ]
    return HasilBaca("unor.csv", 1, {"Id": "sumber_id", "NamaUnor": "nama"}, baris=rows, jumlah_baris=len(rows))


def baris_pegawai(p: PegawaiFiktif, baris: int) -> BarisPegawai:
    return BarisPegawai(
        baris=baris,
        nip=p.nip,
        nama=p.nama,
        status_asn=p.status_asn,
        golongan=p.golongan,
        jenis_jabatan=p.jenis_jabatan,
        nama_jabatan=p.jabatan_nama,
        jenjang=p.jenjang,
        pendidikan=p.pendidikan,
        pns_id=p.pns_id,
        gelar_depan=p.gelar_depan,
        gelar_belakang=p.gelar_belakang,
        unit_sumber_id=p.unor_id,
        unit_nama=p.unor_nama,
    )


def hasil_pegawai(pegawai: Sequence[PegawaiFiktif], ditolak: Sequence[Penolakan] = ()) -> HasilBaca[BarisPegawai]:
    rows = [baris_pegawai(p, i) for i, p in enumerate(pegawai, 2)]
    return HasilBaca(
        "siasn.csv", 1, dict(PEMETAAN), baris=rows, ditolak=list(ditolak), jumlah_baris=len(rows) + len(ditolak)
    )


@dataclass
class Pemda:
    url: str
    layanan: Layanan

    def buka_lagi(self) -> None:
        self.layanan.tutup()
        self.layanan = buka_database(self.url, demo_jika_kosong=False).layanan

    def sidik(self) -> str:
        """The database's digest with every connection closed (SQLite: the WAL checkpointed into the file)."""
        self.layanan.tutup()
        hasil = sidik(self.url)
        self.layanan = buka_database(self.url, demo_jika_kosong=False).layanan
        return hasil

    def sql(self, query: str, *param: object) -> list[tuple]:
        return _sql(self.url, query, *param)


UNIT = unit_fiktif()
NAMA_UNIT = {u.id: u.nama for u in UNIT}


@pytest.fixture
def pemda(db_url) -> Iterator[Pemda]:
    """An instansi with the fictional Dinas Kesehatan tree imported through `terapkan_unit`."""
    from sistemkerja_tui.store.db import siapkan_database, transaksi
    from sistemkerja_tui.store.models import Instansi

    engine = siapkan_database(db_url)
    with transaksi(engine) as sesi:
        sesi.add(Instansi(nama="Pemerintah Kabupaten Fiktif", jenis="kabupaten", profil="umum"))
    engine.dispose()
    p = Pemda(db_url, buka_database(db_url, demo_jika_kosong=False).layanan)
    hasil = p.layanan.impor.terapkan_unit(baris_unit(UNIT), oleh_id=None)
    assert hasil.baru == len(UNIT)
    yield p
    p.layanan.tutup()


@pytest.fixture
def pemda_kosong(db_url) -> Iterator[Pemda]:
    """An instansi without units (what `sistemkerja init` leaves)."""
    from sistemkerja_tui.store.db import siapkan_database, transaksi
    from sistemkerja_tui.store.models import Instansi

    engine = siapkan_database(db_url)
    with transaksi(engine) as sesi:
        sesi.add(Instansi(nama="Pemerintah Kabupaten Fiktif", jenis="kabupaten", profil="umum"))
    engine.dispose()
    p = Pemda(db_url, buka_database(db_url, demo_jika_kosong=False).layanan)
    yield p
    p.layanan.tutup()


def pegawai(n: int = 20) -> list[PegawaiFiktif]:
    return pegawai_fiktif(n, NAMA_UNIT, seed=7)


def test_unit_menjadi_pohon_dengan_kode_dan_sumber(pemda):
    rows = pemda.sql("SELECT nama, induk_id, tingkat, kode, sumber_id, jenis, id FROM unit_organisasi ORDER BY id")
    per_id = {r[6]: r for r in rows}
    assert [r[0] for r in rows] == [u.nama for u in UNIT]
    dinas = rows[0]
    assert dinas[1] is None and dinas[2] == 1 and dinas[5] == "dinas"
    seksi = next(r for r in rows if r[0].startswith("Seksi"))
    assert seksi[2] == 3 and per_id[per_id[seksi[1]][1]][0] == "Dinas Kesehatan"
    assert len({r[3] for r in rows}) == len(rows) and all(r[3] for r in rows)
    assert {r[4] for r in rows} == {u.id for u in UNIT}
    # the tree is in memory without a restart
    akar = pemda.layanan.struktur.unit_akar(pemda.layanan.struktur.instansi[0].id)
    assert [u.nama for u in akar] == ["Dinas Kesehatan"]


def test_impor_unit_ulang_tidak_mengubah_apa_pun(pemda):
    p = pemda.layanan.impor.pratinjau_unit(baris_unit(UNIT))
    assert (len(p.baru), len(p.diubah), p.tetap) == (0, 0, len(UNIT))
    assert any("ditebak" in w for w in p.peringatan)


def test_kode_unit_unik_per_instansi():
    assert buat_kode("Dinas Kesehatan", set()) == "DINKES"
    assert buat_kode("Dinas Kesehatan", {"DINKES"}) == "DINKES2"


def test_pratinjau_menghitung_baru_ubah_tetap_hilang_tanpa_menulis(pemda):
    semua = pegawai(20)
    pemda.layanan.impor.terapkan_pegawai(hasil_pegawai(semua[:18]), oleh_id=None, lewati_galat=False, penuh=False)
    sekda = [u.id for u in UNIT]
    berkas = [
        ubah(semua[0], unor_id=sekda[6], unor_nama=NAMA_UNIT[sekda[6]]) if semua[0].unor_id != sekda[6] else semua[0],
        ubah(semua[1], golongan="III/d" if semua[1].golongan != "III/d" else "IV/a", status_asn=semua[1].status_asn),
        *semua[2:15],
        *semua[18:20],
    ]
    if berkas[1].status_asn.value == "pppk":
        berkas[1] = ubah(semua[1], golongan="XI" if semua[1].golongan != "XI" else "X")
    sebelum = pemda.sidik()
    p = pemda.layanan.impor.pratinjau_pegawai(hasil_pegawai(berkas), penuh=True)
    assert len(p.baru) == 2
    assert len(p.diubah) == 2 and p.tetap == 13
    assert {h.nama for h in p.hilang} == {
        f"{q.gelar_depan} {q.nama}".strip() + (f", {q.gelar_belakang}" if q.gelar_belakang else "")
        for q in semua[15:18]
    }
    mutasi = next(u for u in p.diubah if u.baris == 2)
    assert ("Unit", NAMA_UNIT[semua[0].unor_id], NAMA_UNIT[sekda[6]]) in mutasi.kolom
    assert [k[0] for k in next(u for u in p.diubah if u.baris == 3).kolom] == ["Golongan"]
    assert not p.ada_galat
    assert pemda.sidik() == sebelum
    tidak_penuh = pemda.layanan.impor.pratinjau_pegawai(hasil_pegawai(berkas), penuh=False)
    assert tidak_penuh.hilang == []


def _tim_dengan(pemda: Pemda, pegawai_id: int, unit_id: int) -> None:
    from datetime import date

    from sistemkerja_tui.store.db import transaksi
    from sistemkerja_tui.store.models import Keanggotaan, TimKerja

    with transaksi(pemda.layanan.engine) as sesi:
        tim = TimKerja(
            unit_id=unit_id,
            nama="Tim Percepatan Fiktif",
            jenis_pembentukan="insidental",
            sasaran="intervensi",
            mulai=date(2026, 1, 1),
            selesai=date(2026, 12, 31),
            status=StatusTim.AKTIF.value,
        )
        sesi.add(tim)
        sesi.flush()
        assert tim.id is not None
        sesi.add(
            Keanggotaan(
                tim_id=tim.id, pegawai_id=pegawai_id, peran=PeranTim.ANGGOTA.value, status=StatusKeanggotaan.AKTIF.value
            )
        )


def test_impor_ulang_mutasi_golongan_dan_pensiun(pemda):
    semua = pegawai(12)
    pemda.layanan.impor.terapkan_pegawai(hasil_pegawai(semua), oleh_id=None, lewati_galat=False, penuh=False)
    assert pemda.sql("SELECT COUNT(*) FROM pegawai WHERE aktif")[0][0] == 12
    pns = [i for i, q in enumerate(semua) if q.status_asn.value == "pns"]
    i_mutasi, i_gol, i_pensiun = pns[0], pns[1], pns[2]
    tujuan = next(u for u in UNIT if u.id != semua[i_mutasi].unor_id)
    golongan_baru = "IV/b" if semua[i_gol].golongan != "IV/b" else "IV/c"
    ((pensiun_id, unit_pensiun),) = pemda.sql("SELECT id, unit_id FROM pegawai WHERE nip = ?", semua[i_pensiun].nip)
    _tim_dengan(pemda, pensiun_id, unit_pensiun)
    berkas = list(semua)
    berkas[i_mutasi] = ubah(semua[i_mutasi], unor_id=tujuan.id, unor_nama=tujuan.nama)
    berkas[i_gol] = ubah(semua[i_gol], golongan=golongan_baru)
    del berkas[i_pensiun]

    hasil = pemda.layanan.impor.terapkan_pegawai(
        hasil_pegawai(berkas), oleh_id=None, lewati_galat=False, penuh=True, alasan_nonaktif="pensiun"
    )
    assert (hasil.baru, hasil.diubah, hasil.dinonaktifkan) == (0, 2, 1)
    assert pemda.sql("SELECT u.sumber_id FROM pegawai p JOIN unit_organisasi u ON u.id = p.unit_id WHERE p.nip = ?",
                     semua[i_mutasi].nip) == [(tujuan.id,)]  # fmt: skip
    assert pemda.sql("SELECT golongan FROM pegawai WHERE nip = ?", semua[i_gol].nip) == [(golongan_baru,)]
    # never deleted: inactive with the reason, the team membership kept and flagged
    assert pemda.sql("SELECT aktif, alasan_nonaktif FROM pegawai WHERE id = ?", pensiun_id) == [(0, "pensiun")]
    assert pemda.sql("SELECT COUNT(*) FROM keanggotaan WHERE pegawai_id = ?", pensiun_id) == [(1,)]
    assert [(a.pegawai_id, a.tim, a.alasan) for a in hasil.anggota_nonaktif] == [
        (pensiun_id, "Tim Percepatan Fiktif", "pensiun")
    ]
    assert [a.pegawai_id for a in pemda.layanan.impor.anggota_nonaktif(unit_pensiun)] == [pensiun_id]
    # one audit summary per changed pegawai, one per deactivation, one for the run
    aksi = [r[0] for r in pemda.sql("SELECT aksi FROM riwayat WHERE aksi LIKE '%pegawai' ORDER BY id")]
    assert aksi.count("impor_ubah_pegawai") == 2 and aksi.count("nonaktifkan_pegawai") == 1
    assert aksi.count("impor_pegawai") == 2
    # the search index and page counts follow without a restart
    struktur = pemda.layanan.struktur
    assert [h.unit for h in struktur.cari(semua[i_mutasi].nip)] == [tujuan.nama]
    assert all(h.pegawai_id != pensiun_id for h in struktur.cari(semua[i_pensiun].nip))
    # the same file again changes nothing
    lagi = pemda.layanan.impor.pratinjau_pegawai(hasil_pegawai(berkas), penuh=True)
    assert (len(lagi.baru), len(lagi.diubah), lagi.tetap, len(lagi.hilang)) == (0, 0, 11, 0)


def test_pegawai_kembali_diaktifkan(pemda):
    semua = pegawai(5)
    impor = pemda.layanan.impor
    impor.terapkan_pegawai(hasil_pegawai(semua), oleh_id=None, lewati_galat=False, penuh=False)
    impor.terapkan_pegawai(hasil_pegawai(semua[:4]), oleh_id=None, lewati_galat=False, penuh=True)
    p = impor.pratinjau_pegawai(hasil_pegawai(semua), penuh=True)
    assert [k[0] for k in p.diubah[0].kolom] == ["Aktif"]
    impor.terapkan_pegawai(hasil_pegawai(semua), oleh_id=None, lewati_galat=False, penuh=True)
    assert pemda.sql("SELECT aktif, alasan_nonaktif FROM pegawai WHERE nip = ?", semua[4].nip) == [(1, "")]


def test_baris_ditolak_tidak_menulis_apa_pun(pemda):
    semua = pegawai(6)
    tolak = [Penolakan(9, "NIP BARU", "NIP tersimpan sebagai angka; format kolom sebagai teks")]
    sebelum = pemda.sidik()
    with pytest.raises(Ditolak, match=r"1 baris ditolak.*--lewati-galat"):
        pemda.layanan.impor.terapkan_pegawai(hasil_pegawai(semua, tolak), oleh_id=None, lewati_galat=False, penuh=False)
    assert pemda.sidik() == sebelum
    # a row the database would refuse is refused before anything is written, too
    salah = ubah(semua[0], golongan="IX") if semua[0].status_asn.value == "pns" else ubah(semua[0], golongan="III/a")
    with pytest.raises(Ditolak):
        pemda.layanan.impor.terapkan_pegawai(
            hasil_pegawai([salah, *semua[1:]]), oleh_id=None, lewati_galat=False, penuh=False
        )
    assert pemda.sidik() == sebelum


def test_lewati_galat_menulis_baris_yang_sah_saja(pemda):
    semua = pegawai(6)
    ganda = semua[1]  # the same NIP twice: the second row is refused
    tanpa_unit = ubah(semua[2], unor_id="TIDAK-ADA", unor_nama="Unit Yang Tidak Ada")
    berkas = [semua[0], semua[1], ganda, tanpa_unit, *semua[3:]]
    tolak = [Penolakan(20, "NIP BARU", "NIP tersimpan sebagai angka")]
    p = pemda.layanan.impor.pratinjau_pegawai(hasil_pegawai(berkas, tolak), penuh=False)
    assert p.ada_galat and len(p.ditolak) == 2 and [t.baris for t in p.tanpa_unit] == [5]
    hasil = pemda.layanan.impor.terapkan_pegawai(
        hasil_pegawai(berkas, tolak), oleh_id=None, lewati_galat=True, penuh=False
    )
    assert hasil.baru == 5 and hasil.dilewati == 3
    nip = {r[0] for r in pemda.sql("SELECT nip FROM pegawai")}
    assert nip == {q.nip for q in semua if q is not semua[2]}


def test_impor_penuh_dengan_baris_ditolak_dihentikan(pemda):
    semua = pegawai(4)
    pemda.layanan.impor.terapkan_pegawai(hasil_pegawai(semua), oleh_id=None, lewati_galat=False, penuh=False)
    sebelum = pemda.sidik()
    with pytest.raises(Ditolak, match="Impor penuh dihentikan"):
        pemda.layanan.impor.terapkan_pegawai(
            hasil_pegawai(semua[:3], [Penolakan(5, "NIP BARU", "NIP kosong")]),
            oleh_id=None,
            lewati_galat=True,
            penuh=True,
        )
    assert pemda.sidik() == sebelum


def test_batal_saat_menulis_tidak_menulis_apa_pun(pemda: Pemda) -> None:
    semua = pegawai(30)
    sebelum = pemda.sidik()
    batal = threading.Event()
    tahap: list[tuple[str, int, int]] = []

    def kemajuan(t: str, selesai: int, total: int) -> None:
        tahap.append((t, selesai, total))
        if t == "tulis" and selesai > 0:
            batal.set()  # the first batch is in: cancel now

    with pytest.raises(ImporDibatalkan, match="database tidak diubah"):
        pemda.layanan.impor.terapkan_pegawai(
            hasil_pegawai(semua), oleh_id=None, lewati_galat=False, penuh=False, batal=batal, kemajuan=kemajuan
        )
    assert ("tulis", 30, 30) in tahap
    assert pemda.sidik() == sebelum


def test_pimpinan_dari_berkas_unit_dan_unit_mandiri(pemda):
    semua = pegawai(20)
    pemda.layanan.impor.terapkan_pegawai(hasil_pegawai(semua), oleh_id=None, lewati_galat=False, penuh=False)
    puskesmas = next(u for u in UNIT if u.nama.startswith("UPTD"))
    dinas = UNIT[0]
    jf = next(q for q in semua if q.jenis_jabatan.value == "fungsional")
    kepala = next(q for q in semua if q.jenis_jabatan.value not in ("fungsional", "pelaksana"))
    hasil = baris_unit(UNIT, {puskesmas.id: jf.pns_id, dinas.id: kepala.pns_id, UNIT[1].id: "TIDAK-ADA"})
    p = pemda.layanan.impor.pratinjau_unit(hasil)
    assert {u.nama for u in p.diubah} == {puskesmas.nama, dinas.nama}
    assert any("pimpinan belum ada" in w for w in p.peringatan)
    pemda.layanan.impor.terapkan_unit(hasil, oleh_id=None)
    rows = {
        r[0]: r[1:]
        for r in pemda.sql(
            "SELECT u.sumber_id, p.pns_id, u.mandiri FROM unit_organisasi u LEFT JOIN pegawai p ON p.id = u.pimpinan_id"
        )
    }
    assert rows[puskesmas.id] == (jf.pns_id, 1)
    assert rows[dinas.id] == (kepala.pns_id, 0)
    assert pemda.layanan.struktur.unit_akar(1)[0].pimpinan is not None


def test_unit_pindah_induk_dan_tingkat_ikut(pemda):
    seksi = next(u for u in UNIT if u.nama.startswith("Seksi"))
    sekretariat = UNIT[1]
    pindah = [UnitFiktif(u.id, u.nama, sekretariat.id, u.nama_jabatan) if u.id == seksi.id else u for u in UNIT]
    hasil = pemda.layanan.impor.terapkan_unit(baris_unit(pindah), oleh_id=None)
    assert hasil.diubah == 1
    ((induk, tingkat),) = pemda.sql(
        "SELECT i.sumber_id, u.tingkat FROM unit_organisasi u JOIN unit_organisasi i ON i.id = u.induk_id "
        "WHERE u.sumber_id = ?",
        seksi.id,
    )
    assert (induk, tingkat) == (sekretariat.id, 3)
    assert pemda.sql("SELECT COUNT(*) FROM riwayat WHERE aksi = 'impor_ubah_unit'") == [(1,)]


def test_unit_melingkar_dan_kode_ganda_ditolak(pemda):
    a, b = UnitFiktif("X1", "Bidang Satu", "X2", ""), UnitFiktif("X2", "Bidang Dua", "X1", "")
    hasil = baris_unit([a, b])
    sebelum = pemda.sidik()
    with pytest.raises(Ditolak):
        pemda.layanan.impor.terapkan_unit(hasil, oleh_id=None)
    assert pemda.sidik() == sebelum
    p = pemda.layanan.impor.pratinjau_unit(hasil)
    assert {t.kolom for t in p.ditolak} == {"induk"}


def test_laporan_md_dan_csv(pemda, tmp_path):
    semua = pegawai(5)
    berkas = [*semua, ubah(semua[0], unor_id="TIDAK-ADA", unor_nama="Tidak Ada")]
    tolak = [Penolakan(9, "NIP BARU", "NIP tersimpan sebagai angka; format kolom sebagai teks")]
    hasil = pemda.layanan.impor.terapkan_pegawai(
        hasil_pegawai(berkas, tolak), oleh_id=None, lewati_galat=True, penuh=False
    )
    md = tulis_laporan(hasil, tmp_path / "laporan.md").read_text(encoding="utf-8")
    assert "5 baru" in md and "format kolom sebagai teks" in md and "| GELAR DEPAN | gelar_depan |" in md
    with tulis_laporan(hasil, tmp_path / "laporan.csv").open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["bagian", "baris", "nama", "kolom", "keterangan"]
    assert ["ditolak", "9", "", "NIP BARU", "NIP tersimpan sebagai angka; format kolom sebagai teks"] in rows
    assert sum(r[0] == "baru" for r in rows) == 5
    assert not any(q.nip in "".join(sel for r in rows for sel in r) for q in semua)  # NIPs stay out of the report
    with pytest.raises(Ditolak, match=r"\.md atau \.csv"):
        tulis_laporan(hasil, tmp_path / "laporan.txt")


def test_tanpa_instansi_ditolak(db_url):
    from sistemkerja_tui.store.db import siapkan_database

    siapkan_database(db_url).dispose()
    layanan = buka_database(db_url, demo_jika_kosong=False).layanan
    try:
        with pytest.raises(Ditolak, match="sistemkerja init"):
            layanan.impor.pratinjau_pegawai(hasil_pegawai(pegawai(1)), penuh=False)
    finally:
        layanan.tutup()


def test_bidang_tebakan_tidak_menimpa_data_tersimpan(pemda):
    """A field the file did not give (the reader guessed it: `bidang_berkas`) keeps the stored value."""
    from dataclasses import replace

    semua = pegawai(3)
    pemda.layanan.impor.terapkan_pegawai(hasil_pegawai(semua), oleh_id=None, lewati_galat=False, penuh=False)
    tebakan = hasil_pegawai([ubah(q, pendidikan=Pendidikan.SD) for q in semua])
    bidang = frozenset({"nip", "nama", "nama_jabatan", "jenis_jabatan", "jenjang", "golongan", "status_asn"})
    tebakan.baris = [replace(b, bidang_berkas=bidang) for b in tebakan.baris]
    assert pemda.layanan.impor.pratinjau_pegawai(tebakan, penuh=False).tetap == 3
    diberikan = hasil_pegawai([ubah(q, pendidikan=Pendidikan.SD) for q in semua])
    assert len(pemda.layanan.impor.pratinjau_pegawai(diberikan, penuh=False).diubah) == 3


def test_pimpinan_unit_dari_jabatan_kepala(pemda):
    from sistemkerja_tui.aturan.enums import JenisJabatan

    semua = pegawai(6)
    dinas = UNIT[0]
    kepala = ubah(
        semua[0],
        jabatan_nama=dinas.nama_jabatan,
        jenis_jabatan=JenisJabatan.JPT_PRATAMA,
        jenjang=None,
        unor_id=dinas.id,
        unor_nama=dinas.nama,
    )
    berkas = [kepala, *(q for q in semua[1:] if q.jabatan_nama != dinas.nama_jabatan)]
    p = pemda.layanan.impor.pratinjau_pegawai(hasil_pegawai(berkas), penuh=False)
    assert dinas.nama in [w.split(":")[0] for w in p.pimpinan]
    pemda.layanan.impor.terapkan_pegawai(hasil_pegawai(berkas), oleh_id=None, lewati_galat=False, penuh=False)
    assert pemda.sql(
        "SELECT p.nip, u.mandiri FROM unit_organisasi u JOIN pegawai p ON p.id = u.pimpinan_id WHERE u.sumber_id = ?",
        dinas.id,
    ) == [(kepala.nip, 0)]
    assert pemda.layanan.struktur.unit_akar(1)[0].pimpinan is not None
    # a unit that has its head keeps it
    assert pemda.layanan.impor.pratinjau_pegawai(hasil_pegawai(berkas), penuh=False).pimpinan == []
    pindah = [ubah(kepala, unor_id=UNIT[1].id, unor_nama=UNIT[1].nama), *berkas[1:]]
    peringatan = pemda.layanan.impor.pratinjau_pegawai(hasil_pegawai(pindah), penuh=False).peringatan
    assert any(w.startswith(f"{dinas.nama}: pimpinannya") and "pindah ke" in w for w in peringatan)
    # a head a full import no longer lists: the unit's head is emptied (never an inactive PPK), and said so
    hasil = pemda.layanan.impor.terapkan_pegawai(
        hasil_pegawai(berkas[1:]), oleh_id=None, lewati_galat=False, penuh=True
    )
    assert any(w.startswith(f"{dinas.nama}: pimpinannya") for w in hasil.pratinjau.peringatan)
    assert pemda.sql("SELECT pimpinan_id FROM unit_organisasi WHERE sumber_id = ?", dinas.id) == [(None,)]
    assert pemda.layanan.struktur.unit_akar(1)[0].pimpinan is None


def test_baca_berkas_lewat_layanan(pemda, tmp_path):
    """The TUI reads through `layanan.impor` (it imports only layanan): a real SIASN CSV, and a broken file."""
    from tests.berkas_impor import tulis_siasn_csv

    berkas = tulis_siasn_csv(tmp_path / "siasn.csv", pegawai(8))
    hasil = pemda.layanan.impor.baca_pegawai(berkas)
    assert len(pemda.layanan.impor.pratinjau_pegawai(hasil, penuh=False).baru) == 8
    rusak = tmp_path / "rusak.xlsx"
    rusak.write_bytes(b"bukan spreadsheet")
    with pytest.raises(Ditolak, match=r"rusak\.xlsx"):
        pemda.layanan.impor.baca_pegawai(rusak)


def test_unit_dibuat_dari_berkas_pegawai(pemda_kosong):
    """SIASN carries a flat UNOR ID/UNOR NAMA: those units are made (kind guessed, top level); e-Kinerja's
    parent name (`unit_induk_nama`) places a unit under its parent; a name no kind fits leaves its rows unplaced."""
    from dataclasses import replace

    semua = pegawai(9)
    hasil = hasil_pegawai(semua)
    puskesmas = next(u for u in UNIT if u.nama.startswith("UPTD"))
    hasil.baris = [
        replace(b, unit_induk_nama=UNIT[0].nama) if b.unit_sumber_id == puskesmas.id else b for b in hasil.baris
    ]
    hasil.baris.append(replace(baris_pegawai(pegawai(10)[9], 20), unit_sumber_id=None, unit_nama="Tim Entah Apa"))
    impor = pemda_kosong.layanan.impor
    p = impor.pratinjau_pegawai(hasil, penuh=False)
    assert {u.nama for u in p.unit_baru} == {u.nama for u in UNIT}
    assert [t.baris for t in p.tanpa_unit] == [20] and p.ada_galat
    assert any("unit baru dibuat dari berkas pegawai" in w for w in p.peringatan)
    h = impor.terapkan_pegawai(hasil, oleh_id=None, lewati_galat=True, penuh=False)
    assert (h.unit_baru, h.baru, h.dilewati) == (len(UNIT), 9, 1)
    rows = {r[0]: r[1:] for r in pemda_kosong.sql(
        "SELECT u.nama, u.sumber_id, i.nama, u.jenis FROM unit_organisasi u "
        "LEFT JOIN unit_organisasi i ON i.id = u.induk_id"
    )}  # fmt: skip
    assert rows[puskesmas.nama] == (puskesmas.id, UNIT[0].nama, "puskesmas")
    assert rows[UNIT[1].nama] == (UNIT[1].id, None, "sekretariat")
    assert len({r[0] for r in pemda_kosong.sql("SELECT kode FROM unit_organisasi")}) == len(UNIT)
    # the unit file then gives the same units their tree (matched by UNOR ID), nothing duplicated
    pu = impor.pratinjau_unit(baris_unit(UNIT))
    assert len(pu.baru) == 0 and len(pu.diubah) >= len(UNIT) - 2
