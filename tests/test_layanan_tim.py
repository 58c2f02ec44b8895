"""Tim kerja and penugasan use cases on the demo Pemda: real SQLite, every path, nothing saved on refusal."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from tests.bantu import data_tim as _data
from tests.bantu import sql as _sql

from sistemkerja_tui.layanan.galat import Ditolak
from sistemkerja_tui.layanan.mulai import buka_database
from sistemkerja_tui.layanan.penugasan import IsiSuratPermohonan, StatusPermohonan
from sistemkerja_tui.layanan.tim import (
    BentukTim,
    JenisPembentukan,
    LingkupPenugasan,
    PeranTim,
    StatusKeanggotaan,
    StatusTim,
)

ISI = IsiSuratPermohonan(
    maksud_tujuan="Membantu analisis data stunting",
    kompetensi="Analisis data kesehatan",
    ekspektasi="Laporan analisis triwulanan",
    durasi="6 (enam) bulan",
)


def _isi_tabel(db) -> str:
    """Digest of the rows a refused use case must leave untouched."""
    h = hashlib.sha256()
    for tabel in ("tim_kerja", "keanggotaan", "permohonan", "riwayat_permohonan", "riwayat"):
        h.update(repr(_sql(db, f"SELECT * FROM {tabel} ORDER BY 1")).encode())
    return h.hexdigest()


@pytest.fixture
def kadis(layanan):
    """The Kepala Dinas Kesehatan as the app's user."""
    calon = next(p for p in layanan.pengguna.calon() if p.jabatan == "Kepala Dinas Kesehatan")
    return layanan.pengguna.tetapkan(calon.pegawai_id)


def _tim_berketua(layanan, kadis) -> int:
    tim = layanan.tim.bentuk_tim(_data(kadis.unit_id), oleh_id=kadis.pegawai_id)
    ketua = next(n for n in layanan.tim.kandidat_pimpinan(tim) if n.layak)
    layanan.tim.tetapkan_pimpinan(tim, ketua.kandidat.pegawai_id, oleh_id=kadis.pegawai_id)
    return tim


def _pegawai_luar(layanan, db, unit_id) -> int:
    sub = ",".join(map(str, layanan.struktur.subpohon(unit_id)))
    return _sql(
        db,
        f"SELECT p.id FROM pegawai p JOIN unit_organisasi u ON u.id = p.unit_id JOIN instansi i "
        f"ON i.id = u.instansi_id WHERE NOT i.luar AND p.unit_id NOT IN ({sub}) "
        "AND p.jenis_jabatan = 'fungsional' ORDER BY p.id LIMIT 1",
    )[0][0]


def _pegawai_dalam(layanan, db, unit_id, offset=3) -> int:
    sub = ",".join(map(str, layanan.struktur.subpohon(unit_id)))
    return _sql(
        db,
        f"SELECT id FROM pegawai WHERE unit_id IN ({sub}) AND jenis_jabatan IN ('fungsional', "
        f"'pelaksana') ORDER BY id LIMIT 1 OFFSET {offset}",
    )[0][0]


# --- forming -------------------------------------------------------------------------


def test_bentuk_tim_dicatat_di_riwayat(layanan, kadis, db_demo):
    tim = layanan.tim.bentuk_tim(_data(kadis.unit_id), oleh_id=kadis.pegawai_id)
    detail = layanan.tim.detail_tim(tim)
    assert detail.ringkas.status is StatusTim.DRAF and detail.ringkas.nama == "Tim Percepatan Penurunan Stunting"
    assert _sql(db_demo, "SELECT aksi FROM riwayat WHERE entitas = 'tim_kerja' AND entitas_id = ?", tim) == [
        ("bentuk_tim",)
    ]


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        ({"nama": "   "}, "nama tim"),
        ({"selesai": date(2025, 12, 1)}, "selesai"),
        ({"tahun_anggaran": 2025}, "tahun anggaran"),
    ],
)
def test_bentuk_tim_salah_ditolak_tanpa_menyimpan(layanan, kadis, db_demo, ubah, pesan):
    sebelum = _isi_tabel(db_demo)
    with pytest.raises(Ditolak) as e:
        layanan.tim.bentuk_tim(_data(kadis.unit_id, **ubah), oleh_id=kadis.pegawai_id)
    assert pesan in e.value.pesan.lower()
    assert _isi_tabel(db_demo) == sebelum


