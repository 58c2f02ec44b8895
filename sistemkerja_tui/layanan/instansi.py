"""The Pemda's own settings: set up an empty database (`siapkan_instansi`), change them later (`ubah_instansi`),
and the units' codes in letter numbers (`ubah_kode_unit`).

Every field is checked before anything is written; a refusal names the
field and the fix and leaves the database unchanged. Doubtful but possible
values (a name without "Pemerintah", a profile made for another kind of
region, a number pattern that can repeat) come back as warnings. The SQL is
in `store.kueri.instansi`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from sistemkerja_tui.aturan.enums import JenisInstansi
from sistemkerja_tui.aturan.nomor_surat import BAGIAN, POLA_BAWAAN, PolaNomorTidakSah, periksa_pola
from sistemkerja_tui.aturan.profil import ProfilTidakSah, daftar_profil, muat_profil
from sistemkerja_tui.layanan.galat import Ditolak
from sistemkerja_tui.store.kueri import instansi as kueri
from sistemkerja_tui.surat.konteks import JenisSurat

if TYPE_CHECKING:
    from sistemkerja_tui.layanan.mulai import Layanan

__all__ = [
    "KODE_KLASIFIKASI_BAWAAN",
    "DataInstansi",
    "Instansi",
    "JenisInstansi",
    "JenisSurat",
    "KodeUnit",
    "LayananInstansi",
    "ProfilTersedia",
]

KODE_KLASIFIKASI_BAWAAN = "800"  # Permendagri 83/2022: 800 Kepegawaian, for every letter kind not set otherwise
KEPALA_DAERAH = {JenisInstansi.KABUPATEN: "Bupati", JenisInstansi.KOTA: "Wali Kota", JenisInstansi.PROVINSI: "Gubernur"}
_KLASIFIKASI = re.compile(r"\d{1,3}(\.\d{1,4})*")  # 800, 800.1, 800.1.2.3 (Permendagri 83/2022)
_KODE_UNIT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_PANJANG_KODE_UNIT = 30
PESAN_SUDAH_ADA = (
    "Database ini sudah berisi instansi '{nama}'; pengaturannya diubah di layar Instansi (tombol i di layar "
    "Struktur). Untuk Pemda lain pakai berkas database baru: sistemkerja init --db BERKAS_BARU.db …"
)


@dataclass(frozen=True)
class DataInstansi:
    """Everything the user sets of their Pemda. `kode_klasifikasi`: letter kind code → classification code
    (a kind left out gets `KODE_KLASIFIKASI_BAWAAN`); `kop_surat`: the letterhead lines, top first."""

    nama: str
    jenis: JenisInstansi
    profil: str
    tempat: str = ""
    kop_surat: tuple[str, ...] = ()
    alamat: str = ""
    telepon: str = ""
    pola_nomor_surat: str = POLA_BAWAAN
    kode_klasifikasi: Mapping[str, str] = field(default_factory=dict)
    nama_kepala_daerah: str = ""


@dataclass(frozen=True)
class Instansi:
    """The Pemda as stored; `fiktif` for the demo."""

    id: int
    fiktif: bool
    data: DataInstansi


@dataclass(frozen=True)
class ProfilTersedia:
    nama: str
    singkatan: str
    judul: str


@dataclass(frozen=True)
class KodeUnit:
    """A unit and its code in letter numbers; `tingkat` 0 for a Perangkat Daerah."""

    id: int
    nama: str
    kode: str
    tingkat: int
    aktif: bool


def profil_tersedia() -> list[ProfilTersedia]:
    """The regulation profiles with their regulation's title (a broken profile file is left out)."""
    hasil = []
    for nama in daftar_profil():
        try:
            p = muat_profil(nama)
        except ProfilTidakSah:
            continue
        hasil.append(ProfilTersedia(nama, p.singkatan, p.judul))
    return hasil


def klasifikasi_lengkap(kode: Mapping[str, str]) -> dict[str, str]:
    """The classification code of every letter kind: the ones set in `kode`, the default for the others."""
    return {j.value: kode.get(j.value) or KODE_KLASIFIKASI_BAWAAN for j in JenisSurat}


