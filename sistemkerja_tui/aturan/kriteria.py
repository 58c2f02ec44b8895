"""Who may be ketua, koordinator or penanggung jawab of a team, and who is preferred.

`nilai_kandidat` judges one pegawai for one role under a profile: errors
block the appointment, peringatan are notes, `skor` counts the preferences
(*diutamakan*) met. `urutkan_kandidat` judges a whole pool, working out from
the pool itself whether a Pejabat Fungsional qualifies (a pelaksana may be
ketua only if none does) and whether a pelaksana of the full kelas jabatan
qualifies (else one class lower is allowed), then lists the eligible first.

Every criterion comes from `profil.kriteria[peran]`; a profile silent on a
criterion produces no finding for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sistemkerja_tui.aturan.aturan_tim import (
    periksa_asal_ketua,
    periksa_rangkap,
    sebutan_peran,
)
from sistemkerja_tui.aturan.enums import (
    BentukTim,
    Golongan,
    JenisJabatan,
    Jenjang,
    KategoriJF,
    Pendidikan,
    PeranTim,
    PredikatKinerja,
    StatusASN,
)
from sistemkerja_tui.aturan.profil_model import Kriteria, Profil, SyaratJenjang
from sistemkerja_tui.aturan.temuan import Temuan

BOBOT_DIUTAMAKAN = 10
"""Points per preference met; `jenjang tertinggi` adds the jenjang's rank (0–7) as a tie-breaker."""


@dataclass(frozen=True)
class Kandidat:
    pegawai_id: int
    nama: str
    status_asn: StatusASN
    jenis: JenisJabatan
    jenjang: Jenjang | None
    kelas_jabatan: int | None
    golongan: Golongan | None  # None for PPPK
    pendidikan: Pendidikan
    predikat: tuple[PredikatKinerja, ...]  # last ratings, newest first (0–2 items)
    hasil_penyetaraan: bool
    unit_id: int
    aktif: bool = True
    peran_pimpinan: int = 0  # ketua/koordinator roles currently held in active teams (other teams)
    memimpin_kelompok_kerja: int = 0  # kelompok kerja (Klaten) currently led
    kompetensi: str = ""
    pengalaman_manajerial: bool = False
    jabatan: str = ""  # the jabatan's name, for display


@dataclass(frozen=True)
class Penilaian:
    kandidat: Kandidat
    temuan: tuple[Temuan, ...]  # errors block, peringatan are notes
    skor: int  # higher = more preferred (diutamakan criteria met)

    @property
    def layak(self) -> bool:
        return not any(t.memblokir for t in self.temuan)

    @property
    def galat(self) -> tuple[Temuan, ...]:
        return tuple(t for t in self.temuan if t.memblokir)

    @property
    def peringatan(self) -> tuple[Temuan, ...]:
        return tuple(t for t in self.temuan if not t.memblokir)


# --- one candidate ------------------------------------------------------------------


