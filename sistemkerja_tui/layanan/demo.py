"""Demo Pemda: a deterministic, fictional kabupaten to try the app on.

`buat_demo` writes Kabupaten Sukamaju — structure, pegawai, tim kerja with
members, requests and kegiatan — plus a small neighbouring Kota Mekarjaya
(`luar`), in one transaction, from the data files in data/demo/. The same
`benih` gives the same rows: one `random.Random`, fixed dates, no clock.
Rows go in with bulk inserts and pre-assigned ids (`store.kueri.struktur`),
so 80 000 pegawai take seconds, not minutes. The audit trail gets one summary
row: counts and settings, no personal data.
"""

from __future__ import annotations

import random
import tomllib
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, timedelta
from itertools import accumulate
from typing import TYPE_CHECKING, TypeVar

from sistemkerja_tui import paths
from sistemkerja_tui.aturan.enums import (
    BentukTim,
    Golongan,
    JenisJabatan,
    JenisPembentukan,
    JenisUnit,
    Jenjang,
    KategoriJF,
    LingkupPenugasan,
    PeranTim,
    StatusKeanggotaan,
    StatusTim,
    Tahap,
)
from sistemkerja_tui.aturan.profil import muat_profil
from sistemkerja_tui.aturan.tahap import SUB_SELESAI, sub_reviu, tahapan_ke_json
from sistemkerja_tui.store.db import transaksi
from sistemkerja_tui.store.kueri import struktur as kueri
from sistemkerja_tui.store.models import Instansi, Keanggotaan, Kegiatan, Pegawai, Permohonan, TimKerja, UnitOrganisasi
from sistemkerja_tui.store.riwayat import catat

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.engine import Engine

_T = TypeVar("_T")

PROFIL_BAWAAN = ("umum", "madiun", "luwu_utara", "klaten", "cilegon", "padang_panjang")
PESAN_TIDAK_KOSONG = "Database sudah berisi data Pemda; pakai database baru (--db) untuk demo."

TAHUN_TMT_TERAKHIR = 2025
DIBUAT = datetime(2026, 1, 5, 8, 0)
_TABEL = (Instansi, UnitOrganisasi, Pegawai, TimKerja, Permohonan, Keanggotaan, Kegiatan)

_GOLONGAN_JENJANG = {
    Jenjang.PEMULA: ("II/a", "II/a"),
    Jenjang.TERAMPIL: ("II/b", "II/d"),
    Jenjang.MAHIR: ("III/a", "III/b"),
    Jenjang.PENYELIA: ("III/c", "III/d"),
    Jenjang.AHLI_PERTAMA: ("III/a", "III/b"),
    Jenjang.AHLI_MUDA: ("III/c", "III/d"),
    Jenjang.AHLI_MADYA: ("IV/a", "IV/c"),
    Jenjang.AHLI_UTAMA: ("IV/d", "IV/e"),
}
_GOLONGAN_PIMPINAN = {
    JenisJabatan.JPT_PRATAMA: ("IV/c", "IV/d"),
    JenisJabatan.ADMINISTRATOR: ("IV/a", "IV/b"),
    JenisJabatan.PENGAWAS: ("III/c", "IV/a"),
}
_GOLONGAN_PELAKSANA = {"sma": ("II/a", "III/a"), "d3": ("II/c", "III/b"), "s1": ("III/a", "III/c")}
_GOLONGAN_MASUK = {"sma": "II/a", "d3": "II/c", "d4": "III/a", "s1": "III/a", "s2": "III/a", "s3": "III/a"}
_GOLONGAN_PPPK = {"sma": "V", "d3": "VII", "d4": "IX", "s1": "IX", "s2": "X"}
_USIA_MASUK = {"sma": (19, 25), "d3": (21, 27), "d4": (23, 29), "s1": (23, 30), "s2": (24, 31), "s3": (24, 31)}
_TAHUN_PPPK = (2021, 2022, 2022, 2023, 2023, 2024, 2024, 2025)
_BULAN_TMT = (1, 1, 3, 4, 4, 6, 10, 12)

_BOBOT_JENJANG = {
    Jenjang.PEMULA: 1,
    Jenjang.TERAMPIL: 30,
    Jenjang.MAHIR: 25,
    Jenjang.PENYELIA: 14,
    Jenjang.AHLI_PERTAMA: 36,
    Jenjang.AHLI_MUDA: 28,
    Jenjang.AHLI_MADYA: 9,
    Jenjang.AHLI_UTAMA: 0,
}
_JENJANG_PPPK = frozenset({Jenjang.AHLI_PERTAMA, Jenjang.TERAMPIL})
_JENJANG_PIMPINAN_MANDIRI = (Jenjang.AHLI_MUDA, Jenjang.AHLI_MUDA, Jenjang.AHLI_MADYA)
_PELUANG_S2 = {Jenjang.AHLI_PERTAMA: 0.08, Jenjang.AHLI_MUDA: 0.3, Jenjang.AHLI_MADYA: 0.55, Jenjang.AHLI_UTAMA: 0.7}
_PENDIDIKAN_PIMPINAN = {
    JenisJabatan.JPT_PRATAMA: (("s3", 8), ("s2", 80), ("s1", 12)),
    JenisJabatan.ADMINISTRATOR: (("s2", 50), ("s1", 50)),
    JenisJabatan.PENGAWAS: (("s2", 15), ("s1", 65), ("d3", 20)),
}
_PEREMPUAN_PIMPINAN = {JenisJabatan.JPT_PRATAMA: 0.2, JenisJabatan.ADMINISTRATOR: 0.3, JenisJabatan.PENGAWAS: 0.4}
_PREDIKAT = (("baik", 78), ("sangat_baik", 15), ("butuh_perbaikan", 7))
_TAHAP = ((Tahap.PERENCANAAN, 2), (Tahap.PELAKSANAAN, 4), (Tahap.EVALUASI, 2), (Tahap.SELESAI, 2))
_PROGRES = {
    Tahap.PERENCANAAN: (0, 10),
    Tahap.PELAKSANAAN: (20, 80),
    Tahap.EVALUASI: (85, 95),
    Tahap.SELESAI: (100, 100),
}
_ALASAN_OVERRIDE = (
    "{jabatan} menjalani cuti besar; penilaian kinerja tahun ini oleh {atasan}.",
    "Ditugaskan penuh membantu {atasan} berdasarkan surat tugas Kepala Perangkat Daerah.",
    "Kedudukan dialihkan ke {atasan} sejak mutasi internal; peta jabatan belum diperbarui.",
)


class DemoDitolak(ValueError):
    """The demo cannot be written (non-empty database, unknown profile, too few pegawai)."""


@dataclass(frozen=True)
class RingkasanDemo:
    """What `buat_demo` wrote, counted over both instansi."""

    instansi: int
    unit: int
    pegawai: int
    tim: int
    kegiatan: int
    keanggotaan: int
    permohonan: int


def profil_tersedia() -> tuple[str, ...]:
    """Profile names: the *.toml stems in data/profil, else the built-in list."""
    folder = paths.resource_dir("data") / "profil"
    nama = sorted(p.stem for p in folder.glob("*.toml")) if folder.is_dir() else []
    return tuple(nama) or PROFIL_BAWAAN


