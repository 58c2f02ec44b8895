"""Kegiatan through the stages on the demo Pemda: every transition in RiwayatTahap, refusals save nothing."""

from __future__ import annotations

from datetime import date

import pytest
from tests.bantu import bidang_dinas, ke_evaluasi
from tests.bantu import sql as _sql

from sistemkerja_tui.layanan.galat import Ditolak
from sistemkerja_tui.layanan.kegiatan import JenisCatatan, KegiatanBaru, Tahap


def test_dari_perencanaan_sampai_selesai_dengan_satu_pengembalian(layanan, db_demo):
    unit_id, pegawai_id = bidang_dinas(db_demo)
    kid = layanan.kegiatan.buat(
        KegiatanBaru(
            unit_id,
            "Profil kesehatan 2026",
            indikator="Dokumen terbit",
            target="1",
            satuan="dokumen",
            pegawai_id=pegawai_id,
            mulai=date(2026, 1, 5),
            tenggat=date(2026, 6, 30),
        ),
        oleh_id=pegawai_id,
    )
    peninjau = layanan.kegiatan.peninjau(unit_id)
    assert len(peninjau) == 2  # Madiun Lampiran Bab III huruf B huruf a: Kepala Bidang, then Kepala Dinas
    keadaan = ke_evaluasi(layanan, kid, pegawai_id)
    assert keadaan.sub_tahap == "reviu_1"
    assert layanan.kegiatan.menunggu_reviu(peninjau[0].pegawai_id) == [kid]
    with pytest.raises(Ditolak):
        layanan.kegiatan.setujui(kid, oleh_id=peninjau[1].pegawai_id)  # not this reviewer's step yet
    with pytest.raises(Ditolak, match="lasan"):
        layanan.kegiatan.kembalikan(kid, " ", oleh_id=peninjau[0].pegawai_id)
    layanan.kegiatan.kembalikan(kid, "Data belum lengkap", oleh_id=peninjau[0].pegawai_id)
    assert _sql(db_demo, "SELECT jenis, isi FROM catatan WHERE kegiatan_id = ?", kid) == [
        ("pengembalian", "Data belum lengkap")
    ]
    ke_evaluasi(layanan, kid, pegawai_id)  # adjusted, hasil disampaikan lagi
    layanan.kegiatan.setujui(kid, oleh_id=peninjau[0].pegawai_id)
    akhir = layanan.kegiatan.setujui(kid, oleh_id=peninjau[1].pegawai_id)
    assert akhir.tahap.value == "selesai"
    riwayat = _sql(
        db_demo, "SELECT dari_tahap, ke_tahap, alasan FROM riwayat_tahap WHERE kegiatan_id = ? ORDER BY id", kid
    )
    assert riwayat[0] == (None, "perencanaan", "")
    assert ("evaluasi", "pelaksanaan", "Data belum lengkap") in riwayat
    assert riwayat[-1][:2] == ("evaluasi", "selesai")
    with pytest.raises(Ditolak):
        layanan.kegiatan.catat(kid, JenisCatatan.LAPORAN_BERKALA, "Laporan", oleh_id=pegawai_id)


def test_keluar_perencanaan_tanpa_indikator_ditolak_tanpa_menyimpan(layanan, db_demo):
    unit_id, pegawai_id = bidang_dinas(db_demo)
    kid = layanan.kegiatan.buat(KegiatanBaru(unit_id, "Tanpa indikator", pegawai_id=pegawai_id), oleh_id=pegawai_id)
    for _ in range(len(layanan.kegiatan.tahapan_unit(unit_id)[1].perencanaan) - 1):
        layanan.kegiatan.maju(kid, oleh_id=pegawai_id)
    sebelum = _sql(db_demo, "SELECT COUNT(*) FROM riwayat_tahap WHERE kegiatan_id = ?", kid)
    with pytest.raises(Ditolak, match="Indikator"):
        layanan.kegiatan.maju(kid, oleh_id=pegawai_id)
    assert _sql(db_demo, "SELECT tahap FROM kegiatan WHERE id = ?", kid) == [("perencanaan",)]
    assert _sql(db_demo, "SELECT COUNT(*) FROM riwayat_tahap WHERE kegiatan_id = ?", kid) == sebelum


@pytest.mark.parametrize(
    ("data", "pesan"),
    [
        ({"judul": "X", "tenggat": date(2026, 1, 1), "mulai": date(2026, 2, 1)}, "enggat"),
        ({"judul": "  "}, "udul"),
        ({"judul": "X", "rencana_anggaran": -1}, "Rencana anggaran"),
    ],
)
def test_data_kegiatan_salah_ditolak(layanan, db_demo, data, pesan):
    unit_id, pegawai_id = bidang_dinas(db_demo)
    with pytest.raises(Ditolak, match=pesan):
        layanan.kegiatan.buat(KegiatanBaru(unit_id, pegawai_id=pegawai_id, **data), oleh_id=pegawai_id)


