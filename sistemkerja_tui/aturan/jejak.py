"""Traceability of the five seed regulations: each passage on the app's domain → what enforces it, what tests it.

`JEJAK` is the table; `docs/jejak-regulasi.md` is written from it (`python -m sistemkerja_tui.aturan.jejak`),
and `tests/test_jejak_regulasi.py` checks that the file is current, that every test named here exists, and that
every passage a profile's `rujukan` names is in the table (a profile cannot cite a passage nobody traced).

A row is one passage (Pasal, ayat, Lampiran huruf/angka) of one seed. `bagian` covers the passages it prefixes:
`Pasal 27` covers `Pasal 27 ayat (4)`. Status: `ditegakkan` — a use case enforces it (refusal or warning) and a
test drives it; `data` — the profile or a template carries it (terms, letters, checklists) and a test checks it;
`tidak` — not enforced, with the reason (outside the app's scope, ambiguous, or left for later).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sistemkerja_tui.aturan.enums import KodeEnum


class StatusJejak(KodeEnum):
    DITEGAKKAN = ("ditegakkan", "Ditegakkan")
    DATA = ("data", "Data profil/naskah")
    TIDAK = ("tidak", "Tidak ditegakkan")


MADIUN = "Perwal Madiun 73/2023"
LUWU_UTARA = "Perbup Luwu Utara 59/2023"
KLATEN = "Perbup Klaten 34/2024"
CILEGON = "Perwal Cilegon 17/2023"
PADANG_PANJANG = "Perwal Padang Panjang 48/2024"
SUMBER = {
    MADIUN: "Peraturan Wali Kota Madiun Nomor 73 Tahun 2023 (madiun.toml)",
    LUWU_UTARA: "Peraturan Bupati Luwu Utara Nomor 59 Tahun 2023 (luwu_utara.toml)",
    KLATEN: "Peraturan Bupati Klaten Nomor 34 Tahun 2024 (klaten.toml)",
    CILEGON: "Peraturan Wali Kota Cilegon Nomor 17 Tahun 2023 (cilegon.toml; umum.toml memuat ulang ketentuan bersama)",
    PADANG_PANJANG: "Peraturan Wali Kota Padang Panjang Nomor 48 Tahun 2024 (padang_panjang.toml)",
}

D, DATA, TIDAK = StatusJejak.DITEGAKKAN, StatusJejak.DATA, StatusJejak.TIDAK


@dataclass(frozen=True)
class Jejak:
    sumber: str
    bagian: str
    ketentuan: str
    status: StatusJejak
    penegak: str = ""
    tes: tuple[str, ...] = ()
    alasan: str = ""


def _j(
    sumber: str, bagian: str, ketentuan: str, status: StatusJejak, penegak: str = "", tes: str = "", alasan: str = ""
) -> Jejak:
    return Jejak(sumber, bagian, ketentuan, status, penegak, tuple(t for t in tes.split() if t), alasan)


T_KRITERIA = "tests/test_kriteria.py::"
T_ATURAN = "tests/test_aturan_tim.py::"
T_TIM = "tests/test_layanan_tim.py::"
T_PPK = "tests/test_ppk.py::"
T_PROFIL = "tests/test_profil.py::"
T_TAHAP = "tests/test_tahap.py::"
T_MADIUN = "tests/test_regulasi_madiun.py::"
T_KLATEN = "tests/test_regulasi_klaten.py::"
T_PP = "tests/test_regulasi_padang_panjang.py::"
T_TPP = "tests/test_tahapan_padang_panjang.py::"
T_PERMOHONAN = "tests/test_permohonan.py::"
T_SURAT = "tests/test_layanan_surat.py::"
LUAR_LINGKUP_PENGHASILAN = "Tambahan penghasilan dan penghargaan diatur kebijakan penggajian; di luar lingkup aplikasi."

JEJAK: tuple[Jejak, ...] = (
    # --- Perwal Madiun 73/2023 -------------------------------------------------------------------------------
    _j(
        MADIUN,
        "Pasal 1",
        "Pimpinan Unit Organisasi (angka 12); Pejabat Penilai Kinerja = atasan langsung paling rendah "
        "pengawas atau yang diberi pendelegasian (angka 13).",
        D,
        "istilah.*, ppk.atasan_langsung; aturan.ppk",
        f"{T_PPK}test_ahli_pertama_di_seksi_dinilai_kepala_seksi {T_PPK}test_kepala_bidang_dinilai_kepala_dinas",
    ),
    _j(
        MADIUN,
        "Pasal 13",
        "Kedudukan JF dan pelaksana; JF yang memimpin unit kerja mandiri (Puskesmas) membawahi JF "
        "dan pelaksana (ayat (5), (7)).",
        D,
        "ppk.unit_mandiri; aturan.ppk",
        f"{T_PPK}test_staf_puskesmas_dinilai_kepala_puskesmas",
    ),
    _j(
        MADIUN,
        "Pasal 14",
        "Kedudukan per jenis unit (Pasal 14 sampai dengan Pasal 21).",
        D,
        "ppk.minimum, ppk.unit; aturan.ppk",
        f"{T_PPK}test_ahli_muda_di_uptd_pengawas_dinilai_kepala_dinas",
    ),
    _j(
        MADIUN,
        "Pasal 22",
        "Penugasan JF/pelaksana secara individu atau dalam tim kerja.",
        D,
        "LayananPenugasan.tugaskan_individu",
        f"{T_TIM}test_penugasan_individu_bukan_untuk_pejabat_struktural",
    ),
    _j(
        MADIUN,
        "Pasal 24",
        "Tim kerja (ayat (1) huruf b) terdiri atas ketua tim dan anggota tim (ayat (2)); ketua dari JF atau pelaksana.",
        D,
        "peran.*, kriteria.ketua.jenis_jabatan; LayananTim.tetapkan_pimpinan",
        f"{T_KRITERIA}test_madiun_ketua_bukan_pejabat_struktural",
    ),
    _j(
        MADIUN,
        "Pasal 25",
        "Anggota boleh di lebih dari satu tim (ayat (2)); ketua diutamakan dari unit pemilik kinerja (ayat (4)).",
        D,
        "rangkap.anggota, kriteria.ketua.asal_unit; aturan_tim.periksa_asal_ketua",
        f"{T_ATURAN}test_anggota_boleh_di_banyak_tim {T_ATURAN}test_madiun_ketua_dari_unit_lain_peringatan",
    ),
    _j(
        MADIUN,
        "Pasal 27",
        "Penunjukan dalam unit oleh Pimpinan Unit (ayat (3)); lintas unit dengan persetujuan PPK "
        "pegawai, tertulis (ayat (4), (5)), ditindaklanjuti surat tugas PPK (ayat (6)).",
        D,
        "persetujuan.penunjukan_*; LayananPenugasan",
        f"{T_TIM}test_lintas_unit_disetujui_ppk_pegawai",
    ),
    _j(
        MADIUN,
        "Pasal 28",
        "Pengajuan sukarela: permohonan aktif JF/pelaksana kepada Pimpinan Unit.",
        D,
        "persetujuan.sukarela_dalam_unit; LayananPenugasan.ajukan_sukarela",
        f"{T_TIM}test_pengajuan_sukarela_dalam_unit_perlu_catatan_lisan",
    ),
    _j(
        MADIUN,
        "Pasal 29",
        "Sukarela dalam unit secara lisan (ayat (1)); lintas unit tertulis kepada Pimpinan Unit yang "
        "dituju dengan tembusan PPK (ayat (2)).",
        D,
        "persetujuan.sukarela_*",
        f"{T_PERMOHONAN}test_catatan_lisan {T_PERMOHONAN}test_alur_mengikuti_rute_profil",
    ),
    _j(
        MADIUN,
        "Pasal 30",
        "Pelaksanaan tugas (Pasal 30 sampai dengan Pasal 37): laporan berkala, umpan balik, kendala "
        "beserta rekomendasi.",
        D,
        "LayananKegiatan.catat",
        "tests/test_layanan_kegiatan.py::test_catatan_kendala_perlu_rekomendasi",
    ),
    _j(
        MADIUN,
        "Pasal 38",
        "Pertanggungjawaban hasil secara berjenjang (Pasal 38 dan Pasal 39).",
        D,
        "reviu.*; aturan.tahap.transisi_kegiatan",
        f"{T_TAHAP}test_jalur_lengkap_sampai_selesai",
    ),
    _j(
        MADIUN,
        "Pasal 40",
        "Pengelolaan kinerja: perencanaan (penetapan dan klarifikasi ekspektasi), pelaksanaan, "
        "pemantauan dan pembinaan (umpan balik berkelanjutan), penilaian (Pasal 40 sampai dengan Pasal 42).",
        TIDAK,
        "LayananKegiatan.catat (umpan balik)",
        alasan="Penilaian kinerja (SKP) dikelola di e-Kinerja; aplikasi "
        "mencatat umpan balik pada kegiatan dan rekomendasi penilaian anggota tim.",
    ),
    _j(
        MADIUN,
        "Pasal 43",
        "PPK per jenjang JF (ayat (2)); pelaksana dinilai paling rendah pengawas (ayat (5)); pendelegasian (ayat (1)).",
        D,
        "ppk.minimum.*, ppk.pendelegasian; aturan.ppk",
        f"{T_PPK}test_ahli_muda_di_seksi_dinilai_kepala_bidang {T_PPK}test_ahli_madya_dinilai_kepala_dinas",
    ),
    _j(
        MADIUN,
        "Pasal 44",
        "Layanan berbasis elektronik (aplikasi SPBE) (Pasal 44 sampai dengan Pasal 48).",
        TIDAK,
        alasan="Ketentuan tentang aplikasi pemerintah; bukan aturan yang ditegakkan pada data sistem kerja.",
    ),
    _j(
        MADIUN,
        "Pasal 49",
        "Pemantauan dan evaluasi setiap 6 (enam) bulan.",
        D,
        "LayananLaporan (laporan enam bulanan)",
        "tests/test_laporan.py::test_pemantauan_bagian_dan_angka",
    ),
    _j(
        MADIUN,
        "Pasal 50",
        "Pembagian beban kerja secara merata.",
        D,
        "aturan_tim.beban_di_atas_rata_rata",
        f"{T_TIM}test_beban_kerja_menandai_di_atas_rata_rata",
    ),
    _j(
        MADIUN,
        "Lampiran Bab II huruf A",
        "Jenis tim: dibentuk tahunan (1 tahun anggaran) atau insidental; menurut "
        "sasaran; anggota ditetapkan surat perintah Pimpinan Unit.",
        D,
        "pembentukan.*, penetapan[anggota]",
        f"{T_ATURAN}test_madiun_tahunan_dalam_tahun_anggaran {T_ATURAN}test_tahunan_wajib_tahun_anggaran",
    ),
    _j(
        MADIUN,
        "Lampiran Bab II huruf B",
        "Ketua ditunjuk Pimpinan Unit pemilik kinerja, diutamakan dari unit itu; "
        "tahunan dengan keputusan a.n. Wali Kota (angka 1 huruf a), insidental dengan surat tugas (huruf b).",
        D,
        "penetapan[ketua], kriteria.ketua.asal_unit",
        f"{T_SURAT}test_keputusan_tim_tahunan_atas_nama_kepala_daerah",
    ),
    _j(
        MADIUN,
        "Lampiran Bab II huruf C angka 1",
        "Koordinator Tim Kerja hanya pada Sekretariat Daerah dan Perangkat "
        "Daerah yang disederhanakan menjadi 1 (satu) tingkatan, berasal dari unit pemilik kinerja.",
        D,
        "kriteria.koordinator.unit, kriteria.koordinator.asal_unit; LayananTim.tetapkan_pimpinan",
        f"{T_MADIUN}test_koordinator_dari_unit_lain_ditolak "
        f"{T_MADIUN}test_koordinator_di_bidang_dinas_dua_tingkat_ditolak",
    ),
    _j(
        MADIUN,
        "Lampiran Bab II huruf C angka 2",
        "Koordinator ditetapkan dengan keputusan a.n. Wali Kota.",
        DATA,
        "penetapan[koordinator]",
        f"{T_PROFIL}test_madiun_rangkap_dan_penetapan",
    ),
    _j(
        MADIUN,
        "Lampiran Bab II huruf C angka 3",
        "Koordinator mengoordinasikan pengelolaan kinerja beberapa Tim Kerja.",
        TIDAK,
        alasan="Koordinator dicatat sebagai peran dalam tim dan meninjau hasil timnya (Bab III huruf B huruf e); "
        "pengelompokan beberapa tim di bawah satu Koordinator belum dimodelkan.",
    ),
    _j(
        MADIUN,
        "Lampiran Bab II huruf D",
        "Kriteria Koordinator dan Ketua: PNS, hasil penyetaraan, kompetensi, "
        "kinerja baik 2 tahun, pendidikan, jenjang, pelaksana kelas 7 / III/b.",
        D,
        "kriteria.ketua.*, kriteria.koordinator.*; aturan.kriteria.nilai_kandidat",
        f"{T_KRITERIA}test_madiun_ketua_jenjang_minimum {T_KRITERIA}test_madiun_koordinator_jenjang "
        f"{T_KRITERIA}test_madiun_pelaksana_kelas_dan_golongan",
    ),
    _j(
        MADIUN,
        "Lampiran Bab II huruf E",
        "Tambahan penghasilan bagi Koordinator dan Ketua.",
        TIDAK,
        alasan=LUAR_LINGKUP_PENGHASILAN,
    ),
    _j(
        MADIUN,
        "Lampiran Bab II huruf F angka 1",
        "Tanpa JF atau pelaksana, tugas Ketua/Koordinator dilaksanakan PPK, pimpinan unit, atau Administrator.",
        D,
        "kriteria.ketua.pengganti, kriteria.koordinator.pengganti",
        f"{T_MADIUN}test_tanpa_jf_dan_pelaksana_tugas_ketua_oleh_pimpinan_unit",
    ),
    _j(
        MADIUN,
        "Lampiran Bab II huruf F angka 2",
        "Tanpa JF/pelaksana yang kompeten, Ketua/Koordinator yang ada dapat merangkap.",
        D,
        "rangkap.pimpinan_tim (dibatasi angka 3)",
        f"{T_ATURAN}test_madiun_paling_banyak_dua_peran_pimpinan",
    ),
    _j(
        MADIUN,
        "Lampiran Bab II huruf F angka 3",
        "Rangkap paling banyak 2 (dua) Koordinator dan/atau Ketua.",
        D,
        "rangkap.pimpinan_tim; aturan_tim.periksa_rangkap",
        f"{T_TIM}test_ketua_ketiga_ditolak_di_madiun",
    ),
    _j(
        MADIUN,
        "Lampiran Bab II huruf F angka 4",
        "Tambahan penghasilan atas rangkap.",
        TIDAK,
        alasan=LUAR_LINGKUP_PENGHASILAN,
    ),
    _j(
        MADIUN,
        "Lampiran Bab III huruf A",
        "Tiga tahap: perencanaan, pelaksanaan, evaluasi; reviu Level 2 lalu Level 1; dikembalikan bila belum sesuai.",
        D,
        "tahapan.bawaan, reviu.bawaan; aturan.tahap",
        "tests/test_tahapan_madiun.py::test_huruf_a_bawaan " + f"{T_TAHAP}test_kembalikan_lalu_ajukan_lagi",
    ),
    _j(
        MADIUN,
        "Lampiran Bab III huruf B",
        "Penyesuaian mekanisme kerja per jenis unit; hasil yang belum sesuai dikembalikan berjenjang.",
        D,
        "tahapan.*, reviu.*; LayananKegiatan.kembalikan (alasan wajib)",
        f"{T_TAHAP}test_kembalikan_tanpa_alasan_ditolak {T_TAHAP}test_kembalikan_lalu_ajukan_lagi",
    ),
    _j(
        MADIUN,
        "Lampiran Bab III huruf B huruf a",
        "Alur Inspektorat, Sekretariat DPRD, Dinas, Badan; Pengawas yang "
        "menjadi ketua substansi tidak membentuk tim (angka 2) huruf l)).",
        D,
        "tahapan.*, reviu.*, larangan_pembentuk",
        "tests/test_tahapan_madiun.py::test_huruf_a_ppt_dengan_administrator_sebagai_ppk "
        f"{T_ATURAN}test_madiun_pengawas_ketua_substansi_tidak_membentuk_tim",
    ),
    _j(
        MADIUN,
        "Lampiran Bab III huruf B huruf b",
        "Alur Kecamatan dan Bagian.",
        D,
        "tahapan.kecamatan",
        "tests/test_tahapan_madiun.py::test_huruf_b_kecamatan",
    ),
    _j(
        MADIUN,
        "Lampiran Bab III huruf B huruf c",
        "Alur UPTD dipimpin Pejabat Pengawas.",
        D,
        "tahapan.uptd, reviu.uptd",
        "tests/test_tahapan_madiun.py::test_huruf_c_uptd",
    ),
    _j(
        MADIUN,
        "Lampiran Bab III huruf B huruf d",
        "Alur unit dipimpin JF (UPTD Puskesmas; uraiannya menyebut Kepala Sekolah).",
        D,
        "tahapan.puskesmas, tahapan.sekolah",
        "tests/test_tahapan_madiun.py::test_huruf_d_puskesmas",
    ),
    _j(
        MADIUN,
        "Lampiran Bab III huruf B huruf e",
        "Alur Sekretariat Daerah; dalam tim di bawah Koordinator, "
        "Koordinator meninjau hasil sebelum Kepala Bagian (angka 3) Tahap Evaluasi huruf c).",
        D,
        "reviu.sekretariat_daerah (langkah peran = koordinator); LayananKegiatan.setujui/kembalikan",
        f"{T_MADIUN}test_setda_koordinator_meninjau_sebelum_kepala_bagian "
        "tests/test_tahapan_madiun.py::test_huruf_e_sekretariat_daerah",
    ),
    _j(
        MADIUN,
        "Lampiran Bab IV",
        "Evaluasi pencapaian Koordinator, Ketua dan Tim Kerja.",
        D,
        "LayananTim.nilai_anggota (rekomendasi penilaian), laporan pemantauan",
        f"{T_SURAT}test_nilai_anggota_lalu_surat_rekomendasi",
    ),
    # --- Perbup Luwu Utara 59/2023 ---------------------------------------------------------------------------
    _j(
        LUWU_UTARA,
        "Pasal 1",
        "Pimpinan Unit Organisasi, PPK (atasan langsung, pendelegasian).",
        D,
        "istilah.*, ppk.atasan_langsung",
        f"{T_PPK}test_luwu_utara_kepala_bidang_menilai_pelaksana_di_seksi",
    ),
    _j(
        LUWU_UTARA,
        "Pasal 8",
        "JF yang memimpin unit mandiri membawahi JF dan pelaksana (ayat (2)).",
        D,
        "ppk.unit_mandiri",
        f"{T_PPK}test_staf_puskesmas_dinilai_kepala_puskesmas",
    ),
    _j(
        LUWU_UTARA,
        "Pasal 10",
        "Tim kerja (ayat (1)); ketua diutamakan dari unit pemilik kinerja (ayat (3)).",
        D,
        "istilah.tim, kriteria.ketua.asal_unit",
        f"{T_ATURAN}test_asal_ketua_profil_lain",
    ),
    _j(
        LUWU_UTARA,
        "Pasal 16",
        "Anggota tim (ayat (1)).",
        DATA,
        "istilah.anggota_tim",
        f"{T_PROFIL}test_luwu_utara_peran_sk_dan_penetapan",
    ),
    _j(
        LUWU_UTARA,
        "Lampiran",
        "Susunan tim (Pengarah, Penanggung Jawab, Ketua, Anggota) dan FORMAT NASKAH DINAS: "
        "Keputusan, Surat Tugas, permohonan lintas Perangkat Daerah, Nota Dinas, persetujuan, rekomendasi penilaian.",
        DATA,
        "peran.*, penetapan; templates/*.j2; layanan.surat",
        f"{T_PROFIL}test_luwu_utara_peran_sk_dan_penetapan {T_SURAT}test_kesembilan_surat_dari_pemda_demo",
    ),
    _j(
        LUWU_UTARA,
        "Lampiran Bab II huruf A",
        "Mekanisme kerja: perencanaan (angka 1), pelaksanaan (angka 2), reviu Level 2 dan Level 1 (angka 3).",
        D,
        "tahapan.bawaan, reviu.bawaan (umum.toml)",
        f"{T_TAHAP}test_jalur_lengkap_sampai_selesai",
    ),
    _j(
        LUWU_UTARA,
        "Lampiran Bab II huruf B angka 1",
        "Penentuan kedudukan JF dan pelaksana; PPK paling rendah pengawas.",
        D,
        "ppk.minimum",
        f"{T_PPK}test_luwu_utara_kepala_bidang_menilai_pelaksana_di_seksi",
    ),
    _j(
        LUWU_UTARA,
        "Lampiran Bab II huruf B angka 2",
        "Penugasan: penunjukan (huruf a: dalam unit, lintas unit, lintas "
        "instansi, 4 isi surat permohonan) dan pengajuan sukarela (huruf b); penetapan tim.",
        D,
        "persetujuan.*, penetapan; LayananPenugasan",
        f"{T_TIM}test_lintas_unit_tanpa_empat_isi_ditolak {T_TIM}test_lintas_instansi_perlu_jawaban_ketersediaan",
    ),
    _j(
        LUWU_UTARA,
        "Lampiran Bab II huruf B angka 3",
        "Ketua tim dari JF atau pelaksana yang kompeten (huruf c).",
        D,
        "kriteria.ketua.jenis_jabatan, kriteria.ketua.kompetensi",
        f"{T_KRITERIA}test_luwu_utara_pengarah_tanpa_kriteria",
    ),
    _j(
        LUWU_UTARA,
        "Lampiran Bab II huruf B angka 4",
        "Pelaksanaan tugas dalam unit, lintas unit, lintas instansi.",
        D,
        "LayananKegiatan.catat",
        "tests/test_layanan_kegiatan.py::test_catatan_kendala_perlu_rekomendasi",
    ),
    _j(
        LUWU_UTARA,
        "Lampiran Bab II huruf B angka 5",
        "Penyesuaian dan pertanggungjawaban: alur per Perangkat Daerah (huruf a) dan PPK per unit.",
        D,
        "tahapan.*, reviu.*, ppk.unit",
        "tests/test_tahapan_luwu_utara.py::test_dinas_uraian_a_b_c",
    ),
    _j(
        LUWU_UTARA,
        "Lampiran Bab II huruf C",
        "Transformasi manajemen dan budaya kerja.",
        TIDAK,
        alasan="Arahan umum tanpa ketentuan yang dapat diperiksa aplikasi.",
    ),
    _j(
        LUWU_UTARA,
        "Lampiran Bab II huruf D angka 6",
        "Alur UPTD dan Kelurahan.",
        D,
        "tahapan.uptd, tahapan.kelurahan",
        "tests/test_tahapan_luwu_utara.py::test_uptd_dan_kelurahan_huruf_d_angka_6",
    ),
    _j(
        LUWU_UTARA,
        "Lampiran Bab II huruf D angka 7",
        "Alur Puskesmas dan Sekolah.",
        D,
        "tahapan.puskesmas, tahapan.sekolah",
        "tests/test_tahapan_luwu_utara.py::test_puskesmas_dan_sekolah_huruf_d_angka_7",
    ),
    _j(
        LUWU_UTARA,
        "Lampiran Bab II huruf D angka 8",
        "Alur Sekretariat Daerah.",
        D,
        "tahapan.sekretariat_daerah",
        "tests/test_tahapan_luwu_utara.py::test_sekretariat_daerah_huruf_d_angka_8",
    ),
    # --- Perbup Klaten 34/2024 -------------------------------------------------------------------------------
    _j(
        KLATEN,
        "Pasal 1",
        "Kelompok Kerja (angka 24), Tim (angka 25), Penanggungjawab pada DPMPTSP (angka 23), PPK (angka 22).",
        D,
        "istilah.*, bentuk_tim, kriteria.penanggung_jawab.unit",
        f"{T_ATURAN}test_klaten_tim_lebih_dari_sebulan_kurang_dari_setahun "
        f"{T_KLATEN}test_penanggungjawab_hanya_di_dpmptsp",
    ),
    _j(
        KLATEN,
        "Pasal 6",
        "JF pemimpin unit mandiri membawahi JF dan pelaksana (ayat (1)); PPK (ayat (2)).",
        D,
        "ppk.unit_mandiri, ppk.atasan_langsung",
        f"{T_PPK}test_klaten_uptd_menilai_semua_jf",
    ),
    _j(KLATEN, "Pasal 11", "Penugasan (ayat (4)).", D, "penetapan", f"{T_PROFIL}test_klaten_rute_dan_penetapan"),
    _j(
        KLATEN,
        "Pasal 12",
        "Kelompok Kerja 1 tahun anggaran (ayat (4)); ketua dan anggota (ayat (5)); ketua diutamakan "
        "dari unit pemilik kinerja (ayat (8)).",
        D,
        "pembentukan.tahunan, peran.*, kriteria.ketua.asal_unit",
        f"{T_ATURAN}test_klaten_kelompok_kerja_paling_lama_setahun",
    ),
    _j(
        KLATEN,
        "Pasal 13 ayat (1)",
        "Penanggungjawab hanya pada DPMPTSP.",
        D,
        "kriteria.penanggung_jawab.unit; jenis unit dpmptsp",
        f"{T_KLATEN}test_penanggungjawab_hanya_di_dpmptsp",
    ),
    _j(
        KLATEN,
        "Pasal 13 ayat (2)",
        "Penanggungjawab mengoordinasikan Kelompok Kerja (pendelegasian fungsi JPT).",
        DATA,
        "peran.penanggung_jawab.keterangan",
        f"{T_PROFIL}test_klaten_peran_kriteria_dan_rangkap",
    ),
    _j(
        KLATEN,
        "Pasal 13 ayat (3)",
        "Ditunjuk atas rekomendasi Sekda dari usulan minimal 2 (dua) orang (huruf a, c, d); "
        "usulan setiap akhir tahun atau saat kekosongan (huruf b).",
        D,
        "kriteria.penanggung_jawab.pengusulan, .waktu_usulan; LayananTim.usulkan_calon_ketua/catat_rekomendasi_sekda",
        f"{T_KLATEN}test_penanggungjawab_dari_dua_calon_dengan_rekomendasi_sekda",
    ),
    _j(
        KLATEN,
        "Pasal 13 ayat (4)",
        "Tanpa pejabat kompeten di unit: Ahli Madya dari luar lewat mutasi.",
        TIDAK,
        alasan="Mutasi pegawai di luar lingkup aplikasi (impor/ubah struktur mencatat hasilnya).",
    ),
    _j(
        KLATEN,
        "Pasal 14",
        "Ketua Kelompok Kerja dari usulan minimal 2 (dua) orang dengan rekomendasi Sekda; usulan "
        "setiap akhir tahun atau saat kekosongan (ayat (1)).",
        D,
        "kriteria.ketua.pengusulan, .waktu_usulan",
        f"{T_TIM}test_klaten_ketua_dari_dua_calon_dengan_rekomendasi_sekda "
        f"{T_KLATEN}test_usulan_ketua_pada_kekosongan_kapan_saja",
    ),
    _j(
        KLATEN,
        "Pasal 16",
        "Paraf koordinasi Penanggungjawab (ayat (2)); Perjanjian Kinerja bagi Penanggungjawab dan Ketua (ayat (3)).",
        TIDAK,
        alasan="Paraf naskah dan Perjanjian Kinerja dikelola di luar aplikasi (PK hanya "
        "dicatat sebagai teks pada kegiatan).",
    ),
    _j(
        KLATEN,
        "Pasal 17",
        "Penugasan individu melapor langsung kepada Pimpinan Unit Organisasi.",
        D,
        "reviu.* (individu ditinjau pimpinan unit)",
        f"{T_TAHAP}test_jalur_lengkap_sampai_selesai",
    ),
    _j(
        KLATEN,
        "Pasal 18",
        "Ketua melapor berkala; di DPMPTSP melalui Penanggungjawab (ayat (3)).",
        TIDAK,
        "LayananKegiatan.catat (laporan berkala)",
        alasan="Laporan berkala dicatat pada kegiatan; jalur melalui "
        "Penanggungjawab belum menjadi langkah reviu (perlu [reviu.dpmptsp] dan [tahapan.dpmptsp] Klaten sendiri, "
        "seperti langkah Koordinator Madiun).",
    ),
    _j(
        KLATEN,
        "Pasal 24",
        "Penunjukan diutamakan dari JF hasil penyetaraan (ayat (1)).",
        D,
        "kriteria.*.diutamakan",
        f"{T_KRITERIA}test_klaten_hasil_penyetaraan_diutamakan",
    ),
    _j(
        KLATEN,
        "Pasal 27",
        "Anggota boleh merangkap; ketua tidak merangkap ketua Kelompok Kerja lain.",
        D,
        "rangkap.*",
        f"{T_KRITERIA}test_klaten_ketua_tidak_memimpin_dua_kelompok_kerja",
    ),
    _j(KLATEN, "Pasal 25", "Tambahan penghasilan Penanggungjawab dan Ketua.", TIDAK, alasan=LUAR_LINGKUP_PENGHASILAN),
    _j(
        KLATEN,
        "Lampiran huruf B",
        "Tabel Pemilik Kinerja / Penilai Kinerja / Pejabat yang Dinilai per jenis unit "
        "(huruf a sampai dengan m); peta jabatan.",
        D,
        "ppk.minimum, ppk.unit; aturan.ppk",
        f"{T_PPK}test_klaten_pelaksana_puskesmas_dinilai_kepala_tu "
        f"{T_KLATEN}test_pelaksana_puskesmas_dinilai_kepala_tata_usaha",
    ),
    _j(
        KLATEN,
        "Lampiran huruf B angka 2 huruf g",
        "Persyaratan ketua: kompetensi, profesional, rekomendasi Sekda.",
        D,
        "kriteria.ketua.kompetensi, kriteria.ketua.jenis_jabatan",
        f"{T_KRITERIA}test_klaten_ketua_tanpa_jenjang_minimum",
    ),
    _j(
        KLATEN,
        "Lampiran huruf B angka 2 huruf i",
        "Mekanisme penunjukan ketua (sama dengan Pasal 14).",
        D,
        "kriteria.ketua.pengusulan",
        f"{T_TIM}test_klaten_ketua_dari_dua_calon_dengan_rekomendasi_sekda",
    ),
    _j(
        KLATEN,
        "Lampiran huruf B angka 2 huruf k",
        "Ketua tidak merangkap ketua Kelompok Kerja lain.",
        D,
        "rangkap.pimpinan_tim",
        f"{T_ATURAN}test_klaten_satu_kelompok_kerja_per_ketua",
    ),
    _j(
        KLATEN,
        "Lampiran huruf B angka 2 huruf m",
        "Penanggungjawab di DPMPTSP dari Ahli Madya atau minimal Ahli Muda.",
        D,
        "kriteria.penanggung_jawab.jenjang_minimum, .unit",
        f"{T_KRITERIA}test_klaten_penanggung_jawab_ahli_muda",
    ),
    _j(
        KLATEN,
        "Lampiran huruf B angka 2 huruf n",
        "Penanggungjawab: kompetensi dan rekomendasi Sekda.",
        D,
        "kriteria.penanggung_jawab.kompetensi, .pengusulan",
        f"{T_KLATEN}test_penanggungjawab_dari_dua_calon_dengan_rekomendasi_sekda",
    ),
    _j(
        KLATEN,
        "Lampiran huruf B angka 2 huruf o",
        "Mekanisme penunjukan Penanggungjawab (sama dengan Pasal 13 ayat (3)).",
        D,
        "kriteria.penanggung_jawab.pengusulan",
        f"{T_KLATEN}test_penanggungjawab_dari_dua_calon_dengan_rekomendasi_sekda",
    ),
    _j(
        KLATEN,
        "Lampiran huruf B angka 2 huruf q",
        "Penunjukan dan pengajuan sukarela: Mitra Kerja, Bupati u.p. Sekda lintas instansi, surat balasan.",
        D,
        "persetujuan.*",
        f"{T_TIM}test_klaten_lintas_unit_ke_pimpinan_unit_mitra_kerja "
        f"{T_PERMOHONAN}test_klaten_lintas_instansi_ke_bupati_up_sekda",
    ),
    _j(
        KLATEN,
        "Lampiran huruf B angka 2 huruf r",
        "Penugasan dalam tim dapat melalui Dialog Kinerja Pimpinan Unit dengan JF dan pelaksana.",
        DATA,
        "dialog_kinerja (langkah sesudah penugasan)",
        f"{T_PP}test_setiap_tahapan_memuat_dialog_sesudah_penugasan",
    ),
    _j(
        KLATEN,
        "Lampiran huruf B angka 5",
        "Alur mekanisme kerja per jenis unit (Setda, Setwan, Inspektorat, Dinas, "
        "Badan, Kecamatan, RSUD; DPMPTSP memakai alur Dinas).",
        D,
        "tahapan.*, reviu.*; jenis unit dpmptsp setara dinas",
        "tests/test_tahapan_klaten.py::test_dinas_daerah tests/test_tahapan_klaten.py::test_semua_langkah_klaten",
    ),
    # --- Perwal Cilegon 17/2023 ------------------------------------------------------------------------------
    _j(
        CILEGON,
        "Pasal 1",
        "Pimpinan Unit Organisasi; PPK paling rendah pejabat pengawas (angka 16).",
        D,
        "istilah.*, ppk.minimum (umum.toml)",
        f"{T_PPK}test_umum_hanya_mensyaratkan_pengawas",
    ),
    _j(
        CILEGON,
        "Pasal 4",
        "JF pemimpin unit mandiri (ayat (2)).",
        D,
        "ppk.unit_mandiri",
        f"{T_PPK}test_staf_puskesmas_dinilai_kepala_puskesmas",
    ),
    _j(
        CILEGON,
        "Pasal 5",
        "Tim kerja dalam unit, lintas unit, lintas instansi (ayat (1)); ketua diutamakan dari unit "
        "pemilik kinerja (ayat (3)).",
        D,
        "bentuk_tim, kriteria.ketua.asal_unit",
        f"{T_ATURAN}test_asal_ketua_profil_lain",
    ),
    _j(CILEGON, "Pasal 6", "Penetapan tim (ayat (4)).", DATA, "penetapan", f"{T_PROFIL}test_cilegon_penetapan_tim"),
    _j(
        CILEGON,
        "Pasal 9 ayat (1)",
        "Tim dalam dan lintas unit ditetapkan Keputusan Pimpinan Unit pemilik kinerja.",
        DATA,
        "penetapan; templates keputusan",
        f"{T_PROFIL}test_cilegon_penetapan_tim",
    ),
    _j(
        CILEGON,
        "Pasal 9 ayat (2)",
        "Tim lintas instansi ditetapkan Keputusan Wali Kota.",
        DATA,
        "penetapan",
        f"{T_PROFIL}test_cilegon_penetapan_tim",
        "Penandatangan Keputusan Wali Kota pada surat dikerjakan di isu naskah dinas.",
    ),
    _j(
        CILEGON,
        "Pasal 8",
        "Pelaksanaan tugas dalam unit, lintas unit, lintas instansi (ayat (1)).",
        D,
        "LingkupPenugasan; persetujuan.*",
        f"{T_TIM}test_lintas_unit_disetujui_ppk_pegawai",
    ),
    _j(
        CILEGON,
        "Lampiran huruf A",
        "Mekanisme kerja (perencanaan, pelaksanaan, evaluasi).",
        D,
        "tahapan.bawaan, reviu.bawaan (umum.toml)",
        f"{T_TAHAP}test_jalur_lengkap_sampai_selesai",
    ),
    _j(
        CILEGON,
        "Lampiran huruf B angka 1",
        "Penunjukan: dalam unit (huruf a), lintas unit dengan persetujuan PPK "
        "(huruf b), lintas instansi (huruf c); isi surat permohonan.",
        D,
        "persetujuan.* (umum.toml)",
        f"{T_PERMOHONAN}test_langkah_tiap_rute_dan_rujukannya {T_PERMOHONAN}test_isi_permohonan_wajib",
    ),
    _j(
        CILEGON,
        "Lampiran huruf B angka 2",
        "Pengajuan sukarela dalam unit (huruf a) dan lintas unit (huruf b).",
        D,
        "persetujuan.sukarela_*",
        f"{T_PERMOHONAN}test_sukarela_lintas_instansi_tidak_dikenal",
    ),
    _j(
        CILEGON,
        "Lampiran huruf C angka 1",
        "Ketua dari JF atau pelaksana yang kompeten (huruf c).",
        D,
        "kriteria.ketua.jenis_jabatan",
        f"{T_KRITERIA}test_cilegon_ketua_hanya_jf_atau_pelaksana",
    ),
    _j(
        CILEGON,
        "Lampiran huruf C angka 5",
        "Peran Ketua (huruf c) dan Anggota (huruf d).",
        DATA,
        "peran.ketua, peran.anggota",
        f"{T_KRITERIA}test_cilegon_tanpa_batas_rangkap_dan_tanpa_koordinator",
    ),
    # --- Perwal Padang Panjang 48/2024 -----------------------------------------------------------------------
    _j(
        PADANG_PANJANG,
        "Lampiran I huruf A",
        "Mekanisme kerja (angka 3: reviu berjenjang).",
        D,
        "reviu.bawaan",
        f"{T_TAHAP}test_padang_panjang_kelurahan_lurah",
    ),
    _j(
        PADANG_PANJANG,
        "Lampiran I huruf B",
        "Penyesuaian yang diperlukan (kedudukan, penugasan, pertanggungjawaban).",
        TIDAK,
        alasan="Ringkasan; isinya dirinci dan ditelusuri pada Lampiran II sampai dengan Lampiran V.",
    ),
    _j(
        PADANG_PANJANG,
        "Lampiran II",
        "Kedudukan dan alur mekanisme per unit (huruf A sampai dengan J).",
        D,
        "tahapan.*, reviu.*, ppk.unit",
        "tests/test_tahapan_padang_panjang.py::test_setiap_tahapan_sah_dan_ringkas",
    ),
    _j(
        PADANG_PANJANG,
        "Lampiran II huruf A",
        "Sekretariat Daerah.",
        D,
        "tahapan/reviu.sekretariat_daerah",
        "tests/test_tahapan_padang_panjang.py::test_sekretariat_daerah",
    ),
    _j(
        PADANG_PANJANG,
        "Lampiran II huruf B",
        "Sekretariat DPRD.",
        D,
        "tahapan/reviu.sekretariat_dprd",
        "tests/test_tahapan_padang_panjang.py::test_sekretariat_dprd",
    ),
    _j(
        PADANG_PANJANG,
        "Lampiran II huruf C",
        "Inspektorat.",
        D,
        "tahapan/reviu.inspektorat",
        "tests/test_tahapan_padang_panjang.py::test_inspektorat",
    ),
    _j(
        PADANG_PANJANG,
        "Lampiran II huruf D",
        "Dinas/Badan; PPK Kepala Bidang.",
        D,
        "tahapan/reviu.dinas, .badan; ppk.unit",
        f"{T_TPP}test_dinas_badan {T_PPK}test_padang_panjang_dinas_kepala_bidang_menilai",
    ),
    _j(
        PADANG_PANJANG,
        "Lampiran II huruf E",
        "DPMPTSP: Kepala Dinas dan Sekretaris meninjau; Sekretaris menyampaikan hasil lingkup sekretariat.",
        D,
        "jenis unit dpmptsp; reviu.dpmptsp, tahapan.dpmptsp",
        f"{T_PP}test_dpmptsp_huruf_e_sekretaris_lalu_kepala_dinas",
    ),
    _j(
        PADANG_PANJANG,
        "Lampiran II huruf F",
        "RSUD.",
        D,
        "tahapan/reviu.rsud",
        "tests/test_tahapan_padang_panjang.py::test_rsud",
    ),
    _j(
        PADANG_PANJANG,
        "Lampiran II huruf G",
        "Kecamatan; Camat menilai.",
        D,
        "tahapan/reviu.kecamatan",
        f"{T_TPP}test_kecamatan {T_PPK}test_padang_panjang_kecamatan_camat_menilai_semua",
    ),
    _j(
        PADANG_PANJANG,
        "Lampiran II huruf H",
        "Kelurahan: Lurah meninjau; Sekretaris Kelurahan/Kasi hanya menyampaikan (angka 2 huruf b angka 4), huruf c).",
        D,
        "reviu.kelurahan.meliputi_subunit; Profil.kunci_mekanisme",
        f"{T_PP}test_kegiatan_seksi_kelurahan_ditinjau_lurah_saja tests/test_tahapan_padang_panjang.py::test_kelurahan",
    ),
    _j(
        PADANG_PANJANG,
        "Lampiran II huruf I",
        "UPTD dipimpin Pengawas; Kepala Tata Usaha menyampaikan hasil.",
        D,
        "reviu.uptd.meliputi_subunit",
        "tests/test_tahapan_padang_panjang.py::test_uptd",
    ),
    _j(
        PADANG_PANJANG,
        "Lampiran II huruf J",
        "Unit dipimpin JF (Puskesmas, Satuan Pendidikan).",
        D,
        "reviu.puskesmas.meliputi_subunit, tahapan.puskesmas, .sekolah",
        f"{T_PP}test_subunit_puskesmas_ditinjau_kepala_puskesmas "
        "tests/test_tahapan_padang_panjang.py::test_dipimpin_pejabat_fungsional",
    ),
    _j(
        PADANG_PANJANG,
        "Lampiran III",
        "Penugasan merupakan tahap pendahuluan sebelum dialog kinerja; ketua diutamakan "
        "dari unit pemilik kinerja. Lampiran II menempatkan ekspektasi sebelum penugasan: pilihan urutan = setelan "
        "[dialog_kinerja] setelah.",
        D,
        "dialog_kinerja; kriteria.ketua.asal_unit",
        f"{T_PP}test_dialog_kinerja_sesudah_penugasan {T_PP}test_setiap_tahapan_memuat_dialog_sesudah_penugasan",
    ),
    _j(
        PADANG_PANJANG,
        "Lampiran III huruf A",
        "Penunjukan dalam unit, lintas unit, lintas instansi; isi surat permohonan.",
        D,
        "persetujuan.penunjukan_*",
        f"{T_PROFIL}test_padang_panjang_nilai",
    ),
    _j(
        PADANG_PANJANG,
        "Lampiran III huruf B",
        "Pengajuan sukarela.",
        D,
        "persetujuan.sukarela_*",
        f"{T_PROFIL}test_padang_panjang_nilai",
    ),
    _j(
        PADANG_PANJANG,
        "Lampiran IV",
        "Pelaksanaan tugas; ketua ditunjuk berdasarkan keahlian/keterampilan.",
        D,
        "kriteria.ketua.kompetensi; LayananKegiatan.catat",
        "tests/test_layanan_kegiatan.py::test_catatan_kendala_perlu_rekomendasi",
    ),
    _j(
        PADANG_PANJANG,
        "Lampiran V",
        "Pertanggungjawaban: individu/ketua melapor kepada Pimpinan Unit.",
        D,
        "tahapan.*.hasil_disampaikan; reviu",
        f"{T_TAHAP}test_jalur_lengkap_sampai_selesai",
    ),
)

# --- what a rujukan names ------------------------------------------------------------------------------------

_SUMBER = "|".join(re.escape(s) for s in SUMBER)
_BAGIAN = re.compile(
    rf"({_SUMBER}),? (Pasal \d+(?: ayat \(\d+\))?|Lampiran(?: [IV]+)?(?: Bab [IV]+)?(?: huruf [A-Za-z])?"
    r"(?: angka \d+)?(?: huruf [a-z])?)"
)


def bagian_disebut(rujukan: str) -> list[tuple[str, str]]:
    """(sumber, passage) of each seed passage a rujukan names, e.g. `("Perwal Madiun 73/2023", "Pasal 27 ayat (4)")`."""
    return [(m.group(1), m.group(2)) for m in _BAGIAN.finditer(rujukan)]


_SUB = re.compile(r" (ayat|angka|huruf [a-z])\b")  # a part within a passage; "Bab", "huruf B" start another


def cari(sumber: str, bagian: str, jejak: Iterable[Jejak] = JEJAK) -> Jejak | None:
    """The most specific row covering `bagian` of `sumber`: its own, or one it is a part of (`Pasal 27` covers
    `Pasal 27 ayat (4)`; `Lampiran II` does not cover `Lampiran II huruf H`, a section of its own)."""
    cocok = [
        j
        for j in jejak
        if j.sumber == sumber and bagian.startswith(j.bagian) and _SUB.match(bagian[len(j.bagian) :] or " ayat")
    ]
    return max(cocok, key=lambda j: len(j.bagian), default=None)


# --- the document ----------------------------------------------------------------------------------------------


def _sel(teks: str) -> str:
    return teks.replace("|", "\\|").replace("\n", " ")


def markdown() -> str:
    """`docs/jejak-regulasi.md`."""
    baris = [
        "# Jejak regulasi",
        "",
        (
            "Dibuat dari `sistemkerja_tui/aturan/jejak.py` (`python -m sistemkerja_tui.aturan.jejak > "
            "docs/jejak-regulasi.md`); `tests/test_jejak_regulasi.py` memeriksa bahwa berkas ini mutakhir, "
            "bahwa setiap tes yang disebut ada, dan bahwa setiap pasal yang disebut `rujukan` profil tercantum di sini."
        ),
        "",
        (
            "Status: **Ditegakkan** — use case menolak/memperingatkan dan tes menjalankannya; **Data profil/naskah** — "
            "profil atau templat memuatnya dan tes memeriksanya; **Tidak ditegakkan** — beserta alasannya."
        ),
        "",
    ]
    for sumber, judul in SUMBER.items():
        baris += [
            f"## {sumber}",
            "",
            judul,
            "",
            "| Bagian | Ketentuan | Status | Penegak | Tes / alasan |",
            "|---|---|---|---|---|",
        ]
        for j in (x for x in JEJAK if x.sumber == sumber):
            bukti = "<br>".join(f"`{t}`" for t in j.tes)
            if j.alasan:
                bukti = f"{bukti}<br>{_sel(j.alasan)}" if bukti else _sel(j.alasan)
            baris.append(f"| {_sel(j.bagian)} | {_sel(j.ketentuan)} | {j.status.label} | {_sel(j.penegak)} | {bukti} |")
        baris.append("")
    return "\n".join(baris)


if __name__ == "__main__":
    print(markdown(), end="")