def buat_demo(
    engine: Engine, *, jumlah_pegawai: int = 1500, profil: str = "madiun", benih: int = 2023
) -> RingkasanDemo:
    """Write the demo Pemda into an empty database, in one transaction.

    Then each pending request is pointed at the party of its first step
    under the chosen profile (`LayananPenugasan.selaraskan_penerima`).
    """
    tersedia = profil_tersedia()
    if profil not in tersedia:
        raise DemoDitolak(f"Profil '{profil}' tidak dikenal; pilihan: {', '.join(tersedia)}.")
    data = _muat()
    with transaksi(engine) as sesi:
        if kueri.ada_instansi(sesi):
            raise DemoDitolak(PESAN_TIDAK_KOSONG)
        awal = {model: kueri.id_berikut(sesi, model.__tablename__) for model in _TABEL}
        baris, pimpinan = _susun(data, awal, random.Random(benih), jumlah_pegawai, profil)
        for model in _TABEL:
            kueri.sisipkan(sesi, model.__tablename__, baris[model])
        kueri.tetapkan_pimpinan(sesi, pimpinan)
        kueri.selaraskan_sekuens(sesi, [model.__tablename__ for model in _TABEL])
        ringkasan = RingkasanDemo(
            *(len(baris[m]) for m in (Instansi, UnitOrganisasi, Pegawai, TimKerja, Kegiatan, Keanggotaan, Permohonan))
        )
        catat(
            sesi,
            oleh_id=None,
            aksi="demo_dibuat",
            entitas="instansi",
            entitas_id=awal[Instansi],
            profil=profil,
            benih=benih,
            **asdict(ringkasan),
        )
    _arahkan_permohonan(engine)
    ditambah = _putusan_dan_penilaian(engine)
    return replace(ringkasan, keanggotaan=ringkasan.keanggotaan + ditambah, permohonan=ringkasan.permohonan + ditambah)


def _susun(data: dict, awal: dict, rng: random.Random, jumlah: int, profil: str) -> tuple[dict, dict[int, int]]:
    """All rows per table, plus unit id → pimpinan id (set once the pegawai are in)."""
    struktur = data["struktur"]
    pabrik = _Pabrik(rng, data["nama"], data["jabatan"], awal[Pegawai])
    utama = _Struktur(struktur, awal[Instansi], awal[UnitOrganisasi])
    utama.tambah_daftar(struktur["unit"])
    utama.tambah_berulang(rng, jumlah)
    luar = _Struktur(struktur, utama.instansi_id + 1, utama.id_berikut)
    luar.tambah_daftar(struktur["luar"]["unit"])

    utama.isi(pabrik, rng, jumlah)
    luar.isi(pabrik, rng, struktur["luar"]["jumlah_pegawai"])
    _ppk_override(rng, utama, jumlah)
    tim = _Tim(rng, data["tim"], profil, awal, utama, luar)
    tim.susun(utama, max(6, round(jumlah / 100)))
    _struktur_regulasi(utama, luar.id_berikut, struktur["regulasi"])

    units = utama.units + luar.units
    baris = {
        Instansi: [
            _baris_instansi(struktur["instansi"], utama.instansi_id, profil, luar=False),
            _baris_instansi(struktur["luar"], luar.instansi_id, "umum", luar=True),
        ],
        UnitOrganisasi: utama.baris() + luar.baris(),
        Pegawai: utama.pegawai() + luar.pegawai(),
        TimKerja: tim.tim,
        Permohonan: tim.permohonan,
        Keanggotaan: tim.keanggotaan,
        Kegiatan: tim.kegiatan,
    }
    return baris, {u.id: u.pimpinan["id"] for u in units}


# ---------------------------------------------------------------- structures the regulations name


def _struktur_regulasi(utama: _Struktur, id_berikut: int, cfg: dict) -> None:
    """What the seed rules need to be seen in the demo, made last (after the teams) without drawing from the
    shared random stream, so the rest of the demo stays as it was and the number of pegawai is unchanged.

    - a Subbagian Tata Usaha in every Puskesmas, led by one of its JF and holding its pelaksana (Perbup Klaten
      34/2024 Lampiran huruf B tabel huruf i: the Kepala TU is PPK of the pelaksana);
    - a Seksi in the larger Kelurahan, led by one of its pelaksana made Kepala Seksi (Perwal Padang Panjang
      48/2024 Lampiran II huruf H: the Lurah reviews its kegiatan, the Kasi hands over);
    - Pejabat Fungsional Ahli Madya and Ahli Muda in the DPMPTSP (Perbup Klaten 34/2024 Pasal 1 angka 23: the
      Penanggungjawab is one of them).
    New units take ids after every unit already made (`id_berikut`, past the other instansi's).
    """
    utama.id_berikut = id_berikut
    for pkm in [u for u in utama.units if u.jenis == JenisUnit.PUSKESMAS.value]:
        _subunit(utama, pkm, cfg["puskesmas"], pelaksana_jadi_kepala=False)
    for kel in [u for u in utama.units if u.jenis == JenisUnit.KELURAHAN.value]:
        if len(kel.staf) >= cfg["kelurahan"]["staf_minimal"]:
            _subunit(utama, kel, cfg["kelurahan"], pelaksana_jadi_kepala=True)
    for dpmptsp in [u for u in utama.units if u.jenis == JenisUnit.DPMPTSP.value]:
        keahlian = [
            p
            for u in (dpmptsp, *dpmptsp.anak)
            for p in u.staf
            if p["jenjang"] in _JENJANG_KEAHLIAN_BAWAH and p["status_asn"] == "pns"
        ]
        for baris, jenjang in zip(keahlian, (Jenjang.AHLI_MADYA, Jenjang.AHLI_MUDA), strict=False):
            lama = Jenjang(baris["jenjang"])
            baris["jenjang"] = jenjang.value
            baris["nama_jabatan"] = baris["nama_jabatan"].removesuffix(lama.label) + jenjang.label
            baris["golongan"] = _GOLONGAN_JENJANG[jenjang][0]
            baris["predikat_kinerja_1"] = baris["predikat_kinerja_2"] = "baik"


_JENJANG_KEAHLIAN_BAWAH = (Jenjang.AHLI_PERTAMA.value, Jenjang.AHLI_MUDA.value)


