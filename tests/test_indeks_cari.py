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


def test_kata_diawali_bukan_potongan_di_tengah():
    indeks = IndeksCari(DATA)
    assert indeks.cari("ahli", 10) == ["agus", "nur", "aminah", "badriah"]
    assert indeks.cari("hli", 10) == []  # inside a word: not a match
    assert indeks.cari("per ah", 10) == ["agus", "nur", "aminah"]


def test_nama_bergelar_seperti_tampil():
    indeks = IndeksCari(
        [
            ("Haslinda Syam S.Gz., M.Gz. 198001012005012001 Nutrisionis Ahli Muda", "haslinda-gizi"),
            ("Haslinda Syam S.Sos. 198101012006012001 Analis Kebijakan", "haslinda-sos"),
            ("Siti Aminah dr. 198502022010012002 Dokter Ahli Pertama", "dr-siti"),
            ("Siti Badriah 199003032015012003 Guru Ahli Muda", "siti"),
        ]
    )
    assert indeks.cari("Haslinda Syam, S.Gz., M.Gz.", 10) == ["haslinda-gizi", "haslinda-sos"]
    assert indeks.cari("HASLINDA SYAM, S.Sos.", 10) == ["haslinda-sos", "haslinda-gizi"]
    assert indeks.cari("dr. Siti", 10) == ["dr-siti", "siti"]
    assert indeks.cari("Prof. Siti Badriah, M.T.", 10) == ["siti"]  # gelar she does not carry: not required
    assert indeks.cari("dr siti", 10) == ["dr-siti"]  # without a dot it is a word like any other
    assert indeks.kata_wajib("Ma'ruf, S.H.") == (["maruf"], ["maruf", "sh"])


def _cocok(teks: str, kata: list[str]) -> bool:
    kunci = [k.replace(".", "") for k in teks.casefold().split()]
    return all(any(k.startswith(w) for k in kunci) for w in kata)


def test_sama_dengan_pencarian_lurus_di_data_besar():
    """Rows enough to take every path: rows already in order, a merged range, every row, set intersection."""
    depan = ["Siti", "Nur", "Budi", "Dewi", "Agus", "Rina", "Nurul", "Nuraini", "Sri", "Andi"]
    belakang = ["Santoso", "Hasanah", "Rahma", "Syam", "Lestari", "Wati", "Saputra"]
    jabatan = ["Perencana Ahli Muda", "Guru Ahli Pertama", "Pengadministrasi Perkantoran", "Pengelola Keuangan"]
    data = []
    for i in range(30_000):
        nip = f"19{i % 40 + 60}0101{2000 + i % 20}01{i % 2 + 1}{i:03d}"
        teks = f"{depan[i % 10]} {belakang[(i // 10) % 7]} {nip} {jabatan[(i * 7 // 3) % 4]}"
        data.append((teks, i))
    indeks = IndeksCari(data)
    for q in ["nur", "ahli nur", "pengadministrasi ahli", "ahli s", "s p", "peng sya", "197", "n 19", "guru zz"]:
        kata = q.split()
        harus = {i for teks, i in data if _cocok(teks, kata)}
        dapat = indeks.cari(q, 50)
        assert len(set(dapat)) == len(dapat) == min(50, len(harus)), q
        assert set(dapat) <= harus, q
