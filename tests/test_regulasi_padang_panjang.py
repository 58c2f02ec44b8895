"""Perwal Padang Panjang 48/2024 rules driven through the use cases on a demo Pemda under that profile.

Each test quotes the passage it checks; a refusal leaves the database byte for byte as it was.
"""

from __future__ import annotations

import pytest
from tests import bantu
from tests.bantu import sql

from sistemkerja_tui.layanan.galat import Ditolak
from sistemkerja_tui.layanan.kegiatan import KegiatanBaru
from sistemkerja_tui.layanan.mulai import buka_database
from sistemkerja_tui.layanan.penugasan import DataIndividu
from sistemkerja_tui.layanan.ubah_struktur import DataUnit, JenisUnit


@pytest.fixture
def pp(db_baru):
    """A demo Pemda under the Padang Panjang profile (SQLite file or PostgreSQL database)."""
    from sistemkerja_tui.layanan.demo import buat_demo
    from sistemkerja_tui.store.db import siapkan_database

    url = db_baru("pp")
    engine = siapkan_database(url)
    buat_demo(engine, profil="padang_panjang", jumlah_pegawai=1500)
    engine.dispose()
    hasil = buka_database(url, demo_jika_kosong=False)
    yield hasil.layanan, url
    hasil.layanan.tutup()


def _pimpinan(layanan, unit_id: int) -> int:
    return layanan.struktur.unit(unit_id).pimpinan.pegawai_id


def _seksi_kelurahan(layanan, db) -> tuple[int, int]:
    """A Seksi of a Kelurahan (the demo gives the larger Kelurahan one) and its Kasi: (seksi, kasi)."""
    ada = sql(
        db,
        "SELECT s.id, s.pimpinan_id FROM unit_organisasi s JOIN unit_organisasi k ON k.id = s.induk_id "
        "WHERE s.jenis = 'seksi' AND k.jenis = 'kelurahan' AND s.pimpinan_id IS NOT NULL ORDER BY s.id LIMIT 1",
    )
    assert ada, "demo tanpa Seksi pada Kelurahan"
    return ada[0]


# --- Lampiran II huruf H angka 2 huruf c: the Lurah reviews alone -------------------------------------------


def test_kegiatan_seksi_kelurahan_ditinjau_lurah_saja(pp):
    # Lampiran II huruf H angka 2 huruf b angka 4): "hasil pelaksanaan kegiatan yang sudah sesuai dengan target,
    # disampaikan kepada lurah oleh sekretaris kelurahan/kepala seksi"; huruf c angka 1): "lurah meninjau hasil
    # pelaksanaan kegiatan" — the Kasi hands over, only the Lurah reviews and declares the kegiatan selesai.
    layanan, db = pp
    seksi, kasi = _seksi_kelurahan(layanan, db)
    lurah = _pimpinan(layanan, layanan.struktur.unit(seksi).induk_id)
    urutan = layanan.kegiatan.peninjau(seksi)
    assert [(p.sebutan, p.pegawai_id) for p in urutan] == [("Lurah", lurah)]
    assert "huruf H angka 2 huruf c" in urutan[0].rujukan
    assert layanan.kegiatan.tahapan_unit(seksi)[0] == "kelurahan"  # the Kelurahan's steps, huruf H

    kid = layanan.kegiatan.buat(
        KegiatanBaru(
            seksi, "Pendataan penduduk rentan", indikator="Data", target="1", satuan="dokumen", pegawai_id=kasi
        ),
        oleh_id=lurah,
    )
    bantu.ke_evaluasi(layanan, kid, kasi)
    sebelum = bantu.sidik(db)
    with pytest.raises(Ditolak, match="hanya Lurah"):
        layanan.kegiatan.setujui(kid, oleh_id=kasi)
    assert bantu.sidik(db) == sebelum
    assert layanan.kegiatan.setujui(kid, oleh_id=lurah).selesai


def test_subunit_puskesmas_ditinjau_kepala_puskesmas(pp):
    # Lampiran II huruf J angka 2, Tahap Evaluasi angka 1): "Kepala Puskesmas ... meninjau hasil pelaksanaan
    # kegiatan"; the same mechanism as the Kelurahan decides a unit beneath a Puskesmas (or an UPTD, huruf I).
    layanan, db = pp
    (pkm,) = sql(db, "SELECT id FROM unit_organisasi WHERE jenis = 'puskesmas' ORDER BY id LIMIT 1")[0]
    hasil = layanan.ubah_struktur.tambah_unit(
        DataUnit("Subbagian Tata Usaha", JenisUnit.SUBBAGIAN, "TUPKMX", induk_id=pkm), oleh_id=None
    )
    layanan.ubah_struktur.segarkan(hasil)
    assert [p.pegawai_id for p in layanan.kegiatan.peninjau(hasil.id)] == [_pimpinan(layanan, pkm)]
    assert layanan.kegiatan.tahapan_unit(hasil.id)[0] == "puskesmas"


# --- Lampiran III: dialog kinerja after penugasan ----------------------------------------------------------