def test_ubah_dan_bubarkan_tim(layanan, kadis, db_demo):
    tim = _tim_berketua(layanan, kadis)
    layanan.tim.ubah_tim(tim, _data(kadis.unit_id, nama="Tim Stunting 2026"), oleh_id=kadis.pegawai_id)
    assert layanan.tim.detail_tim(tim).ringkas.nama == "Tim Stunting 2026"
    luar = _pegawai_luar(layanan, db_demo, kadis.unit_id)
    layanan.tim.tambah_anggota(tim, luar, "analis", oleh_id=kadis.pegawai_id, isi=ISI)
    with pytest.raises(Ditolak, match="Alasan pembubaran wajib diisi"):
        layanan.tim.bubarkan_tim(tim, " ", oleh_id=kadis.pegawai_id)
    layanan.tim.bubarkan_tim(tim, "Program dialihkan", oleh_id=kadis.pegawai_id)
    assert {a.status for a in layanan.tim.detail_tim(tim).anggota} == {
        StatusKeanggotaan.BERAKHIR,
        StatusKeanggotaan.DIBATALKAN,
    }
    assert _sql(db_demo, "SELECT status FROM permohonan WHERE tim_id = ? AND lingkup = 'lintas_unit'", tim) == [
        ("dibatalkan",)
    ]
    with pytest.raises(Ditolak, match="dibubarkan"):
        layanan.tim.tambah_anggota(tim, _pegawai_dalam(layanan, db_demo, kadis.unit_id), oleh_id=kadis.pegawai_id)


# --- the ketua ----------------------------------------------------------------------------


def test_pemilih_ketua_layak_lebih_dulu_dan_alasan_yang_lain(layanan, kadis):
    tim = layanan.tim.bentuk_tim(_data(kadis.unit_id), oleh_id=kadis.pegawai_id)
    calon = layanan.tim.kandidat_pimpinan(tim)
    layak = [n.layak for n in calon]
    assert any(layak) and not all(layak)
    assert layak == sorted(layak, reverse=True)  # eligible first
    for n in calon:
        if not n.layak:
            assert any(t.memblokir and t.rujukan for t in n.temuan)


def test_ketua_tidak_memenuhi_kriteria_ditolak(layanan, kadis, db_demo):
    """Madiun Lampiran Bab II huruf D: "berpredikat kinerja paling rendah baik selama 2 (dua) tahun" …"""
    tim = layanan.tim.bentuk_tim(_data(kadis.unit_id), oleh_id=kadis.pegawai_id)
    gagal = next(n for n in layanan.tim.kandidat_pimpinan(tim) if not n.layak)
    sebelum = _isi_tabel(db_demo)
    with pytest.raises(Ditolak) as e:
        layanan.tim.tetapkan_pimpinan(tim, gagal.kandidat.pegawai_id, oleh_id=kadis.pegawai_id)
    assert "Perwal Madiun 73/2023" in e.value.pesan
    assert _isi_tabel(db_demo) == sebelum


def test_ketua_ketiga_ditolak_di_madiun(layanan, kadis, db_demo):
    """Madiun Lampiran Bab II huruf F angka 3: paling banyak 2 (dua) peran ketua/koordinator."""
    ketua = next(
        n
        for n in layanan.tim.kandidat_pimpinan(layanan.tim.bentuk_tim(_data(kadis.unit_id), oleh_id=kadis.pegawai_id))
        if n.layak
    ).kandidat.pegawai_id
    for i in range(2):
        tim = layanan.tim.bentuk_tim(_data(kadis.unit_id, nama=f"Tim {i}"), oleh_id=kadis.pegawai_id)
        layanan.tim.tetapkan_pimpinan(tim, ketua, oleh_id=kadis.pegawai_id)
    ketiga = layanan.tim.bentuk_tim(_data(kadis.unit_id, nama="Tim 3"), oleh_id=kadis.pegawai_id)
    with pytest.raises(Ditolak, match="F angka 3"):
        layanan.tim.tetapkan_pimpinan(ketiga, ketua, oleh_id=kadis.pegawai_id)
    assert layanan.tim.detail_tim(ketiga).ringkas.ketua == "—"


