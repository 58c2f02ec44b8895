"""Accounts and logging in, for mode "bersama" (one database for a whole Pemda, DESIGN §10).

An administrator (Bagian Organisasi / BKPSDM) creates and resets accounts from the CLI; each gets a
temporary password, changed at the first login. A password is stored as an argon2id hash (argon2-cffi).
A failed login is audited and delays the answer (1, 2, 4, 8 s), so guessing is slow. Once logged in, the
instance acts only as that pegawai: `store.riwayat` refuses a write in anyone else's name.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sistemkerja_tui.aturan.enums import ModeKerja
from sistemkerja_tui.aturan.sandi import jeda_gagal, periksa_sandi, sandi_sementara
from sistemkerja_tui.aturan.sebutan import nama_lengkap
from sistemkerja_tui.layanan.galat import Ditolak
from sistemkerja_tui.store.kueri import akun as kueri
from sistemkerja_tui.store.kueri import pengaturan

if TYPE_CHECKING:
    from sistemkerja_tui.layanan.mulai import Layanan

SALAH = "NIP atau kata sandi salah."
TANPA_PELAKU = 0  # no pegawai has id 0: logged out, every write with an actor is refused


@dataclass(frozen=True)
class SesiMasuk:
    """The account logged in to this instance."""

    pegawai_id: int
    nama: str
    admin: bool
    harus_ganti: bool


@dataclass(frozen=True)
class RingkasAkun:
    nip: str
    nama: str
    jabatan: str
    admin: bool
    aktif: bool
    harus_ganti: bool
    masuk_terakhir: str


def _hasher():
    from argon2 import PasswordHasher

    return PasswordHasher()  # argon2id, the library's recommended parameters


class LayananAkun:
    def __init__(self, layanan: Layanan) -> None:
        self.layanan = layanan
        self.tunda: Callable[[float], None] = time.sleep  # how a failed login waits (a test records it)

    # --- the mode -------------------------------------------------------------------------------

    def mode(self) -> ModeKerja:
        nilai = pengaturan.nilai(self.layanan.struktur.pembaca, kueri.KUNCI_MODE)
        return ModeKerja.BERSAMA if nilai == ModeKerja.BERSAMA.value else ModeKerja.SENDIRI

    def bersama(self) -> bool:
        return self.mode() is ModeKerja.BERSAMA

    def tetapkan_mode(self, mode: ModeKerja) -> None:
        """Switch the installation's mode; "bersama" needs an active administrator account first."""
        from sistemkerja_tui.store.db import transaksi
        from sistemkerja_tui.store.riwayat import catat

        with transaksi(self.layanan.engine) as sesi:
            if mode is ModeKerja.BERSAMA and not kueri.ada_admin(sesi):
                raise Ditolak(
                    "Mode bersama memerlukan sedikitnya satu akun administrator: buat dahulu dengan "
                    "`sistemkerja akun buat --nip NIP --admin`."
                )
            lama = pengaturan.simpan(sesi, kueri.KUNCI_MODE, mode.value)
            catat(
                sesi,
                oleh_id=None,
                aksi="tetapkan_mode",
                entitas="pengaturan",
                entitas_id=None,
                sebelum=lama,
                sesudah=mode.value,
            )

    # --- accounts (administrator, CLI) -------------------------------------------------------------

    def buat(self, nip: str, *, admin: bool = False) -> str:
        """Create the account of the pegawai with `nip`; its temporary password (shown once)."""
        from sistemkerja_tui.store.db import transaksi
        from sistemkerja_tui.store.models import sekarang
        from sistemkerja_tui.store.riwayat import catat

        nip = self._nip(nip)
        sementara = sandi_sementara()
        hash_ = _hasher().hash(sementara)
        with transaksi(self.layanan.engine) as sesi:
            pegawai = kueri.pegawai_menurut_nip(sesi, nip)
            if pegawai is None:
                raise Ditolak(f"NIP {nip}: tidak ada pegawai dengan NIP ini; periksa NIP atau impor pegawainya dahulu.")
            if not pegawai.aktif:
                raise Ditolak(f"NIP {nip}: {pegawai.nama} tidak aktif lagi; akun hanya untuk pegawai aktif.")
            if kueri.akun_menurut_nip(sesi, nip, kunci=True) is not None:
                raise Ditolak(f"NIP {nip}: akunnya sudah ada; untuk kata sandi baru pakai `sistemkerja akun reset`.")
            akun_id = kueri.tambah(sesi, pegawai.id, hash_, admin, sekarang())
            catat(sesi, oleh_id=None, aksi="akun_dibuat", entitas="akun", entitas_id=akun_id, admin=admin)
        return sementara

    def reset(self, nip: str) -> str:
        """A new temporary password for the account of `nip` (to be changed at the next login)."""
        from sistemkerja_tui.store.db import transaksi
        from sistemkerja_tui.store.riwayat import catat

        nip = self._nip(nip)
        sementara = sandi_sementara()
        hash_ = _hasher().hash(sementara)
        with transaksi(self.layanan.engine) as sesi:
            akun = kueri.akun_menurut_nip(sesi, nip, kunci=True)
            if akun is None:
                raise Ditolak(f"NIP {nip}: belum ada akunnya; buat dengan `sistemkerja akun buat --nip {nip}`.")
            kueri.ganti_sandi(sesi, akun.id, hash_, harus_ganti=True)
            catat(sesi, oleh_id=None, aksi="akun_direset", entitas="akun", entitas_id=akun.id)
        return sementara

    def daftar(self) -> list[RingkasAkun]:
        return [
            RingkasAkun(
                r.nip,
                nama_lengkap(r.nama, r.gelar_depan, r.gelar_belakang),
                r.nama_jabatan,
                bool(r.admin),
                bool(r.aktif) and bool(r.pegawai_aktif),
                bool(r.harus_ganti),
                str(r.masuk_terakhir or ""),
            )
            for r in kueri.daftar(self.layanan.struktur.pembaca)
        ]

    # --- logging in (TUI) -------------------------------------------------------------------------

    def masuk(self, nip: str, sandi: str) -> SesiMasuk:
        """Log in; a wrong NIP or password is refused after a delay, and audited."""
        from argon2.exceptions import InvalidHashError, VerificationError

        from sistemkerja_tui.store.db import transaksi
        from sistemkerja_tui.store.models import sekarang
        from sistemkerja_tui.store.riwayat import batasi_pelaku, catat

        nip = "".join(nip.split())
        hasher = _hasher()
        self.keluar()  # whoever was logged in here is not any more; the login itself is written as nobody
        with transaksi(self.layanan.engine) as sesi:
            akun = kueri.akun_menurut_nip(sesi, nip, kunci=True)
            cocok = False
            if akun is not None and akun.aktif and akun.pegawai_aktif:
                try:
                    cocok = hasher.verify(akun.sandi, sandi)
                except (VerificationError, InvalidHashError):
                    cocok = False
            if cocok:
                kueri.catat_masuk(sesi, akun.id, sekarang())
                if hasher.check_needs_rehash(akun.sandi):
                    kueri.ganti_sandi(sesi, akun.id, hasher.hash(sandi), harus_ganti=bool(akun.harus_ganti))
                catat(sesi, oleh_id=None, aksi="masuk", entitas="akun", entitas_id=akun.id, pegawai_id=akun.pegawai_id)
            elif akun is not None:
                gagal = kueri.catat_gagal(sesi, akun.id)
                catat(sesi, oleh_id=None, aksi="masuk_gagal", entitas="akun", entitas_id=akun.id, gagal=gagal)
            else:
                gagal = 1
                catat(sesi, oleh_id=None, aksi="masuk_gagal", entitas="akun", entitas_id=None)
        if not cocok:
            self.tunda(jeda_gagal(gagal))
            raise Ditolak(SALAH)
        sesi_masuk = SesiMasuk(
            akun.pegawai_id,
            nama_lengkap(akun.nama, akun.gelar_depan, akun.gelar_belakang),
            bool(akun.admin),
            bool(akun.harus_ganti),
        )
        self.layanan.sesi = sesi_masuk
        batasi_pelaku(self.layanan.engine, akun.pegawai_id)
        return sesi_masuk

    def ganti_sandi(self, lama: str, baru: str, ulang: str) -> SesiMasuk:
        """The logged-in account's new password (asked at the first login)."""
        from argon2.exceptions import VerificationError

        from sistemkerja_tui.store.db import transaksi
        from sistemkerja_tui.store.riwayat import catat

        sesi_masuk = self._wajib_masuk()
        if baru != ulang:
            raise Ditolak("Ulangi kata sandi baru: kedua isian tidak sama.")
        hasher = _hasher()
        with transaksi(self.layanan.engine) as sesi:
            nip = kueri.nip_pegawai(sesi, sesi_masuk.pegawai_id)
            alasan = periksa_sandi(baru, nip=nip, lama=lama)
            if alasan:
                raise Ditolak(alasan)
            akun = kueri.akun_menurut_nip(sesi, nip, kunci=True)
            try:
                hasher.verify(akun.sandi, lama)
            except VerificationError:
                raise Ditolak("Kata sandi lama salah; tidak ada yang diubah.") from None
            kueri.ganti_sandi(sesi, akun.id, hasher.hash(baru), harus_ganti=False)
            catat(sesi, oleh_id=sesi_masuk.pegawai_id, aksi="ganti_sandi", entitas="akun", entitas_id=akun.id)
        self.layanan.sesi = sesi_masuk = SesiMasuk(
            sesi_masuk.pegawai_id, sesi_masuk.nama, sesi_masuk.admin, harus_ganti=False
        )
        return sesi_masuk

    def keluar(self) -> None:
        """Log out: this instance acts as nobody until the next login."""
        from sistemkerja_tui.store.riwayat import batasi_pelaku

        self.layanan.sesi = None
        batasi_pelaku(self.layanan.engine, TANPA_PELAKU)  # no write in anyone's name until the next login

    # --- pieces ---------------------------------------------------------------------------------

    def _wajib_masuk(self) -> SesiMasuk:
        if self.layanan.sesi is None:
            raise Ditolak("Belum masuk: masukkan NIP dan kata sandi dahulu.")
        return self.layanan.sesi

    @staticmethod
    def _nip(nip: str) -> str:
        angka = "".join(nip.split())
        if not angka:
            raise Ditolak("NIP kosong: isikan NIP pegawai pemilik akun (18 angka).")
        return angka