def nilai_kandidat(
    kandidat: Kandidat,
    peran: PeranTim,
    profil: Profil,
    *,
    bentuk: BentukTim = BentukTim.TIM_KERJA,
    ada_jf_layak: bool = True,
    ada_pelaksana_kelas_penuh: bool = True,
    unit_pemilik_id: int | None = None,
    ada_jf_pelaksana: bool = True,
) -> Penilaian:
    """Judge `kandidat` for `peran` under `profil`.

    `ada_jf_pelaksana`: the owner unit has some Pejabat Fungsional or pelaksana at all (else the profile's
    `pengganti` — PPK, unit head, Administrator — may carry out the role's task).
    `ada_jf_layak`: some Pejabat Fungsional of the pool qualifies (then no pelaksana may be ketua).
    `ada_pelaksana_kelas_penuh`: some pelaksana of the full kelas jabatan qualifies (else one class lower).
    `unit_pemilik_id`: the unit owning the target; a candidate from elsewhere gets the profile's
    `asal_unit` finding and misses that preference.
    """
    sebutan = sebutan_peran(peran, profil)
    temuan: list[Temuan] = []
    skor = 0
    if not kandidat.aktif:
        rujukan = profil.peran[peran].rujukan if peran in profil.peran else profil.peran[PeranTim.KETUA].rujukan
        temuan.append(
            Temuan(
                "kandidat_nonaktif",
                f"{kandidat.nama} tidak aktif sehingga tidak dapat ditunjuk sebagai {sebutan}; "
                "pilih pegawai yang aktif.",
                rujukan,
            )
        )
    kriteria = profil.kriteria.get(peran)
    if kriteria is not None:
        t, s = _periksa_kriteria(kandidat, kriteria, sebutan, ada_jf_layak, ada_pelaksana_kelas_penuh, ada_jf_pelaksana)
        temuan += t
        skor += s
        if unit_pemilik_id is not None and kriteria.asal_unit is not None:
            asal = periksa_asal_ketua(kandidat.unit_id, unit_pemilik_id, profil, peran=peran, nama=kandidat.nama)
            temuan += asal
            skor += 0 if asal else BOBOT_DIUTAMAKAN
    temuan += periksa_rangkap(kandidat, peran, profil, bentuk=bentuk)
    temuan.sort(key=lambda t: not t.memblokir)  # errors first, otherwise in the order found
    return Penilaian(kandidat, tuple(temuan), skor)


def _periksa_kriteria(
    k: Kandidat, kr: Kriteria, sebutan: str, ada_jf_layak: bool, kelas_penuh: bool, ada_jf_pelaksana: bool = True
) -> tuple[list[Temuan], int]:
    temuan: list[Temuan] = []
    skor = 0
    jj = kr.jenis_jabatan
    pengganti = kr.pengganti
    pengganti_sah = pengganti is not None and k.jenis in pengganti.jenis
    if jj is not None and k.jenis not in jj.jenis and pengganti is not None and pengganti_sah and not ada_jf_pelaksana:
        temuan.append(
            Temuan(
                "pengganti",
                f"Tidak terdapat pejabat fungsional atau pelaksana di unit pemilik kinerja; tugas {sebutan} "
                f"dilaksanakan oleh {k.nama} ({uraian_jabatan(k)}). {pengganti.uraian}",
                pengganti.rujukan,
                "peringatan",
            )
        )
        return temuan, skor  # the JF/pelaksana criteria do not apply to a PPK, unit head or Administrator
    if jj is not None and k.jenis not in jj.jenis:
        kecuali = (
            f" {uraian_jabatan(k)} hanya melaksanakan tugas {sebutan} bila unit pemilik kinerja tidak memiliki "
            f"pejabat fungsional atau pelaksana ({pengganti.rujukan})."
            if pengganti is not None and pengganti_sah
            else ""
        )
        temuan.append(
            Temuan(
                "jenis_jabatan_tidak_sesuai",
                f"{sebutan} ditunjuk dari {_daftar_jenis(jj.jenis)}; {k.nama} adalah {uraian_jabatan(k)}. "
                f"Pilih {_daftar_jenis(jj.jenis)}.{kecuali}",
                jj.rujukan,
            )
        )
        return temuan, skor  # the other criteria are those of a JF or a pelaksana

    if k.jenis is JenisJabatan.FUNGSIONAL:
        t, s = _periksa_jf(k, kr, sebutan)
    elif k.jenis is JenisJabatan.PELAKSANA and kr.pelaksana is not None:
        t, s = _periksa_pelaksana(k, kr, sebutan, ada_jf_layak, kelas_penuh)
    elif kr.jenjang_minimum is not None:  # a role for JF only, and the profile states no jenis list
        t, s = [_temuan_jenjang(k, kr.jenjang_minimum, sebutan)], 0
    else:
        t, s = [], 0
    temuan += t
    skor += s

    if kr.pendidikan_minimum is not None and k.pendidikan < kr.pendidikan_minimum.tingkat:
        temuan.append(
            Temuan(
                "pendidikan_kurang",
                f"Pendidikan {sebutan} paling rendah {_pendidikan(kr.pendidikan_minimum.tingkat)}; "
                f"pendidikan {k.nama} {k.pendidikan.label}.",
                kr.pendidikan_minimum.rujukan,
            )
        )
    if kr.pendidikan_diutamakan is not None and k.pendidikan >= kr.pendidikan_diutamakan.tingkat:
        skor += BOBOT_DIUTAMAKAN

    if kr.kinerja is not None:
        temuan += _periksa_kinerja(k, kr, sebutan)

    d = kr.diutamakan
    if d is not None:
        if d.pns:
            if k.status_asn is StatusASN.PNS:
                skor += BOBOT_DIUTAMAKAN
            else:
                temuan.append(
                    Temuan(
                        "bukan_pns",
                        f"{sebutan} diutamakan PNS; {k.nama} adalah {k.status_asn.label}.",
                        d.rujukan,
                        "peringatan",
                    )
                )
        if d.hasil_penyetaraan and k.hasil_penyetaraan and k.jenis is JenisJabatan.FUNGSIONAL:
            skor += BOBOT_DIUTAMAKAN
        if d.pengalaman_manajerial and k.pengalaman_manajerial:
            skor += BOBOT_DIUTAMAKAN
        if d.jenjang_tertinggi and k.jenis is JenisJabatan.FUNGSIONAL and k.jenjang is not None:
            skor += k.jenjang.tingkat

    if kr.kompetensi is not None and not k.kompetensi.strip():
        temuan.append(
            Temuan(
                "kompetensi_belum_dicatat",
                f"Kompetensi {k.nama} belum dicatat; "
                f"pastikan sesuai kebutuhan tim ({kr.kompetensi.uraian.rstrip('.')}).",
                kr.kompetensi.rujukan,
                "peringatan",
            )
        )
    return temuan, skor


