"""Team-level rules: period, concurrency, the ketua's origin, who may form a team, ketua proposals, name.

Pure functions of plain values returning `Temuan`; each finding cites the
passage of the profile it comes from. A profile that does not state a rule
produces no finding for it. The few checks of data completeness that no
regulation states (an empty name, an end before the start) cite
`RUJUKAN_ISIAN`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sistemkerja_tui.aturan.enums import (
    BentukTim,
    JenisJabatan,
    JenisPembentukan,
    JenisUnit,
    PeranTim,
    SasaranTim,
)
from sistemkerja_tui.aturan.profil_model import BentukTimProfil, Profil
from sistemkerja_tui.aturan.sebutan import tanggal_panjang
from sistemkerja_tui.aturan.temuan import Temuan

if TYPE_CHECKING:  # kriteria imports this module; only the type is needed here
    from sistemkerja_tui.aturan.kriteria import Kandidat

RUJUKAN_ISIAN = "Kelengkapan isian aplikasi (bukan ketentuan peraturan)"


def sebutan_peran(peran: PeranTim, profil: Profil) -> str:
    """The profile's own name for a role (`Ketua Kelompok Kerja`), else the generic label."""
    ada = profil.peran.get(peran)
    return ada.sebutan if ada else peran.label


# --- roles ------------------------------------------------------------------------


def periksa_peran(peran: PeranTim, profil: Profil) -> list[Temuan]:
    """A role the regulation does not know (e.g. Koordinator under Cilegon) cannot be filled."""
    if peran in profil.peran:
        return []
    ada = ", ".join(p.sebutan for p in profil.peran.values())
    return [
        Temuan(
            "peran_tidak_dikenal",
            f"Peran {peran.label} tidak dikenal dalam {profil.singkatan}; peran yang ada: {ada}. "
            "Pilih salah satu peran tersebut.",
            profil.peran[PeranTim.KETUA].rujukan,
        )
    ]


# --- period -----------------------------------------------------------------------


