"""Who is using the app: a unit head, chosen once and kept in the settings table.

Approvals are recorded in the name of the current user, so the app can be
shared by the heads of several units (each switches to themselves).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sistemkerja_tui.layanan.galat import Ditolak

if TYPE_CHECKING:
    from sistemkerja_tui.layanan.mulai import Layanan

KUNCI = "pengguna_id"
STATUS_TTD = ("Plt.", "Plh.")  # Permendagri 1/2023 Pasal 44: acting / daily-acting signer


@dataclass(frozen=True)
class Pengguna:
    pegawai_id: int
    nama: str
    jabatan: str
    unit_id: int
    unit: str


class LayananPengguna:
    def __init__(self, layanan: Layanan) -> None:
        self.layanan = layanan
        self.struktur = layanan.struktur

    def calon(self) -> list[Pengguna]:
        """Every unit head, Perangkat Daerah first, in tree order."""
        hasil = []
        for instansi in self.struktur.instansi:
            tumpuk = list(reversed(self.struktur.unit_akar(instansi.id)))
            while tumpuk:
                u = tumpuk.pop()
                if u.pimpinan is not None:
                    hasil.append(Pengguna(u.pimpinan.pegawai_id, u.pimpinan.nama, u.jabatan_pimpinan or
                                          u.pimpinan.jabatan, u.id, u.nama))
                tumpuk.extend(reversed(self.struktur.anak_unit(u.id)))
        return hasil

    def sekarang(self) -> Pengguna | None:
        baris = self.struktur.pembaca.semua("SELECT nilai FROM pengaturan WHERE kunci = :k", k=KUNCI)
        if not baris or not baris[0].nilai.isdigit():
            return None
        pid = int(baris[0].nilai)
        return next((p for p in self.calon() if p.pegawai_id == pid), None)

    def status_ttd(self, pegawai_id: int) -> str | None:
        """"Plt."/"Plh." when this unit head signs as an acting official, else None."""
        baris = self.struktur.pembaca.semua("SELECT nilai FROM pengaturan WHERE kunci = :k", k=f"ttd.{pegawai_id}")
        return baris[0].nilai if baris and baris[0].nilai in STATUS_TTD else None

    def tetapkan_status_ttd(self, pegawai_id: int, status: str | None) -> None:
        from sistemkerja_tui.store.db import transaksi
        from sistemkerja_tui.store.models import Pengaturan

        if status is not None and status not in STATUS_TTD:
            raise Ditolak(f"Status penandatangan '{status}' tidak dikenal; pilih Plt., Plh., atau definitif.")
        with transaksi(self.layanan.engine) as sesi:
            baris = sesi.get(Pengaturan, f"ttd.{pegawai_id}") or Pengaturan(kunci=f"ttd.{pegawai_id}")
            baris.nilai = status or ""
            sesi.add(baris)

    def tetapkan(self, pegawai_id: int) -> Pengguna:
        from sistemkerja_tui.store.db import transaksi
        from sistemkerja_tui.store.models import Pengaturan

        pengguna = next((p for p in self.calon() if p.pegawai_id == pegawai_id), None)
        if pengguna is None:
            raise Ditolak("Pengguna harus pimpinan sebuah unit organisasi; pilih dari daftar pimpinan unit.")
        with transaksi(self.layanan.engine) as sesi:
            baris = sesi.get(Pengaturan, KUNCI) or Pengaturan(kunci=KUNCI)
            baris.nilai = str(pegawai_id)
            sesi.add(baris)
        return pengguna
