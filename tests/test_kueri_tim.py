"""The team and settings use cases through store.kueri: one audit format, refusals leave the file as it was."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from tests.bantu import data_tim as _data
from tests.bantu import sql as _sql

from sistemkerja_tui.aturan.aturan_tim import beban_di_atas_rata_rata
from sistemkerja_tui.aturan.sebutan import nama_lengkap
from sistemkerja_tui.layanan.galat import Ditolak


@pytest.fixture
def kadis(layanan):
    """The Kepala Dinas Kesehatan as the app's user."""
    calon = next(p for p in layanan.pengguna.calon() if p.jabatan == "Kepala Dinas Kesehatan")
    return layanan.pengguna.tetapkan(calon.pegawai_id)


def _nama_lengkap(db: str, pegawai_id: int) -> str:
    ((nama, depan, belakang),) = _sql(
        db, "SELECT nama, gelar_depan, gelar_belakang FROM pegawai WHERE id = ?", pegawai_id
    )
    return nama_lengkap(nama, depan, belakang)


def _berkas(db: str) -> dict[str, str]:
    """Digest of the database file and its WAL, byte for byte (the -shm index holds only read marks)."""
    return {
        akhiran: hashlib.sha256(Path(db + akhiran).read_bytes()).hexdigest()
        for akhiran in ("", "-wal")
        if Path(db + akhiran).exists()
    }


def test_perubahan_tim_mencatat_pelaku_dengan_id_dan_nama_lengkap(layanan, kadis, db_demo):
    tim = layanan.tim.bentuk_tim(_data(kadis.unit_id), oleh_id=kadis.pegawai_id)
    layanan.tim.ubah_tim(tim, _data(kadis.unit_id, nama="Tim Stunting 2026"), oleh_id=kadis.pegawai_id)
    ((pelaku_id, pelaku, rincian),) = _sql(
        db_demo, "SELECT pelaku_id, pelaku, rincian FROM riwayat WHERE aksi = 'ubah_tim' AND entitas_id = ?", tim
    )
    assert pelaku_id == kadis.pegawai_id
    assert pelaku == _nama_lengkap(db_demo, kadis.pegawai_id) == kadis.nama
    assert json.loads(rincian)["sebelum"]["nama"] == "Tim Percepatan Penurunan Stunting"


def test_setiap_perubahan_tim_dan_pengaturan_dicatat_dengan_satu_format(layanan, kadis, db_demo):
    oleh = kadis.pegawai_id
    (awal,) = _sql(db_demo, "SELECT COALESCE(MAX(id), 0) FROM riwayat WHERE aksi != 'tetapkan_pengguna'")[0]
    tim = layanan.tim.bentuk_tim(_data(kadis.unit_id), oleh_id=oleh)
    ketua = next(n for n in layanan.tim.kandidat_pimpinan(tim) if n.layak).kandidat.pegawai_id
    layanan.tim.tetapkan_pimpinan(tim, ketua, oleh_id=oleh)
    anggota = next(n for n in layanan.tim.kandidat_pimpinan(tim) if n.kandidat.pegawai_id != ketua).kandidat
    layanan.tim.tambah_anggota(tim, anggota.pegawai_id, "analis", oleh_id=oleh)
    k = next(a for a in layanan.tim.detail_tim(tim).anggota if a.pegawai_id == anggota.pegawai_id)
    layanan.tim.keluarkan_anggota(k.keanggotaan_id, "Pindah tugas", oleh_id=oleh)
    layanan.tim.bubarkan_tim(tim, "Program dialihkan", oleh_id=oleh)
    layanan.pengguna.tetapkan_status_ttd(oleh, "Plt.")

    # what this test did (the demo's own decided requests and rating are recorded by their pihak)
    baris = _sql(
        db_demo,
        "SELECT aksi, pelaku_id, pelaku FROM riwayat WHERE pelaku_id IS NOT NULL AND (id > ? OR aksi = "
        "'tetapkan_pengguna') ORDER BY id",
        awal,
    )
    aksi = [a for a, _, _ in baris]
    for harus in (
        "tetapkan_pengguna",
        "bentuk_tim",
        "penunjukan_ketua",
        "aktifkan_tim",
        "penunjukan_anggota",
        "keluarkan_anggota",
        "bubarkan_tim",
        "tetapkan_status_ttd",
    ):
        assert harus in aksi
    assert {(p, n) for a, p, n in baris if not a.startswith("permohonan_")} == {(oleh, _nama_lengkap(db_demo, oleh))}
    ((rincian,),) = _sql(db_demo, "SELECT rincian FROM riwayat WHERE aksi = 'tetapkan_status_ttd'")
    assert json.loads(rincian) == {"kunci": f"ttd.{oleh}", "sebelum": None, "sesudah": "Plt."}