def _tambah_bulan(mulai: date, bulan: int) -> date:
    """The first day after a period of exactly `bulan` months starting on `mulai`.

    31 Januari + 1 bulan = 1 Maret (the period 31 Januari – 28 Februari is one month).
    """
    tahun = mulai.year + (mulai.month - 1 + bulan) // 12
    bulan_ke = (mulai.month - 1 + bulan) % 12 + 1
    try:
        return date(tahun, bulan_ke, mulai.day)
    except ValueError:  # no such day in that month: the period ends with that month
        return date(tahun + bulan_ke // 12, bulan_ke % 12 + 1, 1)


def durasi_teks(mulai: date, selesai: date) -> str:
    """Length of the inclusive period `mulai` … `selesai` as `2 bulan 3 hari`."""
    akhir = selesai + timedelta(days=1)
    bulan = 0
    while _tambah_bulan(mulai, bulan + 1) <= akhir:
        bulan += 1
    hari = (akhir - _tambah_bulan(mulai, bulan)).days
    bagian = ([f"{bulan} bulan"] if bulan else []) + ([f"{hari} hari"] if hari or not bulan else [])
    return " ".join(bagian)


def _teks_bulan(bulan: int) -> str:
    return "1 (satu) tahun" if bulan == 12 else f"{bulan} bulan"


def _bentuk_profil(bentuk: BentukTim, profil: Profil) -> BentukTimProfil | None:
    return next((b for b in profil.bentuk_tim if b.kode is bentuk), None)


def periksa_periode(
    mulai: date,
    selesai: date,
    *,
    jenis_pembentukan: JenisPembentukan,
    tahun_anggaran: int | None,
    bentuk: BentukTim,
    profil: Profil,
) -> list[Temuan]:
    """The team's period: order of the dates, its budget year, the profile's limits for this kind of team.

    Periods are inclusive (`1 Januari – 31 Desember` is 12 months, `1 – 31 Maret` is 1 month).
    """
    if selesai < mulai:
        return [
            Temuan(
                "periode_terbalik",
                f"Tanggal selesai ({tanggal_panjang(selesai)}) sebelum tanggal mulai ({tanggal_panjang(mulai)}); "
                "isi tanggal selesai pada atau setelah tanggal mulai.",
                RUJUKAN_ISIAN,
            )
        ]
    temuan: list[Temuan] = []
    temuan += _periksa_tahun_anggaran(mulai, selesai, jenis_pembentukan, tahun_anggaran, profil)
    temuan += _periksa_bentuk(mulai, selesai, bentuk, profil)
    return temuan


def _periksa_tahun_anggaran(
    mulai: date, selesai: date, jenis: JenisPembentukan, tahun: int | None, profil: Profil
) -> list[Temuan]:
    if jenis is not JenisPembentukan.TAHUNAN:
        return []
    ketentuan = profil.pembentukan.get(JenisPembentukan.TAHUNAN)
    rujukan = (
        ketentuan.rujukan
        if ketentuan
        else (
            f"{profil.singkatan} tidak mengatur jenis pembentukan tersendiri; dalam aplikasi ini tim tahunan adalah "
            "tim yang berlaku 1 (satu) tahun anggaran"
        )
    )
    if tahun is None:
        return [
            Temuan(
                "tahun_anggaran_kosong",
                "Tim tahunan berlaku untuk 1 (satu) tahun anggaran; isi tahun anggaran tim.",
                rujukan,
            )
        ]
    di_luar = [
        f"tanggal {nama} {tanggal_panjang(t)}"
        for nama, t in (("mulai", mulai), ("selesai", selesai))
        if t.year != tahun
    ]
    if not di_luar:
        return []
    return [
        Temuan(
            "periode_di_luar_tahun_anggaran",
            f"Periode tim tahunan harus di dalam Tahun Anggaran {tahun}; {' dan '.join(di_luar)} di luar tahun itu. "
            f"Ubah tanggal ke 1 Januari – 31 Desember {tahun} atau sesuaikan tahun anggaran.",
            rujukan,
        )
    ]


def _periksa_bentuk(mulai: date, selesai: date, bentuk: BentukTim, profil: Profil) -> list[Temuan]:
    aturan = _bentuk_profil(bentuk, profil)
    if aturan is None:
        ada = " atau ".join(b.sebutan for b in profil.bentuk_tim)
        return [
            Temuan(
                "bentuk_tim_tidak_dikenal",
                f'{profil.singkatan} tidak mengenal bentuk tim "{bentuk.label}"; pilih bentuk {ada}.',
                "; ".join(b.rujukan for b in profil.bentuk_tim),
            )
        ]
    akhir = selesai + timedelta(days=1)  # the first day after the period
    durasi = durasi_teks(mulai, selesai)
    periode = f"{tanggal_panjang(mulai)} – {tanggal_panjang(selesai)} ({durasi})"
    temuan = []
    if aturan.lebih_dari_bulan is not None and akhir <= _tambah_bulan(mulai, aturan.lebih_dari_bulan):
        temuan.append(
            Temuan(
                "periode_terlalu_pendek",
                f"{aturan.sebutan} dibentuk dalam jangka waktu lebih dari {_teks_bulan(aturan.lebih_dari_bulan)}; "
                f"periode {periode} belum melebihinya. Undurkan tanggal selesai.",
                aturan.rujukan,
            )
        )
    if aturan.kurang_dari_bulan is not None and akhir >= _tambah_bulan(mulai, aturan.kurang_dari_bulan):
        temuan.append(
            Temuan(
                "periode_terlalu_panjang",
                f"{aturan.sebutan} dibentuk dalam jangka waktu kurang dari {_teks_bulan(aturan.kurang_dari_bulan)}; "
                f"periode {periode} mencapai atau melebihinya. Majukan tanggal selesai.",
                aturan.rujukan,
            )
        )
    if aturan.paling_lama_bulan is not None and akhir > _tambah_bulan(mulai, aturan.paling_lama_bulan):
        temuan.append(
            Temuan(
                "periode_terlalu_panjang",
                f"{aturan.sebutan} dibentuk dalam jangka waktu paling lama {_teks_bulan(aturan.paling_lama_bulan)}; "
                f"periode {periode} melebihinya. Majukan tanggal selesai.",
                aturan.rujukan,
            )
        )
    return temuan


# --- concurrency --------------------------------------------------------------------


def periksa_rangkap(kandidat: Kandidat, peran: PeranTim, profil: Profil, *, bentuk: BentukTim) -> list[Temuan]:
    """Whether taking `peran` in one more team exceeds the profile's limit on concurrent leading roles.

    Being anggota of several teams is always allowed where the profile says so (no finding). A limit
    restricted to Kelompok Kerja (Klaten) counts `kandidat.memimpin_kelompok_kerja`; any other limit counts
    `kandidat.peran_pimpinan` (ketua/koordinator roles held in other active teams).
    """
    batas = profil.rangkap.pimpinan_tim
    if peran is PeranTim.ANGGOTA or batas is None or peran not in batas.peran:
        return []
    if batas.bentuk:
        if bentuk not in batas.bentuk:
            return []
        jumlah = kandidat.memimpin_kelompok_kerja
        di_mana = " atau ".join(b.label for b in batas.bentuk)
    else:
        jumlah = kandidat.peran_pimpinan
        di_mana = "tim"
    if jumlah + 1 <= batas.maks:
        return []
    peran_teks = " dan/atau ".join(sebutan_peran(p, profil) for p in PeranTim if p in batas.peran)
    if batas.maks == 1:
        aturan = f"{peran_teks} tidak dapat merangkap {peran_teks} pada {di_mana} lain"
    else:
        aturan = f"rangkap {peran_teks} paling banyak {batas.maks}"
    anjuran = " (tetap boleh menjadi anggota)" if profil.rangkap.anggota.boleh else ""
    return [
        Temuan(
            "rangkap_pimpinan",
            f"{kandidat.nama} sudah menjadi {peran_teks} pada {jumlah} {di_mana} lain; {aturan}. "
            f"Pilih pegawai lain{anjuran} atau akhiri salah satu perannya.",
            batas.rujukan,
        )
    ]


# --- the ketua's origin ----------------------------------------------------------------


def periksa_asal_ketua(
    unit_ketua_id: int, unit_pemilik_id: int, profil: Profil, *, peran: PeranTim = PeranTim.KETUA, nama: str = ""
) -> list[Temuan]:
    """A ketua from another unit than the owner of the performance target: a warning (Madiun Pasal 25(4));
    an error where the profile requires the owner unit (Madiun's Koordinator, Lampiran Bab II huruf C)."""
    kriteria = profil.kriteria.get(peran)
    asal = kriteria.asal_unit if kriteria else None
    if asal is None or unit_ketua_id == unit_pemilik_id:
        return []
    sebutan = sebutan_peran(peran, profil)
    siapa = f"{nama} berasal" if nama else "Calon berasal"
    if asal.wajib:
        return [
            Temuan(
                "asal_unit_wajib",
                f"{sebutan} berasal dari unit organisasi pemilik kinerja; {siapa} dari unit lain. "
                "Pilih pegawai dari unit pemilik kinerja.",
                asal.rujukan,
            )
        ]
    return [
        Temuan(
            "asal_unit_lain",
            f"{sebutan} diutamakan berasal dari unit organisasi pemilik kinerja; {siapa} dari unit lain. "
            "Pastikan tidak ada calon yang sesuai di unit pemilik kinerja.",
            asal.rujukan,
            "peringatan",
        )
    ]


# --- where a role may be appointed ------------------------------------------------------


def periksa_unit_peran(
    peran: PeranTim, rantai: Sequence[JenisUnit], profil: Profil, *, satu_tingkat: bool = False
) -> list[Temuan]:
    """A role the profile allows only in some units (`kriteria.<peran>.unit`): Madiun's Koordinator Tim Kerja
    only in Sekretariat Daerah and in a Perangkat Daerah simplified to one level (Lampiran Bab II huruf C
    angka 1); Klaten's Penanggungjawab only in DPMPTSP (Pasal 1 angka 23, Pasal 13 ayat (1)).

    `rantai`: the kinds of the owner unit and the units above it (own unit first). `satu_tingkat`: the owner
    unit is a Perangkat Daerah with no unit of the profile's `tingkat_kedua` beneath it.
    """
    kriteria = profil.kriteria.get(peran)
    syarat = kriteria.unit if kriteria else None
    if syarat is None or set(rantai) & set(syarat.jenis) or (syarat.satu_tingkat and satu_tingkat):
        return []
    sebutan = sebutan_peran(peran, profil)
    tempat = " atau ".join(j.label for j in syarat.jenis)
    if syarat.satu_tingkat:
        tempat += " dan Perangkat Daerah yang struktur organisasinya telah disederhanakan menjadi 1 (satu) tingkatan"
    unit = rantai[0].label if rantai else "unit ini"
    return [
        Temuan(
            "peran_di_luar_unit",
            f"{sebutan} hanya dapat ditunjuk pada {tempat}; tim ini milik {unit}. "
            f"Bentuk tim di unit tersebut atau pilih peran lain.",
            syarat.rujukan,
        )
    ]


# --- who forms the team ---------------------------------------------------------------

_PEJABAT = {
    JenisJabatan.PENGAWAS: "Pejabat Pengawas",
    JenisJabatan.ADMINISTRATOR: "Pejabat Administrator",
    JenisJabatan.JPT_PRATAMA: "Pejabat Pimpinan Tinggi Pratama",
    JenisJabatan.FUNGSIONAL: "Pejabat Fungsional",
    JenisJabatan.PELAKSANA: "Pelaksana",
}


def periksa_pembentuk(
    pembentuk_jenis: JenisJabatan, sasaran: SasaranTim, profil: Profil, *, pembentuk_ketua_substansi: bool = False
) -> list[Temuan]:
    """Madiun Lampiran Bab III huruf B huruf a angka 2) huruf l): a Pejabat Pengawas who coordinates a
    substansi as its ketua (Pejabat Level III) cannot form a Tim Kerja. A Pengawas who leads the unit
    (Kepala UPTD, Lurah) can."""
    temuan = []
    for larangan in profil.larangan_pembentuk:
        if larangan.jenis is not pembentuk_jenis:
            continue
        if larangan.ketua_substansi and not pembentuk_ketua_substansi:
            continue
        if larangan.sasaran and sasaran not in larangan.sasaran:
            continue
        pejabat = _PEJABAT[larangan.jenis]
        peran = " yang menjadi ketua tim kerja substansi" if larangan.ketua_substansi else ""
        temuan.append(
            Temuan(
                "pembentuk_tidak_berwenang",
                f"{pejabat}{peran} tidak dapat membentuk {profil.istilah['tim']} (sasaran: {sasaran.label.lower()}); "
                f"{larangan.uraian} Ajukan pembentukan tim kepada Pimpinan Unit Organisasi di atasnya.",
                larangan.rujukan,
            )
        )
    return temuan


# --- proposing the ketua ---------------------------------------------------------------


def periksa_pengusulan_ketua(
    jumlah_calon: int, ada_rekomendasi_sekda: bool, profil: Profil, *, peran: PeranTim = PeranTim.KETUA
) -> list[Temuan]:
    """Klaten Pasal 14 ayat (1) (and Pasal 13 ayat (3) for the Penanggungjawab): at least 2 candidates are
    proposed to the Sekretaris Daerah, whose recommendation comes before the Kepala Perangkat Daerah decides."""
    kriteria = profil.kriteria.get(peran)
    usul = kriteria.pengusulan if kriteria else None
    if usul is None:
        return []
    sebutan = sebutan_peran(peran, profil)
    temuan = []
    if jumlah_calon < usul.calon_minimum:
        temuan.append(
            Temuan(
                "calon_kurang",
                f"Usulkan paling sedikit {usul.calon_minimum} calon {sebutan} kepada {usul.rekomendasi}; "
                f"baru {jumlah_calon} calon diusulkan.",
                usul.rujukan,
            )
        )
    if not ada_rekomendasi_sekda:
        temuan.append(
            Temuan(
                "rekomendasi_belum_ada",
                f"Rekomendasi {usul.rekomendasi} atas usulan calon {sebutan} belum dicatat; {sebutan} ditetapkan "
                f"setelah mendapat rekomendasi {usul.rekomendasi}. Catat nomor keputusan rekomendasinya.",
                usul.rujukan,
            )
        )
    return temuan


def periksa_waktu_usulan(tanggal: date, ada_pemegang: bool, profil: Profil, *, peran: PeranTim) -> list[Temuan]:
    """Klaten Pasal 13 ayat (3) huruf b and Pasal 14 ayat (1) huruf b: candidates are proposed "setiap akhir
    tahun atau setiap terjadi kekosongan" — at the end of a year (its last `bulan_akhir_tahun` months), or when
    the role has no holder in the team."""
    kriteria = profil.kriteria.get(peran)
    waktu = kriteria.waktu_usulan if kriteria else None
    if waktu is None or not ada_pemegang or tanggal.month > 12 - waktu.bulan_akhir_tahun:
        return []
    sebutan = sebutan_peran(peran, profil)
    akhir = "Desember" if waktu.bulan_akhir_tahun == 1 else f"{waktu.bulan_akhir_tahun} bulan terakhir tahun berjalan"
    return [
        Temuan(
            "usulan_di_luar_waktu",
            f"Usulan calon {sebutan} disampaikan setiap akhir tahun ({akhir}) atau bila terjadi kekosongan; "
            f"tim ini masih memiliki {sebutan} pada {tanggal_panjang(tanggal)}. Ajukan usulan pada akhir tahun, "
            f"atau akhiri dahulu peran {sebutan} yang sekarang.",
            waktu.rujukan,
        )
    ]


# --- the name ------------------------------------------------------------------------


def periksa_nama_tim(nama: str) -> list[Temuan]:
    if nama.strip():
        return []
    return [Temuan("nama_tim_kosong", 'Nama tim wajib diisi; isi kolom "nama tim".', RUJUKAN_ISIAN)]


# --- workload --------------------------------------------------------------------------

RUJUKAN_BEBAN = "Perwal Madiun 73/2023, Pasal 50 (pembagian beban kerja secara merata)"


def beban_di_atas_rata_rata(jumlah_tim: int, rata_rata: float) -> bool:
    """A JF/pelaksana in more running teams than their unit's average, and in at least two, carries too much
    (`RUJUKAN_BEBAN`): the one rule behind every "di atas rata-rata" flag."""
    return jumlah_tim > rata_rata and jumlah_tim >= 2