def test_ketua_baru_menggantikan_yang_lama(layanan, kadis):
    tim = layanan.tim.bentuk_tim(_data(kadis.unit_id), oleh_id=kadis.pegawai_id)
    a, b = [n.kandidat.pegawai_id for n in layanan.tim.kandidat_pimpinan(tim) if n.layak][:2]
    layanan.tim.tetapkan_pimpinan(tim, a, oleh_id=kadis.pegawai_id)
    layanan.tim.tetapkan_pimpinan(tim, b, oleh_id=kadis.pegawai_id)
    status = {(x.pegawai_id, x.peran): x.status for x in layanan.tim.detail_tim(tim).anggota}
    assert status[(a, PeranTim.KETUA)] is StatusKeanggotaan.BERAKHIR
    assert status[(b, PeranTim.KETUA)] is StatusKeanggotaan.AKTIF
    assert layanan.tim.detail_tim(tim).ringkas.status is StatusTim.AKTIF


# --- members and requests -----------------------------------------------------------


def test_anggota_dalam_unit_langsung_aktif_dan_tidak_boleh_dua_kali(layanan, kadis, db_demo):
    tim = _tim_berketua(layanan, kadis)
    pid = _pegawai_dalam(layanan, db_demo, kadis.unit_id)
    assert layanan.tim.tambah_anggota(tim, pid, "pengolah data", oleh_id=kadis.pegawai_id).label == "Aktif"
    sebelum = _isi_tabel(db_demo)
    with pytest.raises(Ditolak, match="sudah ada di tim ini"):
        layanan.tim.tambah_anggota(tim, pid, "lagi", oleh_id=kadis.pegawai_id)
    assert _isi_tabel(db_demo) == sebelum


def test_pegawai_tidak_dikenal_ditolak(layanan, kadis):
    tim = _tim_berketua(layanan, kadis)
    with pytest.raises(Ditolak, match="tidak ditemukan"):
        layanan.tim.tambah_anggota(tim, 999_999, oleh_id=kadis.pegawai_id)


def test_lintas_unit_tanpa_empat_isi_ditolak(layanan, kadis, db_demo):
    """Luwu Utara Lampiran / Cilegon Lampiran B: the request states maksud, kompetensi, ekspektasi, durasi."""
    tim = _tim_berketua(layanan, kadis)
    luar = _pegawai_luar(layanan, db_demo, kadis.unit_id)
    sebelum = _isi_tabel(db_demo)
    with pytest.raises(Ditolak) as e:
        layanan.tim.tambah_anggota(
            tim,
            luar,
            "analis",
            oleh_id=kadis.pegawai_id,
            isi=IsiSuratPermohonan(maksud_tujuan="x", kompetensi="y", ekspektasi="z"),
        )
    assert "durasi" in e.value.pesan.lower()
    assert _isi_tabel(db_demo) == sebelum