def _usul_dengan_pegawai_tak_ada(layanan, kadis, tim):
    """Refused after the first candidate's row was already sent to the database in the transaction."""
    calon = next(n for n in layanan.tim.kandidat_pimpinan(tim)).kandidat.pegawai_id
    layanan.tim.usulkan_calon_ketua(tim, [calon, 10**9], oleh_id=kadis.pegawai_id)


@pytest.mark.parametrize(
    "tolak",
    [
        _usul_dengan_pegawai_tak_ada,
        lambda layanan, kadis, tim: layanan.tim.ubah_tim(tim, _data(kadis.unit_id + 1), oleh_id=kadis.pegawai_id),
        lambda layanan, kadis, tim: layanan.tim.keluarkan_anggota(10**9, "Tidak ada", oleh_id=kadis.pegawai_id),
        lambda layanan, kadis, tim: layanan.pengguna.tetapkan_status_ttd(kadis.pegawai_id, "Pj"),
        lambda layanan, kadis, tim: layanan.pengguna.tetapkan(10**9),
    ],
    ids=["usul_calon", "pindah_unit", "keanggotaan_tak_ada", "status_ttd", "pengguna"],
)
def test_penolakan_meninggalkan_berkas_database_sama_persis(layanan, kadis, db_demo, tolak):
    tim = layanan.tim.bentuk_tim(_data(kadis.unit_id), oleh_id=kadis.pegawai_id)
    sebelum = _berkas(db_demo)
    with pytest.raises(Ditolak):
        tolak(layanan, kadis, tim)
    assert _berkas(db_demo) == sebelum


def test_pembubaran_kedua_ditolak_tanpa_mengubah_berkas(layanan, kadis, db_demo):
    tim = layanan.tim.bentuk_tim(_data(kadis.unit_id), oleh_id=kadis.pegawai_id)
    layanan.tim.bubarkan_tim(tim, "Program dialihkan", oleh_id=kadis.pegawai_id)
    sebelum = _berkas(db_demo)
    with pytest.raises(Ditolak, match="sudah dibubarkan"):
        layanan.tim.bubarkan_tim(tim, "Sekali lagi", oleh_id=kadis.pegawai_id)
    assert _berkas(db_demo) == sebelum


def test_beban_di_atas_rata_rata_satu_aturan(layanan, kadis):
    assert not beban_di_atas_rata_rata(1, 0.5)  # one team is never too many
    assert beban_di_atas_rata_rata(2, 1.5) and not beban_di_atas_rata_rata(2, 2.0)
    beban = layanan.tim.beban_kerja(kadis.unit_id, batas=10_000)
    assert beban.di_atas == sum(p.di_atas_rata_rata for p in beban.pegawai)
    assert all(p.di_atas_rata_rata == beban_di_atas_rata_rata(p.tim, beban.rata_rata) for p in beban.pegawai)


def test_daftar_unit_panjang_tetap_satu_parameter(layanan):
    """Candidates over a long unit list: one list parameter, never one named parameter per id."""
    from sistemkerja_tui.store.db import transaksi
    from sistemkerja_tui.store.kueri import tim as kueri

    semua = [
        x
        for i in layanan.struktur.instansi
        for u in layanan.struktur.unit_akar(i.id)
        for x in layanan.struktur.subpohon(u.id)
    ]
    with transaksi(layanan.engine) as sesi:
        dekat = kueri.calon_pimpinan_sesi(sesi, semua, kecuali_tim=-1)
        jauh = kueri.calon_pimpinan_sesi(sesi, semua + list(range(10**6, 10**6 + 50_000)), kecuali_tim=-1)
    assert dekat and {r.id for r in jauh} == {r.id for r in dekat}
