"""Perbup Klaten 34/2024 rules driven through the use cases on a demo Pemda under that profile.

Each test quotes the passage it checks; a refusal leaves the database byte for byte as it was.
"""

from __future__ import annotations

from datetime import date

import pytest
from tests import bantu
from tests.bantu import data_tim, sql

from sistemkerja_tui.layanan.galat import Ditolak
from sistemkerja_tui.layanan.mulai import buka_database
from sistemkerja_tui.layanan.tim import PeranTim, StatusKeanggotaan

PJ = PeranTim.PENANGGUNG_JAWAB


@pytest.fixture
def klaten(db_baru):
    """A demo Pemda under the Klaten profile (SQLite file or PostgreSQL database)."""
    from sistemkerja_tui.layanan.demo import buat_demo
    from sistemkerja_tui.store.db import siapkan_database

    url = db_baru("klaten")
    engine = siapkan_database(url)
    buat_demo(engine, profil="klaten", jumlah_pegawai=1500)
    engine.dispose()
    hasil = buka_database(url, demo_jika_kosong=False)
    yield hasil.layanan, url
    hasil.layanan.tutup()


def _kode(e: Ditolak) -> set[str]:
    return {t.kode for t in e.temuan}


def _unit(db, jenis: str) -> tuple[int, int]:
    """(unit id, pimpinan id) of the first unit of `jenis`."""
    return sql(db, "SELECT id, pimpinan_id FROM unit_organisasi WHERE jenis = ? ORDER BY id LIMIT 1", jenis)[0]


def test_penanggungjawab_hanya_di_dpmptsp(klaten):
    # Pasal 13 ayat (1): "Dalam rangka membantu kinerja Pejabat Pimpinan Tinggi pada Unit Organisasi Dinas Penanaman
    # Modal dan Pelayanan Terpadu Satu Pintu dapat ditunjuk Penanggungjawab."; Pasal 1 angka 23: "Penanggungjawab
    # adalah pejabat fungsional ahli madya atau ... ahli muda pada Dinas Penanaman Modal dan Pelayanan Terpadu Satu
    # Pintu"
    layanan, db = klaten
    dinkes, kadis = sql(
        db, "SELECT id, pimpinan_id FROM unit_organisasi WHERE nama = 'Dinas Kesehatan' ORDER BY id LIMIT 1"
    )[0]
    tim = layanan.tim.bentuk_tim(data_tim(dinkes), oleh_id=kadis)
    jf = next(n.kandidat.pegawai_id for n in layanan.tim.kandidat_pimpinan(tim, PJ))
    assert [p for p, _ in layanan.tim.peran_berusulan(tim)] == [PeranTim.KETUA]  # U offers the ketua only
    sebelum = bantu.sidik(db)
    with pytest.raises(Ditolak, match=r"Pasal 13 ayat \(1\)") as e:
        layanan.tim.tetapkan_pimpinan(tim, jf, PJ, oleh_id=kadis)
    assert "peran_di_luar_unit" in _kode(e.value)
    assert "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu" in e.value.pesan
    with pytest.raises(Ditolak, match=r"Pasal 13 ayat \(1\)"):
        layanan.tim.usulkan_calon_ketua(tim, [jf, jf + 1], oleh_id=kadis, peran=PJ)
    assert bantu.sidik(db) == sebelum