def periksa(data: DataInstansi) -> tuple[DataInstansi, list[str]]:
    """`data` tidied (spaces, an empty place taken from the name) and its warnings; Ditolak naming every wrong
    field and its fix."""
    galat: list[str] = []
    peringatan: list[str] = []
    nama = " ".join(data.nama.split())
    if not nama:
        galat.append("Nama instansi wajib diisi, misalnya 'Pemerintah Kabupaten Klaten'.")
    elif not nama.lower().startswith("pemerintah "):
        peringatan.append(
            f"Nama instansi '{nama}' biasanya ditulis lengkap seperti di kop surat, misalnya 'Pemerintah Kabupaten …'."
        )
    try:
        jenis = JenisInstansi(data.jenis)
    except ValueError:
        jenis = JenisInstansi.KABUPATEN
        galat.append(f"Jenis instansi '{data.jenis}' tidak dikenal; pilih {', '.join(j.value for j in JenisInstansi)}.")
    tersedia = daftar_profil()
    if data.profil not in tersedia:
        galat.append(f"Profil regulasi '{data.profil}' tidak dikenal; pilih salah satu: {', '.join(tersedia)}.")
    else:
        try:
            profil = muat_profil(data.profil)
        except ProfilTidakSah as e:
            galat.append(f"Profil regulasi '{data.profil}' tidak dapat dimuat: {e}")
        else:
            if profil.kepala_daerah in KEPALA_DAERAH.values() and profil.kepala_daerah != KEPALA_DAERAH[jenis]:
                peringatan.append(
                    f"Profil {profil.singkatan} berlaku di daerah yang dipimpin {profil.kepala_daerah}, sedangkan "
                    f"{jenis.label} dipimpin {KEPALA_DAERAH[jenis]}: periksa jenis instansi atau profilnya."
                )
    tempat = " ".join(data.tempat.split()) or _tempat_dari_nama(nama, jenis)
    if not tempat and nama:  # without a name the name's error says it all
        galat.append("Tempat penandatanganan wajib diisi (untuk provinsi: ibu kotanya), misalnya 'Semarang'.")
    pola = data.pola_nomor_surat.strip() or POLA_BAWAAN
    try:
        periksa_pola(pola)
    except PolaNomorTidakSah as e:
        galat.append(str(e))
    else:
        kurang = [b for b in BAGIAN if b != "nomor_urut" and "{" + b + "}" not in pola]
        if kurang:
            peringatan.append(
                f"Pola nomor surat tanpa {', '.join('{' + b + '}' for b in kurang)}: penghitung nomor dipisah per "
                "klasifikasi, unit, dan tahun, sehingga nomor dapat berulang; sebaiknya sertakan bagian itu."
            )
    klasifikasi: dict[str, str] = {}
    for jenis_surat, kode in data.kode_klasifikasi.items():
        try:
            label = JenisSurat(jenis_surat).label
        except ValueError:
            galat.append(f"Jenis surat '{jenis_surat}' tidak dikenal untuk kode klasifikasi.")
            continue
        kode = kode.strip()
        if not kode:
            continue
        if not _KLASIFIKASI.fullmatch(kode):
            galat.append(
                f"Kode klasifikasi {label} '{kode}' tidak sah: tulis angka bertitik seperti 800 atau 800.1.2.3 "
                "(Permendagri 83/2022)."
            )
        klasifikasi[jenis_surat] = kode
    if galat:
        raise Ditolak("\n".join(galat))
    rapi = DataInstansi(
        nama=nama,
        jenis=jenis,
        profil=data.profil,
        tempat=tempat,
        kop_surat=tuple(b.strip() for b in data.kop_surat if b.strip()),
        alamat=" ".join(data.alamat.split()),
        telepon=" ".join(data.telepon.split()),
        pola_nomor_surat=pola,
        kode_klasifikasi={k: v for k, v in klasifikasi.items() if v != KODE_KLASIFIKASI_BAWAAN},
        nama_kepala_daerah=" ".join(data.nama_kepala_daerah.split()),
    )
    return rapi, peringatan