def _subunit(utama: _Struktur, induk: _Unit, cfg: dict, *, pelaksana_jadi_kepala: bool) -> None:
    """A sub-unit of `induk` (`cfg`: kode, nama, jenis, jabatan) led by one of its staff, taking its pelaksana
    (all of them for a Puskesmas' Tata Usaha; half for a Kelurahan's Seksi)."""
    jenis = JenisJabatan.PELAKSANA if pelaksana_jadi_kepala else JenisJabatan.FUNGSIONAL
    kepala = next(
        (
            p
            for p in induk.staf
            if p["jenis_jabatan"] == jenis.value
            and p["status_asn"] == "pns"
            and (pelaksana_jadi_kepala or p["jenjang"] in _JENJANG_KEAHLIAN_BAWAH)
        ),
        None,
    )
    pelaksana = [p for p in induk.staf if p["jenis_jabatan"] == JenisJabatan.PELAKSANA.value and p is not kepala]
    if kepala is None or not pelaksana:
        return
    if pelaksana_jadi_kepala:
        pelaksana = pelaksana[: len(pelaksana) // 2]
        kepala.update(
            jenis_jabatan=JenisJabatan.PENGAWAS.value,
            nama_jabatan=cfg["jabatan"].format(induk=induk.nama),
            kelas_jabatan=None,
            golongan=max(kepala["golongan"], _GOLONGAN_PIMPINAN[JenisJabatan.PENGAWAS][0], key=Golongan),
        )
    unit = utama.tambah(
        f"{induk.kode}.{cfg['kode']}",
        cfg["nama"].format(induk=induk.nama),
        cfg["jenis"],
        induk,
        jabatan=cfg["jabatan"].format(induk=induk.nama),
        kelompok=induk.kelompok,
    )
    unit.pimpinan = kepala
    unit.staf = pelaksana
    pindah = {id(p) for p in (kepala, *pelaksana)}
    induk.staf = [p for p in induk.staf if id(p) not in pindah]
    for p in (kepala, *pelaksana):
        p["unit_id"] = unit.id


# ---------------------------------------------------------------- data and ids


def _arahkan_permohonan(engine: Engine) -> None:
    from sistemkerja_tui.layanan.mulai import Layanan
    from sistemkerja_tui.layanan.struktur import LayananStruktur
    from sistemkerja_tui.store.baca import Pembaca

    layanan = Layanan(str(engine.url), LayananStruktur(Pembaca.untuk_engine(engine)), engine)
    layanan.struktur.muat()
    layanan.penugasan.selaraskan_penerima()
    layanan.struktur.pembaca.tutup()


def _putusan_dan_penilaian(engine: Engine) -> int:
    """So that every kind of letter can be made from the demo: one request across Perangkat Daerah approved
    along its whole route, one refused with its reason, one pengajuan sukarela lintas unit, and the
    approved member rated at the end of the team's period. Each through the use cases, as its pihak; the
    number of requests added."""
    from datetime import datetime

    from sistemkerja_tui.aturan.enums import PredikatPenilaian, StatusPermohonan
    from sistemkerja_tui.layanan.galat import Ditolak
    from sistemkerja_tui.layanan.mulai import Layanan
    from sistemkerja_tui.layanan.penugasan import IsiSuratPermohonan
    from sistemkerja_tui.layanan.struktur import LayananStruktur
    from sistemkerja_tui.store.baca import Pembaca, sebagai_tanggal
    from sistemkerja_tui.store.kueri import demo_surat as kd
    from sistemkerja_tui.store.models import sekarang

    sejak, ditambah = sekarang(), 0
    layanan = Layanan(str(engine.url), LayananStruktur(Pembaca.untuk_engine(engine)), engine)
    try:
        layanan.struktur.muat()
        baca = layanan.struktur.pembaca
        pd = {u: layanan.struktur.jalur_unit(u)[0].id for u in kd.unit(baca)}
        lintas_pd = [r for r in kd.permohonan_lintas_unit(baca) if pd[r.dari_unit_id] != pd[r.ke_unit_id]]
        if len(lintas_pd) < 2:
            return 0
        setuju, tolak = lintas_pd[-1], lintas_pd[-2]  # the last ones: the first stay pending for trying out
        for _ in range(10):  # one step per approver on the route
            r = kd.status_penerima(baca, setuju.id)
            if r.status != StatusPermohonan.DIAJUKAN.value:
                break
            layanan.penugasan.setujui(
                setuju.id,
                oleh_id=r.penerima_id,
                jawaban_ketersediaan="Pegawai tersedia untuk dilibatkan.",
                daftar_pegawai="Sesuai nama dalam permohonan.",
            )
        layanan.penugasan.tolak(
            tolak.id,
            "Pegawai yang bersangkutan sedang melaksanakan tugas lain pada periode yang sama.",
            oleh_id=tolak.penerima_id,
        )
        pemilik = setuju.dari_unit_id  # a JF of another unit of the same Perangkat Daerah offers themselves
        calon = next(
            (
                r.id
                for r in kd.pegawai_fungsional(baca)
                if pd.get(r.unit_id) == pd[pemilik] and not layanan.struktur.di_bawah(r.unit_id, pemilik)
            ),
            None,
        )
        if calon is not None:
            isi = IsiSuratPermohonan(
                maksud_tujuan="Ikut menyelesaikan sasaran tim",
                kompetensi="pengolahan dan analisis data",
                ekspektasi="data sasaran tim terolah tepat waktu",
                durasi="sampai akhir periode tim",
            )
            try:
                layanan.penugasan.ajukan_sukarela(setuju.tim_id, calon, "pengolah data", oleh_id=calon, isi=isi)
                ditambah = 1
            except Ditolak:  # a profile where it is spoken, not written (Klaten): no letter to show
                pass
        for k in kd.anggota_permohonan(baca, setuju.id):
            kepala = [u.pimpinan.pegawai_id for u in layanan.struktur.jalur_unit(k.unit_id) if u.pimpinan][-1]
            layanan.tim.nilai_anggota(
                k.id,
                PredikatPenilaian.DI_ATAS,
                "Laporan diselesaikan sebelum tenggat.",
                oleh_id=kepala,
                hari_ini=sebagai_tanggal(k.selesai),
            )
        with transaksi(engine) as sesi:
            kd.tetapkan_waktu(sesi, sejak, datetime(2026, 1, 27, 9, 0))
    finally:
        layanan.struktur.pembaca.tutup()
    return ditambah


def _muat() -> dict[str, dict]:
    folder = paths.resource_dir("data") / "demo"
    return {
        nama: tomllib.loads((folder / f"{nama}.toml").read_text(encoding="utf-8"))
        for nama in ("nama", "jabatan", "struktur", "tim")
    }


def _baris_instansi(cfg: dict, id_: int, profil: str, *, luar: bool) -> dict:
    return {
        "id": id_,
        "nama": cfg["nama"],
        "jenis": cfg["jenis"],
        "profil": profil,
        "kepala_daerah": cfg["kepala_daerah"],
        "nama_kepala_daerah": cfg["nama_kepala_daerah"],
        "tempat": cfg["tempat"],
        "kop_surat": "\n".join(cfg["kop_surat"]),
        "luar": luar,
        "fiktif": True,
    }


def _pilih(rng: random.Random, bobot: dict) -> str:
    """One key of `bobot`, weighted by its values."""
    return rng.choices(list(bobot), weights=list(bobot.values()))[0]


def _undi(rng: random.Random, tabel: Sequence[tuple[_T, float]]) -> _T:
    """One value of a table of (value, weight) pairs, weighted."""
    return rng.choices([nilai for nilai, _ in tabel], [bobot for _, bobot in tabel])[0]


def _rentang_golongan(awal: str, akhir: str) -> tuple[str, ...]:
    a, b = Golongan(awal), Golongan(akhir)
    return tuple(g.value for g in Golongan if a <= g <= b)


def _bagi(total: int, bobot: list[float]) -> list[int]:
    """Largest-remainder apportionment of `total` by `bobot`."""
    if total <= 0 or not bobot:
        return [0] * len(bobot)
    if not any(bobot):
        bobot = [1.0] * len(bobot)
    jumlah = sum(bobot)
    kuota = [total * b / jumlah for b in bobot]
    hasil = [int(k) for k in kuota]
    for i in sorted(range(len(bobot)), key=lambda i: hasil[i] - kuota[i])[: total - sum(hasil)]:
        hasil[i] += 1
    return hasil


# ---------------------------------------------------------------- structure


def _kumpulan(nilai: list[str] | dict[str, float]) -> dict[str, float]:
    """A pool of jabatan keys: a list (equal weights) or a table key = weight."""
    return dict.fromkeys(nilai, 1.0) if isinstance(nilai, list) else dict(nilai)


def _singkat(nama: str, terpakai: set[str]) -> str:
    """Short unique code of a place name: `Sukajadi` → `SKJD`."""
    dasar = (nama[0] + "".join(c for c in nama[1:] if c.lower() not in "aiueo -"))[:4].upper()
    kode, n = dasar, 2
    while kode in terpakai:
        kode, n = f"{dasar}{n}", n + 1
    terpakai.add(kode)
    return kode


@dataclass(eq=False)
class _Unit:
    id: int
    kode: str
    nama: str
    jenis: str
    induk: _Unit | None
    jabatan: str
    sifat: dict
    jf: dict[str, float]
    pelaksana: dict[str, float]
    urutan: int
    kelompok: str = "tetap"
    tempat: str = ""
    wajib: tuple[str, ...] = ()
    pimpinan_jf: dict[str, float] | None = None
    anak: list[_Unit] = field(default_factory=list)
    pimpinan: dict = field(default_factory=dict)  # set by `_Struktur.isi` before any read
    staf: list[dict] = field(default_factory=list)

    @property
    def mandiri(self) -> bool:
        return self.pimpinan_jf is not None

    @property
    def tingkat(self) -> int:
        """1 for a Perangkat Daerah (the Instansi is level 0), +1 per level down."""
        return 1 if self.induk is None else self.induk.tingkat + 1


class _Struktur:
    """The units of one instansi, in creation (= id) order, and their people."""

    def __init__(self, cfg: dict, instansi_id: int, id_awal: int) -> None:
        self.cfg = cfg
        self.instansi_id = instansi_id
        self.id_berikut = id_awal
        self.units: list[_Unit] = []
        self.per_kode: dict[str, _Unit] = {}
        self._pelaksana_bawaan = _kumpulan(cfg["bawaan"]["pelaksana"])
        self._akar = 0

    def tambah(
        self,
        kode: str,
        nama: str,
        jenis: str,
        induk: _Unit | None,
        *,
        jf=None,
        pelaksana=None,
        jabatan: str | None = None,
        kelompok: str = "tetap",
        tempat: str = "",
        wajib=(),
        pimpinan_jf=None,
        **ubah,
    ) -> _Unit:
        if kode in self.per_kode:
            raise ValueError(f"Kode unit ganda di data demo: {kode}")
        sifat = (
            {"bobot": 0, "porsi_jf": 0.5, "jenjang_maks": "ahli_madya", "pppk": 0.05, "jabatan": "Kepala {nama}"}
            | self.cfg["jenis"][jenis]
            | ubah
        )
        if induk is None:
            self._akar += 1
        unit = _Unit(
            id=self.id_berikut,
            kode=kode,
            nama=nama,
            jenis=jenis,
            induk=induk,
            jabatan=jabatan or sifat["jabatan"].format(nama=nama, induk=induk.nama if induk else "", tempat=tempat),
            sifat=sifat,
            jf=_kumpulan(jf) if jf is not None else (induk.jf if induk else {}),
            pelaksana=_kumpulan(pelaksana) if pelaksana else (induk.pelaksana if induk else self._pelaksana_bawaan),
            urutan=len(induk.anak) + 1 if induk else self._akar,
            kelompok=kelompok,
            tempat=tempat,
            wajib=tuple(wajib),
            pimpinan_jf=_kumpulan(pimpinan_jf) if pimpinan_jf is not None else None,
        )
        self.id_berikut += 1
        self.units.append(unit)
        self.per_kode[kode] = unit
        if induk:
            induk.anak.append(unit)
        return unit

    def tambah_daftar(self, daftar: list[dict]) -> None:
        """Fixed units from the flat [[unit]] list; parent = `induk` or the code before the last dot."""
        for entri in daftar:
            e = dict(entri)
            kode, nama, jenis = e.pop("kode"), e.pop("nama"), e.pop("jenis")
            induk_kode = e.pop("induk", None) or kode.rpartition(".")[0]
            sekretariat = e.pop("sekretariat", False)
            unit = self.tambah(kode, nama, jenis, self.per_kode[induk_kode] if induk_kode else None, **e)
            if sekretariat:
                self._tambah_sekretariat(unit)

    def _tambah_sekretariat(self, induk: _Unit) -> None:
        t = self.cfg["templat"]["sekretariat"]
        sek = self.tambah(
            f"{induk.kode}.{t['kode']}",
            t["nama"],
            "sekretariat",
            induk,
            jf=t["jf"],
            pelaksana=t["pelaksana"],
            kelompok=induk.kelompok,
        )
        for sb in t["subbagian"]:
            self.tambah(f"{sek.kode}.{sb['kode']}", sb["nama"], "subbagian", sek, kelompok=induk.kelompok)

    # -- units whose number follows the number of pegawai

    def tambah_berulang(self, rng: random.Random, jumlah: int) -> None:
        """Kecamatan with kelurahan, puskesmas and sekolah, as many as `jumlah` pegawai call for."""
        kec, pkm, sek, jenis = self.cfg["kecamatan"], self.cfg["puskesmas"], self.cfg["sekolah"], self.cfg["jenis"]
        staf = self._bagi_staf(jumlah - len(self.units) - self._jumlah_wajib(), list(self.cfg["porsi"]))
        subbagian = len(self.cfg["templat"]["sekretariat"]["subbagian"])
        kelurahan = sum(kec["kelurahan"]) / 2
        ukuran_kec = (
            2
            + subbagian
            + len(kec["seksi"])
            + kelurahan
            + jenis["sekretariat"]["bobot"]
            + subbagian * jenis["subbagian"]["bobot"]
            + len(kec["seksi"]) * jenis["seksi"]["bobot"]
            + kelurahan * jenis["kelurahan"]["bobot"]
        )
        n_kec = min(kec["maksimal"], max(kec["minimal"], round(staf["kecamatan"] / ukuran_kec)))
        n_pkm = max(pkm["minimal"], round(staf["puskesmas"] / (jenis["puskesmas"]["bobot"] + 1)))
        rata_sekolah = sum(j["bobot"] * j["bagian"] for j in sek["jenjang"]) + 1
        n_sekolah = max(sek["minimal"], round(staf["sekolah"] / rata_sekolah))

        tempat = self._toponim(rng)
        singkatan: dict[str, str] = {}
        terpakai: set[str] = set()
        kecamatan = [self._tambah_kecamatan(rng, tempat, singkatan, terpakai) for _ in range(n_kec)]
        kelurahan = [u.tempat for k in kecamatan for u in k.anak if u.jenis == "kelurahan"]
        for nama in ([k.tempat for k in kecamatan] + kelurahan)[:n_pkm]:
            self.tambah(
                f"PKM.{singkatan[nama]}",
                f"Puskesmas {nama}",
                "puskesmas",
                self.per_kode[pkm["induk"]],
                jf=pkm["jf"],
                pelaksana=pkm["pelaksana"],
                pimpinan_jf=pkm["pimpinan"],
                kelompok="puskesmas",
            )
        self._tambah_sekolah(kecamatan, n_sekolah, singkatan)

    def _jumlah_wajib(self) -> int:
        return sum(len(u.wajib) for u in self.units)

    def _bagi_staf(self, total: int, kelompok: list[str]) -> dict[str, int]:
        """Staff per group of units: fixed units take their share, at most twice their weights."""
        if kelompok == ["tetap"]:
            return {"tetap": total}
        porsi = self.cfg["porsi"]
        batas = 2 * sum(u.sifat["bobot"] for u in self.units if u.kelompok == "tetap")
        tetap = min(round(porsi["tetap"] * total), batas)
        lain = [k for k in kelompok if k != "tetap"]
        return {"tetap": tetap} | dict(zip(lain, _bagi(total - tetap, [porsi[k] for k in lain]), strict=True))

    def _toponim(self, rng: random.Random) -> list[str]:
        t = self.cfg["toponim"]
        hindari = {self.cfg["instansi"]["tempat"], self.cfg["luar"]["tempat"]}
        nama = [a + b for a in t["awalan"] for b in t["akhiran"] if a.lower() != b and a + b not in hindari]
        rng.shuffle(nama)
        return nama

    def _tambah_kecamatan(self, rng, tempat: list[str], singkatan: dict, terpakai: set) -> _Unit:
        cfg = self.cfg["kecamatan"]
        nama = tempat.pop()
        singkatan[nama] = _singkat(nama, terpakai)
        kec = self.tambah(
            f"KEC.{singkatan[nama]}",
            f"Kecamatan {nama}",
            "kecamatan",
            None,
            jf=cfg["jf"],
            pelaksana=cfg["pelaksana"],
            kelompok="kecamatan",
            tempat=nama,
        )
        self._tambah_sekretariat(kec)
        for s in cfg["seksi"]:
            self.tambah(f"{kec.kode}.{s['kode']}", s["nama"], "seksi", kec, kelompok="kecamatan")
        for _ in range(rng.randint(*cfg["kelurahan"])):
            kel = tempat.pop()
            singkatan[kel] = _singkat(kel, terpakai)
            self.tambah(f"KEL.{singkatan[kel]}", f"Kelurahan {kel}", "kelurahan", kec, kelompok="kecamatan", tempat=kel)
        return kec

    def _tambah_sekolah(self, kecamatan: list[_Unit], jumlah: int, singkatan: dict) -> None:
        cfg = self.cfg["sekolah"]
        induk = self.per_kode[cfg["induk"]]
        per_jenjang = _bagi(jumlah, [j["bagian"] for j in cfg["jenjang"]])
        for i, kec in enumerate(kecamatan):
            for jenjang, banyak in zip(cfg["jenjang"], per_jenjang, strict=True):
                di_kecamatan = banyak // len(kecamatan) + (i < banyak % len(kecamatan))
                for n in range(1, di_kecamatan + 1):
                    self.tambah(
                        f"{jenjang['kode']}{n}.{singkatan[kec.tempat]}",
                        jenjang["nama"].format(n=n, tempat=kec.tempat),
                        "sekolah",
                        induk,
                        jf=cfg["jf"],
                        pelaksana=cfg["pelaksana"],
                        pimpinan_jf=cfg["pimpinan"],
                        kelompok="sekolah",
                        bobot=jenjang["bobot"],
                    )

    # -- people

    def isi(self, pabrik: _Pabrik, rng: random.Random, jumlah: int) -> None:
        """A leader for every unit, then the rest as staff: per group of units, by unit weight."""
        wajib = self._jumlah_wajib()
        minimal = 2 * len(self.units) + wajib
        if jumlah < minimal:
            raise DemoDitolak(f"Jumlah pegawai demo minimal {minimal} untuk struktur ini (diminta {jumlah}).")
        for unit in self.units:
            unit.pimpinan = pabrik.pimpinan(unit)
        kelompok = [k for k in self.cfg["porsi"] if any(u.kelompok == k for u in self.units)]
        banyak: dict[int, int] = {}
        for k, total in self._bagi_staf(jumlah - len(self.units) - wajib, kelompok).items():
            units = [u for u in self.units if u.kelompok == k]
            bobot = [u.sifat["bobot"] * rng.uniform(0.75, 1.25) for u in units]
            banyak.update(zip((u.id for u in units), _bagi(total, bobot), strict=True))
        for unit in self.units:
            unit.staf = [pabrik.wajib(unit, w) for w in unit.wajib]
            unit.staf += [pabrik.staf(unit) for _ in range(banyak[unit.id])]

    def pegawai(self) -> list[dict]:
        return [u.pimpinan for u in self.units] + [p for u in self.units for p in u.staf]

    def baris(self) -> list[dict]:
        return [
            {
                "id": u.id,
                "instansi_id": self.instansi_id,
                "induk_id": u.induk.id if u.induk else None,
                "nama": u.nama,
                "jenis": u.jenis,
                "tingkat": u.tingkat,
                "kode": u.kode,
                "nama_jabatan_pimpinan": u.jabatan,
                "pimpinan_id": None,
                "mandiri": u.mandiri,
                "urutan": u.urutan,
            }
            for u in self.units
        ]


# ---------------------------------------------------------------- people


class _Pabrik:
    """Makes pegawai rows: names, titles, NIP, golongan and jabatan that fit together."""

    def __init__(self, rng: random.Random, nama: dict, jabatan: dict, id_awal: int) -> None:
        self.rng = rng
        self.suku = list(nama["suku"].values())
        self._bobot_suku = list(accumulate(s["bobot"] for s in self.suku))
        self.ilmu, self.jf, self.pelaksana = jabatan["ilmu"], jabatan["jf"], jabatan["pelaksana"]
        self.id_berikut = id_awal
        self._urut: dict[str, int] = {}
        self._pilihan: dict[tuple, tuple] = {}

    # -- the three kinds of row

    def pimpinan(self, unit: _Unit) -> dict:
        rng = self.rng
        if unit.pimpinan_jf is not None:  # `unit.mandiri`, spelled out so the pool's type is known
            return self._fungsional(unit, _pilih(rng, unit.pimpinan_jf), rng.choice(_JENJANG_PIMPINAN_MANDIRI))
        jenis = JenisJabatan(unit.sifat["pimpinan"])
        kode_jf = _pilih(rng, unit.jf) if unit.jf else None
        jf = self.jf[kode_jf] if kode_jf else None
        tema = [rng.choice(jf["kompetensi"])] if jf else []
        pendidikan = _undi(rng, _PENDIDIKAN_PIMPINAN[jenis])
        golongan = rng.choice(_rentang_golongan(*_GOLONGAN_PIMPINAN[jenis]))
        return self._orang(
            unit,
            jenis=jenis,
            nama_jabatan=unit.jabatan,
            golongan=golongan,
            pendidikan=pendidikan,
            ilmu=jf["ilmu"] if jf else "umum",
            p_perempuan=_PEREMPUAN_PIMPINAN[jenis],
            kompetensi="; ".join(["kepemimpinan", "manajemen kinerja", *tema]),
            lahir_min=1966 if jenis is JenisJabatan.JPT_PRATAMA else 1968,
        )

    def wajib(self, unit: _Unit, teks: str) -> dict:
        kode, _, jenjang = teks.partition(":")
        return self._fungsional(unit, kode, Jenjang(jenjang))

    def staf(self, unit: _Unit) -> dict:
        rng = self.rng
        pppk = rng.random() < unit.sifat["pppk"]
        if unit.jf and rng.random() < unit.sifat["porsi_jf"]:
            populasi, bobot = self._pilihan_jf(unit, pppk)
            if populasi:
                kode, jenjang = rng.choices(populasi, cum_weights=bobot)[0]
                return self._fungsional(unit, kode, jenjang, pppk=pppk)
        return self._pelaksana(unit, _pilih(rng, unit.pelaksana), pppk)

    def _pilihan_jf(self, unit: _Unit, pppk: bool) -> tuple[list, list]:
        """(jf, jenjang) pairs allowed in `unit`, with cumulative weights; cached per pool."""
        kunci = (id(unit.jf), unit.sifat["jenjang_maks"], pppk)
        if kunci not in self._pilihan:
            maks = Jenjang(unit.sifat["jenjang_maks"])
            populasi, bobot = [], []
            for kode, b in unit.jf.items():
                jf = self.jf[kode]
                if pppk and not jf.get("pppk"):
                    continue
                boleh = [
                    j
                    for j in map(Jenjang, jf["jenjang"])
                    if _BOBOT_JENJANG[j]
                    and (j.kategori is not maks.kategori or j <= maks)
                    and (not pppk or j in _JENJANG_PPPK)
                ]
                total = sum(_BOBOT_JENJANG[j] for j in boleh)
                for j in boleh:
                    populasi.append((kode, j))
                    bobot.append(b * _BOBOT_JENJANG[j] / total)
            self._pilihan[kunci] = (populasi, list(accumulate(bobot)))
        return self._pilihan[kunci]

    def _fungsional(self, unit: _Unit, kode: str, jenjang: Jenjang, *, pppk: bool = False) -> dict:
        rng, jf = self.rng, self.jf[kode]
        ilmu = self.ilmu[jf["ilmu"]]
        if jenjang.kategori is KategoriJF.KETERAMPILAN:
            pendidikan = jf["pendidikan_terampil"]
        elif jenjang is Jenjang.AHLI_UTAMA and rng.random() < 0.15:
            pendidikan = "s3"
        elif rng.random() < (0.05 if pppk else _PELUANG_S2[jenjang]):
            pendidikan = "s2"
        elif "d4" in ilmu and rng.random() < 0.35:
            pendidikan = "d4"
        else:
            pendidikan = "s1"
        golongan = _GOLONGAN_PPPK[pendidikan] if pppk else rng.choice(self._golongan_jf(jenjang, pendidikan))
        baris = self._orang(
            unit,
            jenis=JenisJabatan.FUNGSIONAL,
            nama_jabatan=f"{jf['nama']} {jenjang.label}",
            golongan=golongan,
            pendidikan=pendidikan,
            ilmu=jf["ilmu"],
            p_perempuan=jf.get("perempuan", 0.5),
            jenjang=jenjang,
            pppk=pppk,
            kompetensi=self._kompetensi(jf),
            lahir_min=1966 if jenjang in (Jenjang.AHLI_MADYA, Jenjang.AHLI_UTAMA) else 1968,
        )
        if (
            not pppk
            and jf.get("penyetaraan")
            and jenjang in (Jenjang.AHLI_PERTAMA, Jenjang.AHLI_MUDA)
            and int(baris["nip"][8:12]) < 2012
            and rng.random() < 0.3
        ):
            baris["hasil_penyetaraan"] = True
        return baris

    @staticmethod
    def _golongan_jf(jenjang: Jenjang, pendidikan: str) -> tuple[str, ...]:
        """The jenjang's range, from the entry grade of the education upwards where possible."""
        rentang = _rentang_golongan(*_GOLONGAN_JENJANG[jenjang])
        masuk = Golongan(_GOLONGAN_MASUK[pendidikan])
        return tuple(g for g in rentang if Golongan(g) >= masuk) or rentang

    def _pelaksana(self, unit: _Unit, kode: str, pppk: bool) -> dict:
        rng, pel = self.rng, self.pelaksana[kode]
        pendidikan = rng.choice(pel["pendidikan"])
        golongan = (
            _GOLONGAN_PPPK[pendidikan] if pppk else rng.choice(_rentang_golongan(*_GOLONGAN_PELAKSANA[pendidikan]))
        )
        return self._orang(
            unit,
            jenis=JenisJabatan.PELAKSANA,
            nama_jabatan=pel["nama"],
            golongan=golongan,
            pendidikan=pendidikan,
            ilmu=pel.get("ilmu", "umum"),
            p_perempuan=pel.get("perempuan", 0.45),
            kelas=pel["kelas"],
            pppk=pppk,
            kompetensi=self._kompetensi(pel),
        )

    # -- one person

    def _orang(
        self,
        unit: _Unit,
        *,
        jenis: JenisJabatan,
        nama_jabatan: str,
        golongan: str,
        pendidikan: str,
        ilmu: str,
        p_perempuan: float,
        kompetensi: str,
        jenjang: Jenjang | None = None,
        kelas: int | None = None,
        pppk: bool = False,
        lahir_min: int = 1968,
    ) -> dict:
        rng = self.rng
        perempuan = rng.random() < p_perempuan
        nama, muslim = self._nama(perempuan)
        if pppk:
            tahun_tmt = rng.choice(_TAHUN_PPPK)
            tahun_lahir = rng.randint(1970, min(2001, tahun_tmt - _USIA_MASUK[pendidikan][0]))
        else:
            tahun_tmt, tahun_lahir = self._masa_kerja(golongan, pendidikan, lahir_min)
        lahir = date(tahun_lahir, 1, 1) + timedelta(days=rng.randrange(365))
        gelar_depan, gelar_belakang = self._gelar(ilmu, pendidikan, tahun_lahir, perempuan, muslim)
        predikat_1 = _undi(rng, _PREDIKAT)
        predikat_2 = (
            None if tahun_tmt >= TAHUN_TMT_TERAKHIR else (predikat_1 if rng.random() < 0.6 else _undi(rng, _PREDIKAT))
        )
        baris = {
            "id": self.id_berikut,
            "nip": self._nip(lahir, tahun_tmt, rng.choice(_BULAN_TMT), perempuan),
            "nama": nama,
            "gelar_depan": gelar_depan,
            "gelar_belakang": gelar_belakang,
            "status_asn": "pppk" if pppk else "pns",
            "golongan": golongan,
            "jenis_jabatan": jenis.value,
            "nama_jabatan": nama_jabatan,
            "jenjang": jenjang.value if jenjang else None,
            "kelas_jabatan": kelas,
            "pendidikan": pendidikan,
            "predikat_kinerja_1": predikat_1,
            "predikat_kinerja_2": predikat_2,
            "hasil_penyetaraan": False,
            "kompetensi": kompetensi,
            "unit_id": unit.id,
            "ppk_override_id": None,
            "ppk_override_alasan": None,
            "aktif": True,
        }
        self.id_berikut += 1
        return baris

    def _masa_kerja(self, golongan: str, pendidikan: str, lahir_min: int) -> tuple[int, int]:
        """(TMT year, birth year): about four years per grade above the entry grade."""
        rng = self.rng
        langkah = max(0, Golongan(golongan).tingkat - Golongan(_GOLONGAN_MASUK[pendidikan]).tingkat)
        tahun_tmt = max(1986, TAHUN_TMT_TERAKHIR - 4 * langkah - rng.randint(0, 5))
        tahun_lahir = min(2001, max(lahir_min, tahun_tmt - rng.randint(*_USIA_MASUK[pendidikan])))
        return max(tahun_tmt, tahun_lahir + 19), tahun_lahir

    def _nip(self, lahir: date, tahun_tmt: int, bulan_tmt: int, perempuan: bool) -> str:
        awal = f"{lahir:%Y%m%d}{tahun_tmt:04d}{bulan_tmt:02d}{2 if perempuan else 1}"
        urut = self._urut.get(awal) or self.rng.randint(1, 9)
        self._urut[awal] = urut + 1
        return f"{awal}{urut:03d}"

    def _nama(self, perempuan: bool) -> tuple[str, bool]:
        rng = self.rng
        suku = rng.choices(self.suku, cum_weights=self._bobot_suku)[0]
        depan = suku["perempuan" if perempuan else "laki"]
        bagian = [rng.choice(depan)]
        if rng.random() < 0.15:
            kedua = rng.choice(depan)
            if kedua != bagian[0]:
                bagian.append(kedua)
        if "marga" in suku:
            bagian.append(rng.choice(suku["marga"]))
        elif rng.random() >= suku["tunggal"]:
            belakang = rng.choice(suku["belakang_perempuan" if perempuan else "belakang_laki"])
            if belakang not in bagian:
                bagian.append(belakang)
        if "awalan" in suku and rng.random() < suku["peluang_awalan"]:
            bagian.insert(0, suku["awalan"])
        return " ".join(bagian), suku["muslim"]

    def _gelar(
        self, kode_ilmu: str, pendidikan: str, tahun_lahir: int, perempuan: bool, muslim: bool
    ) -> tuple[str, str]:
        """(gelar_depan, gelar_belakang) for the education, the field and the generation."""
        rng, ilmu = self.rng, self.ilmu[kode_ilmu]
        depan, belakang = [], []
        if pendidikan == "s3":
            depan.append("Dr.")
        if pendidikan in ("d4", "s1", "s2", "s3"):
            lama = ilmu.get("lama")
            if pendidikan != "d4" and "depan" in ilmu:
                depan.append(ilmu["depan"])
            if lama and pendidikan != "d4" and tahun_lahir < 1975 and rng.random() < 0.5:
                depan.append("Dra." if lama == "Drs." and perempuan else lama)
            else:
                belakang.append(rng.choice(ilmu["d4"] if pendidikan == "d4" and "d4" in ilmu else ilmu["s1"]))
            if pendidikan in ("s2", "s3"):
                belakang.append(rng.choice(ilmu.get("s2") or self.ilmu["umum"]["s2"]))
        elif pendidikan == "d3":
            belakang.append(rng.choice(ilmu.get("d3") or self.ilmu["umum"]["d3"]))
        if muslim and tahun_lahir < 1978 and rng.random() < 0.12:
            depan.append("Hj." if perempuan else "H.")
        return " ".join(depan), ", ".join(b for b in belakang if b)

    def _kompetensi(self, jabatan: dict) -> str:
        daftar = jabatan["kompetensi"]
        return "; ".join(self.rng.sample(daftar, min(len(daftar), self.rng.randint(2, 3))))


def _ppk_override(rng: random.Random, struktur: _Struktur, jumlah: int) -> None:
    """A handful of staff in a Seksi/Subbagian rated by the leader one level up."""
    calon = [(u, p) for u in struktur.units if u.jenis in ("seksi", "subbagian") for p in u.staf]
    for unit, baris in rng.sample(calon, min(len(calon), max(4, jumlah // 300))):
        assert unit.induk is not None, "a Seksi/Subbagian always sits under a unit"
        atasan = unit.induk.pimpinan
        baris["ppk_override_id"] = atasan["id"]
        baris["ppk_override_alasan"] = rng.choice(_ALASAN_OVERRIDE).format(
            jabatan=unit.jabatan, atasan=atasan["nama_jabatan"]
        )


# ---------------------------------------------------------------- tim kerja


class _Tim:
    """Tim kerja with ketua, anggota (some from other units awaiting approval), requests and kegiatan."""

    def __init__(
        self, rng: random.Random, cfg: dict, profil: str, awal: dict, utama: _Struktur, luar: _Struktur
    ) -> None:
        self.rng, self.cfg, self.profil = rng, cfg, profil
        self._id = {m: awal[m] for m in (TimKerja, Keanggotaan, Permohonan, Kegiatan)}
        self._unit = {u.id: u for u in utama.units + luar.units}
        self._semua = [p for u in utama.units for p in u.staf]
        self._luar = [p for u in luar.units for p in u.staf]
        self._ketua: set[int] = set()
        self.tim: list[dict] = []
        self.keanggotaan: list[dict] = []
        self.permohonan: list[dict] = []
        self.kegiatan: list[dict] = []
        self._ceklis: dict[int, tuple[str, dict[Tahap, str]]] = {}

    def ceklis(self, unit: _Unit) -> tuple[str, dict[Tahap, str]]:
        """The unit type's steps (kept on each kegiatan) and where a demo kegiatan of each stage stands:
        the last planning step, the step work resumes at, the first review."""
        if unit.id not in self._ceklis:
            rantai: list[JenisUnit] = []
            u: _Unit | None = unit
            while u is not None:
                rantai.append(JenisUnit(u.jenis))
                u = u.induk
            kunci, tahapan = muat_profil(self.profil).tahapan_untuk(rantai)
            self._ceklis[unit.id] = (
                tahapan_ke_json(kunci, tahapan),
                {
                    Tahap.PERENCANAAN: tahapan.perencanaan[-1].kunci,
                    Tahap.PELAKSANAAN: tahapan.kembali,
                    Tahap.EVALUASI: sub_reviu(1),
                    Tahap.SELESAI: SUB_SELESAI,
                },
            )
        return self._ceklis[unit.id]

    def susun(self, struktur: _Struktur, jumlah: int) -> None:
        """About `jumlah` teams, cycling through the templates so every kind shows up."""
        templat = list(self.cfg["tim"])
        self.rng.shuffle(templat)
        calon = [self._cocok(t, struktur) for t in templat]
        dipakai = [0] * len(templat)
        while len(self.tim) < jumlah:
            sebelum = len(self.tim)
            for i, t in enumerate(templat):
                if len(self.tim) >= jumlah:
                    break
                while calon[i]:
                    unit = calon[i].pop()
                    staf = self._staf_di_bawah(unit)
                    ketua = self._pilih_ketua(staf)
                    if ketua is not None:
                        dipakai[i] += 1
                        self._bentuk(t, unit, ketua, staf, dipakai[i])
                        break
            if len(self.tim) == sebelum:
                break

    def _cocok(self, templat: dict, struktur: _Struktur) -> list[_Unit]:
        """Units that may own this team, shuffled; popped from the end."""
        units = [u for u in struktur.units if u.jenis in templat["untuk"] or u.kode in templat["untuk"]]
        self.rng.shuffle(units)
        return units

    @staticmethod
    def _staf_di_bawah(unit: _Unit) -> list[dict]:
        hasil, tumpukan = [], [unit]
        while tumpukan:
            u = tumpukan.pop()
            hasil += u.staf
            tumpukan += reversed(u.anak)
        return hasil

    def _pilih_ketua(self, staf: list[dict]) -> dict | None:
        """A PNS JF of at least Ahli Pertama/Penyelia, rated well twice, not yet a ketua."""
        calon = [
            p
            for p in staf
            if p["jenjang"]
            and p["status_asn"] == "pns"
            and p["id"] not in self._ketua
            and Jenjang(p["jenjang"]) in (Jenjang.PENYELIA, Jenjang.AHLI_PERTAMA, Jenjang.AHLI_MUDA, Jenjang.AHLI_MADYA)
            and p["predikat_kinerja_1"] in ("baik", "sangat_baik")
            and p["predikat_kinerja_2"] in ("baik", "sangat_baik")
        ]
        return self.rng.choice(calon) if calon else None

    def _bentuk(self, templat: dict, unit: _Unit, ketua: dict, staf: list[dict], ke: int) -> None:
        rng, umum = self.rng, self.cfg["umum"]
        tahun = umum["tahun"]
        tahunan = templat["pembentukan"] == JenisPembentukan.TAHUNAN.value
        if tahunan:
            mulai, selesai = date(tahun, 1, 2), date(tahun, 12, 31)
        else:
            bulan = rng.randint(2, 7)
            akhir = min(12, bulan + rng.randint(2, 5))
            mulai, selesai = date(tahun, bulan, 1), date(tahun + akhir // 12, akhir % 12 + 1, 1) - timedelta(days=1)
        nama = templat["nama"].format(unit=unit.nama)
        if "{unit}" not in templat["nama"] and ke > 1:
            nama = f"{nama} ({unit.nama})"
        tim_id = self._baru(TimKerja)
        nomor = f"800.1.3/{len(self.tim) + 1:03d}/{unit.kode}/{tahun}"
        self.tim.append(
            {
                "id": tim_id,
                "unit_id": unit.id,
                "nama": nama,
                "bentuk": self._bentuk_tim(tahunan),
                "jenis_pembentukan": templat["pembentukan"],
                "sasaran": templat["sasaran"],
                "tahun_anggaran": tahun,
                "mulai": mulai,
                "selesai": selesai,
                "status": StatusTim.AKTIF.value,
                "tujuan": templat["tujuan"],
                "dasar_penetapan": f"{'Keputusan' if tahunan else 'Surat Tugas'} {unit.jabatan} Nomor {nomor}",
                "dibuat": DIBUAT,
            }
        )
        self._anggota(tim_id, ketua, PeranTim.KETUA, mulai, selesai, umum["peran_ketua"])
        lain = [p for p in staf if p is not ketua]
        peran = umum["peran_anggota"]
        for i, p in enumerate(rng.sample(lain, min(len(lain), rng.randint(3, 6)))):
            self._anggota(tim_id, p, PeranTim.ANGGOTA, mulai, selesai, peran[i % len(peran)])
        self._lintas(tim_id, nama, unit, staf, mulai, selesai, templat)
        self._kegiatan(tim_id, unit, templat, mulai, selesai)

    def _bentuk_tim(self, tahunan: bool) -> str:
        """Klaten calls a yearly team Kelompok Kerja and an ad-hoc one Tim."""
        if self.profil != "klaten":
            return BentukTim.TIM_KERJA.value
        return (BentukTim.KELOMPOK_KERJA if tahunan else BentukTim.TIM).value

    def _lintas(
        self, tim_id: int, nama: str, unit: _Unit, staf: list[dict], mulai: date, selesai: date, templat: dict
    ) -> None:
        """Members from other units (and now and then another agency), waiting for approval."""
        rng = self.rng
        di_unit = {p["id"] for p in staf}
        tamu = []
        if rng.random() < 0.6:
            tamu = [
                (p, LingkupPenugasan.LINTAS_UNIT)
                for p in rng.sample(self._semua, rng.randint(1, 2))
                if p["id"] not in di_unit
            ]
        if len(self.tim) % 12 == 1 and self._luar:
            tamu.append((rng.choice(self._luar), LingkupPenugasan.LINTAS_INSTANSI))
        for p, lingkup in tamu:
            asal = self._unit[p["unit_id"]]
            permohonan_id = self._baru(Permohonan)
            waktu = DIBUAT + timedelta(days=len(self.tim) % 20, hours=1)
            self.permohonan.append(
                {
                    "id": permohonan_id,
                    "jenis": "penunjukan",
                    "lingkup": lingkup.value,
                    "tim_id": tim_id,
                    "pegawai_id": p["id"],
                    "dari_unit_id": unit.id,
                    "ke_unit_id": asal.id,
                    "pemohon_id": unit.pimpinan["id"],
                    "penerima_id": asal.pimpinan["id"],
                    "maksud_tujuan": f"Pelibatan sebagai anggota {nama}: {templat['tujuan'].lower()}.",
                    "kompetensi": p["kompetensi"].split("; ")[0],
                    "ekspektasi": f"{templat['kegiatan'][0]['indikator']}: {templat['kegiatan'][0]['target']} "
                    f"{templat['kegiatan'][0]['satuan']}",
                    "durasi": f"{mulai:%d-%m-%Y} s.d. {selesai:%d-%m-%Y}",
                    "status": "diajukan",
                    "dibuat": waktu,
                    "diajukan": waktu,
                }
            )
            self._anggota(
                tim_id,
                p,
                PeranTim.ANGGOTA,
                mulai,
                selesai,
                "Anggota dari luar unit pemilik kinerja",
                asal=lingkup,
                status=StatusKeanggotaan.MENUNGGU,
                permohonan_id=permohonan_id,
            )

    def _anggota(
        self,
        tim_id: int,
        p: dict,
        peran: PeranTim,
        mulai: date,
        selesai: date,
        uraian: str,
        *,
        asal: LingkupPenugasan = LingkupPenugasan.DALAM_UNIT,
        status: StatusKeanggotaan = StatusKeanggotaan.AKTIF,
        permohonan_id: int | None = None,
    ) -> None:
        if peran is PeranTim.KETUA:
            self._ketua.add(p["id"])
        self.keanggotaan.append(
            {
                "id": self._baru(Keanggotaan),
                "tim_id": tim_id,
                "pegawai_id": p["id"],
                "peran": peran.value,
                "asal": asal.value,
                "status": status.value,
                "uraian_peran": uraian,
                "mulai": mulai,
                "selesai": selesai,
                "permohonan_id": permohonan_id,
            }
        )

    def _kegiatan(self, tim_id: int, unit: _Unit, templat: dict, mulai: date, selesai: date) -> None:
        rng = self.rng
        hari = (selesai - mulai).days
        daftar = templat["kegiatan"][: rng.randint(2, len(templat["kegiatan"]))]
        ceklis, posisi = self.ceklis(unit)
        for k in daftar:
            tahap = _undi(rng, _TAHAP)
            awal = mulai + timedelta(days=rng.randrange(max(1, hari // 3)))
            tenggat = min(selesai, awal + timedelta(days=rng.randint(30, max(30, hari))))
            self.kegiatan.append(
                {
                    "id": self._baru(Kegiatan),
                    "unit_id": unit.id,
                    "tim_id": tim_id,
                    "pegawai_id": None,
                    "judul": k["judul"],
                    "indikator": k["indikator"],
                    "target": k["target"],
                    "satuan": k["satuan"],
                    "rencana_anggaran": rng.randrange(5, 250) * 1_000_000 if rng.random() < 0.7 else None,
                    "perjanjian_kinerja": f"Perjanjian Kinerja Tahun {mulai.year} {unit.jabatan}",
                    "mulai": awal,
                    "tenggat": tenggat,
                    "tahap": tahap.value,
                    "sub_tahap": posisi[tahap],
                    "ceklis": ceklis,
                    "progres": rng.randint(*_PROGRES[tahap]),
                    "dibuat": DIBUAT,
                }
            )

    def _baru(self, model) -> int:
        id_ = self._id[model]
        self._id[model] += 1
        return id_
