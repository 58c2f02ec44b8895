"""Team-level rules: period, concurrency, the ketua's origin, who forms a team, ketua proposals, name.

Every rule tested quotes the seed passage it encodes.
"""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from sistemkerja_tui.aturan.aturan_tim import (
    RUJUKAN_ISIAN,
    durasi_teks,
    periksa_asal_ketua,
    periksa_nama_tim,
    periksa_pembentuk,
    periksa_pengusulan_ketua,
    periksa_peran,
    periksa_periode,
    periksa_rangkap,
)
from sistemkerja_tui.aturan.enums import (
    BentukTim,
    Golongan,
    JenisJabatan,
    JenisPembentukan,
    Jenjang,
    Pendidikan,
    PeranTim,
    PredikatKinerja,
    SasaranTim,
    StatusASN,
)
from sistemkerja_tui.aturan.kriteria import Kandidat
from sistemkerja_tui.aturan.profil import ProfilTidakSah, muat_profil
from sistemkerja_tui.paths import resource_dir

TAHUNAN, INSIDENTAL = JenisPembentukan.TAHUNAN, JenisPembentukan.INSIDENTAL


@pytest.fixture(scope="module")
def madiun():
    return muat_profil("madiun")


@pytest.fixture(scope="module")
def klaten():
    return muat_profil("klaten")


@pytest.fixture(scope="module")
def cilegon():
    return muat_profil("cilegon")


def kandidat(peran_pimpinan: int = 0, memimpin_kelompok_kerja: int = 0) -> Kandidat:
    return Kandidat(
        pegawai_id=1,
        nama="Sari",
        status_asn=StatusASN.PNS,
        jenis=JenisJabatan.FUNGSIONAL,
        jenjang=Jenjang.AHLI_MUDA,
        kelas_jabatan=9,
        golongan=Golongan.IIIC,
        pendidikan=Pendidikan.S1,
        predikat=(PredikatKinerja.BAIK, PredikatKinerja.BAIK),
        hasil_penyetaraan=False,
        unit_id=10,
        peran_pimpinan=peran_pimpinan,
        memimpin_kelompok_kerja=memimpin_kelompok_kerja,
    )


def periode(mulai, selesai, profil, *, jenis=INSIDENTAL, tahun=None, bentuk=BentukTim.TIM_KERJA):
    return periksa_periode(mulai, selesai, jenis_pembentukan=jenis, tahun_anggaran=tahun, bentuk=bentuk, profil=profil)


def kode(temuan) -> list[str]:
    return [t.kode for t in temuan]


# --- period: order of the dates ---------------------------------------------------------


def test_selesai_sebelum_mulai_ditolak(madiun, cilegon):
    for profil in (madiun, cilegon):
        (t,) = periode(date(2025, 3, 10), date(2025, 3, 9), profil)
        assert t.kode == "periode_terbalik" and t.memblokir
        assert "tanggal selesai" in t.pesan.lower() and "10 Maret 2025" in t.pesan
        assert t.rujukan == RUJUKAN_ISIAN


def test_periode_satu_hari_boleh(cilegon):
    assert periode(date(2025, 3, 10), date(2025, 3, 10), cilegon) == []


# --- period: tahunan within its tahun anggaran --------------------------------------------


def test_madiun_tahunan_dalam_tahun_anggaran(madiun):
    # Lampiran Bab II huruf A huruf a angka 1: "Tim Kerja yang dibentuk sebelum dan/atau bersamaan dengan proses
    # penyusunan perencanaan penganggaran yang berlaku 1 (satu) tahun anggaran"
    assert periode(date(2025, 1, 1), date(2025, 12, 31), madiun, jenis=TAHUNAN, tahun=2025) == []
    (t,) = periode(date(2025, 7, 1), date(2026, 6, 30), madiun, jenis=TAHUNAN, tahun=2025)
    assert t.kode == "periode_di_luar_tahun_anggaran"
    assert "tanggal selesai 30 Juni 2026" in t.pesan and "tanggal mulai" not in t.pesan
    assert t.rujukan == "Perwal Madiun 73/2023, Lampiran Bab II huruf A huruf a angka 1"
    (t,) = periode(date(2024, 12, 1), date(2025, 12, 31), madiun, jenis=TAHUNAN, tahun=2025)
    assert "tanggal mulai 1 Desember 2024" in t.pesan
    # angka 2: a team "dibentuk ... secara insidental" is not tied to one tahun anggaran.
    assert periode(date(2025, 7, 1), date(2026, 6, 30), madiun, jenis=INSIDENTAL) == []