def test_lintas_unit_disetujui_ppk_pegawai(layanan, kadis, db_demo):
    """Madiun Pasal 27 ayat (4): the request goes to the PPK of the pegawai's unit."""
    tim = _tim_berketua(layanan, kadis)
    luar = _pegawai_luar(layanan, db_demo, kadis.unit_id)
    assert layanan.tim.tambah_anggota(tim, luar, "analis", oleh_id=kadis.pegawai_id, isi=ISI).label == (
        "Menunggu persetujuan"
    )
    anggota = next(a for a in layanan.tim.detail_tim(tim).anggota if a.pegawai_id == luar)
    assert anggota.status is StatusKeanggotaan.MENUNGGU and anggota.asal is LingkupPenugasan.LINTAS_UNIT
    assert layanan.tim.detail_tim(tim).ringkas.anggota_aktif == 1  # only the ketua counts
    pid = anggota.permohonan_id
    with pytest.raises(Ditolak, match="Pejabat Penilai Kinerja"):
        layanan.penugasan.setujui(pid, oleh_id=kadis.pegawai_id)  # the requester cannot approve it
    ppk = layanan.struktur.ppk_pegawai(luar).ppk.pegawai_id
    assert [p.id for p in layanan.penugasan.daftar(pengguna_id=ppk, arah="masuk")] == [pid]
    assert pid in [p.id for p in layanan.penugasan.daftar(pengguna_id=kadis.pegawai_id, arah="keluar")]
    assert layanan.penugasan.setujui(pid, oleh_id=ppk).label == "Disetujui"
    assert (
        next(a for a in layanan.tim.detail_tim(tim).anggota if a.pegawai_id == luar).status is StatusKeanggotaan.AKTIF
    )
    with pytest.raises(Ditolak):
        layanan.penugasan.setujui(pid, oleh_id=ppk)  # approving twice
    assert layanan.penugasan.terbitkan_surat_tugas(pid, oleh_id=ppk).label == "Surat tugas terbit"
    detail = layanan.penugasan.detail(pid)
    assert [h.ke for h in detail.riwayat] == ["Diajukan", "Disetujui", "Surat tugas terbit"]
    assert detail.riwayat[1].oleh != "—"
    # the copies the profile's route asks for are on the record (Madiun names none; Luwu Utara the PPK)
    from sistemkerja_tui.aturan.enums import JenisPermohonan
    from sistemkerja_tui.aturan.permohonan import alur
    from sistemkerja_tui.aturan.profil import muat_profil

    rute = alur(JenisPermohonan.PENUNJUKAN, LingkupPenugasan.LINTAS_UNIT, muat_profil("madiun"))
    assert detail.tembusan == "\n".join(rute.tembusan)


def test_lintas_unit_ditolak_wajib_alasan(layanan, kadis, db_demo):
    tim = _tim_berketua(layanan, kadis)
    luar = _pegawai_luar(layanan, db_demo, kadis.unit_id)
    layanan.tim.tambah_anggota(tim, luar, "analis", oleh_id=kadis.pegawai_id, isi=ISI)
    pid = next(a for a in layanan.tim.detail_tim(tim).anggota if a.pegawai_id == luar).permohonan_id
    ppk = layanan.struktur.ppk_pegawai(luar).ppk.pegawai_id
    sebelum = _isi_tabel(db_demo)
    with pytest.raises(Ditolak, match="alasan"):
        layanan.penugasan.tolak(pid, "  ", oleh_id=ppk)
    assert _isi_tabel(db_demo) == sebelum
    assert layanan.penugasan.tolak(pid, "Sedang menangani audit", oleh_id=ppk).label == "Ditolak"
    assert (
        next(a for a in layanan.tim.detail_tim(tim).anggota if a.pegawai_id == luar).status is StatusKeanggotaan.DITOLAK
    )
    assert layanan.penugasan.detail(pid).alasan_penolakan == "Sedang menangani audit"
    with pytest.raises(Ditolak):
        layanan.penugasan.batalkan(pid, oleh_id=kadis.pegawai_id)  # a refused request cannot be cancelled
    # asking again after a refusal is a new request
    assert layanan.tim.tambah_anggota(tim, luar, "analis", oleh_id=kadis.pegawai_id, isi=ISI).label == (
        "Menunggu persetujuan"
    )