def test_penanggungjawab_dari_dua_calon_dengan_rekomendasi_sekda(klaten):
    # Pasal 13 ayat (3): "Penanggungjawab ... ditunjuk oleh Pimpinan Unit Organisasi atas rekomendasi Sekretaris
    # Daerah dengan mekanisme sebagai berikut: a. Kepala Perangkat Daerah mengusulkan minimal 2 (dua) orang kepada
    # Sekretaris Daerah ...; c. Sekretaris Daerah mengeluarkan Keputusan Sekretaris Daerah tentang rekomendasi ...;
    # d. Kepala Perangkat Daerah ... menetapkan Keputusan tentang Penunjukan penanggungjawab setelah mendapat
    # rekomendasi dari Sekretaris Daerah."
    layanan, db = klaten
    dpmptsp, kadis = _unit(db, "dpmptsp")
    tim = layanan.tim.bentuk_tim(data_tim(dpmptsp, nama="Kelompok Kerja Perizinan"), oleh_id=kadis)
    calon = layanan.tim.kandidat_pimpinan(tim, PJ)
    layak = [n.kandidat.pegawai_id for n in calon if n.layak]
    assert layak, "DPMPTSP demo tanpa JF Ahli Muda/Madya"
    a = layak[0]
    b = next(n.kandidat.pegawai_id for n in calon if n.kandidat.pegawai_id != a)
    assert [p for p, _ in layanan.tim.peran_berusulan(tim)] == [PeranTim.KETUA, PJ]

    sebelum = bantu.sidik(db)
    with pytest.raises(Ditolak, match=r"Pasal 13 ayat \(3\)") as e:
        layanan.tim.tetapkan_pimpinan(tim, a, PJ, oleh_id=kadis)
    assert {"calon_kurang", "rekomendasi_belum_ada"} <= _kode(e.value)
    with pytest.raises(Ditolak, match=r"2 \(dua\) calon Penanggungjawab"):
        layanan.tim.usulkan_calon_ketua(tim, [a], oleh_id=kadis, peran=PJ)
    assert bantu.sidik(db) == sebelum

    layanan.tim.usulkan_calon_ketua(tim, [a, b], oleh_id=kadis, peran=PJ)
    with pytest.raises(Ditolak, match="rekomendasi"):
        layanan.tim.tetapkan_pimpinan(tim, a, PJ, oleh_id=kadis)
    layanan.tim.catat_rekomendasi_sekda(tim, a, "Keputusan Sekda nomor 800/12", oleh_id=kadis, peran=PJ)
    assert sql(db, "SELECT rekomendasi_pj_id, rekomendasi_ketua_id FROM tim_kerja WHERE id = ?", tim) == [(a, None)]
    layanan.tim.tetapkan_pimpinan(tim, a, PJ, oleh_id=kadis)
    status = {(x.pegawai_id, x.peran): x.status for x in layanan.tim.detail_tim(tim).anggota}
    assert status[(a, PJ)] is StatusKeanggotaan.AKTIF
    assert status[(b, PJ)] is StatusKeanggotaan.DIBATALKAN

    # Pasal 13 ayat (3) huruf b: "Usulan disampaikan setiap akhir tahun atau setiap terjadi kekosongan
    # penanggungjawab" — with a Penanggungjawab in place, a new proposal waits for the end of the year
    sebelum = bantu.sidik(db)
    with pytest.raises(Ditolak, match=r"Pasal 13 ayat \(3\) huruf b") as e:
        layanan.tim.usulkan_calon_ketua(tim, [a, b], oleh_id=kadis, peran=PJ, hari_ini=date(2026, 6, 15))
    assert "usulan_di_luar_waktu" in _kode(e.value)
    assert bantu.sidik(db) == sebelum
    c = next(n.kandidat.pegawai_id for n in calon if n.kandidat.pegawai_id not in (a, b))
    with pytest.raises(Ditolak, match="sudah menjadi Penanggungjawab"):
        layanan.tim.usulkan_calon_ketua(tim, [a, b], oleh_id=kadis, peran=PJ, hari_ini=date(2026, 12, 10))
    layanan.tim.usulkan_calon_ketua(tim, [b, c], oleh_id=kadis, peran=PJ, hari_ini=date(2026, 12, 10))
    assert sql(db, "SELECT COUNT(*) FROM keanggotaan WHERE tim_id = ? AND status = 'usulan'", tim) == [(2,)]


def test_usulan_ketua_pada_kekosongan_kapan_saja(klaten):
    # Pasal 14 ayat (1) huruf b: "Usulan disampaikan setiap akhir tahun atau setiap terjadi kekosongan Ketua
    # Kelompok Kerja" — a new Kelompok Kerja has no ketua: its candidates may be proposed in any month.
    layanan, db = klaten
    dpmptsp, kadis = _unit(db, "dpmptsp")
    tim = layanan.tim.bentuk_tim(data_tim(dpmptsp, nama="Kelompok Kerja Promosi Investasi"), oleh_id=kadis)
    a, b = [n.kandidat.pegawai_id for n in layanan.tim.kandidat_pimpinan(tim)][:2]
    layanan.tim.usulkan_calon_ketua(tim, [a, b], oleh_id=kadis, hari_ini=date(2026, 3, 2))
    assert sql(db, "SELECT COUNT(*) FROM keanggotaan WHERE tim_id = ? AND status = 'usulan'", tim) == [(2,)]


def test_pelaksana_puskesmas_dinilai_kepala_tata_usaha(klaten):
    # Lampiran huruf B, tabel huruf i (Puskesmas): Kepala Tata Usaha (JF Tenaga Kesehatan) menilai Pelaksana; the
    # demo gives each Puskesmas a Subbagian Tata Usaha holding its pelaksana.
    layanan, db = klaten
    (tu, kepala_tu) = sql(
        db,
        "SELECT s.id, s.pimpinan_id FROM unit_organisasi s JOIN unit_organisasi p ON p.id = s.induk_id "
        "WHERE s.jenis = 'subbagian' AND p.jenis = 'puskesmas' ORDER BY s.id LIMIT 1",
    )[0]
    (pelaksana,) = sql(
        db, "SELECT id FROM pegawai WHERE unit_id = ? AND jenis_jabatan = 'pelaksana' ORDER BY id LIMIT 1", tu
    )[0]
    ppk = layanan.struktur.detail_pegawai(pelaksana).ppk
    assert ppk.ppk is not None and ppk.ppk.pegawai_id == kepala_tu
    assert "tabel huruf i" in ppk.rujukan