def test_tahunan_wajib_tahun_anggaran(madiun, klaten, cilegon):
    (t,) = periode(date(2025, 1, 1), date(2025, 12, 31), madiun, jenis=TAHUNAN)
    assert t.kode == "tahun_anggaran_kosong" and "tahun anggaran" in t.pesan
    # Klaten Pasal 12 ayat (4): "Penugasan Kelompok Kerja sebagai Tim Kerja dalam kurun waktu tertentu untuk
    # 1 (satu) tahun anggaran"
    (t,) = periode(date(2025, 1, 1), date(2025, 12, 31), klaten, jenis=TAHUNAN, bentuk=BentukTim.KELOMPOK_KERJA)
    assert t.rujukan == "Perbup Klaten 34/2024, Pasal 12 ayat (4)"
    # Cilegon has no tahunan/insidental classification of its own: the app's meaning of "tahunan" still holds
    # (the database requires its year), cited as such rather than as a passage of Cilegon.
    (t,) = periode(date(2025, 1, 1), date(2026, 1, 31), cilegon, jenis=TAHUNAN, tahun=2025)
    assert t.kode == "periode_di_luar_tahun_anggaran"
    assert t.rujukan.startswith("Perwal Cilegon 17/2023 tidak mengatur jenis pembentukan tersendiri")


# --- period: Klaten's Tim and Kelompok Kerja -----------------------------------------------


@pytest.mark.parametrize(
    ("mulai", "selesai", "harapan"),
    [
        (date(2025, 3, 1), date(2025, 3, 31), ["periode_terlalu_pendek"]),  # exactly 1 month
        (date(2025, 3, 15), date(2025, 4, 14), ["periode_terlalu_pendek"]),  # exactly 1 month
        (date(2025, 3, 1), date(2025, 4, 1), []),  # 1 month and 1 day
        (date(2025, 3, 1), date(2025, 4, 30), []),  # 2 months
        (date(2025, 1, 1), date(2025, 11, 30), []),  # 11 months
        (date(2025, 1, 1), date(2025, 12, 30), []),  # 1 day short of a year
        (date(2025, 1, 1), date(2025, 12, 31), ["periode_terlalu_panjang"]),  # 12 months
        (date(2025, 7, 1), date(2026, 6, 30), ["periode_terlalu_panjang"]),  # 12 months
    ],
)
def test_klaten_tim_lebih_dari_sebulan_kurang_dari_setahun(klaten, mulai, selesai, harapan):
    # Pasal 1 angka 25: "Tim adalah Tim kerja berbasis tematik ... dibentuk dalam jangka waktu lebih dari 1 (satu)
    # bulan, tetapi kurang dari 1 (satu) tahun"
    temuan = periode(mulai, selesai, klaten, bentuk=BentukTim.TIM)
    assert kode(temuan) == harapan
    assert all(t.rujukan == "Perbup Klaten 34/2024, Pasal 1 angka 25" and t.memblokir for t in temuan)


def test_klaten_tim_pesan(klaten):
    (t,) = periode(date(2025, 3, 1), date(2025, 3, 31), klaten, bentuk=BentukTim.TIM)
    assert t.pesan == (
        "Tim dibentuk dalam jangka waktu lebih dari 1 bulan; periode 1 Maret 2025 – 31 Maret 2025 "
        "(1 bulan) belum melebihinya. Undurkan tanggal selesai."
    )
    (t,) = periode(date(2025, 1, 1), date(2025, 12, 31), klaten, bentuk=BentukTim.TIM)
    assert "kurang dari 1 (satu) tahun" in t.pesan and "(12 bulan)" in t.pesan


@pytest.mark.parametrize(
    ("selesai", "harapan"),
    [
        (date(2025, 12, 31), []),  # 12 months
        (date(2026, 1, 31), ["periode_terlalu_panjang"]),  # 13 months
        (date(2026, 1, 1), ["periode_terlalu_panjang"]),  # 12 months and 1 day
    ],
)
def test_klaten_kelompok_kerja_paling_lama_setahun(klaten, selesai, harapan):
    # Pasal 1 angka 24: "Kelompok Kerja adalah Tim kerja yang berbasis layanan utama Unit Organisasi ... dalam
    # jangka waktu maksimal 1 (satu) tahun penugasan"
    temuan = periode(date(2025, 1, 1), selesai, klaten, bentuk=BentukTim.KELOMPOK_KERJA)
    assert kode(temuan) == harapan
    assert all(t.rujukan == "Perbup Klaten 34/2024, Pasal 1 angka 24" for t in temuan)