def test_dialog_kinerja_sesudah_penugasan(pp):
    # Lampiran III (Penugasan), paragraf kesatu: "Penugasan merupakan tahap pendahuluan sebelum pegawai melakukan
    # dialog kinerja untuk menetapkan dan mengklarifikasi ekspektasi pimpinan." — once the penugasan is done the
    # dialog kinerja is due (the current step); checking it records that it was held, by whom and when.
    layanan, db = pp
    (kelurahan,) = sql(db, "SELECT id FROM unit_organisasi WHERE jenis = 'kelurahan' ORDER BY id LIMIT 1")[0]
    lurah = _pimpinan(layanan, kelurahan)
    (staf,) = sql(
        db,
        "SELECT id FROM pegawai WHERE unit_id = ? AND jenis_jabatan IN ('fungsional', 'pelaksana') ORDER BY id",
        kelurahan,
    )[0]
    layanan.penugasan.tugaskan_individu(
        DataIndividu(kelurahan, staf, "Pemutakhiran data RT/RW", indikator="Data", target="1", satuan="dokumen"),
        oleh_id=lurah,
    )
    (kid,) = sql(db, "SELECT id FROM kegiatan WHERE pegawai_id = ? ORDER BY id DESC LIMIT 1", staf)[0]
    assert sql(db, "SELECT sub_tahap FROM kegiatan WHERE id = ?", kid) == [("penugasan",)]
    layanan.kegiatan.maju(kid, oleh_id=lurah)
    detail = layanan.kegiatan.detail(kid)
    kini = next(x for x in detail.ceklis if x.kini)
    assert kini.label == "Dialog kinerja: ekspektasi ditetapkan dan diklarifikasi"  # due
    assert kini.pelaku == "Pimpinan Unit Organisasi dan pegawai yang ditugaskan"
    assert layanan.kegiatan.maju(kid, oleh_id=lurah).sub_tahap == "penunjukan_ketua_tim"
    lini = layanan.kegiatan.detail(kid).lini_masa
    assert "Perencanaan: Dialog kinerja: ekspektasi ditetapkan dan diklarifikasi" in {apa for _, apa, _ in lini}
    (riwayat,) = sql(
        db, "SELECT oleh_id FROM riwayat_tahap WHERE kegiatan_id = ? AND sub_tahap = 'penunjukan_ketua_tim'", kid
    )
    assert riwayat == (lurah,)  # held: who checked the dialog step, and when (riwayat_tahap.waktu)
    assert "Lampiran III" in muat_dialog(layanan, kelurahan)


def muat_dialog(layanan, unit_id: int) -> str:
    """The passage of the dialog kinerja step of a unit's kegiatan."""
    _, tahapan = layanan.kegiatan.tahapan_unit(unit_id)
    return next(x.rujukan for x in tahapan.perencanaan if x.kunci == bantu.DIALOG)


def test_setiap_tahapan_memuat_dialog_sesudah_penugasan():
    # The choice between Lampiran II (arahan dan ekspektasi in perencanaan, for some units before the penugasan)
    # and Lampiran III (penugasan before the dialog kinerja) is the profile's `[dialog_kinerja] setelah`.
    from sistemkerja_tui.aturan.profil import muat_profil

    for nama, rujukan in (
        ("padang_panjang", "Perwal Padang Panjang 48/2024, Lampiran III"),
        ("klaten", "Perbup Klaten 34/2024, Lampiran huruf B angka 2 huruf r"),
    ):
        profil = muat_profil(nama)
        assert profil.dialog_kinerja is not None and profil.dialog_kinerja.setelah == "penugasan"
        for t in profil.tahapan.values():
            kunci = [x.kunci for x in t.perencanaan]
            assert kunci[kunci.index("penugasan") + 1] == bantu.DIALOG, nama
            assert t.perencanaan[kunci.index(bantu.DIALOG)].rujukan.startswith(rujukan)
    for nama in ("madiun", "luwu_utara", "cilegon"):  # silent on the dialog kinerja
        profil = muat_profil(nama)
        assert profil.dialog_kinerja is None
        assert all(bantu.DIALOG not in (x.kunci for x in t.perencanaan) for t in profil.tahapan.values())


def test_dpmptsp_huruf_e_sekretaris_lalu_kepala_dinas(pp):
    # Lampiran II huruf E angka 2 huruf c: "Kepala Dinas dan sekretaris meninjau hasil pelaksanaan kegiatan"; angka 3)
    # "Sekretaris menyampaikan hasil pelaksanaan kegiatan di lingkup sekretariat ... kepada Kepala Dinas, dan Kepala
    # Dinas menerima hasil pelaksanaan kegiatan". The demo's DPMPTSP is its own unit type, not a plain Dinas.
    layanan, db = pp
    (sekretariat, kadis) = sql(
        db,
        "SELECT s.id, d.pimpinan_id FROM unit_organisasi s JOIN unit_organisasi d ON d.id = s.induk_id "
        "WHERE d.jenis = 'dpmptsp' AND s.jenis = 'sekretariat'",
    )[0]
    urutan = layanan.kegiatan.peninjau(sekretariat)
    assert [p.sebutan for p in urutan] == ["Sekretaris", "Kepala Dinas"]
    assert urutan[1].pegawai_id == kadis and "huruf E" in urutan[0].rujukan
    kunci, tahapan = layanan.kegiatan.tahapan_unit(sekretariat)
    assert kunci == "dpmptsp" and tahapan.rujukan.startswith("Perwal Padang Panjang 48/2024, Lampiran II huruf E")