def _tempat_dari_nama(nama: str, jenis: JenisInstansi) -> str:
    """'Pemerintah Kabupaten Klaten' → 'Klaten' (a province signs in its capital: not guessed)."""
    if jenis is JenisInstansi.PROVINSI:
        return ""
    kata = nama.split()
    for i, k in enumerate(kata):
        if k.lower() in ("kabupaten", "kota"):
            return " ".join(kata[i + 1 :])
    return ""


def _kolom(data: DataInstansi) -> dict[str, Any]:
    return {
        "nama": data.nama,
        "jenis": data.jenis.value,
        "profil": data.profil,
        "kepala_daerah": KEPALA_DAERAH[data.jenis],
        "nama_kepala_daerah": data.nama_kepala_daerah or None,
        "tempat": data.tempat,
        "kop_surat": "\n".join(data.kop_surat),
        "alamat": data.alamat,
        "telepon": data.telepon,
        "pola_nomor_surat": data.pola_nomor_surat,
        "kode_klasifikasi": json.dumps(dict(sorted(data.kode_klasifikasi.items())), ensure_ascii=False),
    }


def _data(baris: Any) -> DataInstansi:
    try:
        klasifikasi = json.loads(baris.kode_klasifikasi or "{}")
    except ValueError:
        klasifikasi = {}
    return DataInstansi(
        nama=baris.nama,
        jenis=JenisInstansi(baris.jenis),
        profil=baris.profil,
        tempat=baris.tempat,
        kop_surat=tuple(b for b in baris.kop_surat.splitlines() if b.strip()),
        alamat=baris.alamat,
        telepon=baris.telepon,
        pola_nomor_surat=baris.pola_nomor_surat,
        kode_klasifikasi=klasifikasi if isinstance(klasifikasi, dict) else {},
        nama_kepala_daerah=baris.nama_kepala_daerah or "",
    )