def test_klaten_tidak_mengenal_tim_kerja_biasa(klaten, madiun):
    # Klaten Pasal 1 angka 24 and 25 name two kinds of team, "Kelompok Kerja" and "Tim".
    (t,) = periode(date(2025, 1, 1), date(2025, 3, 31), klaten, bentuk=BentukTim.TIM_KERJA)
    assert t.kode == "bentuk_tim_tidak_dikenal" and "Kelompok Kerja atau Tim" in t.pesan
    # Madiun sets no length for a Tim Kerja.
    assert periode(date(2025, 1, 1), date(2027, 12, 31), madiun) == []


def test_durasi_teks():
    assert durasi_teks(date(2025, 1, 1), date(2025, 12, 31)) == "12 bulan"
    assert durasi_teks(date(2025, 3, 1), date(2025, 4, 1)) == "1 bulan 1 hari"
    assert durasi_teks(date(2025, 3, 1), date(2025, 3, 1)) == "1 hari"
    # 31 Januari – 28 Februari is one month (there is no 31 Februari).
    assert durasi_teks(date(2025, 1, 31), date(2025, 2, 28)) == "1 bulan"
    assert durasi_teks(date(2024, 12, 31), date(2025, 1, 30)) == "1 bulan"


# --- concurrency -----------------------------------------------------------------------


def test_madiun_paling_banyak_dua_peran_pimpinan(madiun):
    # Lampiran Bab II huruf F angka 3: "Rangkap jabatan tugas tambahan menjadi Koordinator Tim Kerja dan/atau Ketua
    # Tim Kerja ... diberikan batasan paling banyak 2 (dua) Koordinator Tim Kerja dan/atau Ketua Tim Kerja."
    for peran in (PeranTim.KETUA, PeranTim.KOORDINATOR):
        assert periksa_rangkap(kandidat(0), peran, madiun, bentuk=BentukTim.TIM_KERJA) == []
        assert periksa_rangkap(kandidat(1), peran, madiun, bentuk=BentukTim.TIM_KERJA) == []  # the 2nd role
        (t,) = periksa_rangkap(kandidat(2), peran, madiun, bentuk=BentukTim.TIM_KERJA)  # the 3rd role
        assert t.kode == "rangkap_pimpinan" and t.memblokir
        assert t.rujukan == "Perwal Madiun 73/2023, Lampiran Bab II huruf F angka 3"
        assert t.pesan.startswith(
            "Sari sudah menjadi Koordinator Tim Kerja dan/atau Ketua Tim Kerja pada 2 tim lain; "
            "rangkap Koordinator Tim Kerja dan/atau Ketua Tim Kerja paling banyak 2."
        )


def test_anggota_boleh_di_banyak_tim(madiun, klaten, cilegon):
    # Madiun Pasal 25 ayat (2): "Pejabat Fungsional dan/atau pelaksana dapat terlibat dalam 1 (satu) atau lebih tim
    # kerja."
    for profil in (madiun, klaten, cilegon):
        assert periksa_rangkap(kandidat(9, 9), PeranTim.ANGGOTA, profil, bentuk=profil.bentuk_tim[0].kode) == []


@pytest.mark.parametrize("nama", ["umum", "cilegon", "padang_panjang", "luwu_utara"])
def test_tanpa_batas_rangkap(nama):
    # These regulations set no limit on concurrent ketua roles: a third one passes.
    assert periksa_rangkap(kandidat(2), PeranTim.KETUA, muat_profil(nama), bentuk=BentukTim.TIM_KERJA) == []