def test_membatalkan_permohonan_menarik_anggota(layanan, kadis, db_demo):
    tim = _tim_berketua(layanan, kadis)
    luar = _pegawai_luar(layanan, db_demo, kadis.unit_id)
    layanan.tim.tambah_anggota(tim, luar, "analis", oleh_id=kadis.pegawai_id, isi=ISI)
    pid = next(a for a in layanan.tim.detail_tim(tim).anggota if a.pegawai_id == luar).permohonan_id
    assert layanan.penugasan.batalkan(pid, "Tidak jadi", oleh_id=kadis.pegawai_id).label == "Dibatalkan"
    assert (
        next(a for a in layanan.tim.detail_tim(tim).anggota if a.pegawai_id == luar).status
        is StatusKeanggotaan.DIBATALKAN
    )


def test_keluarkan_anggota_menunggu_membatalkan_permohonannya(layanan, kadis, db_demo):
    tim = _tim_berketua(layanan, kadis)
    luar = _pegawai_luar(layanan, db_demo, kadis.unit_id)
    layanan.tim.tambah_anggota(tim, luar, "analis", oleh_id=kadis.pegawai_id, isi=ISI)
    a = next(a for a in layanan.tim.detail_tim(tim).anggota if a.pegawai_id == luar)
    with pytest.raises(Ditolak, match="Alasan"):
        layanan.tim.keluarkan_anggota(a.keanggotaan_id, "", oleh_id=kadis.pegawai_id)
    layanan.tim.keluarkan_anggota(a.keanggotaan_id, "Kebutuhan berubah", oleh_id=kadis.pegawai_id)
    assert _sql(db_demo, "SELECT status FROM permohonan WHERE id = ?", a.permohonan_id) == [("dibatalkan",)]


def test_lintas_instansi_perlu_jawaban_ketersediaan(layanan, kadis, db_demo):
    """Luwu Utara Lampiran (lintas instansi): the Pejabat yang Berwenang answers with who is available."""
    tim = _tim_berketua(layanan, kadis)
    luar = _sql(
        db_demo,
        "SELECT p.id FROM pegawai p JOIN unit_organisasi u ON u.id = p.unit_id JOIN instansi i "
        "ON i.id = u.instansi_id WHERE i.luar AND p.jenis_jabatan = 'fungsional' LIMIT 1",
    )[0][0]
    assert layanan.tim.tambah_anggota(tim, luar, "narasumber", oleh_id=kadis.pegawai_id, isi=ISI).label == (
        "Menunggu persetujuan"
    )
    pid = next(a for a in layanan.tim.detail_tim(tim).anggota if a.pegawai_id == luar).permohonan_id
    status = None
    for _ in range(6):  # walk the route's steps, each by its own party
        r = layanan.penugasan.detail(pid).ringkas
        if r.status is not StatusPermohonan.DIAJUKAN:
            break
        penerima = _sql(db_demo, "SELECT penerima_id FROM permohonan WHERE id = ?", pid)[0][0]
        status = layanan.penugasan.setujui(
            pid, oleh_id=penerima, jawaban_ketersediaan="Tersedia 1 orang", daftar_pegawai="Pegawai yang diminta"
        )
    assert status is not None and status.label == "Disetujui"
    assert layanan.penugasan.detail(pid).jawaban_ketersediaan == "Tersedia 1 orang"


def test_pengajuan_sukarela_dalam_unit_perlu_catatan_lisan(layanan, kadis, db_demo):
    """Madiun Pasal 28–29: spoken within the unit, then the unit head approves."""
    tim = _tim_berketua(layanan, kadis)
    pid = _pegawai_dalam(layanan, db_demo, kadis.unit_id, offset=7)
    with pytest.raises(Ditolak, match="lisan"):
        layanan.penugasan.ajukan_sukarela(tim, pid, "relawan data", oleh_id=pid)
    status = layanan.penugasan.ajukan_sukarela(
        tim, pid, "relawan data", oleh_id=pid, catatan_lisan="Disampaikan lisan pada rapat 5 Januari"
    )
    assert status.label == "Menunggu persetujuan"
    permohonan = next(a for a in layanan.tim.detail_tim(tim).anggota if a.pegawai_id == pid).permohonan_id
    penerima = _sql(db_demo, "SELECT penerima_id FROM permohonan WHERE id = ?", permohonan)[0][0]
    assert layanan.penugasan.setujui(permohonan, oleh_id=penerima).label == "Disetujui"


