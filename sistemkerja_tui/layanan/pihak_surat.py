"""The parties of a letter: offices (never a JF title), who may sign it, and its tembusan.

A letter names offices: the head of a unit as "Kepala Puskesmas Rawawaras",
with the Perangkat Daerah and the daerah added when the letter leaves the
Perangkat Daerah. It is signed by the head of the unit that owns the record
or a head above it in the same Perangkat Daerah, or by their Plt./Plh.; a
letter leaving the Perangkat Daerah signed below its head carries "a.n."
the head (Perbup Luwu Utara 59/2023, Format Naskah Dinas huruf d). Anyone
else is refused with the rule (`RUJUKAN_TTD`). The signer is found on the
owner unit's chain alone, so making a letter costs the same at any size.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sistemkerja_tui.aturan.enums import JenisUnit
from sistemkerja_tui.aturan.sebutan import label_golongan
from sistemkerja_tui.layanan.galat import Ditolak
from sistemkerja_tui.store.kueri import surat as kueri
from sistemkerja_tui.surat.konteks import Orang, Penandatangan

if TYPE_CHECKING:
    from sistemkerja_tui.layanan.mulai import Layanan
    from sistemkerja_tui.layanan.struktur import Unit
    from sistemkerja_tui.surat.konteks import PltPlh

RUJUKAN_TTD = (
    "Permendagri 1/2023 Pasal 44 (penandatangan naskah dinas: pejabat yang berwenang, a.n., u.b., Plt., Plh.) "
    "dan Perbup Luwu Utara 59/2023, Format Naskah Dinas (blok tanda tangan 'KEPALA .....', "
    "surat keluar 'a.n. ..... Kepala .....')"
)


@dataclass(frozen=True)
class Penanda:
    """A signer found on a unit's chain: the unit they lead (or act for), their signature block."""

    pegawai_id: int
    unit: Unit
    ttd: Penandatangan