def _periksa_jf(k: Kandidat, kr: Kriteria, sebutan: str) -> tuple[list[Temuan], int]:
    if k.jenjang is None:
        if kr.jenjang_minimum is None:
            return [], 0
        return [
            Temuan(
                "jenjang_belum_diisi",
                f"Jenjang jabatan fungsional {k.nama} belum diisi; lengkapi data pegawai sebelum menunjuknya "
                f"sebagai {sebutan}.",
                kr.jenjang_minimum.rujukan,
            )
        ], 0
    temuan = []
    skor = 0
    if kr.jenjang_minimum is not None and not kr.jenjang_minimum.dipenuhi(k.jenjang):
        temuan.append(_temuan_jenjang(k, kr.jenjang_minimum, sebutan))
    if kr.jenjang_diutamakan is not None and kr.jenjang_diutamakan.dipenuhi(k.jenjang):
        skor += BOBOT_DIUTAMAKAN
    return temuan, skor


def _periksa_pelaksana(
    k: Kandidat, kr: Kriteria, sebutan: str, ada_jf_layak: bool, kelas_penuh: bool
) -> tuple[list[Temuan], int]:
    syarat = kr.pelaksana
    assert syarat is not None
    temuan = []
    if ada_jf_layak:
        jf = f"JF paling rendah {_syarat_jenjang(kr.jenjang_minimum)}" if kr.jenjang_minimum else "Pejabat Fungsional"
        temuan.append(
            Temuan(
                "pelaksana_masih_ada_jf",
                f"{sebutan} harus {jf}; {k.nama} adalah {uraian_jabatan(k)}. Pelaksana hanya dapat ditunjuk bila tidak "
                "ada Pejabat Fungsional yang memenuhi kriteria, dan masih ada yang memenuhi: "
                "pilih Pejabat Fungsional itu.",
                syarat.rujukan,
            )
        )
    kelas_min = syarat.kelas_jabatan if kelas_penuh else syarat.kelas_jabatan - syarat.turun_kelas
    if k.kelas_jabatan is None:
        temuan.append(
            Temuan(
                "kelas_jabatan_belum_diisi",
                f"Kelas jabatan {k.nama} belum diisi; {sebutan} dari pelaksana paling rendah kelas {kelas_min}. "
                "Lengkapi data pegawai.",
                syarat.rujukan,
            )
        )
    elif k.kelas_jabatan < kelas_min:
        turun = syarat.kelas_jabatan - syarat.turun_kelas
        if kelas_penuh and syarat.turun_kelas and k.kelas_jabatan >= turun:
            sebab = (
                f" Kelas {turun} hanya dapat ditunjuk bila tidak ada pelaksana kelas {syarat.kelas_jabatan} "
                "yang memenuhi kriteria, dan masih ada."
            )
        else:
            sebab = ""
        temuan.append(
            Temuan(
                "kelas_jabatan_kurang",
                f"{sebutan} dari pelaksana harus kelas jabatan paling rendah {kelas_min}; {k.nama} kelas "
                f"{k.kelas_jabatan}.{sebab}",
                syarat.rujukan,
            )
        )
    if k.golongan is None:
        status = " (PPPK tidak berpangkat/golongan ruang)" if k.status_asn is StatusASN.PPPK else ""
        temuan.append(
            Temuan(
                "golongan_kosong",
                f"{sebutan} dari pelaksana harus berpangkat/golongan ruang paling rendah "
                f"{syarat.golongan_minimum.pangkat_golongan}; golongan {k.nama} tidak tercatat{status}.",
                syarat.rujukan,
            )
        )
    elif k.golongan < syarat.golongan_minimum:
        temuan.append(
            Temuan(
                "golongan_kurang",
                f"{sebutan} dari pelaksana harus berpangkat/golongan ruang paling rendah "
                f"{syarat.golongan_minimum.pangkat_golongan}; {k.nama} {k.golongan.pangkat_golongan}.",
                syarat.rujukan,
            )
        )
    return temuan, 0


