"""Bounds on what a (user) template may compute: memory and time, checked before the work is done.

Jinja's sandbox stops a template reaching outside; it does not stop
`{{ 'x' * 10**9 }}` or three nested loops of ten thousand. `LingkunganTerbatas`
adds: `*`, `**`, `+` and `%` checked before they run; `range` and widths or
counts given to filters and string methods at most `BATAS_ANGKA`; any string
or list a template builds (also with `~`, `replace`, `join`, `indent`,
`format`) and the rendered text at most `BATAS_TEKS`; loop iterations plus
calls of one render at most `BATAS_LANGKAH`. Past a bound: `MelampauiBatas`.
"""

from __future__ import annotations

import functools
import re
import string
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.environment import Template
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment

BATAS_TEKS = 200_000  # characters of a rendered letter, and items or characters of anything a template builds
BATAS_ANGKA = 1_000  # a width, count or range length a template asks for (a letter line is 78 wide)
BATAS_LANGKAH = 1_000_000  # loop iterations plus calls in one render (about half a second)
LANGKAH_MAKRO = 20  # a macro call costs about as much as 20 loop iterations
BATAS_BIT = 4_096  # bits of an integer a template computes

_FILTER_UKURAN = frozenset(
    {"center", "indent", "wordwrap", "truncate", "batch", "slice", "bungkus", "label", "tengah", "kanan", "daftar"}
)  # take widths or counts
_METODE_UKURAN = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})
_PERSEN = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")


class MelampauiBatas(SecurityError):
    """A template went past a bound; the message (Indonesian) names the bound.

    `berkas` and `baris` are set when the place is known only here (the
    rendered text grew too long while the template was suspended).
    """

    def __init__(self, pesan: str, berkas: str | None = None, baris: int | None = None) -> None:
        super().__init__(pesan)
        self.berkas = berkas
        self.baris = baris