class PihakSurat:
    def __init__(self, layanan: Layanan) -> None:
        self.layanan = layanan
        self.struktur = layanan.struktur

    # --- people and offices -----------------------------------------------------

    def orang(self, pegawai_id: int) -> tuple[Orang, int]:
        """A person as a letter names them (their own jabatan), and their unit id."""
        r = kueri.pegawai(self.struktur.pembaca, pegawai_id)
        return (
            Orang(
                nama=r.nama,
                gelar_depan=r.gelar_depan,
                gelar_belakang=r.gelar_belakang,
                nip=r.nip,
                pangkat_golongan=label_golongan(r.golongan, r.status_asn),
                jabatan=r.nama_jabatan,
                unit=self.struktur.unit(r.unit_id).nama,
            ),
            r.unit_id,
        )

    def daerah(self, unit_id: int) -> str:
        """'Kabupaten Sukamaju' for a unit of 'Pemerintah Kabupaten Sukamaju'."""
        return self.struktur.instansi_dari_id(self.struktur.unit(unit_id).instansi_id).nama.removeprefix("Pemerintah ")

    def kepala_daerah(self, unit_id: int) -> str:
        """'Bupati Sukamaju'."""
        instansi = self.struktur.instansi_dari_id(self.struktur.unit(unit_id).instansi_id)
        return f"{instansi.kepala_daerah} {self.daerah(unit_id).split(' ', 1)[-1]}"

    def _lain_pd(self, unit_id: int, bagi: int | None) -> bool:
        return bagi is not None and self.struktur.jalur_unit(unit_id)[0].id != self.struktur.jalur_unit(bagi)[0].id

    def nama_unit(self, unit_id: int) -> str:
        """'Bidang Aplikasi Informatika pada Dinas Komunikasi dan Informatika Kabupaten Sukamaju'."""
        jalur = self.struktur.jalur_unit(unit_id)
        nama = jalur[-1].nama if len(jalur) == 1 else f"{jalur[-1].nama} pada {jalur[0].nama}"
        return f"{nama} {self.daerah(unit_id)}"

    def kantor(self, unit_id: int, *, bagi: int | None = None, lengkap: bool = False) -> str:
        """The office of the unit's head; the Perangkat Daerah and the daerah are added when `lengkap` or
        when the letter is written from another Perangkat Daerah (`bagi`, the writer's unit)."""
        jalur = self.struktur.jalur_unit(unit_id)
        u, pd = jalur[-1], jalur[0]
        jabatan = u.jabatan_pimpinan or f"Kepala {u.nama}"
        if not (lengkap or self._lain_pd(unit_id, bagi)):
            return jabatan
        if u.id != pd.id and pd.nama not in jabatan:
            jabatan += f" pada {pd.nama}"
        daerah = self.daerah(unit_id)
        return jabatan if daerah in jabatan else f"{jabatan} {daerah}"

    def kantor_pegawai(self, pegawai_id: int, dekat_unit_id: int, *, bagi: int | None = None) -> str:
        """The office `pegawai_id` holds as head of a unit on `dekat_unit_id`'s chain (or of their own unit)."""
        unit = self._unit_dipimpin(pegawai_id, dekat_unit_id)
        if unit is None:
            _, unit_sendiri = self.orang(pegawai_id)
            unit = self._unit_dipimpin(pegawai_id, unit_sendiri)
        if unit is None:
            return self.orang(pegawai_id)[0].jabatan
        return self.kantor(unit.id, bagi=bagi)

    def kantor_ppk(self, pegawai_id: int, *, bagi: int | None = None) -> str:
        """The office of the pegawai's Pejabat Penilai Kinerja (the Kepala Daerah when not a pegawai)."""
        return self.ppk(pegawai_id, bagi=bagi)[0]

    def ppk(self, pegawai_id: int, *, bagi: int | None = None) -> tuple[str, int | None]:
        """(office, pegawai id) of the pegawai's Pejabat Penilai Kinerja; no id for the Kepala Daerah."""
        _, unit_id = self.orang(pegawai_id)
        hasil = self.struktur.ppk_pegawai(pegawai_id)
        if hasil.ppk is None:
            kd = self.struktur.instansi_dari_id(self.struktur.unit(unit_id).instansi_id).kepala_daerah
            return (self.kepala_daerah(unit_id) if hasil.sebutan.startswith(kd) else hasil.sebutan), None
        return self.kantor_pegawai(hasil.ppk.pegawai_id, unit_id, bagi=bagi), hasil.ppk.pegawai_id

    def unit_pimpinan(self, pegawai_id: int) -> Unit | None:
        """The unit `pegawai_id` leads (or acts for), found on their own unit's chain."""
        return self._unit_dipimpin(pegawai_id, self.orang(pegawai_id)[1])

    def sekda(self, unit_id: int) -> Unit | None:
        instansi = self.struktur.unit(unit_id).instansi_id
        return next((u for u in self.struktur.unit_akar(instansi) if u.jenis is JenisUnit.SEKRETARIAT_DAERAH), None)

    def _unit_dipimpin(self, pegawai_id: int, unit_id: int) -> Unit | None:
        for u in reversed(self.struktur.jalur_unit(unit_id)):
            if (u.pimpinan and u.pimpinan.pegawai_id == pegawai_id) or (
                u.sementara and u.sementara.pegawai_id == pegawai_id
            ):
                return u
        return None

    # --- the signer ------------------------------------------------------------------

    def pilih_penandatangan(self, penandatangan_id: int | None) -> int:
        """The signer asked for, else this instance's user; refused when there is neither."""
        if penandatangan_id is not None:
            return penandatangan_id
        pegawai_id = self.layanan.pengguna.pegawai_id_sekarang()
        if pegawai_id is None:
            raise Ditolak(
                "Penandatangan belum ada: pilih dahulu pengguna (pimpinan unit) yang menandatangani, "
                "atau sebutkan NIP penandatangan (--penandatangan)."
            )
        return pegawai_id

    def penanda(
        self,
        pegawai_id: int,
        unit_pemilik_id: int,
        *,
        apa: str,
        hanya: Unit | None = None,
        tambahan: tuple[Unit, ...] = (),
    ) -> Penanda:
        """`pegawai_id` signing a letter (`apa`) of `unit_pemilik_id`: the head (or Plt./Plh.) of that unit or
        of a unit above it in the same Perangkat Daerah; only of `hanya` when given; `tambahan` units also
        qualify (the Sekda for letters across agencies). Refused otherwise, naming who may sign."""
        jalur = [hanya] if hanya is not None else list(reversed(self.struktur.jalur_unit(unit_pemilik_id)))
        for u in [*jalur, *tambahan]:
            status: PltPlh | None
            if u.pimpinan and u.pimpinan.pegawai_id == pegawai_id:
                status = self.layanan.pengguna.status_ttd(pegawai_id)
            elif u.sementara and u.sementara.pegawai_id == pegawai_id and u.jenis_sementara:
                status = u.jenis_sementara.label  # type: ignore[assignment]  # "Plt." / "Plh."
            else:
                continue
            orang, _ = self.orang(pegawai_id)
            sekda = u.jenis is JenisUnit.SEKRETARIAT_DAERAH
            return Penanda(
                pegawai_id,
                u,
                Penandatangan(orang=orang, jabatan_ttd=self.kantor(u.id).upper(), plt_plh=status, sekda=sekda),
            )
        orang, _ = self.orang(pegawai_id)
        boleh = self.kantor(jalur[0].id)
        atas = "" if hanya is not None else " atau pimpinan unit di atasnya dalam Perangkat Daerah yang sama"
        raise Ditolak(
            f"{orang.nama_bergelar} ({orang.jabatan}) tidak berwenang menandatangani {apa}: surat ini "
            f"ditandatangani {boleh}{atas}, atau Plt./Plh.-nya. Pilih penandatangan yang berwenang "
            f"({RUJUKAN_TTD})."
        )

    def atas_nama_pd(self, penanda: Penanda) -> Penanda:
        """A letter leaving the Perangkat Daerah signed below its head: a.n. the head."""
        from dataclasses import replace

        pd = self.struktur.jalur_unit(penanda.unit.id)[0]
        if pd.id == penanda.unit.id:
            return penanda
        return replace(penanda, ttd=replace(penanda.ttd, atas_nama=self.kantor(pd.id).upper()))
