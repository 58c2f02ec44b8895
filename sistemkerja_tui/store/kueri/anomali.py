"""SQL of the anomaly list (`layanan.anomali`): the active pegawai with what their PPK needs, units without a
head, and pegawai looked up by NIP (an e-Kinerja penilaian export names pegawai by NIP only)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sistemkerja_tui.store.baca import Pembaca

_KOLOM = (
    "p.id, p.nip, p.nama, p.gelar_depan, p.gelar_belakang, p.nama_jabatan, p.jenis_jabatan, "
    "p.jenjang, p.golongan, p.status_asn, p.unit_id, p.ppk_override_id, p.ppk_override_alasan"
)


def pegawai_aktif(pembaca: Pembaca) -> list[Any]:
    """Every active pegawai with the columns a PPK needs (those of `kueri.struktur.pegawai`), by unit and name."""
    return pembaca.semua(f"SELECT {_KOLOM} FROM pegawai p WHERE p.aktif ORDER BY p.unit_id, p.nama, p.id")


def unit_tanpa_pimpinan(pembaca: Pembaca) -> list[Any]:
    """Open units with neither a head nor a Plt./Plh. (columns `id`), in tree order."""
    return pembaca.semua(
        "SELECT u.id FROM unit_organisasi u WHERE u.aktif AND u.pimpinan_id IS NULL AND u.sementara_id IS NULL "
        "ORDER BY u.urutan, u.id"
    )


def id_per_nip(pembaca: Pembaca, nip: Iterable[str]) -> dict[str, int]:
    """NIP → pegawai id of the NIPs `nip` that the database knows (active or not)."""
    rows = pembaca.semua("SELECT id, nip FROM pegawai WHERE nip IN :nip", nip=sorted(set(nip)))
    return {r.nip: r.id for r in rows}