def _periksa_kinerja(k: Kandidat, kr: Kriteria, sebutan: str) -> list[Temuan]:
    syarat = kr.kinerja
    assert syarat is not None
    terakhir = k.predikat[: syarat.tahun]
    kurang = [p for p in terakhir if p < syarat.predikat_minimum]
    if kurang:
        daftar = ", ".join(p.label for p in terakhir)
        return [
            Temuan(
                "kinerja_kurang",
                f"{sebutan} harus berpredikat kinerja paling rendah {syarat.predikat_minimum.label} selama "
                f"{syarat.tahun} tahun; predikat terakhir {k.nama}: {daftar}.",
                syarat.rujukan,
            )
        ]
    if len(terakhir) < syarat.tahun:
        return [
            Temuan(
                "kinerja_belum_lengkap",
                f"Baru {len(terakhir)} dari {syarat.tahun} predikat kinerja {k.nama} yang tercatat; {sebutan} harus "
                f"berpredikat paling rendah {syarat.predikat_minimum.label} selama {syarat.tahun} tahun. "
                "Lengkapi predikat kinerjanya.",
                syarat.rujukan,
                "peringatan",
            )
        ]
    return []


# --- wording --------------------------------------------------------------------------


def uraian_jabatan(k: Kandidat) -> str:
    """`Pelaksana (kelas 6)`, `JF Ahli Muda`, `Pejabat Pengawas`."""
    if k.jenis is JenisJabatan.PELAKSANA:
        return f"Pelaksana (kelas {k.kelas_jabatan})" if k.kelas_jabatan is not None else "Pelaksana"
    if k.jenis is JenisJabatan.FUNGSIONAL:
        return f"JF {k.jenjang.label}" if k.jenjang is not None else "Pejabat Fungsional (jenjang belum diisi)"
    return {
        JenisJabatan.PENGAWAS: "Pejabat Pengawas",
        JenisJabatan.ADMINISTRATOR: "Pejabat Administrator",
        JenisJabatan.JPT_PRATAMA: "Pejabat Pimpinan Tinggi Pratama",
    }[k.jenis]


def _daftar_jenis(jenis: tuple[JenisJabatan, ...]) -> str:
    nama = {
        JenisJabatan.FUNGSIONAL: "Pejabat Fungsional",
        JenisJabatan.PELAKSANA: "pelaksana",
        JenisJabatan.PENGAWAS: "Pejabat Pengawas",
        JenisJabatan.ADMINISTRATOR: "Pejabat Administrator",
        JenisJabatan.JPT_PRATAMA: "Pejabat Pimpinan Tinggi Pratama",
    }
    return " atau ".join(nama[j] for j in jenis)