def test_beban_kerja_menandai_di_atas_rata_rata(layanan, kadis, db_demo):
    """Madiun Pasal 50: work is distributed evenly; above-average load is flagged."""
    orang = _pegawai_dalam(layanan, db_demo, kadis.unit_id, offset=11)
    for i in range(3):
        tim = (
            _tim_berketua(layanan, kadis)
            if i == 0
            else layanan.tim.bentuk_tim(_data(kadis.unit_id, nama=f"Tim beban {i}"), oleh_id=kadis.pegawai_id)
        )
        layanan.tim.tambah_anggota(tim, orang, "anggota", oleh_id=kadis.pegawai_id)
    beban = layanan.tim.beban_kerja(kadis.unit_id)
    baris = next(p for p in beban.pegawai if p.pegawai_id == orang)
    assert baris.tim >= 3 and baris.di_atas_rata_rata
    assert beban.rata_rata < baris.tim and "Pasal 50" in beban.rujukan
    assert not any(p.di_atas_rata_rata for p in beban.pegawai if p.tim <= beban.rata_rata)


def test_pengguna_harus_pimpinan_unit(layanan, db_demo):
    staf = _sql(db_demo, "SELECT id FROM pegawai WHERE jenis_jabatan = 'pelaksana' LIMIT 1")[0][0]
    with pytest.raises(Ditolak, match="pimpinan"):
        layanan.pengguna.tetapkan(staf)
    assert layanan.pengguna.sekarang() is None


# --- Klaten: ketua from ≥ 2 candidates with the Sekda's recommendation ---------------------


@pytest.fixture
def klaten(db_baru):
    from sistemkerja_tui.layanan.demo import buat_demo
    from sistemkerja_tui.store.db import siapkan_database

    url = db_baru("klaten")
    engine = siapkan_database(url)
    buat_demo(engine, profil="klaten", jumlah_pegawai=1500)
    engine.dispose()
    hasil = buka_database(url, demo_jika_kosong=False)
    yield hasil.layanan, url
    hasil.layanan.tutup()


def test_klaten_ketua_dari_dua_calon_dengan_rekomendasi_sekda(klaten):
    """Perbup Klaten 34/2024 Pasal 14 ayat (1): paling sedikit 2 (dua) calon … rekomendasi Sekretaris Daerah."""
    layanan, _ = klaten
    kadis = next(p for p in layanan.pengguna.calon() if p.jabatan == "Kepala Dinas Kesehatan")
    tim = layanan.tim.bentuk_tim(_data(kadis.unit_id), oleh_id=kadis.pegawai_id)
    assert layanan.tim.detail_tim(tim).ringkas.bentuk is BentukTim.KELOMPOK_KERJA  # Klaten Pasal 1 angka 24
    a, b = [n.kandidat.pegawai_id for n in layanan.tim.kandidat_pimpinan(tim) if n.layak][:2]
    with pytest.raises(Ditolak, match="Pasal 14"):
        layanan.tim.tetapkan_pimpinan(tim, a, oleh_id=kadis.pegawai_id)
    with pytest.raises(Ditolak, match="2 \\(dua\\)"):
        layanan.tim.usulkan_calon_ketua(tim, [a], oleh_id=kadis.pegawai_id)
    layanan.tim.usulkan_calon_ketua(tim, [a, b], oleh_id=kadis.pegawai_id)
    with pytest.raises(Ditolak, match="Pasal 14"):
        layanan.tim.tetapkan_pimpinan(tim, a, oleh_id=kadis.pegawai_id)  # no recommendation yet
    layanan.tim.catat_rekomendasi_sekda(tim, b, "Lebih berpengalaman", oleh_id=kadis.pegawai_id)
    layanan.tim.tetapkan_pimpinan(tim, b, oleh_id=kadis.pegawai_id)
    status = {(x.pegawai_id, x.peran): x.status for x in layanan.tim.detail_tim(tim).anggota}
    assert status[(b, PeranTim.KETUA)] is StatusKeanggotaan.AKTIF
    assert status[(a, PeranTim.KETUA)] is StatusKeanggotaan.DIBATALKAN