def test_klaten_satu_kelompok_kerja_per_ketua(klaten):
    # Pasal 27: "Ketua Kelompok Kerja tidak dapat merangkap menjadi Ketua Kelompok Kerja lain tetapi dapat menjadi
    # anggota kelompok kerja yang lain."; Lampiran huruf B angka 2 huruf k: "... tidak dapat merangkap Ketua
    # Kelompok Kerja sebagai tim kerja lain secara definitif."
    assert periksa_rangkap(kandidat(0, 0), PeranTim.KETUA, klaten, bentuk=BentukTim.KELOMPOK_KERJA) == []
    (t,) = periksa_rangkap(kandidat(1, 1), PeranTim.KETUA, klaten, bentuk=BentukTim.KELOMPOK_KERJA)
    assert t.rujukan == "Perbup Klaten 34/2024, Pasal 27 dan Lampiran huruf B angka 2 huruf k"
    assert "tidak dapat merangkap Ketua Kelompok Kerja pada Kelompok Kerja lain" in t.pesan
    assert "tetap boleh menjadi anggota" in t.pesan
    # The limit is about Kelompok Kerja: a thematic *Tim* (Pasal 1 angka 25) is not counted nor limited.
    assert periksa_rangkap(kandidat(3, 1), PeranTim.KETUA, klaten, bentuk=BentukTim.TIM) == []
    assert periksa_rangkap(kandidat(3, 0), PeranTim.KETUA, klaten, bentuk=BentukTim.KELOMPOK_KERJA) == []
    # The Penanggungjawab is not a ketua: no limit stated.
    assert periksa_rangkap(kandidat(1, 1), PeranTim.PENANGGUNG_JAWAB, klaten, bentuk=BentukTim.KELOMPOK_KERJA) == []


# --- the ketua's origin ------------------------------------------------------------------


def test_madiun_ketua_dari_unit_lain_peringatan(madiun):
    # Pasal 25 ayat (4): "Dalam tim kerja yang anggotanya berasal dari lintas unit organisasi ..., Pejabat Fungsional
    # atau pelaksana yang berperan sebagai ketua tim diutamakan berasal dari unit organisasi pemilik kinerja."
    assert periksa_asal_ketua(10, 10, madiun) == []
    (t,) = periksa_asal_ketua(11, 10, madiun)
    assert (t.kode, t.tingkat) == ("asal_unit_lain", "peringatan")
    assert t.rujukan == "Perwal Madiun 73/2023, Pasal 25 ayat (4) dan Lampiran Bab II huruf B angka 1"
    assert t.pesan.startswith("Ketua Tim Kerja diutamakan berasal dari unit organisasi pemilik kinerja;")
    # Lampiran Bab II huruf C angka 1: "Koordinator Tim Kerja berasal dari unit organisasi dan/atau instansi
    # pemerintah pemilik kinerja" — required.
    (t,) = periksa_asal_ketua(11, 10, madiun, peran=PeranTim.KOORDINATOR, nama="Sari")
    assert (t.kode, t.tingkat) == ("asal_unit_wajib", "error") and "Sari berasal dari unit lain" in t.pesan


def test_asal_ketua_profil_lain(klaten, cilegon):
    # Klaten Pasal 12 ayat (8): "... yang berperan sebagai Ketua Kelompok Kerja diutamakan berasal dari Unit
    # Organisasi pemilik Kinerja."
    (t,) = periksa_asal_ketua(11, 10, klaten)
    assert t.tingkat == "peringatan" and t.rujukan == "Perbup Klaten 34/2024, Pasal 12 ayat (8)"
    assert t.pesan.startswith("Ketua Kelompok Kerja diutamakan")
    # Cilegon Pasal 5 ayat (3) restates the shared baseline.
    (t,) = periksa_asal_ketua(11, 10, cilegon)
    assert t.tingkat == "peringatan" and t.rujukan.startswith("PermenPANRB 7/2022 (ketentuan bersama")


# --- who forms the team -----------------------------------------------------------------


def test_madiun_pengawas_ketua_substansi_tidak_membentuk_tim(madiun):
    # Lampiran Bab III huruf B huruf a angka 2) huruf l): "Pejabat Level III dalam pelaksanaan koordinasi pelaksanaan
    # tugas substansi selayaknya Ketua Tim Kerja tidak dapat membentuk Tim Kerja, dikarenakan secara otomatis
    # menjadi Ketua Tim Kerja Substansi."; huruf e angka 2) angka 11 says the same for the Sekretariat Daerah.
    for sasaran in SasaranTim:
        (t,) = periksa_pembentuk(JenisJabatan.PENGAWAS, sasaran, madiun, pembentuk_ketua_substansi=True)
        assert t.kode == "pembentuk_tidak_berwenang" and t.memblokir
        assert t.rujukan == (
            "Perwal Madiun 73/2023, Lampiran Bab III huruf B huruf a angka 2) huruf l) dan huruf e angka 2) angka 11"
        )
        assert t.pesan.startswith(
            "Pejabat Pengawas yang menjadi ketua tim kerja substansi tidak dapat membentuk Tim Kerja"
        )
    # Huruf c angka 2) huruf d) and l): a Pengawas leading the unit (Kepala UPTD, "Pejabat Level I ... selaku
    # Pimpinan Unit Organisasi") integrates JF "dalam penugasan baik secara Tim Kerja maupun Individu".
    assert periksa_pembentuk(JenisJabatan.PENGAWAS, SasaranTim.INTERVENSI, madiun) == []
    assert (
        periksa_pembentuk(
            JenisJabatan.ADMINISTRATOR, SasaranTim.PENGAMPU_SUBSTANSI, madiun, pembentuk_ketua_substansi=True
        )
        == []
    )


