"""How people and ranks are written: names with titles, pangkat/golongan."""

from __future__ import annotations

from sistemkerja_tui.aturan.enums import Golongan, GolonganPPPK, StatusASN


def nama_lengkap(nama: str, gelar_depan: str = "", gelar_belakang: str = "") -> str:
    """`dr. Siti Aminah, M.Kes.` from its parts."""
    depan = f"{gelar_depan} " if gelar_depan else ""
    belakang = f", {gelar_belakang}" if gelar_belakang else ""
    return f"{depan}{nama}{belakang}"


def label_golongan(kode: str, status_asn: str) -> str:
    """`Penata (III/c)` for PNS, `Golongan IX` for PPPK."""
    if status_asn == StatusASN.PPPK.value:
        return GolonganPPPK(kode).label
    return Golongan(kode).pangkat_golongan