def test_klaten_lintas_unit_ke_pimpinan_unit_mitra_kerja(klaten):
    """Klaten Lampiran B.2.q: the request goes to the Pimpinan Unit Organisasi Mitra Kerja."""
    layanan, db = klaten
    kadis = next(p for p in layanan.pengguna.calon() if p.jabatan == "Kepala Dinas Kesehatan")
    tim = layanan.tim.bentuk_tim(
        _data(
            kadis.unit_id,
            jenis_pembentukan=JenisPembentukan.INSIDENTAL,
            mulai=date(2026, 2, 1),
            selesai=date(2026, 8, 1),
        ),
        oleh_id=kadis.pegawai_id,
    )
    luar = _pegawai_luar(layanan, db, kadis.unit_id)
    layanan.tim.tambah_anggota(tim, luar, "analis", oleh_id=kadis.pegawai_id, isi=ISI)
    pid = next(a for a in layanan.tim.detail_tim(tim).anggota if a.pegawai_id == luar).permohonan_id
    assert layanan.penugasan.detail(pid).langkah == ("Pimpinan Unit Organisasi Mitra Kerja",)
    penerima = _sql(db, "SELECT penerima_id FROM permohonan WHERE id = ?", pid)[0][0]
    unit_luar = _sql(db, "SELECT unit_id FROM pegawai WHERE id = ?", luar)[0][0]
    pimpinan = [u.pimpinan.pegawai_id for u in layanan.struktur.jalur_unit(unit_luar) if u.pimpinan]
    assert penerima in pimpinan
    assert layanan.penugasan.setujui(pid, oleh_id=penerima).label == "Disetujui"


def test_tim_klaten_paling_lama_satu_tahun(klaten):
    """Klaten Pasal 1 angka 25: Tim … lebih dari 1 (satu) bulan dan kurang dari 1 (satu) tahun."""
    layanan, _ = klaten
    kadis = next(p for p in layanan.pengguna.calon() if p.jabatan == "Kepala Dinas Kesehatan")
    with pytest.raises(Ditolak):
        layanan.tim.bentuk_tim(
            _data(
                kadis.unit_id,
                jenis_pembentukan=JenisPembentukan.INSIDENTAL,
                mulai=date(2026, 3, 1),
                selesai=date(2026, 3, 20),
            ),
            oleh_id=kadis.pegawai_id,
        )


# --- penugasan individu (Madiun Pasal 24 ayat (1) huruf a: "individu; atau tim kerja") ---------------------


def test_penugasan_individu_dalam_unit_langsung_berlaku(layanan, kadis, db_demo):
    from sistemkerja_tui.layanan.penugasan import DataIndividu

    pid = _pegawai_dalam(layanan, db_demo, kadis.unit_id, offset=5)
    status = layanan.penugasan.tugaskan_individu(
        DataIndividu(
            kadis.unit_id,
            pid,
            "Menyusun profil kesehatan 2026",
            target="1",
            satuan="dokumen",
            mulai=date(2026, 1, 5),
            tenggat=date(2026, 6, 30),
        ),
        oleh_id=kadis.pegawai_id,
    )
    assert status.label == "Aktif"
    assert _sql(
        db_demo,
        "SELECT tahap, sub_tahap, tim_id, unit_id FROM kegiatan WHERE pegawai_id = ? AND judul = ?",
        pid,
        "Menyusun profil kesehatan 2026",
    ) == [("perencanaan", "penugasan", None, kadis.unit_id)]
    # its stage history starts like any kegiatan's: into perencanaan, by the unit head
    assert _sql(
        db_demo,
        "SELECT r.dari_tahap, r.ke_tahap, r.sub_tahap, r.oleh_id FROM riwayat_tahap r "
        "JOIN kegiatan k ON k.id = r.kegiatan_id WHERE k.pegawai_id = ? AND k.judul = ?",
        pid,
        "Menyusun profil kesehatan 2026",
    ) == [(None, "perencanaan", "penugasan", kadis.pegawai_id)]