@pytest.mark.parametrize("nama", ["umum", "cilegon", "klaten", "luwu_utara", "padang_panjang"])
def test_pembentuk_tanpa_larangan(nama):
    assert (
        periksa_pembentuk(
            JenisJabatan.PENGAWAS, SasaranTim.PENGAMPU_SUBSTANSI, muat_profil(nama), pembentuk_ketua_substansi=True
        )
        == []
    )


# --- proposing the ketua (Klaten) ---------------------------------------------------------


def test_klaten_pengusulan_ketua(klaten):
    # Pasal 14 ayat (1) huruf a: "Kepala Perangkat Daerah mengusulkan minimal 2 (dua) orang kepada Sekretaris
    # Daerah"; huruf d: "... menetapkan Keputusan ... setelah mendapat rekomendasi dari Sekretaris Daerah."
    assert periksa_pengusulan_ketua(2, True, klaten) == []
    assert periksa_pengusulan_ketua(3, True, klaten) == []
    (t,) = periksa_pengusulan_ketua(1, True, klaten)
    assert t.kode == "calon_kurang" and t.rujukan == "Perbup Klaten 34/2024, Pasal 14 ayat (1)"
    assert t.pesan == (
        "Usulkan paling sedikit 2 calon Ketua Kelompok Kerja kepada Sekretaris Daerah; baru 1 calon diusulkan."
    )
    (t,) = periksa_pengusulan_ketua(2, False, klaten)
    assert t.kode == "rekomendasi_belum_ada" and "Sekretaris Daerah" in t.pesan
    assert kode(periksa_pengusulan_ketua(0, False, klaten)) == ["calon_kurang", "rekomendasi_belum_ada"]


def test_klaten_pengusulan_penanggung_jawab(klaten):
    # Pasal 13 ayat (3) huruf a: "Kepala Perangkat Daerah mengusulkan minimal 2 (dua) orang kepada Sekretaris Daerah"
    (t,) = periksa_pengusulan_ketua(1, True, klaten, peran=PeranTim.PENANGGUNG_JAWAB)
    assert t.rujukan == "Perbup Klaten 34/2024, Pasal 13 ayat (3)" and "calon Penanggungjawab" in t.pesan


@pytest.mark.parametrize("nama", ["umum", "madiun", "cilegon", "luwu_utara", "padang_panjang"])
def test_pengusulan_tidak_diatur(nama):
    # Only Klaten asks for candidates and a Sekda recommendation; Madiun's ketua is appointed by the unit head
    # (Lampiran Bab II huruf B angka 1: "berwenang menunjuk Ketua Tim Kerja").
    assert periksa_pengusulan_ketua(1, False, muat_profil(nama)) == []


# --- roles and the name -------------------------------------------------------------------


def test_peran_yang_tidak_ada_dalam_profil(madiun, cilegon, klaten):
    # Madiun Lampiran Bab II huruf C angka 1: "Pimpinan Unit Organisasi dapat menunjuk Koordinator Tim Kerja"
    assert periksa_peran(PeranTim.KOORDINATOR, madiun) == []
    (t,) = periksa_peran(PeranTim.KOORDINATOR, cilegon)
    assert t.kode == "peran_tidak_dikenal" and "Perwal Cilegon 17/2023" in t.pesan
    # Klaten has a Penanggungjawab (Pasal 13) but no Koordinator.
    assert periksa_peran(PeranTim.PENANGGUNG_JAWAB, klaten) == []
    assert kode(periksa_peran(PeranTim.KOORDINATOR, klaten)) == ["peran_tidak_dikenal"]


