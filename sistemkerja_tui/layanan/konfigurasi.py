"""The user's TOML config (theme, keymap) in the platformdirs config folder."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from sistemkerja_tui import paths

NAMA_BERKAS = "config.toml"
TEMA_BAWAAN = "sistemkerja"


KUNCI_MENIT_BAWAAN = 10


class KonfigurasiTidakSah(ValueError):
    """An unreadable or malformed config file; the message names the file and the fix."""


@dataclass
class Konfigurasi:
    tema: str = TEMA_BAWAAN
    keymap: dict[str, str] = field(default_factory=dict)
    kunci_menit: int = KUNCI_MENIT_BAWAAN  # mode bersama: the screen locks after this many idle minutes
    berkas: Path | None = None


def berkas_konfigurasi() -> Path:
    env = os.environ.get("SISTEMKERJA_CONFIG")
    return Path(env) if env else paths.config_dir() / NAMA_BERKAS


def muat_konfigurasi(berkas: Path | None = None) -> Konfigurasi:
    """Read the config; a missing file gives the defaults."""
    berkas = berkas or berkas_konfigurasi()
    try:
        isi = berkas.read_bytes()
    except FileNotFoundError:
        return Konfigurasi(berkas=berkas)
    except OSError as e:
        raise KonfigurasiTidakSah(f"Berkas konfigurasi {berkas} tidak dapat dibaca ({e.strerror}).") from e
    import tomllib  # only when there is a file to read: a first start has none (~2 ms of start-up)

    try:
        data = tomllib.loads(isi.decode())  # what tomllib.load does with a file
    except UnicodeDecodeError as e:
        raise KonfigurasiTidakSah(
            f"Berkas konfigurasi {berkas} bukan teks UTF-8 (bita tidak sah pada posisi {e.start}). Simpan ulang "
            "berkas itu sebagai UTF-8, atau hapus berkas itu; pengaturan bawaan dipakai."
        ) from e
    except tomllib.TOMLDecodeError as e:
        raise KonfigurasiTidakSah(
            f"Berkas konfigurasi {berkas} tidak sah: {e}. Perbaiki atau hapus berkas itu; pengaturan bawaan dipakai."
        ) from e
    tema = data.get("tema", TEMA_BAWAAN)
    if not isinstance(tema, str):
        raise KonfigurasiTidakSah(
            f"Berkas konfigurasi {berkas}: kunci 'tema' harus teks, misalnya tema = \"{TEMA_BAWAAN}\"."
        )
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict) or not all(isinstance(v, str) for v in keymap.values()):
        raise KonfigurasiTidakSah(
            f'Berkas konfigurasi {berkas}: bagian [keymap] harus berisi id tombol = "tombol", '
            'misalnya "struktur.cari" = "ctrl+f".'
        )
    kunci_menit = data.get("kunci_menit", KUNCI_MENIT_BAWAAN)
    if not isinstance(kunci_menit, int) or isinstance(kunci_menit, bool) or not 1 <= kunci_menit <= 480:
        raise KonfigurasiTidakSah(
            f"Berkas konfigurasi {berkas}: kunci 'kunci_menit' harus bilangan bulat 1 sampai 480 (menit diam sebelum "
            f"layar terkunci dalam mode bersama), misalnya kunci_menit = {KUNCI_MENIT_BAWAAN}."
        )
    return Konfigurasi(tema=tema, keymap=dict(keymap), kunci_menit=kunci_menit, berkas=berkas)


def simpan_konfigurasi(konfigurasi: Konfigurasi) -> Path:
    """Write the config atomically into a private folder."""
    import tomli_w

    berkas = konfigurasi.berkas or berkas_konfigurasi()
    paths.ensure_private_dir(berkas.parent)
    data: dict = {"tema": konfigurasi.tema}
    if konfigurasi.kunci_menit != KUNCI_MENIT_BAWAAN:
        data["kunci_menit"] = konfigurasi.kunci_menit
    if konfigurasi.keymap:
        data["keymap"] = konfigurasi.keymap
    sementara = berkas.with_suffix(".toml.tmp")
    sementara.write_bytes(tomli_w.dumps(data).encode())
    os.replace(sementara, berkas)
    return berkas