class LayananInstansi:
    def __init__(self, layanan: Layanan) -> None:
        self.layanan = layanan
        self.struktur = layanan.struktur

    def utama(self) -> Instansi | None:
        """The Pemda with its settings; None in an empty database."""
        baris = kueri.utama(self.struktur.pembaca)
        return None if baris is None else Instansi(baris.id, bool(baris.fiktif), _data(baris))

    def siapkan_instansi(self, data: DataInstansi, *, oleh_id: int | None = None) -> tuple[Instansi, list[str]]:
        """Write the Pemda into an empty database; (it, warnings). Refused when the database already holds one."""
        from sistemkerja_tui.store.riwayat import catat

        rapi, peringatan = periksa(data)
        with self.layanan.transaksi_admin("Mengubah pengaturan instansi") as sesi:
            ada = kueri.nama_ada(sesi)
            if ada is not None:
                raise Ditolak(PESAN_SUDAH_ADA.format(nama=ada))
            instansi_id = kueri.tambah(sesi, **_kolom(rapi), luar=False, fiktif=False)
            catat(
                sesi,
                oleh_id=oleh_id,
                aksi="siapkan_instansi",
                entitas="instansi",
                entitas_id=instansi_id,
                nama=rapi.nama,
                jenis=rapi.jenis.value,
                profil=rapi.profil,
            )
        self.struktur.lupakan()
        return Instansi(instansi_id, False, rapi), peringatan

    def ubah_instansi(self, data: DataInstansi, *, oleh_id: int | None = None) -> tuple[Instansi, list[str]]:
        """Change every setting of the Pemda; (it, warnings). Refused in an empty database."""
        from sistemkerja_tui.store.riwayat import catat

        rapi, peringatan = periksa(data)
        kini = self.utama()
        if kini is None:
            raise Ditolak("Database ini belum berisi instansi; siapkan dahulu: sistemkerja init --instansi … .")
        baru = _kolom(rapi)
        with self.layanan.transaksi_admin("Mengubah pengaturan instansi") as sesi:
            baris = kueri.instansi(sesi, kini.id)
            if baris is None:
                raise Ditolak("Instansi ini sudah tidak ada di database; buka ulang aplikasi.")
            berubah = {k: v for k, v in baru.items() if getattr(baris, k) != v}
            sebelum = {k: getattr(baris, k) for k in berubah}
            for k, v in berubah.items():
                setattr(baris, k, v)
            sesi.add(baris)
            if berubah:
                catat(
                    sesi,
                    oleh_id=oleh_id,
                    aksi="ubah_instansi",
                    entitas="instansi",
                    entitas_id=kini.id,
                    sebelum=sebelum,
                    sesudah=berubah,
                )
        self.struktur.lupakan()
        return replace(kini, data=rapi), peringatan

    def daftar_kode_unit(self) -> list[KodeUnit]:
        """Every unit of the Pemda with its letter code, Perangkat Daerah first then their sub-units."""
        kini = self.utama()
        if kini is None:
            return []
        baris = kueri.kode_unit(self.struktur.pembaca, kini.id)
        anak: dict[int | None, list[Any]] = {}
        for b in baris:
            anak.setdefault(b.induk_id, []).append(b)
        hasil: list[KodeUnit] = []
        tumpuk = [(b, 0) for b in reversed(anak.get(None, []))]
        while tumpuk:
            b, tingkat = tumpuk.pop()
            hasil.append(KodeUnit(b.id, b.nama, b.kode, tingkat, bool(b.aktif)))
            tumpuk.extend((a, tingkat + 1) for a in reversed(anak.get(b.id, [])))
        return hasil

    def ubah_kode_unit(self, unit_id: int, kode: str, *, oleh_id: int | None = None) -> KodeUnit:
        """Set the code of unit `unit_id` in letter numbers (unique in the Pemda; letters already issued keep
        their numbers)."""
        from sistemkerja_tui.store.riwayat import catat

        kode = kode.strip()
        if not kode:
            raise Ditolak("Kode unit wajib diisi, misalnya DINKES; kode ini tertulis di nomor surat unit.")
        if len(kode) > _PANJANG_KODE_UNIT or not _KODE_UNIT.fullmatch(kode):
            raise Ditolak(
                f"Kode unit '{kode}' tidak sah: pakai huruf, angka, titik, atau tanda hubung tanpa spasi dan "
                f"tanpa '/', paling panjang {_PANJANG_KODE_UNIT} karakter, misalnya DINKES atau PKM-KLATEN."
            )
        with self.layanan.transaksi_admin("Mengubah pengaturan instansi") as sesi:
            unit = kueri.unit(sesi, unit_id)
            if unit is None:
                raise Ditolak("Unit ini sudah tidak ada di database; buka ulang layar Instansi.")
            pemakai = kueri.pemakai_kode(sesi, unit.instansi_id, kode, unit_id)
            if pemakai is not None:
                raise Ditolak(f"Kode unit '{kode}' sudah dipakai {pemakai}; pilih kode lain untuk {unit.nama}.")
            lama = unit.kode
            if lama != kode:
                unit.kode = kode
                sesi.add(unit)
                catat(
                    sesi,
                    oleh_id=oleh_id,
                    aksi="ubah_kode_unit",
                    entitas="unit_organisasi",
                    entitas_id=unit_id,
                    sebelum=lama,
                    sesudah=kode,
                )
            hasil = KodeUnit(unit_id, unit.nama, kode, unit.tingkat, bool(unit.aktif))
        self.struktur.lupakan()
        return hasil

    def buat_demo(self) -> None:
        """Build the fictional demo Pemda into this empty database (the setup screen's 'Coba Pemda demo')."""
        from sistemkerja_tui.layanan.demo import DemoDitolak, buat_demo

        try:
            buat_demo(self.layanan.engine)
        except DemoDitolak as e:
            raise Ditolak(str(e)) from e
        self.struktur.lupakan()