def test_catatan_kendala_perlu_rekomendasi(layanan, db_demo):
    """Madiun Pasal 33 ayat (3)-(4): a kendala comes with alternative recommendations for a decision."""
    unit_id, pegawai_id = bidang_dinas(db_demo)
    kid = layanan.kegiatan.buat(KegiatanBaru(unit_id, "Survei", pegawai_id=pegawai_id), oleh_id=pegawai_id)
    with pytest.raises(Ditolak, match="Pasal 33"):
        layanan.kegiatan.catat(kid, JenisCatatan.KENDALA, "Data terlambat", oleh_id=pegawai_id)
    layanan.kegiatan.catat(
        kid,
        JenisCatatan.KENDALA,
        "Data terlambat",
        rekomendasi="Pakai data triwulan lalu",
        oleh_id=pegawai_id,
        progres=40,
    )
    assert _sql(db_demo, "SELECT progres FROM kegiatan WHERE id = ?", kid) == [(40,)]


def test_daftar_kegiatan_demo_bisa_dijalankan(layanan):
    daftar = layanan.kegiatan.daftar()
    assert {k.tahap for k in daftar} == set(Tahap)
    evaluasi = next(k for k in daftar if k.tahap is Tahap.EVALUASI)
    assert evaluasi.peninjau_kini


def test_daftar_disaring_tim_dan_orang(layanan, db_demo):
    tim_id, pegawai_id = _sql(
        db_demo,
        "SELECT k.tim_id, k.pegawai_id FROM keanggotaan k JOIN kegiatan g ON "
        "g.tim_id = k.tim_id WHERE k.status = 'aktif' LIMIT 1",
    )[0]
    per_tim = {k.id for k in layanan.kegiatan.daftar(tim_id=tim_id)}
    assert per_tim == {r[0] for r in _sql(db_demo, "SELECT id FROM kegiatan WHERE tim_id = ?", tim_id)}
    assert per_tim <= {k.id for k in layanan.kegiatan.daftar(pegawai_id=pegawai_id)}


# --- the checklist: the steps of the owner unit's type (profile [tahapan.*]) ---------------------


def test_kegiatan_baru_membawa_langkah_jenis_unitnya(layanan, db_demo):
    import json

    from sistemkerja_tui.aturan.enums import JenisUnit
    from sistemkerja_tui.aturan.profil import muat_profil

    unit_id, pegawai_id = bidang_dinas(db_demo)
    kid = layanan.kegiatan.buat(
        KegiatanBaru(unit_id, "Profil kesehatan 2026", pegawai_id=pegawai_id), oleh_id=pegawai_id
    )
    kunci, tahapan = muat_profil("madiun").tahapan_untuk([JenisUnit.BIDANG, JenisUnit.DINAS])
    ((ceklis, sub),) = _sql(db_demo, "SELECT ceklis, sub_tahap FROM kegiatan WHERE id = ?", kid)
    assert json.loads(ceklis)["mekanisme"] == kunci and sub == tahapan.perencanaan[0].kunci
    d = layanan.kegiatan.detail(kid)
    langkah = tahapan.perencanaan + tahapan.pelaksanaan
    assert [c.label for c in d.ceklis[: len(langkah)]] == [x.label for x in langkah]
    assert [c.pelaku for c in d.ceklis[: len(langkah)]] == [x.pelaku for x in langkah]
    assert [c.label for c in d.ceklis[len(langkah) :]] == [
        f"Reviu ke-{i} oleh {p.sebutan}" for i, p in enumerate(layanan.kegiatan.peninjau(unit_id), 1)
    ]
    assert d.ceklis[0].kini and not any(c.lewat for c in d.ceklis)
    assert tahapan.rujukan in d.dasar_ceklis
    layanan.kegiatan.maju(kid, oleh_id=pegawai_id)
    d = layanan.kegiatan.detail(kid)
    assert d.ceklis[0].lewat and d.ceklis[1].kini


def test_kegiatan_tersimpan_sebelum_ceklis_memakai_langkah_bawaan(layanan, db_demo):
    """A kegiatan saved before the steps were kept on it (ceklis '[]') walks the profile's baseline steps."""
    unit_id, pegawai_id = bidang_dinas(db_demo)
    kid = layanan.kegiatan.buat(
        KegiatanBaru(unit_id, "Lama", indikator="x", target="1", satuan="dok", pegawai_id=pegawai_id),
        oleh_id=pegawai_id,
    )
    _sql(
        db_demo,
        "UPDATE kegiatan SET ceklis = '[]', tahap = 'pelaksanaan', sub_tahap = 'pembagian_peran' WHERE id = ?",
        kid,
    )
    assert layanan.kegiatan.maju(kid, oleh_id=pegawai_id).sub_tahap == "pelaksanaan"
    assert (
        layanan.kegiatan.detail(kid).ringkas.keadaan == "Pelaksanaan — Pelaksanaan (monitoring, umpan balik, laporan)"
    )
