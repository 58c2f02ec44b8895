"""Editing the structure by hand (layanan.ubah_struktur) on the demo Pemda: each use case, its audit row, the
in-memory tree and search index after `segarkan`, and refusals that leave the database byte-identical."""

from __future__ import annotations

from typing import Any

import pytest
from tests.bantu import sidik, sql

from sistemkerja_tui.layanan.galat import Ditolak
from sistemkerja_tui.layanan.ubah_struktur import (
    DataPegawai,
    DataUnit,
    JenisJabatan,
    JenisPimpinanSementara,
    JenisUnit,
    Jenjang,
    Pendidikan,
    StatusASN,
    kewajaran_golongan,
)

NIP_BARU = "198502022010012003"


def _dinas(db) -> tuple[int, int, int]:
    """(a Dinas, one of its Bidang that has sub-units, another Dinas)."""
    dinas = [r[0] for r in sql(db, "SELECT id FROM unit_organisasi WHERE jenis = 'dinas' ORDER BY id")]
    bidang = sql(
        db,
        "SELECT b.id FROM unit_organisasi b WHERE b.induk_id = ? AND b.jenis = 'bidang' "
        "AND EXISTS (SELECT 1 FROM unit_organisasi s WHERE s.induk_id = b.id) ORDER BY b.id LIMIT 1",
        dinas[0],
    )
    assert bidang, "demo: a Bidang with sub-units"
    return dinas[0], bidang[0][0], dinas[1]


def _pegawai(**ubah: Any) -> DataPegawai:
    nilai: dict[str, Any] = {
        "nip": NIP_BARU,
        "nama": "Rina Kusumawati",
        "golongan": "III/a",
        "jenis_jabatan": JenisJabatan.FUNGSIONAL,
        "jenjang": Jenjang.AHLI_PERTAMA,
        "nama_jabatan": "Perawat Ahli Pertama",
        "pendidikan": Pendidikan.S1,
        "gelar_belakang": "S.Kep.",
    }
    nilai.update(ubah)
    return DataPegawai(**nilai)


def _ditolak(db, fungsi, *teks: str) -> str:
    """`fungsi()` is refused with a message holding every `teks`, and the database is byte-identical."""
    sebelum = sidik(db)
    with pytest.raises(Ditolak) as info:
        fungsi()
    assert sidik(db) == sebelum
    for t in teks:
        assert t in info.value.pesan, info.value.pesan
    return info.value.pesan


def _riwayat(db, aksi: str) -> int:
    return sql(db, "SELECT COUNT(*) FROM riwayat WHERE aksi = ?", aksi)[0][0]


# --- units ---------------------------------------------------------------------


def test_tambah_unit_tampil_di_pohon_dan_pencarian(layanan, db_demo):
    dinas, _, _ = _dinas(db_demo)
    ubah, struktur = layanan.ubah_struktur, layanan.struktur
    struktur.siapkan_indeks()
    hasil = ubah.tambah_unit(DataUnit("Bidang Kesehatan Haji", JenisUnit.BIDANG, "HAJI", induk_id=dinas), oleh_id=None)
    assert sql(db_demo, "SELECT tingkat, aktif FROM unit_organisasi WHERE id = ?", hasil.id) == [
        (sql(db_demo, "SELECT tingkat FROM unit_organisasi WHERE id = ?", dinas)[0][0] + 1, 1)
    ]
    assert _riwayat(db_demo, "tambah_unit") == 1
    ubah.segarkan(hasil)
    assert struktur.indeks_siap  # patched, not dropped
    assert hasil.id in struktur.unit(dinas).anak
    assert [h.unit_id for h in struktur.cari("Kesehatan Haji", unit=True) if h.adalah_unit] == [hasil.id]