def test_penugasan_individu_lintas_unit_lewat_permohonan(layanan, kadis, db_demo):
    from sistemkerja_tui.layanan.penugasan import DataIndividu

    luar = _pegawai_luar(layanan, db_demo, kadis.unit_id)
    data = DataIndividu(kadis.unit_id, luar, "Analisis data gizi", mulai=date(2026, 1, 5))
    sebelum = _isi_tabel(db_demo)
    with pytest.raises(Ditolak, match="maksud dan tujuan"):
        layanan.penugasan.tugaskan_individu(data, oleh_id=kadis.pegawai_id)
    assert _isi_tabel(db_demo) == sebelum
    assert layanan.penugasan.tugaskan_individu(data, oleh_id=kadis.pegawai_id, isi=ISI).label == (
        "Menunggu persetujuan"
    )
    (pid,) = _sql(db_demo, "SELECT id FROM permohonan WHERE kegiatan_id IS NOT NULL AND pegawai_id = ?", luar)[0]
    assert layanan.penugasan.detail(pid).ringkas.tim == "Individu: Analisis data gizi"
    ppk = layanan.struktur.ppk_pegawai(luar).ppk.pegawai_id
    layanan.penugasan.tolak(pid, "Beban kerja penuh", oleh_id=ppk)
    assert _sql(
        db_demo, "SELECT sub_tahap FROM kegiatan WHERE pegawai_id = ? AND judul = 'Analisis data gizi'", luar
    ) == [("penugasan ditolak",)]


def test_penugasan_individu_bukan_untuk_pejabat_struktural(layanan, kadis, db_demo):
    from sistemkerja_tui.layanan.penugasan import DataIndividu

    kabid = _sql(db_demo, "SELECT id FROM pegawai WHERE jenis_jabatan = 'administrator' LIMIT 1")[0][0]
    with pytest.raises(Ditolak, match="Pasal 24"):
        layanan.penugasan.tugaskan_individu(DataIndividu(kadis.unit_id, kabid, "X"), oleh_id=kadis.pegawai_id)
    with pytest.raises(Ditolak, match="Judul target"):
        layanan.penugasan.tugaskan_individu(DataIndividu(kadis.unit_id, kabid, "  "), oleh_id=kadis.pegawai_id)
    with pytest.raises(Ditolak, match="Rencana anggaran"):
        layanan.penugasan.tugaskan_individu(
            DataIndividu(kadis.unit_id, kabid, "X", rencana_anggaran=-5), oleh_id=kadis.pegawai_id
        )


def test_daftar_tim_disaring_tahun_status_jenis(layanan, kadis):
    from sistemkerja_tui.layanan.tim import StatusTim

    tahunan = layanan.tim.bentuk_tim(_data(kadis.unit_id), oleh_id=kadis.pegawai_id)
    insidental = layanan.tim.bentuk_tim(
        _data(
            kadis.unit_id,
            nama="Tim KLB",
            jenis_pembentukan=JenisPembentukan.INSIDENTAL,
            tahun_anggaran=None,
            mulai=date(2027, 2, 1),
            selesai=date(2027, 4, 1),
        ),
        oleh_id=kadis.pegawai_id,
    )
    ids = lambda **k: {t.id for t in layanan.tim.daftar_tim(unit_id=kadis.unit_id, **k)}  # noqa: E731
    assert tahunan in ids(tahun=2026) and insidental not in ids(tahun=2026)
    assert insidental in ids(tahun=2027)
    assert insidental in ids(jenis=JenisPembentukan.INSIDENTAL) and tahunan not in ids(
        jenis=JenisPembentukan.INSIDENTAL
    )
    assert {tahunan, insidental} <= ids(status=StatusTim.DRAF)
    assert not {tahunan, insidental} & ids(status=StatusTim.AKTIF)
