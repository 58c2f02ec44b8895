"""Daftar anomali: what to fix before e-Kinerja accepts the data ("pejabat penilai tidak sesuai").

Pegawai with an invalid NIP, JF without a jenjang, units without a head, pegawai whose PPK cannot be resolved
(`aturan.ppk`), and — given an e-Kinerja penilaian export — every pegawai whose `pegawai_atasan_nip` differs from
the PPK this app derives, with the passage behind it. NIPs are never put in the list (UU 27/2022): the pegawai
is named with the unit; a NIP of the file unknown to the database is named by its row.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sistemkerja_tui.aturan.enums import JenisJabatan, Jenjang
from sistemkerja_tui.aturan.nip import NIPTidakSah, urai_nip
from sistemkerja_tui.aturan.sebutan import nama_lengkap
from sistemkerja_tui.layanan.galat import Ditolak
from sistemkerja_tui.store.kueri import anomali as kueri
from sistemkerja_tui.store.kueri import struktur as kueri_struktur

if TYPE_CHECKING:
    from sistemkerja_tui.layanan.mulai import Layanan

NIP_TIDAK_SAH = "NIP tidak sah"
JF_TANPA_JENJANG = "JF tanpa jenjang"
UNIT_TANPA_PIMPINAN = "Unit tanpa pimpinan"
PPK_TIDAK_DITEMUKAN = "PPK tidak dapat ditentukan"
PPK_BERBEDA = "Pejabat penilai e-Kinerja berbeda"
TIDAK_DIKENAL = "NIP e-Kinerja tidak dikenal"

_BAGIAN_NIP = {
    "nip": "bukan 18 angka",
    "tanggal_lahir": "tanggal lahir (angka ke-1 s.d. 8) tidak mungkin",
    "tmt": "TMT (angka ke-9 s.d. 14) tidak mungkin",
    "jenis_kelamin": "angka jenis kelamin (ke-15) bukan 1 atau 2",
    "urut": "nomor urut 000",
}


@dataclass(frozen=True)
class Anomali:
    """One finding: `jenis` (one of the constants above), who or which unit, why, and how to fix it."""

    jenis: str
    nama: str  # the pegawai with gelar, or the unit
    unit: str  # the pegawai's unit, or the unit above the unit
    keterangan: str
    rujukan: str = ""
    pegawai_id: int | None = None
    unit_id: int | None = None


@dataclass(frozen=True)
class DaftarAnomali:
    anomali: tuple[Anomali, ...]
    dengan_penilaian: bool = False  # an e-Kinerja penilaian export was compared
    baris_penilaian: int = 0

    def jumlah(self) -> dict[str, int]:
        """How many findings of each kind, in the order they are listed."""
        hasil: dict[str, int] = {}
        for a in self.anomali:
            hasil[a.jenis] = hasil.get(a.jenis, 0) + 1
        return hasil


def _baca_penilaian(path: Path) -> list[tuple[str, str]]:
    """(NIP, atasan NIP) of each data row of an e-Kinerja penilaian export (.xlsx/.xls/.ods or CSV, header below
    a title block; `sistemkerja_tui.impor` reads it). Only the two NIP columns are read: a row is never dropped
    for its other values; an empty atasan (`-`) is ""."""
    from sistemkerja_tui.impor.berkas import BerkasTidakTerbaca, baca_tabel
    from sistemkerja_tui.impor.kolom import ALIAS_PEGAWAI, TabelAlias
    from sistemkerja_tui.impor.nilai import teks

    alias = TabelAlias({b: ALIAS_PEGAWAI[b] for b in ("nip", "atasan_nip")}, ("nip", "atasan_nip"))
    try:
        tabel = baca_tabel(path, alias.kenali)
        peta = alias.petakan(tabel.header) if tabel is not None else None
        if tabel is None or peta is None or peta.hilang:
            raise Ditolak(
                f"Berkas {path.name} bukan ekspor Penilaian SKP e-Kinerja: kolom nip dan pegawai_atasan_nip tidak "
                "ditemukan dalam 20 baris pertama. Unduh ulang ekspor Penilaian SKP dari e-Kinerja."
            )
        i, j = peta.indeks["nip"], peta.indeks["atasan_nip"]
        return [
            ("".join(teks(sel[i]).split()), "".join(teks(sel[j]).split()) if j < len(sel) else "")
            for _, sel in tabel.baris
            if i < len(sel) and teks(sel[i])
        ]
    except BerkasTidakTerbaca as e:
        raise Ditolak(str(e)) from e


class LayananAnomali:
    def __init__(self, layanan: Layanan) -> None:
        self.layanan = layanan
        self.struktur = layanan.struktur

    def daftar(self, penilaian: Path | None = None) -> DaftarAnomali:
        """Every anomaly of the database; with `penilaian`, also the differences from that e-Kinerja export."""
        struktur, pembaca = self.struktur, self.struktur.pembaca
        rows = kueri.pegawai_aktif(pembaca)
        ppk = struktur.ppk_baris(rows)
        hasil: list[Anomali] = []

        def pegawai(r, jenis: str, keterangan: str, rujukan: str = "") -> Anomali:
            return Anomali(
                jenis,
                nama_lengkap(r.nama, r.gelar_depan, r.gelar_belakang),
                struktur.unit(r.unit_id).nama,
                keterangan,
                rujukan,
                pegawai_id=r.id,
                unit_id=r.unit_id,
            )

        for r in rows:
            try:
                urai_nip(r.nip)
            except NIPTidakSah as e:
                sebab = _BAGIAN_NIP.get(e.bagian, "tidak sah")
                hasil.append(pegawai(r, NIP_TIDAK_SAH, f"NIP: {sebab}; perbaiki NIP pada data pegawai (Ubah, e)."))
        for r in rows:
            if r.jenis_jabatan != JenisJabatan.FUNGSIONAL.value:
                continue
            if r.jenjang is None:
                hasil.append(pegawai(r, JF_TANPA_JENJANG, "Jenjang belum diisi; isikan jenjang jabatannya."))
            elif (jenjang := Jenjang(r.jenjang).label).casefold() not in r.nama_jabatan.casefold():
                keterangan = f"Nama jabatan '{r.nama_jabatan}' tidak menyebut jenjang (tercatat {jenjang})"
                hasil.append(pegawai(r, JF_TANPA_JENJANG, f"{keterangan}; lengkapi nama jabatannya sesuai SK."))
        for u in kueri.unit_tanpa_pimpinan(pembaca):
            unit = struktur.unit(u.id)
            induk = struktur.unit(unit.induk_id).nama if unit.induk_id is not None else ""
            hasil.append(
                Anomali(
                    UNIT_TANPA_PIMPINAN,
                    unit.nama,
                    induk,
                    "Belum ada pimpinan, Plt., atau Plh.; tetapkan dengan Ubah (e) di layar Struktur.",
                    unit_id=unit.id,
                )
            )
        for r, h in zip(rows, ppk, strict=True):
            if h.temuan is not None and h.temuan.kode == "ppk_tidak_ditemukan":
                hasil.append(pegawai(r, PPK_TIDAK_DITEMUKAN, h.temuan.pesan, h.rujukan))
        if penilaian is None:
            return DaftarAnomali(tuple(hasil))
        data = _baca_penilaian(penilaian)
        hasil += self._bandingkan(data, rows, ppk, pegawai)
        return DaftarAnomali(tuple(hasil), dengan_penilaian=True, baris_penilaian=len(data))

    def _bandingkan(self, data: list[tuple[str, str]], rows, ppk, pegawai) -> list[Anomali]:
        """Each penilaian row whose atasan differs from the PPK derived here."""
        per_id = {r.id: (r, h) for r, h in zip(rows, ppk, strict=True)}
        id_nip = kueri.id_per_nip(self.struktur.pembaca, [n for pasangan in data for n in pasangan if n])
        nama = {
            p.id: nama_lengkap(p.nama, p.gelar_depan, p.gelar_belakang)
            for p in kueri_struktur.pejabat(self.struktur.pembaca, set(id_nip.values()))
        }
        hasil: list[Anomali] = []
        for nomor, (nip, atasan_nip) in enumerate(data, start=1):
            pid = id_nip.get(nip)
            if pid is None or pid not in per_id:
                keadaan = "tidak ada di database" if pid is None else "tidak aktif di database"
                hasil.append(
                    Anomali(
                        TIDAK_DIKENAL,
                        f"baris data ke-{nomor}",
                        "",
                        f"Pegawai dengan NIP pada baris ini {keadaan}; impor ulang data pegawai atau periksa NIP-nya.",
                    )
                )
                continue
            r, h = per_id[pid]
            if h.temuan is not None and h.temuan.kode == "ppk_tidak_ditemukan":
                continue  # listed above already
            turunan = h.ppk.pegawai_id if h.ppk is not None else None
            atasan = id_nip.get(atasan_nip) if atasan_nip else None
            if turunan is None and not atasan_nip:
                continue  # e.g. the Sekda, rated by the Kepala Daerah who is no pegawai here
            if atasan is not None and atasan == turunan:
                continue
            menurut_app = h.ppk.nama if h.ppk is not None else h.sebutan
            if not atasan_nip:
                di_ekinerja = "kosong"
            elif atasan is None:
                di_ekinerja = "pegawai yang tidak ada di database"
            else:
                di_ekinerja = nama.get(atasan, "pegawai lain")
            hasil.append(
                pegawai(
                    r,
                    PPK_BERBEDA,
                    f"e-Kinerja: {di_ekinerja}; menurut peraturan: {menurut_app}. "
                    "Perbaiki atasan di e-Kinerja, atau tetapkan override PPK bila ada pendelegasian.",
                    h.rujukan,
                )
            )
        return hasil