def test_tambah_unit_ditolak_tanpa_mengubah_database(layanan, db_demo):
    dinas, _, _ = _dinas(db_demo)
    kode = sql(db_demo, "SELECT kode FROM unit_organisasi WHERE id = ?", dinas)[0][0]
    ubah = layanan.ubah_struktur
    _ditolak(
        db_demo,
        lambda: ubah.tambah_unit(DataUnit("Bidang Baru", JenisUnit.BIDANG, kode, induk_id=dinas), oleh_id=None),
        "Kode unit",
        kode,
    )
    _ditolak(
        db_demo,
        lambda: ubah.tambah_unit(DataUnit("  ", JenisUnit.BIDANG, "BARU", induk_id=dinas), oleh_id=None),
        "Nama unit wajib diisi",
    )
    _ditolak(
        db_demo,
        lambda: ubah.tambah_unit(DataUnit("Bidang Baru", JenisUnit.BIDANG, "BARU", induk_id=999_999), oleh_id=None),
        "Unit induk",
    )


def test_pindah_unit_menghitung_ulang_tingkat_dan_menolak_lingkaran(layanan, db_demo):
    dinas, bidang, dinas_lain = _dinas(db_demo)
    ubah = layanan.ubah_struktur
    seksi = sql(db_demo, "SELECT id FROM unit_organisasi WHERE induk_id = ? ORDER BY id", bidang)[0][0]
    _ditolak(db_demo, lambda: ubah.pindah_unit(bidang, seksi, oleh_id=None), "melingkar")
    _ditolak(db_demo, lambda: ubah.pindah_unit(bidang, bidang, oleh_id=None), "melingkar")
    _ditolak(db_demo, lambda: ubah.pindah_unit(bidang, dinas, oleh_id=None), "sudah berada di bawah")

    baru = ubah.tambah_unit(DataUnit("Bidang Antara", JenisUnit.BIDANG, "ANTARA", induk_id=dinas_lain), oleh_id=None)
    ubah.pindah_unit(bidang, baru.id, oleh_id=None)  # one level deeper than before
    (t_baru,) = sql(db_demo, "SELECT tingkat FROM unit_organisasi WHERE id = ?", baru.id)[0]
    assert sql(db_demo, "SELECT induk_id, tingkat FROM unit_organisasi WHERE id = ?", bidang) == [(baru.id, t_baru + 1)]
    assert sql(db_demo, "SELECT tingkat FROM unit_organisasi WHERE id = ?", seksi) == [(t_baru + 2,)]
    ubah.segarkan()
    assert [u.id for u in layanan.struktur.jalur_unit(seksi)][-3:] == [baru.id, bidang, seksi]
    assert bidang not in layanan.struktur.unit(dinas).anak


def test_tutup_unit_hanya_bila_kosong(layanan, db_demo):
    _, bidang, _ = _dinas(db_demo)
    ubah = layanan.ubah_struktur
    pesan = _ditolak(db_demo, lambda: ubah.tutup_unit(bidang, oleh_id=None), "belum dapat ditutup", "sub-unit")
    assert "pegawai aktif" in pesan
    kosong = ubah.tambah_unit(DataUnit("Seksi Sementara", JenisUnit.SEKSI, "SEMENTARA", induk_id=bidang), oleh_id=None)
    ubah.tutup_unit(kosong.id, oleh_id=None)
    assert sql(db_demo, "SELECT aktif FROM unit_organisasi WHERE id = ?", kosong.id) == [(0,)]
    ubah.segarkan()
    assert kosong.id not in layanan.struktur.unit(bidang).anak
    assert layanan.struktur.unit(kosong.id).aktif is False  # kept for history
    _ditolak(db_demo, lambda: ubah.ganti_nama_unit(kosong.id, "Seksi Lain", oleh_id=None), "sudah ditutup")


