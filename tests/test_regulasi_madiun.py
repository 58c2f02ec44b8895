"""Perwal Madiun 73/2023 rules driven through the use cases on the demo Pemda (profile `madiun`).

Each test quotes the passage it checks; a refusal leaves the database byte for byte as it was.
"""

from __future__ import annotations

import pytest
from tests import bantu
from tests.bantu import data_tim, sql

from sistemkerja_tui.layanan.galat import Ditolak
from sistemkerja_tui.layanan.kegiatan import KegiatanBaru
from sistemkerja_tui.layanan.tim import PeranTim
from sistemkerja_tui.layanan.ubah_struktur import DataUnit, JenisUnit


def _kode(e: Ditolak) -> set[str]:
    return {t.kode for t in e.temuan}


def _pimpinan(layanan, unit_id: int) -> int:
    return layanan.struktur.unit(unit_id).pimpinan.pegawai_id


def _bagian_setda_dengan_koordinator(layanan, db) -> tuple[int, int, int]:
    """A Bagian of the Setda with a team and an eligible Koordinator Tim Kerja: (bagian id, tim id, koordinator)."""
    for (bagian,) in sql(
        db,
        "SELECT u.id FROM unit_organisasi u JOIN unit_organisasi a ON a.id = u.induk_id "
        "WHERE u.jenis = 'bagian' AND a.jenis = 'asisten' ORDER BY u.id",
    ):
        kabag = _pimpinan(layanan, bagian)
        tim = layanan.tim.bentuk_tim(data_tim(bagian, nama=f"Tim Reformasi Birokrasi {bagian}"), oleh_id=kabag)
        calon = layanan.tim.kandidat_pimpinan(tim, PeranTim.KOORDINATOR)
        koordinator = [n.kandidat.pegawai_id for n in calon if n.layak]
        if koordinator:
            return bagian, tim, koordinator[0]
    raise AssertionError("demo tanpa Bagian Setda yang memiliki calon Koordinator Tim Kerja")


# --- Lampiran Bab II huruf C angka 1 --------------------------------------------------------------------


def test_koordinator_dari_unit_lain_ditolak(layanan, db_demo):
    # Lampiran Bab II huruf C angka 1: "Koordinator Tim Kerja berasal dari unit organisasi dan/atau instansi
    # pemerintah pemilik kinerja."
    bagian, tim, _ = _bagian_setda_dengan_koordinator(layanan, db_demo)
    sub = ",".join(map(str, layanan.struktur.subpohon(bagian)))
    (luar,) = sql(
        db_demo,
        f"SELECT p.id FROM pegawai p JOIN unit_organisasi u ON u.id = p.unit_id JOIN instansi i ON i.id = "
        f"u.instansi_id WHERE NOT i.luar AND p.unit_id NOT IN ({sub}) AND p.jenis_jabatan = 'fungsional' "
        "AND p.jenjang IN ('ahli_muda', 'ahli_madya') ORDER BY p.id LIMIT 1",
    )[0]
    sebelum = bantu.sidik(db_demo)
    with pytest.raises(Ditolak, match=r"Lampiran Bab II huruf C angka 1") as e:
        layanan.tim.tetapkan_pimpinan(tim, luar, PeranTim.KOORDINATOR, oleh_id=_pimpinan(layanan, bagian))
    assert "asal_unit_wajib" in _kode(e.value)
    assert "unit pemilik kinerja" in e.value.pesan
    assert bantu.sidik(db_demo) == sebelum


def test_koordinator_di_bidang_dinas_dua_tingkat_ditolak(layanan, db_demo):
    # Lampiran Bab II huruf C angka 1: "pada Sekretariat Daerah dan Perangkat Daerah yang telah menyederhanakan
    # struktur organisasi menjadi 1 (satu) tingkatan struktur organisasi, Pimpinan Unit Organisasi dapat menunjuk
    # Koordinator Tim Kerja" — a Bidang of a Dinas (Kepala Dinas → Kepala Bidang) is not such a unit.
    bidang, jf = bantu.bidang_dinas(db_demo)
    kabid = _pimpinan(layanan, bidang)
    tim = layanan.tim.bentuk_tim(data_tim(bidang), oleh_id=kabid)
    sebelum = bantu.sidik(db_demo)
    with pytest.raises(Ditolak, match=r"Lampiran Bab II huruf C angka 1") as e:
        layanan.tim.tetapkan_pimpinan(tim, jf, PeranTim.KOORDINATOR, oleh_id=kabid)
    assert "peran_di_luar_unit" in _kode(e.value)
    assert "Sekretariat Daerah" in e.value.pesan and "1 (satu) tingkatan" in e.value.pesan
    assert bantu.sidik(db_demo) == sebelum
    # the Dinas itself has Bidang beneath it: two levels, refused too
    dinas = layanan.struktur.unit(bidang).induk_id
    tim_dinas = layanan.tim.bentuk_tim(data_tim(dinas, nama="Tim Dinas"), oleh_id=_pimpinan(layanan, dinas))
    with pytest.raises(Ditolak) as e:
        layanan.tim.tetapkan_pimpinan(tim_dinas, jf, PeranTim.KOORDINATOR, oleh_id=_pimpinan(layanan, dinas))
    assert "peran_di_luar_unit" in _kode(e.value)


# --- Lampiran Bab III huruf B huruf e angka 3): the Koordinator reviews ----------------------------------


