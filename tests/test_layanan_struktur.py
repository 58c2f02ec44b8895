"""Read side of the Struktur screen on the demo Pemda (real SQLite, no mocks)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.bantu import sql as _sql

from sistemkerja_tui.layanan.mulai import buka_database
from sistemkerja_tui.layanan.struktur import LayananStruktur


@pytest.fixture
def layanan(db_demo) -> Iterator[LayananStruktur]:
    hasil = buka_database(db_demo, demo_jika_kosong=False)
    yield hasil.struktur
    hasil.layanan.tutup()


def test_setiap_jf_dan_pelaksana_punya_ppk(layanan, db_demo):
    """Demo invariant: every JF and pelaksana resolves to a PPK (Madiun Pasal 1 angka 13, Pasal 43)."""
    ids = [r[0] for r in _sql(db_demo, "SELECT id FROM pegawai WHERE jenis_jabatan IN ('fungsional', 'pelaksana')")]
    assert len(ids) > 1000
    tanpa = []
    for pid in ids:
        ppk = layanan.detail_pegawai(pid).ppk
        if ppk.temuan is not None or (ppk.ppk is None and not ppk.sebutan):
            tanpa.append((pid, ppk))
        elif ppk.ppk is not None:
            assert ppk.ppk.pegawai_id != pid
            assert ppk.rujukan
    assert not tanpa, tanpa[:3]


def test_pimpinan_unit_dinilai_pimpinan_unit_induk(layanan, db_demo):
    (kabid, kadis_id) = _sql(
        db_demo,
        "SELECT u.pimpinan_id, i.pimpinan_id FROM unit_organisasi u JOIN unit_organisasi i ON i.id = u.induk_id "
        "WHERE u.jenis = 'bidang' AND i.jenis = 'dinas' AND u.pimpinan_id IS NOT NULL ORDER BY u.id LIMIT 1",
    )[0]
    assert layanan.detail_pegawai(kabid).ppk.ppk.pegawai_id == kadis_id


def test_ppk_tersimpan_menang_dan_ditandai(layanan, db_demo):
    pid, override_id, alasan = _sql(
        db_demo,
        "SELECT id, ppk_override_id, ppk_override_alasan FROM pegawai WHERE ppk_override_id IS NOT NULL LIMIT 1",
    )[0]
    ppk = layanan.detail_pegawai(pid).ppk
    assert ppk.override and ppk.ppk.pegawai_id == override_id
    assert alasan in ppk.rujukan
    unit_id = _sql(db_demo, "SELECT unit_id FROM pegawai WHERE id = ?", pid)[0][0]
    posisi = layanan.posisi_pegawai(pid, unit_id)
    halaman = layanan.halaman_pegawai(unit_id, halaman=posisi // 100)
    baris = next(b for b in halaman.baris if b.id == pid)
    assert baris.ppk.endswith("*")


def test_halaman_tidak_memuat_lebih_dari_satu_halaman(layanan, db_demo):
    pd = max(layanan.unit_akar(layanan.instansi[0].id), key=lambda u: len(layanan.subpohon(u.id)))
    semua = layanan.halaman_pegawai(pd.id, termasuk_sub=True, per_halaman=50)
    assert semua.total > 50 and len(semua.baris) == 50
    kedua = layanan.halaman_pegawai(pd.id, termasuk_sub=True, halaman=1, per_halaman=50)
    assert not {b.id for b in semua.baris} & {b.id for b in kedua.baris}
    terakhir = layanan.halaman_pegawai(pd.id, termasuk_sub=True, halaman=999, per_halaman=50)
    assert terakhir.halaman == semua.jumlah_halaman - 1
    sendiri = layanan.halaman_pegawai(pd.id)
    assert sendiri.total < semua.total
    assert sendiri.baris[0].pimpinan_unit  # the leader comes first


def test_posisi_pegawai_sesuai_urutan_halaman(layanan, db_demo):
    unit_id = _sql(db_demo, "SELECT unit_id FROM pegawai GROUP BY unit_id ORDER BY COUNT(*) DESC LIMIT 1")[0][0]
    halaman = layanan.halaman_pegawai(unit_id, per_halaman=500)
    for i, b in enumerate(halaman.baris[:20]):
        assert layanan.posisi_pegawai(b.id, unit_id) == i


def test_cari_nama_nip_berspasi_dan_jabatan(layanan, db_demo):
    pid, nama, nip, jabatan = _sql(
        db_demo, "SELECT id, nama, nip, nama_jabatan FROM pegawai WHERE jenis_jabatan = 'fungsional' LIMIT 1"
    )[0]
    assert any(h.pegawai_id == pid for h in layanan.cari(nama))
    berspasi = f"{nip[:8]} {nip[8:14]} {nip[14]}"
    assert pid in [h.pegawai_id for h in layanan.cari(berspasi)]
    hasil = layanan.cari(jabatan)
    assert hasil and all(
        all(k in f"{h.nama} {h.jabatan}".casefold() for k in jabatan.casefold().split()) for h in hasil
    )
    # the whole phrase ranks before matches of the separate words
    frasa = [jabatan.casefold() in h.jabatan.casefold() for h in hasil]
    assert frasa == sorted(frasa, reverse=True)
    assert layanan.cari("zzqxw") == [] and layanan.cari("   ") == []
    assert len(layanan.cari("a")) == 50


def test_jalur_unit_dari_perangkat_daerah(layanan, db_demo):
    unit_id = _sql(
        db_demo,
        "SELECT u.id FROM unit_organisasi u JOIN unit_organisasi i ON i.id = u.induk_id "
        "WHERE i.induk_id IS NOT NULL LIMIT 1",
    )[0][0]
    jalur = layanan.jalur_unit(unit_id)
    assert len(jalur) >= 3 and jalur[0].induk_id is None and jalur[-1].id == unit_id


def test_ppk_banyak_baris_sama_dengan_satu_per_satu(layanan, db_demo):
    """The anomaly list's PPK of every pegawai (rows sharing unit, jenis jabatan and jenjang share one result) is
    the PPK each pegawai gets alone — leaders, Plt./Plh. and overrides included."""
    from sistemkerja_tui.store.kueri.anomali import pegawai_aktif

    rows = pegawai_aktif(layanan.pembaca)
    assert len(rows) > 1000
    assert any(r.ppk_override_id for r in rows)
    assert layanan.ppk_baris(rows) == [layanan.ppk_pegawai(r.id) for r in rows]
