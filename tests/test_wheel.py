"""The app installed from a built wheel into a fresh venv: data and templates ship inside it."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

AKAR = Path(__file__).resolve().parent.parent


@pytest.mark.lambat
def test_wheel_terpasang_di_venv_baru(tmp_path):
    keluaran = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(keluaran), str(AKAR)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = keluaran.glob("sistemkerja_tui-*.whl")
    isi = zipfile.ZipFile(wheel).namelist()
    for nama in ("umum", "madiun", "luwu_utara", "klaten", "cilegon", "padang_panjang"):
        assert f"sistemkerja_tui/_data/profil/{nama}.toml" in isi
    assert any(n.startswith("sistemkerja_tui/_data/demo/") for n in isi)
    assert any(n.startswith("sistemkerja_tui/_templates/") for n in isi)
    assert "sistemkerja_tui/store/migrations/script.py.mako" in isi

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_ = env_dir / "bin"
    subprocess.run(
        [str(bin_ / "python"), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True, timeout=600
    )
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    bantuan = subprocess.run(
        [str(bin_ / "sistemkerja"), "--help"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60
    )
    assert bantuan.returncode == 0 and "penggunaan: sistemkerja" in bantuan.stdout
    db = tmp_path / "wheel.db"
    demo = subprocess.run(
        [str(bin_ / "sistemkerja"), "demo", "--pegawai", "600", "--db", str(db)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
    )
    assert demo.returncode == 0, demo.stderr
    assert "Pemda demo dibuat" in demo.stdout and db.exists()
    profil = subprocess.run(
        [str(bin_ / "sistemkerja"), "profil"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60
    )
    assert profil.returncode == 0 and "klaten" in profil.stdout
