"""Who is using the app: a unit head, held by this running instance.

Approvals are recorded in the name of the current user, so the app can be
shared by the heads of several units (each switches to themselves). The user
belongs to the instance: two windows (or a window and a CLI run) on one
database each act, and sign, as their own user. The settings table only keeps
the last choice, as the default the next start opens with.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sistemkerja_tui.layanan.galat import Ditolak
from sistemkerja_tui.store.kueri import pengaturan

if TYPE_CHECKING:
    from sistemkerja_tui.layanan.mulai import Layanan
    from sistemkerja_tui.surat.konteks import PltPlh

STATUS_TTD: tuple[PltPlh, ...] = ("Plt.", "Plh.")  # Permendagri 1/2023 Pasal 44: acting / daily-acting signer


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
        self._pegawai_id: int | None = None  # this instance's user, once chosen or read at start

    def calon(self) -> list[Pengguna]:
        """Every unit head, Perangkat Daerah first, in tree order."""
        hasil = []
        for instansi in self.struktur.instansi:
            tumpuk = list(reversed(self.struktur.unit_akar(instansi.id)))
            while tumpuk:
                u = tumpuk.pop()
                if u.pimpinan is not None:
                    hasil.append(
                        Pengguna(
                            u.pimpinan.pegawai_id,
                            u.pimpinan.nama,
                            u.jabatan_pimpinan or u.pimpinan.jabatan,
                            u.id,
                            u.nama,
                        )
                    )
                tumpuk.extend(reversed(self.struktur.anak_unit(u.id)))
        return hasil

    def pegawai_id_sekarang(self) -> int | None:
        """The pegawai id of this instance's user (see `sekarang`), without checking they still lead a unit."""
        if self.layanan.sesi is not None:
            return self.layanan.sesi.pegawai_id
        if self._bersama():
            return None
        if self._pegawai_id is None:
            nilai = pengaturan.nilai(self.struktur.pembaca, pengaturan.KUNCI_PENGGUNA)
            if nilai is None or not nilai.isdigit():
                return None
            self._pegawai_id = int(nilai)
        return self._pegawai_id

    def sekarang(self) -> Pengguna | None:
        """This instance's user: in mode "bersama" the logged-in account (if a unit head); else the one it
        chose, else the last choice saved (read once, at the first call)."""
        pid = self.pegawai_id_sekarang()
        return None if pid is None else next((p for p in self.calon() if p.pegawai_id == pid), None)

    def status_ttd(self, pegawai_id: int) -> PltPlh | None:
        """ "Plt."/"Plh." when this unit head signs as an acting official, else None."""
        nilai = pengaturan.nilai(self.struktur.pembaca, pengaturan.kunci_ttd(pegawai_id))
        return nilai if nilai in STATUS_TTD else None

    def tetapkan_status_ttd(self, pegawai_id: int, status: str | None) -> None:
        """Record how unit head `pegawai_id` signs; they set it themselves, so they are the audit's actor."""
        if status is not None and status not in STATUS_TTD:
            raise Ditolak(f"Status penandatangan '{status}' tidak dikenal; pilih Plt., Plh., atau definitif.")
        self._simpan(pengaturan.kunci_ttd(pegawai_id), status or "", "tetapkan_status_ttd", oleh_id=pegawai_id)

    def pemilik(self) -> Pengguna | None:
        """Mode sendiri on the user's own Pemda: the owner of this installation, once chosen (switching to another
        head is then a change of owner, asked for explicitly); None where heads switch freely (the demo, or no
        owner yet)."""
        if self._bersama() or any(i.fiktif for i in self.struktur.instansi if not i.luar):
            return None
        nilai = pengaturan.nilai(self.struktur.pembaca, pengaturan.KUNCI_PENGGUNA)
        if nilai is None or not nilai.isdigit():
            return None
        return next((p for p in self.calon() if p.pegawai_id == int(nilai)), None)

    def tetapkan(self, pegawai_id: int, *, ganti_pemilik: bool = False) -> Pengguna:
        """Make unit head `pegawai_id` the current user (the audit's actor). Mode sendiri on a real Pemda: the
        first choice makes them the installation's owner; another head only with `ganti_pemilik` (a new head
        of the unit) — the decisions of other heads are recorded from their letters (`catat_jawaban`)."""
        if self._bersama():
            raise Ditolak(
                "Dalam mode bersama pengguna adalah akun yang masuk: keluar, lalu masuk dengan NIP dan kata sandi "
                "pimpinan itu."
            )
        pengguna = next((p for p in self.calon() if p.pegawai_id == pegawai_id), None)
        if pengguna is None:
            raise Ditolak("Pengguna harus pimpinan sebuah unit organisasi; pilih dari daftar pimpinan unit.")
        pemilik = self.pemilik()
        if pemilik is not None and pemilik.pegawai_id != pegawai_id and not ganti_pemilik:
            raise Ditolak(
                f"Pemasangan ini milik {pemilik.nama} ({pemilik.jabatan}). Keputusan pimpinan lain dicatat dari "
                "suratnya: tombol c di layar Penugasan. Untuk pimpinan baru, ganti pemilik pemasangan."
            )
        aksi = "ganti_pemilik" if pemilik is not None and pemilik.pegawai_id != pegawai_id else "tetapkan_pengguna"
        self._simpan(pengaturan.KUNCI_PENGGUNA, str(pegawai_id), aksi, oleh_id=pegawai_id)
        self._pegawai_id = pegawai_id
        return pengguna

    def _bersama(self) -> bool:
        return self.layanan.akun.bersama()

    def _simpan(self, kunci: str, nilai: str, aksi: str, *, oleh_id: int) -> None:
        from sistemkerja_tui.store.db import transaksi
        from sistemkerja_tui.store.riwayat import catat

        with transaksi(self.layanan.engine) as sesi:
            lama = pengaturan.simpan(sesi, kunci, nilai)
            catat(
                sesi,
                oleh_id=oleh_id,
                aksi=aksi,
                entitas="pengaturan",
                entitas_id=None,
                kunci=kunci,
                sebelum=lama,
                sesudah=nilai,
            )
