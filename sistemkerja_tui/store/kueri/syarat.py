"""SQL conditions several queries share, written once; their codes come from `aturan.enums`.

Each condition is a fragment over the aliases its caller names; pass
`**PARAM` with the query's own parameters (unused keys are ignored).
"""

from __future__ import annotations

from sistemkerja_tui.aturan.enums import JenisJabatan, PeranTim, StatusKeanggotaan, StatusTim, Tahap

PARAM: dict[str, object] = {
    "s_peran_pimpinan": [PeranTim.KETUA.value, PeranTim.KOORDINATOR.value],
    "s_anggota_aktif": StatusKeanggotaan.AKTIF.value,
    "s_tim_berjalan": [StatusTim.DRAF.value, StatusTim.AKTIF.value],
    "s_tahap_selesai": Tahap.SELESAI.value,
    "s_jenis_staf": [JenisJabatan.FUNGSIONAL.value, JenisJabatan.PELAKSANA.value],
}


def keanggotaan_berjalan(k: str = "k", t: str = "t") -> str:
    """An active membership `k` of a team `t` that is still in draft or active."""
    return f"{k}.status = :s_anggota_aktif AND {t}.status IN :s_tim_berjalan"


def peran_pimpinan_aktif(k: str = "k", t: str = "t") -> str:
    """An active leader role (ketua or koordinator) `k` in a running team `t`."""
    return f"{k}.peran IN :s_peran_pimpinan AND {keanggotaan_berjalan(k, t)}"


def staf_aktif(p: str = "p") -> str:
    """An active pegawai `p` in a jabatan fungsional or pelaksana: who carries a unit's team work."""
    return f"{p}.aktif AND {p}.jenis_jabatan IN :s_jenis_staf"


def terlambat(g: str = "g") -> str:
    """Kegiatan `g` past its deadline and not finished; the query passes `:hari_ini`."""
    return f"{g}.tenggat IS NOT NULL AND {g}.tenggat < :hari_ini AND {g}.tahap != :s_tahap_selesai"
