"""The picker's paged ranking (kinds counted by the database, judged by the rules) agrees with `aturan.kriteria`.

On the demo's Dinas Kesehatan, for every shipped profile, role and team form: the pages list exactly
`urutkan_kandidat`'s order of the whole pool, each with the same findings, and the eligible ones are the same
both ways — so what the database groups and orders cannot drift from the rules. Plus paging and filtering.
"""

from __future__ import annotations

import pytest
from tests.bantu import data_tim

from sistemkerja_tui.aturan.enums import BentukTim, PeranTim
from sistemkerja_tui.aturan.kriteria import urutkan_kandidat
from sistemkerja_tui.aturan.profil import daftar_profil, muat_profil
from sistemkerja_tui.layanan.tim import DaftarCalon, _kandidat, _Kumpulan
from sistemkerja_tui.store.db import transaksi
from sistemkerja_tui.store.kueri import jalankan
from sistemkerja_tui.store.kueri import tim as kueri_tim

PERAN = (PeranTim.KETUA, PeranTim.KOORDINATOR, PeranTim.PENANGGUNG_JAWAB)


@pytest.fixture
def kolam(layanan):
    """(layanan, team id, its subtree): a team of the Dinas Kesehatan where one candidate already leads two other
    teams, one of them a kelompok kerja (so both of the profiles' limits on leading roles are exercised)."""
    kadis = next(p for p in layanan.pengguna.calon() if p.jabatan == "Kepala Dinas Kesehatan")
    layanan.pengguna.tetapkan(kadis.pegawai_id)
    ketua = None
    for nama in ("Tim Lain", "Pokja Lain"):
        lain = layanan.tim.bentuk_tim(data_tim(kadis.unit_id, nama=nama), oleh_id=kadis.pegawai_id)
        ketua = ketua or next(n for n in layanan.tim.kandidat_pimpinan(lain) if n.layak).kandidat.pegawai_id
        layanan.tim.tetapkan_pimpinan(lain, ketua, oleh_id=kadis.pegawai_id)
    with transaksi(layanan.engine) as sesi:  # Madiun knows no kelompok kerja (Klaten's form): set it directly
        jalankan(sesi, "UPDATE tim_kerja SET bentuk = :b WHERE id = :id", b=BentukTim.KELOMPOK_KERJA.value, id=lain)
    tim = layanan.tim.bentuk_tim(data_tim(kadis.unit_id), oleh_id=kadis.pegawai_id)
    return layanan, tim, layanan.struktur.subpohon(kadis.unit_id)


def _kandidat_semua(layanan, tim: int, unit_ids: list[int]):
    with transaksi(layanan.engine) as sesi:
        rows = kueri_tim.calon_pimpinan_sesi(sesi, unit_ids, kecuali_tim=tim)
    return [_kandidat(r, r.peran_pimpinan, r.kelompok_kerja) for r in rows]


@pytest.mark.parametrize("nama_profil", daftar_profil())
def test_peringkat_sql_sama_dengan_aturan(kolam, nama_profil):
    layanan, tim, unit_ids = kolam
    profil = muat_profil(nama_profil)
    semua = _kandidat_semua(layanan, tim, unit_ids)
    assert any(k.peran_pimpinan == 2 and k.memimpin_kelompok_kerja == 1 for k in semua)  # rangkap exercised
    diuji = 0
    for peran in PERAN:
        if peran not in profil.kriteria and peran not in profil.peran:
            continue
        for bentuk in (BentukTim.TIM_KERJA, BentukTim.KELOMPOK_KERJA):
            aturan = urutkan_kandidat(semua, peran, profil, bentuk=bentuk)
            daftar = DaftarCalon.buka(_Kumpulan(layanan.struktur.pembaca, unit_ids, tim, peran, profil, bentuk))
            sql = list(daftar)
            assert [n.kandidat.pegawai_id for n in sql] == [n.kandidat.pegawai_id for n in aturan]
            assert [n.layak for n in sql] == [n.layak for n in aturan]
            assert [n.temuan for n in sql] == [n.temuan for n in aturan]
            assert daftar.jumlah_layak == sum(n.layak for n in aturan) and len(daftar) == len(aturan)
            assert [daftar.layak(i) for i in range(len(daftar))] == [n.layak for n in aturan]  # page by page
            diuji += 1
    assert diuji >= 2


def test_halaman_dan_saringan(kolam):
    layanan, tim, _ = kolam
    daftar = layanan.tim.kandidat_pimpinan(tim)
    n = len(daftar)
    assert n > 2 * DaftarCalon.HALAMAN
    semua = [x.kandidat.pegawai_id for x in daftar]
    # pages read one by one give the same list as one read
    pegawai = [daftar[i].kandidat.pegawai_id for i in range(n)]
    assert pegawai == semua and len(set(semua)) == n
    assert daftar.termuat(n - 1) and daftar[-1].kandidat.pegawai_id == semua[-1]
    with pytest.raises(IndexError):
        daftar[n]
    # a filter narrows to the candidates holding every word, in the same order
    k = daftar[n - 1].kandidat
    kata = k.nama.split()[0]
    tersaring = daftar.saring(kata.upper())
    harap = [x.kandidat.pegawai_id for x in daftar if kata.casefold() in x.kandidat.nama.casefold()]
    assert [x.kandidat.pegawai_id for x in tersaring] == harap
    assert k.pegawai_id in harap
    assert tersaring.jumlah_layak == sum(x.layak for x in tersaring)
    nip = daftar.nip(n - 1)
    assert [x.kandidat.pegawai_id for x in daftar.saring(nip)] == [k.pegawai_id]
    assert len(daftar.saring("%")) == 0 and len(daftar.saring("zzzz tidak ada")) == 0
    assert len(daftar.saring("  ")) == n
    # once the texts are read, filtering in memory gives what the database gives
    kata_uji = (kata.upper(), nip, nip[:8], "%", "_", "ahli muda", "PELAKSANA", f"{kata} ahli", "zzzz")
    di_database = {w: [x.kandidat.pegawai_id for x in daftar.saring(w)] for w in kata_uji}
    daftar.siapkan_saringan()
    assert {w: [x.kandidat.pegawai_id for x in daftar.saring(w)] for w in kata_uji} == di_database
    assert len(di_database["ahli muda"]) > 0 and len(di_database["PELAKSANA"]) > 0