def _syarat_jenjang(s: SyaratJenjang | None) -> str:
    """`Ahli Pertama atau Penyelia`; `Ahli Muda (keahlian)` when only one kategori qualifies."""
    if s is None:
        return ""
    if s.keahlian and s.keterampilan:
        return f"{s.keahlian.label} atau {s.keterampilan.label}"
    batas = s.keahlian or s.keterampilan
    assert batas is not None
    return f"{batas.label} ({batas.kategori.label.lower()})"


def _temuan_jenjang(k: Kandidat, s: SyaratJenjang, sebutan: str) -> Temuan:
    keterangan = ""
    if k.jenjang is not None:
        batas = s.keahlian if k.jenjang.kategori is KategoriJF.KEAHLIAN else s.keterampilan
        if batas is None:
            keterangan = f" (JF {k.jenjang.kategori.label.lower()} tidak memenuhi)"
    return Temuan(
        "jenjang_kurang",
        f"{sebutan} harus JF paling rendah {_syarat_jenjang(s)}; {k.nama} adalah {uraian_jabatan(k)}{keterangan}.",
        s.rujukan,
    )


def _pendidikan(p: Pendidikan) -> str:
    return "S1/D-IV" if p in (Pendidikan.S1, Pendidikan.D4) else p.label


# --- a pool ----------------------------------------------------------------------------


def kondisi_kumpulan(
    kandidat: Iterable[Kandidat],
    peran: PeranTim,
    profil: Profil,
    *,
    bentuk: BentukTim = BentukTim.TIM_KERJA,
    unit_pemilik_id: int | None = None,
) -> tuple[bool, bool]:
    """(`ada_jf_layak`, `ada_pelaksana_kelas_penuh`) of a pool, the two facts `nilai_kandidat` needs from it.

    Both depend only on which kinds of candidate the pool holds, so a pool of one candidate per kind gives the same.
    """
    semua = list(kandidat)

    def layak(k: Kandidat, jf: bool, penuh: bool) -> bool:
        return nilai_kandidat(
            k,
            peran,
            profil,
            bentuk=bentuk,
            ada_jf_layak=jf,
            ada_pelaksana_kelas_penuh=penuh,
            unit_pemilik_id=unit_pemilik_id,
        ).layak

    ada_jf = any(layak(k, True, True) for k in semua if k.jenis is JenisJabatan.FUNGSIONAL)
    ada_penuh = any(layak(k, ada_jf, True) for k in semua if k.jenis is JenisJabatan.PELAKSANA)
    return ada_jf, ada_penuh


def urutkan_kandidat(
    kandidat: Iterable[Kandidat],
    peran: PeranTim,
    profil: Profil,
    *,
    bentuk: BentukTim = BentukTim.TIM_KERJA,
    unit_pemilik_id: int | None = None,
) -> list[Penilaian]:
    """Judge a pool: the eligible first (skor descending, then name), then the rest, each with its reasons.

    Whether a Pejabat Fungsional qualifies, and whether a pelaksana of the full kelas jabatan qualifies,
    is worked out from the pool itself.
    """
    semua = list(kandidat)
    ada_jf, ada_penuh = kondisi_kumpulan(semua, peran, profil, bentuk=bentuk, unit_pemilik_id=unit_pemilik_id)
    hasil = [
        nilai_kandidat(
            k,
            peran,
            profil,
            bentuk=bentuk,
            ada_jf_layak=ada_jf,
            ada_pelaksana_kelas_penuh=ada_penuh,
            unit_pemilik_id=unit_pemilik_id,
        )
        for k in semua
    ]
    layak = sorted(
        (p for p in hasil if p.layak), key=lambda p: (-p.skor, p.kandidat.nama.casefold(), p.kandidat.pegawai_id)
    )
    tidak = sorted(
        (p for p in hasil if not p.layak),
        key=lambda p: (len(p.galat), -p.skor, p.kandidat.nama.casefold(), p.kandidat.pegawai_id),
    )
    return layak + tidak
