"""A user template cannot exhaust memory or time: past a bound it is refused naming its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.test_surat import KONTEKS

from sistemkerja_tui.surat import JenisSurat, TemplatTidakSah, render
from sistemkerja_tui.surat.batas import BATAS_LANGKAH, BATAS_TEKS

JENIS = JenisSurat.SURAT_TUGAS


def _render(folder: Path, isi: str):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / JENIS.templat).write_text(isi, encoding="utf-8")
    return render(JENIS, KONTEKS[JENIS], folder_pengguna=folder)


@pytest.mark.parametrize(
    "serangan",
    [
        "{{ 'x' * 10**9 }}",
        "{{ [0] * 10**9 }}",
        "{{ range(10**9)|list }}",
        "{% for i in range(10**8) %}x{% endfor %}",
        "{{ 10**5000 }}",
        "{{ (10**1000) * (10**1000) }}",
        "{% set n = namespace(x=3) %}{% for i in range(40) %}{% set n.x = n.x * n.x %}{% endfor %}",
        "{% set s = namespace(t='x') %}{% for i in range(60) %}{% set s.t = s.t ~ s.t %}{% endfor %}",
        "{% set s = namespace(t='x') %}{% for i in range(60) %}{% set s.t = s.t + s.t %}{% endfor %}",
        "{{ ('%s' * 10**8)|format(1) }}",
        "{{ '%999999999s'|format('x') }}",
        "{{ '%*s' % (10**9, 'x') }}",
        "{{ '{:>999999999}'.format('x') }}",
        "{{ '{:>{w}}'.format('x', w=10**9) }}",
        "{{ 'x'.center(10**9) }}",
        "{{ 'x'|center(10**9) }}",
        "{{ 'x'|indent(10**9) }}",
        "{{ ('x' * 1000)|replace('', 'y' * 1000) }}",
        "{{ ('x' * 100000).join(['a'] * 1000) }}",
        "{{ [1]|batch(10**9, 'x')|list }}",
        "{{ surat.kepala.nomor|bungkus(lebar=10**9) }}",
        (
            "{% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(1000) %}{% endfor %}{% endfor %}"
            "{% endfor %}"
        ),
        "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(60) }}",
        "{% for i in range(100) %}{{ 'x' * 100000 }}{% endfor %}",
    ],
)
def test_batas_templat(tmp_path, serangan):
    folder = tmp_path / "templat"
    with pytest.raises(TemplatTidakSah) as info:
        _render(folder, f"Nomor {{{{ surat.kepala.nomor }}}}\n{serangan}\n")
    berkas = str(folder / JENIS.templat)
    assert info.value.berkas == berkas and info.value.baris == 2
    assert str(info.value).startswith(f"Templat {berkas} baris 2 ditolak: ")


def test_lipsum_tidak_tersedia(tmp_path):
    with pytest.raises(TemplatTidakSah, match="lipsum"):
        _render(tmp_path / "templat", "{{ lipsum(10**9) }}\n")


def test_templat_wajar_tetap_jalan(tmp_path):
    hasil = _render(
        tmp_path / "templat",
        (
            "{% for i in range(3) %}{{ loop.index }}{% endfor %} {{ '%05d'|format(42) }} {{ '{:>4}'.format(7) }}"
            " {{ 'ab' * 3 }} {{ [1, 2] + [3] }} {{ 2 ** 10 }} {{ 'x'|center(5) }}|"
            " {{ surat.kepala.nomor|replace('/', '-') }} {{ ['a', 'b']|join(', ') }}\n"
        ),
    )
    assert hasil.teks == "123 00042    7 ababab [1, 2, 3] 1024   x  | 800.1.2.3-20-DINKES-2026 a, b\n"


def test_batas_langkah_per_render(tmp_path):
    """Each render has its own step budget: two renders of a template using most of it both pass."""
    n = int((BATAS_LANGKAH * 0.6) ** 0.5)
    isi = (
        f"{{% for a in range({min(n, 1000)}) %}}{{% for b in range({min(n, 1000)}) %}}{{% endfor %}}{{% endfor %}}ok\n"
    )
    folder = tmp_path / "templat"
    assert _render(folder, isi).teks == "ok\n"
    assert _render(folder, isi).teks == "ok\n"


def test_teks_sebatas_batas_diterima(tmp_path):
    hasil = _render(tmp_path / "templat", f"{{{{ 'x' * {BATAS_TEKS - 10} }}}}\n")
    assert len(hasil.teks) == BATAS_TEKS - 9