def test_ganti_nama_unit(layanan, db_demo):
    _, bidang, _ = _dinas(db_demo)
    layanan.ubah_struktur.ganti_nama_unit(bidang, "  Bidang   Pencegahan Penyakit ", oleh_id=None)
    assert sql(db_demo, "SELECT nama FROM unit_organisasi WHERE id = ?", bidang) == [("Bidang Pencegahan Penyakit",)]
    layanan.ubah_struktur.segarkan()
    assert layanan.struktur.unit(bidang).nama == "Bidang Pencegahan Penyakit"


def test_pimpinan_dan_plt(layanan, db_demo):
    dinas, bidang, dinas_lain = _dinas(db_demo)
    ubah, struktur = layanan.ubah_struktur, layanan.struktur
    (kabid,) = sql(db_demo, "SELECT pimpinan_id FROM unit_organisasi WHERE id = ?", bidang)[0]
    (luar,) = sql(db_demo, "SELECT id FROM pegawai WHERE unit_id = ? AND aktif ORDER BY id LIMIT 1", dinas_lain)[0]
    (staf,) = sql(
        db_demo,
        "SELECT id FROM pegawai WHERE unit_id = ? AND jenis_jabatan = 'pelaksana' AND aktif ORDER BY id LIMIT 1",
        bidang,
    )[0]
    _ditolak(db_demo, lambda: ubah.tetapkan_pimpinan(bidang, luar, oleh_id=None), "Pimpinan", "mutasikan")
    _ditolak(
        db_demo,
        lambda: ubah.tetapkan_sementara(bidang, staf, JenisPimpinanSementara.PLT, oleh_id=None),
        "Plt.",
        "terisi",
    )

    ubah.tetapkan_pimpinan(bidang, None, oleh_id=None)  # the post falls vacant
    (sekretaris,) = sql(
        db_demo,
        "SELECT u.pimpinan_id FROM unit_organisasi u WHERE u.induk_id = ? AND u.jenis = 'sekretariat'",
        dinas,
    )[0]
    ubah.tetapkan_sementara(bidang, sekretaris, JenisPimpinanSementara.PLT, oleh_id=None)
    ubah.segarkan()
    unit = struktur.unit(bidang)
    assert unit.pimpinan is None and unit.sementara is not None and unit.label_pimpinan.startswith("Plt. ")
    ppk = struktur.ppk_pegawai(staf)
    assert ppk.ppk is not None and ppk.ppk.pegawai_id == sekretaris and ppk.sebutan  # the Plt. rates the staff

    hasil = ubah.tetapkan_pimpinan(bidang, kabid, oleh_id=None)  # back: the Plt. steps down
    assert any("Plt." in p for p in hasil.peringatan)
    assert sql(
        db_demo, "SELECT pimpinan_id, sementara_id, jenis_sementara FROM unit_organisasi WHERE id = ?", bidang
    ) == [(kabid, None, None)]
    assert _riwayat(db_demo, "tetapkan_pimpinan_sementara") == 1


# --- pegawai --------------------------------------------------------------------


