"""Search index ranking and matching (pure, no database)."""

from __future__ import annotations

from sistemkerja_tui.layanan.indeks_cari import IndeksCari

DATA = [
    ("Agus Siti Rahma 198001012005011001 Perencana Ahli Muda", "agus"),
    ("Siti Aminah 198502022010012002 Perawat Ahli Pertama", "aminah"),
    ("Siti Badriah 199003032015012003 Guru Ahli Muda", "badriah"),
    ("Bambang 197004041995031004 Pengadministrasi Perkantoran", "bambang"),
    ("Nur Hasanah 198806062012012006 Perencana Ahli Pertama", "nur"),
]


def test_awalan_nama_lalu_frasa():
    indeks = IndeksCari(DATA)
    assert indeks.cari("siti", 10) == ["aminah", "badriah", "agus"]


def test_semua_kata_harus_ada_frasa_utuh_didahulukan():
    indeks = IndeksCari(DATA)
    assert indeks.cari("ahli muda", 10) == ["agus", "badriah"]
    assert indeks.cari("perencana pertama", 10) == ["nur"]
    assert indeks.cari("muda perencana", 10) == ["agus"]


def test_nip_berspasi_dan_batas():
    indeks = IndeksCari(DATA)
    assert indeks.cari("19850202 201001 2", 10) == ["aminah"]
    assert len(indeks.cari("a", 3)) == 3
    assert indeks.cari("  ", 10) == [] and indeks.cari("xyz", 10) == []
    assert len(indeks) == 5