@pytest.mark.parametrize("nama", ["", "   ", "\t\n"])
def test_nama_tim_wajib(nama):
    (t,) = periksa_nama_tim(nama)
    assert t.kode == "nama_tim_kosong" and t.memblokir and "nama tim" in t.pesan


def test_nama_tim_terisi():
    assert periksa_nama_tim("Tim Percepatan Penurunan Stunting") == []


# --- the profile keys these rules read are validated strictly ---------------------------------


@pytest.fixture
def salinan(tmp_path):
    folder = tmp_path / "profil"
    shutil.copytree(resource_dir("data") / "profil", folder)
    return folder


def ubah(folder, nama: str, lama: str, baru: str) -> None:
    berkas = folder / f"{nama}.toml"
    teks = berkas.read_text(encoding="utf-8")
    assert teks.count(lama) == 1, f"potongan tidak ditemukan tepat sekali di {berkas.name}: {lama!r}"
    berkas.write_text(teks.replace(lama, baru), encoding="utf-8")


def galat_profil(folder, nama: str) -> str:
    with pytest.raises(ProfilTidakSah) as info:
        muat_profil(nama, folder)
    return str(info.value)


@pytest.mark.parametrize(
    ("nama", "lama", "baru", "awal"),
    [
        (
            "madiun",
            'jenis = ["fungsional"]',
            'jenis = ["fungsionil"]',
            (
                "Profil madiun.toml: kunci 'kriteria.koordinator.jenis_jabatan.jenis[0]' berisi 'fungsionil', "
                "bukan jenis jabatan yang dikenal"
            ),
        ),
        (
            "madiun",
            'jenis = ["fungsional"]',
            "jenis = []",
            "Profil madiun.toml: kunci 'kriteria.koordinator.jenis_jabatan.jenis' tidak boleh kosong.",
        ),
        (
            "madiun",
            "[kriteria.koordinator.asal_unit]\nwajib = true",
            '[kriteria.koordinator.asal_unit]\nwajib = "ya"',
            "Profil madiun.toml: kunci 'kriteria.koordinator.asal_unit.wajib' harus true/false",
        ),
        (
            "madiun",
            "[pembentukan.insidental]",
            "[pembentukan.bulanan]",
            "Profil madiun.toml: kunci 'pembentukan.bulanan' berisi 'bulanan', bukan jenis pembentukan yang dikenal",
        ),
        (
            "madiun",
            "ketua_substansi = true\n",
            'ketua_substansi = true\nsasaran = ["substansi"]\n',
            "Profil madiun.toml: kunci 'larangan_pembentuk[0].sasaran[0]' berisi 'substansi', bukan sasaran tim",
        ),
        (
            "madiun",
            (
                'rujukan = "Perwal Madiun 73/2023, Lampiran Bab III huruf B huruf a angka 2) huruf l) dan huruf e '
                'angka 2) angka 11"\n'
            ),
            "",
            "Profil madiun.toml: aturan 'larangan_pembentuk[0]' tidak memuat 'rujukan'",
        ),
        (
            "klaten",
            'peran = ["ketua"]\nbentuk = ["kelompok_kerja"]',
            'peran = ["ketua"]\nbentuk = ["pokja"]',
            "Profil klaten.toml: kunci 'rangkap.pimpinan_tim.bentuk[0]' berisi 'pokja', bukan bentuk tim yang dikenal",
        ),
    ],
)
def test_kunci_profil_aturan_tim_divalidasi(salinan, nama, lama, baru, awal):
    ubah(salinan, nama, lama, baru)
    assert galat_profil(salinan, nama).startswith(awal)


def test_larangan_pembentuk_menurut_sasaran(salinan):
    # A profile may limit the ban to some sasaran (none of the seeds does; Madiun's holds for any team).
    ubah(salinan, "madiun", "ketua_substansi = true\n", 'ketua_substansi = true\nsasaran = ["pengampu_substansi"]\n')
    profil = muat_profil("madiun", salinan)
    assert kode(
        periksa_pembentuk(JenisJabatan.PENGAWAS, SasaranTim.PENGAMPU_SUBSTANSI, profil, pembentuk_ketua_substansi=True)
    ) == ["pembentuk_tidak_berwenang"]
    assert periksa_pembentuk(JenisJabatan.PENGAWAS, SasaranTim.INTERVENSI, profil, pembentuk_ketua_substansi=True) == []