def test_tambah_pegawai_tampil_di_tabel_dan_pencarian(layanan, db_demo):
    _, bidang, _ = _dinas(db_demo)
    ubah, struktur = layanan.ubah_struktur, layanan.struktur
    struktur.siapkan_indeks()
    hasil = ubah.tambah_pegawai(_pegawai(), bidang, oleh_id=None)
    assert hasil.peringatan == ()
    assert sql(db_demo, "SELECT nip, unit_id, aktif FROM pegawai WHERE id = ?", hasil.id) == [(NIP_BARU, bidang, 1)]
    (rincian,) = sql(db_demo, "SELECT rincian FROM riwayat WHERE aksi = 'tambah_pegawai'")[0]
    assert NIP_BARU not in rincian
    ubah.segarkan(hasil)
    assert struktur.indeks_siap  # the new row is patched in, the index is not rebuilt
    assert [h.pegawai_id for h in struktur.cari("Rina Kusumawati")] == [hasil.id]
    assert [h.pegawai_id for h in struktur.cari("19850202 201001 2 003")] == [hasil.id]
    halaman = struktur.halaman_pegawai(bidang, halaman=struktur.posisi_pegawai(hasil.id, bidang) // 100)
    assert hasil.id in [b.id for b in halaman.baris]


@pytest.mark.parametrize(
    ("ubah", "teks"),
    [
        ({"nip": "19850202201001200"}, "NIP harus 18 angka"),
        ({"nip": "198513022010012003"}, "Tanggal lahir pada NIP"),
        ({"golongan": "IX"}, "Golongan"),
        ({"jenjang": None}, "Jenjang wajib diisi"),
        ({"jenis_jabatan": JenisJabatan.PELAKSANA}, "Jenjang hanya untuk jabatan fungsional"),
        ({"nama": ""}, "Nama wajib diisi"),
        ({"kelas_jabatan": 18}, "Kelas jabatan"),
    ],
)
def test_tambah_pegawai_ditolak_menyebut_kolomnya(layanan, db_demo, ubah, teks):
    _, bidang, _ = _dinas(db_demo)
    _ditolak(db_demo, lambda: layanan.ubah_struktur.tambah_pegawai(_pegawai(**ubah), bidang, oleh_id=None), teks)


def test_nip_ganda_ditolak(layanan, db_demo):
    _, bidang, _ = _dinas(db_demo)
    (nip,) = sql(db_demo, "SELECT nip FROM pegawai ORDER BY id LIMIT 1")[0]
    pesan = _ditolak(
        db_demo, lambda: layanan.ubah_struktur.tambah_pegawai(_pegawai(nip=nip), bidang, oleh_id=None), "NIP"
    )
    assert "sudah tercatat" in pesan and nip not in pesan


def test_golongan_tidak_lazim_hanya_peringatan(layanan, db_demo):
    _, bidang, _ = _dinas(db_demo)
    hasil = layanan.ubah_struktur.tambah_pegawai(
        _pegawai(jenis_jabatan=JenisJabatan.JPT_PRATAMA, jenjang=None, golongan="II/a", nama_jabatan="Kepala Dinas"),
        bidang,
        oleh_id=None,
    )
    assert len(hasil.peringatan) == 1 and "II/a" in hasil.peringatan[0] and "JPT Pratama" in hasil.peringatan[0]
    assert kewajaran_golongan(StatusASN.PNS, "III/c", JenisJabatan.FUNGSIONAL, Jenjang.AHLI_MUDA) == ()
    assert kewajaran_golongan(StatusASN.PNS, "II/b", JenisJabatan.FUNGSIONAL, Jenjang.AHLI_MUDA)
    assert kewajaran_golongan(StatusASN.PPPK, "IX", JenisJabatan.FUNGSIONAL, Jenjang.AHLI_PERTAMA) == ()


def test_ubah_pegawai(layanan, db_demo):
    _, bidang, _ = _dinas(db_demo)
    ubah = layanan.ubah_struktur
    pid = ubah.tambah_pegawai(_pegawai(), bidang, oleh_id=None).id
    ubah.ubah_pegawai(pid, _pegawai(nama="Rina Kusuma Wati", golongan="III/b"), oleh_id=None)
    assert sql(db_demo, "SELECT nama, golongan FROM pegawai WHERE id = ?", pid) == [("Rina Kusuma Wati", "III/b")]
    (rincian,) = sql(db_demo, "SELECT rincian FROM riwayat WHERE aksi = 'ubah_pegawai'")[0]
    assert "golongan" in rincian and "nama" in rincian


def test_mutasi_pimpinan_mengosongkan_unit_asal(layanan, db_demo):
    _, bidang, dinas_lain = _dinas(db_demo)
    ubah, struktur = layanan.ubah_struktur, layanan.struktur
    (kabid,) = sql(db_demo, "SELECT pimpinan_id FROM unit_organisasi WHERE id = ?", bidang)[0]
    _ditolak(db_demo, lambda: ubah.mutasi(kabid, bidang, oleh_id=None), "Unit tujuan", "sudah berada")
    struktur.siapkan_indeks()
    hasil = ubah.mutasi(kabid, dinas_lain, oleh_id=None)
    assert any("tanpa pimpinan" in p for p in hasil.peringatan)
    assert sql(db_demo, "SELECT unit_id FROM pegawai WHERE id = ?", kabid) == [(dinas_lain,)]
    assert sql(db_demo, "SELECT pimpinan_id FROM unit_organisasi WHERE id = ?", bidang) == [(None,)]
    ubah.segarkan(hasil)
    assert struktur.unit(bidang).pimpinan is None
    (nama,) = sql(db_demo, "SELECT nama FROM pegawai WHERE id = ?", kabid)[0]
    assert [h.unit_id for h in struktur.cari(nama) if h.pegawai_id == kabid] == [dinas_lain]
    assert kabid in [b.id for b in struktur.halaman_pegawai(dinas_lain, per_halaman=10_000).baris]


def test_nonaktifkan_pegawai(layanan, db_demo):
    _, bidang, _ = _dinas(db_demo)
    ubah, struktur = layanan.ubah_struktur, layanan.struktur
    pid = ubah.tambah_pegawai(_pegawai(), bidang, oleh_id=None).id
    _ditolak(db_demo, lambda: ubah.nonaktifkan(pid, " ", oleh_id=None), "Alasan wajib diisi")
    ubah.segarkan(ubah.tambah_pegawai(_pegawai(nip="198502022010012004", nama="Rina Kusumadewi"), bidang, oleh_id=None))
    struktur.siapkan_indeks()
    assert len(struktur.cari("Rina Kusuma")) == 2
    hasil = ubah.nonaktifkan(pid, "pensiun", oleh_id=None)
    assert sql(db_demo, "SELECT aktif, alasan_nonaktif FROM pegawai WHERE id = ?", pid) == [(0, "pensiun")]
    ubah.segarkan(hasil)
    assert struktur.indeks_siap
    assert [h.nama for h in struktur.cari("Rina Kusuma")] == ["Rina Kusumadewi, S.Kep."]
    ubah.segarkan()  # without a result: the pegawai index is built again on the next search
    assert not struktur.indeks_siap
    assert [h.nama for h in struktur.cari("Rina Kusuma")] == ["Rina Kusumadewi, S.Kep."]
    _ditolak(db_demo, lambda: ubah.mutasi(pid, bidang, oleh_id=None), "sudah tidak aktif", "pensiun")


def test_override_ppk_dengan_alasan(layanan, db_demo):
    dinas, bidang, _ = _dinas(db_demo)
    ubah, struktur = layanan.ubah_struktur, layanan.struktur
    (staf,) = sql(db_demo, "SELECT id FROM pegawai WHERE unit_id = ? AND jenis_jabatan = 'pelaksana'", bidang)[0]
    (kadis,) = sql(db_demo, "SELECT pimpinan_id FROM unit_organisasi WHERE id = ?", dinas)[0]
    _ditolak(db_demo, lambda: ubah.tetapkan_ppk(staf, kadis, "", oleh_id=None), "Alasan wajib diisi")
    _ditolak(db_demo, lambda: ubah.tetapkan_ppk(staf, staf, "x", oleh_id=None), "dirinya sendiri")
    ubah.tetapkan_ppk(staf, kadis, "Surat Kepala Dinas Nomor 800/1", oleh_id=None)
    ppk = struktur.ppk_pegawai(staf)
    assert ppk.override and ppk.ppk is not None and ppk.ppk.pegawai_id == kadis and "800/1" in ppk.rujukan
    ubah.tetapkan_ppk(staf, None, oleh_id=None)
    assert not struktur.ppk_pegawai(staf).override
