"""View models carry codes (enums); screens render the label. Nothing above aturan/ compares against a label."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import sistemkerja_tui
from sistemkerja_tui.aturan import enums

AKAR = Path(sistemkerja_tui.__file__).parent

# labels that differ from their code: comparing against one means a label stood in for a code
LABEL = {
    a.label
    for e in vars(enums).values()
    if isinstance(e, type) and issubclass(e, enums.KodeEnum) and e.__module__ == enums.__name__
    for a in e
    if a.label != a.value
}


def _label_tertulis(simpul: ast.expr) -> bool:
    if isinstance(simpul, ast.Attribute) and simpul.attr == "label":
        return True
    if isinstance(simpul, ast.Constant) and isinstance(simpul.value, str):
        return simpul.value in LABEL
    if isinstance(simpul, ast.Tuple | ast.List | ast.Set):
        return any(_label_tertulis(e) for e in simpul.elts)
    return False


def banding_label(sumber: str, nama: str = "<teks>") -> list[str]:
    """`baris: kode` of every comparison (==, !=, in, not in) one side of which is a label."""
    temuan = []
    for simpul in ast.walk(ast.parse(sumber, nama)):
        if not isinstance(simpul, ast.Compare):
            continue
        if not all(isinstance(o, ast.Eq | ast.NotEq | ast.In | ast.NotIn) for o in simpul.ops):
            continue
        if any(_label_tertulis(s) for s in (simpul.left, *simpul.comparators)):
            temuan.append(f"{simpul.lineno}: {ast.unparse(simpul)}")
    return temuan


@pytest.mark.parametrize(
    "modul",
    sorted(str(b.relative_to(AKAR)) for lapisan in ("layanan", "tui") for b in (AKAR / lapisan).rglob("*.py")),
)
def test_tidak_ada_perbandingan_dengan_label(modul):
    berkas = AKAR / modul
    assert banding_label(berkas.read_text(encoding="utf-8"), str(berkas)) == []


def test_pemeriksa_mengenali_banding_label():
    """The check above must see the forms the Tim screen once used."""
    sumber = (
        "x = [a for a in d if a.peran == PeranTim.KETUA.label and a.status == 'Usulan']\n"
        "j = next(j for j in JenisPembentukan if j.label == t.jenis_pembentukan)\n"
        "ok = t.status in ('Aktif', 'Draf')\n"
        "baik = a.status is StatusKeanggotaan.USULAN and t.ketua != '—'\n"
    )
    assert sorted({t.split(":")[0] for t in banding_label(sumber)}) == ["1", "2", "3"]
    assert len(banding_label(sumber)) == 4  # both comparisons of line 1