def test_setda_koordinator_meninjau_sebelum_kepala_bagian(layanan, db_demo):
    # Tahap Evaluasi huruf c: "Koordinator Tim Kerja meninjau hasil pelaksanaan kegiatan Tim Kerja. Hasil
    # pelaksanaan kegiatan Tim Kerja yang telah sesuai dengan target dan ekspektasi disampaikan Koordinator Tim
    # Kerja kepada Kepala Bagian untuk ditinjau."
    bagian, tim, koordinator = _bagian_setda_dengan_koordinator(layanan, db_demo)
    kabag = _pimpinan(layanan, bagian)
    data = KegiatanBaru(bagian, "Evaluasi SAKIP", indikator="Nilai SAKIP", target="A", satuan="predikat", tim_id=tim)
    tanpa = layanan.kegiatan.buat(data, oleh_id=kabag)
    assert [p.sebutan for p in layanan.kegiatan.peninjau(bagian, tim)][:1] == ["Kepala Bagian"]  # huruf b

    layanan.tim.tetapkan_pimpinan(tim, koordinator, PeranTim.KOORDINATOR, oleh_id=kabag)
    urutan = layanan.kegiatan.peninjau(bagian, tim)
    assert [p.sebutan for p in urutan] == ["Koordinator Tim Kerja", "Kepala Bagian", "Asisten", "Sekretaris Daerah"]
    assert urutan[0].pegawai_id == koordinator and urutan[1].pegawai_id == kabag
    assert layanan.kegiatan.peninjau(bagian)[0].sebutan == "Kepala Bagian"  # huruf d: individu

    bantu.ke_evaluasi(layanan, tanpa, kabag)
    assert layanan.kegiatan.menunggu_reviu(koordinator) == [tanpa]  # in the Koordinator's review queue
    assert layanan.kegiatan.daftar(tim_id=tim)[0].peninjau_kini.startswith("Koordinator Tim Kerja")
    sebelum = bantu.sidik(db_demo)
    with pytest.raises(Ditolak, match="hanya Koordinator Tim Kerja"):
        layanan.kegiatan.setujui(tanpa, oleh_id=kabag)
    assert bantu.sidik(db_demo) == sebelum
    # the Koordinator returns it (a real review, not a hand-over) …
    kembali = layanan.kegiatan.kembalikan(tanpa, "Data capaian triwulan belum lengkap", oleh_id=koordinator)
    assert kembali.tahap.value == "pelaksanaan"
    # … and, once it is right, passes it on to the Kepala Bagian
    bantu.ke_evaluasi(layanan, tanpa, kabag)
    lanjut = layanan.kegiatan.setujui(tanpa, oleh_id=koordinator)
    assert lanjut.reviu_ke == 2
    assert layanan.kegiatan.detail(tanpa).ringkas.keadaan == "Evaluasi — Reviu ke-2 oleh Kepala Bagian"
    assert layanan.kegiatan.menunggu_reviu(kabag) == [tanpa]


# --- Lampiran Bab II huruf F angka 1: no JF or pelaksana ------------------------------------------------


def test_tanpa_jf_dan_pelaksana_tugas_ketua_oleh_pimpinan_unit(layanan, db_demo):
    # Lampiran Bab II huruf F angka 1: "Dalam hal tidak terdapat pejabat fungsional atau pelaksana ... tugas
    # Koordinator Tim Kerja dan/atau Ketua Tim Kerja dilaksanakan oleh pejabat penilai kinerja atau pimpinan unit
    # organisasi atau Administrator yang tidak menjadi pejabat penilai kinerja."
    bidang, _ = bantu.bidang_dinas(db_demo)
    kabid = _pimpinan(layanan, bidang)
    hasil = layanan.ubah_struktur.tambah_unit(
        DataUnit("Seksi Percontohan", JenisUnit.SEKSI, "SPERC", induk_id=bidang), oleh_id=None
    )
    layanan.ubah_struktur.segarkan(hasil)
    baru = hasil.id
    kasi = sql(
        db_demo,
        "SELECT p.id FROM pegawai p JOIN unit_organisasi u ON u.pimpinan_id = p.id "
        "WHERE u.jenis = 'seksi' AND p.jenis_jabatan = 'pengawas' ORDER BY p.id LIMIT 1",
    )[0][0]
    layanan.ubah_struktur.segarkan(layanan.ubah_struktur.mutasi(kasi, baru, oleh_id=None))
    tim = layanan.tim.bentuk_tim(data_tim(baru, nama="Tim Percontohan"), oleh_id=kabid)
    assert "Lampiran Bab II huruf F angka 1" in (layanan.tim.pengganti(tim) or "")  # the TUI searches all pegawai
    peringatan = layanan.tim.tetapkan_pimpinan(tim, kasi, oleh_id=kabid)
    assert [t.kode for t in peringatan if t.kode == "pengganti"] == ["pengganti"]
    assert "Lampiran Bab II huruf F angka 1" in next(t.rujukan for t in peringatan if t.kode == "pengganti")
    ketua = [a for a in layanan.tim.detail_tim(tim).anggota if a.peran is PeranTim.KETUA]
    assert [a.pegawai_id for a in ketua] == [kasi]

    # where the owner unit has JF or pelaksana, the unit head is not the ketua
    tim_bidang = layanan.tim.bentuk_tim(data_tim(bidang, nama="Tim Bidang"), oleh_id=kabid)
    assert layanan.tim.pengganti(tim_bidang) is None
    sebelum = bantu.sidik(db_demo)
    with pytest.raises(Ditolak, match="Lampiran Bab II huruf F angka 1") as e:
        layanan.tim.tetapkan_pimpinan(tim_bidang, kabid, oleh_id=kabid)
    assert "jenis_jabatan_tidak_sesuai" in _kode(e.value)
    assert "tidak memiliki pejabat fungsional atau pelaksana" in e.value.pesan
    assert bantu.sidik(db_demo) == sebelum