def _angka(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def periksa_panjang(panjang: int, apa: str = "teks") -> None:
    """Refuse a string or list that would be longer than `BATAS_TEKS`."""
    if panjang > BATAS_TEKS:
        raise MelampauiBatas(f"{apa} yang dibuat templat melebihi {_angka(BATAS_TEKS)} karakter atau butir")


def periksa_angka(n: Any, apa: str = "lebar atau jumlah") -> None:
    """Refuse a width, count or range length larger than `BATAS_ANGKA`."""
    if isinstance(n, int) and abs(n) > BATAS_ANGKA:
        raise MelampauiBatas(f"{apa} {_angka(n)} melebihi batas {_angka(BATAS_ANGKA)}")


def _terbatas(hasil: Any) -> Any:
    """`hasil` if within the bounds (length of a string or container, bits of an integer)."""
    if isinstance(hasil, (str, list, tuple, dict, set, frozenset)):
        periksa_panjang(len(hasil))
    elif isinstance(hasil, int) and hasil.bit_length() > BATAS_BIT:
        raise MelampauiBatas(f"bilangan yang dihitung templat melebihi {BATAS_BIT} bit")
    return hasil


def _periksa_pola(pola: str) -> None:
    """A `%` or `str.format` pattern may not ask for a width beyond `BATAS_ANGKA` or a width given at run time."""
    for m in _PERSEN.finditer(pola):
        for nilai in m.groups():
            if nilai == "*":
                raise MelampauiBatas("lebar format dari isian ('*') tidak diizinkan")
            if nilai:
                periksa_angka(int(nilai), "lebar format")
    try:
        bagian = list(string.Formatter().parse(pola))
    except ValueError:
        return  # not a str.format pattern: the call itself says what is wrong
    for _, _, spek, _ in bagian:
        if spek and "{" in spek:
            raise MelampauiBatas("lebar format dari isian ('{…}') tidak diizinkan")
        for angka in re.findall(r"\d+", spek or ""):
            periksa_angka(int(angka), "lebar format")


def _perkiraan_ganti(teks: str, lama: str, baru: str, jumlah: int | None = None) -> int:
    kali = teks.count(lama) if lama else len(teks) + 1
    if jumlah is not None and jumlah >= 0:
        kali = min(kali, jumlah)
    return len(teks) + kali * (len(baru) - len(lama))


def _perkiraan_gabung(pemisah: str, butir: list[Any]) -> int:
    return sum(len(str(b)) for b in butir) + len(pemisah) * max(len(butir) - 1, 0)


_hitungan = threading.local()  # steps left in the current render of this thread


def langkah(n: int = 1) -> None:
    """Count `n` steps (loop iterations, calls) of the current render."""
    sisa = getattr(_hitungan, "sisa", BATAS_LANGKAH) - n
    _hitungan.sisa = sisa
    if sisa < 0:
        raise MelampauiBatas(f"templat melebihi {_angka(BATAS_LANGKAH)} langkah perulangan dan panggilan")


def _ulang(iterable: Iterable[Any]) -> Iterator[Any]:
    for butir in iterable:
        langkah()
        yield butir


def _range(*args: int) -> range:
    rentang = range(*args)
    try:
        panjang = len(rentang)
    except OverflowError:  # longer than sys.maxsize
        panjang = BATAS_ANGKA + 1
    if panjang > BATAS_ANGKA:
        raise MelampauiBatas(f"range lebih dari {_angka(BATAS_ANGKA)} angka tidak diizinkan")
    return rentang


def _gabung(bagian: Iterable[str], batas: int = BATAS_TEKS) -> str:
    """`"".join` for the rendered text (and macro or block output), stopping at `batas` characters."""
    keluaran, panjang = [], 0
    for b in bagian:
        panjang += len(b)
        if panjang > batas:
            berkas, baris = _letak(bagian)
            raise MelampauiBatas(f"teks hasil templat melebihi {_angka(batas)} karakter", berkas, baris)
        keluaran.append(b)
    return "".join(keluaran)


def _letak(bagian: Iterable[str]) -> tuple[str | None, int | None]:
    """The template file and line where the (suspended) generator `bagian` last yielded."""
    while getattr(bagian, "gi_yieldfrom", None) is not None:
        bagian = bagian.gi_yieldfrom  # type: ignore[attr-defined]
    bingkai = getattr(bagian, "gi_frame", None)
    if bingkai is None or bingkai.f_globals.get("__jinja_template__") is None:
        return None, None
    templat = bingkai.f_globals["__jinja_template__"]
    return templat.filename, templat.get_corresponding_lineno(bingkai.f_lineno)


class _Kode(CodeGenerator):
    """Jinja's code generator with every `for` counting its steps and every `~` checked."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        node.iter = nodes.Call(
            nodes.EnvironmentAttribute("ulang_terbatas"), [node.iter], [], None, None, lineno=node.iter.lineno
        )
        super().visit_For(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.sambung_terbatas(")
        super().visit_Concat(node, frame)
        self.write(")")


class _Templat(Template):
    def render(self, *args: Any, **kwargs: Any) -> str:
        _hitungan.sisa = BATAS_LANGKAH
        return super().render(*args, **kwargs)


class LingkunganTerbatas(ImmutableSandboxedEnvironment):
    """The immutable sandbox with the bounds of this module.

    `batas_teks` bounds the rendered output only (a Word template renders XML, far longer than its text).
    """

    code_generator_class = _Kode
    template_class = _Templat
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, *, batas_teks: int = BATAS_TEKS, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.concat = functools.partial(_gabung, batas=batas_teks)  # type: ignore[method-assign]
        self.globals["range"] = _range
        self.globals.pop("lipsum", None)  # filler text of any size; a letter has no use for it
        self.ulang_terbatas = _ulang
        self.sambung_terbatas = _terbatas

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for kali, lain in ((left, right), (right, left)):
                if isinstance(kali, int) and isinstance(lain, (str, list, tuple)):
                    periksa_panjang(len(lain) * max(kali, 0))
            if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > BATAS_BIT:
                raise MelampauiBatas(f"bilangan yang dihitung templat melebihi {BATAS_BIT} bit")
        elif operator == "**" and isinstance(left, int) and isinstance(right, int) and abs(left) > 1:
            if right > 0 and right * (abs(left).bit_length() - 1) > BATAS_BIT:
                raise MelampauiBatas(f"bilangan yang dihitung templat melebihi {BATAS_BIT} bit")
        elif operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
            periksa_panjang(len(left) + len(right))
        elif operator == "%" and isinstance(left, str):
            _periksa_pola(left)
        return _terbatas(super().call_binop(context, operator, left, right))

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        langkah(LANGKAH_MAKRO if isinstance(__obj, Macro) else 1)
        asli = getattr(__obj, "__wrapped__", __obj)  # the sandbox wraps str.format
        pemilik, nama = getattr(asli, "__self__", None), getattr(asli, "__name__", "")
        if isinstance(pemilik, str):
            if nama in _METODE_UKURAN:
                for n in (*args, *kwargs.values()):
                    periksa_angka(n)
            elif nama in ("format", "format_map"):
                _periksa_pola(pemilik)
            elif nama == "replace" and len(args) >= 2:
                periksa_panjang(_perkiraan_ganti(pemilik, str(args[0]), str(args[1]), *args[2:3]))
            elif nama == "join" and args:
                args = (list(args[0]),)
                periksa_panjang(_perkiraan_gabung(pemilik, args[0]))
        return _terbatas(super().call(__context, __obj, *args, **kwargs))


def awasi_filter(env: LingkunganTerbatas) -> None:
    """Wrap every filter of `env` so its arguments and its result stay within the bounds."""
    for nama, fungsi in list(env.filters.items()):
        env.filters[nama] = _filter_terbatas(nama, fungsi)


def _filter_terbatas(nama: str, fungsi: Callable[..., Any]) -> Callable[..., Any]:
    lewati = 1 if getattr(fungsi, "jinja_pass_arg", None) is not None else 0  # context / environment first

    @functools.wraps(fungsi)
    def terbatas(*args: Any, **kwargs: Any) -> Any:
        nilai, sisa = (args[lewati], args[lewati + 1 :]) if len(args) > lewati else (None, ())
        if nama in _FILTER_UKURAN:
            for n in (*sisa, *kwargs.values()):
                periksa_angka(n)
        if nama == "format" and isinstance(nilai, str):
            _periksa_pola(nilai)
        elif nama == "replace" and len(sisa) >= 2:
            periksa_panjang(_perkiraan_ganti(str(nilai), str(sisa[0]), str(sisa[1]), *sisa[2:3]))
        elif nama == "join" and nilai is not None:
            butir = list(nilai)
            pemisah = str(sisa[0]) if sisa else str(kwargs.get("d", ""))
            periksa_panjang(_perkiraan_gabung(pemisah, butir))
            args = (*args[:lewati], butir, *sisa)
        elif nama == "indent" and isinstance(nilai, str):
            lebar = sisa[0] if sisa else kwargs.get("width", 4)
            lebar = len(lebar) if isinstance(lebar, str) else lebar
            periksa_panjang(len(nilai) + (nilai.count("\n") + 1) * int(lebar))
        return _terbatas(fungsi(*args, **kwargs))

    return terbatas
