"""Rebuild a letter's context from the JSON the register stores (`json.dumps(asdict(konteks), default=str)`).

Generic over the dataclasses of `surat.konteks`: each field is read by its
type hint (dataclass, `X | None`, `tuple[X, ...]`, `list`/`dict` of those,
`date`, enums, `Literal`, scalars), so fields added to a context later are rebuilt with no change
here. A field missing from old JSON takes its default.
"""

from __future__ import annotations

import dataclasses
import json
import types
from datetime import date
from enum import Enum
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from sistemkerja_tui.surat.konteks import KONTEKS_PER_JENIS, JenisSurat, Konteks


class KonteksRusak(ValueError):
    """The stored context does not fit the context type of its kind."""


@cache
def _petunjuk(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def _nilai(jenis: Any, data: Any, jalur: str) -> Any:
    asal = get_origin(jenis)
    if asal in (Union, types.UnionType):
        pilihan = [a for a in get_args(jenis) if a is not type(None)]
        if data is None:
            return None
        return _nilai(pilihan[0] if len(pilihan) == 1 else Any, data, jalur)
    if asal is tuple:
        args = get_args(jenis)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_nilai(args[0], x, f"{jalur}[{i}]") for i, x in enumerate(data))
        return tuple(_nilai(a, x, f"{jalur}[{i}]") for i, (a, x) in enumerate(zip(args, data, strict=True)))
    if asal in (list, set, frozenset):
        (butir,) = get_args(jenis) or (Any,)
        return asal(_nilai(butir, x, f"{jalur}[{i}]") for i, x in enumerate(data))
    if asal is dict:
        _, isi = get_args(jenis) or (Any, Any)
        return {k: _nilai(isi, v, f"{jalur}.{k}") for k, v in data.items()}
    if asal is Literal or jenis is Any:
        return data
    if dataclasses.is_dataclass(jenis) and isinstance(jenis, type):
        return _dataclass(jenis, data, jalur)
    if isinstance(jenis, type) and issubclass(jenis, Enum):
        return jenis(data)
    if jenis is date:
        return data if isinstance(data, date) else date.fromisoformat(data)
    if jenis in (int, str, bool, float) and not isinstance(data, jenis):
        raise KonteksRusak(f"isian {jalur} bukan {jenis.__name__}")
    return data


def _dataclass(cls: type, data: Any, jalur: str) -> Any:
    if not isinstance(data, dict):
        raise KonteksRusak(f"isian {jalur or cls.__name__} bukan objek")
    petunjuk = _petunjuk(cls)
    isian = {
        f.name: _nilai(petunjuk[f.name], data[f.name], f"{jalur}.{f.name}".lstrip("."))
        for f in dataclasses.fields(cls)
        if f.init and f.name in data
    }
    try:
        return cls(**isian)
    except TypeError as e:  # a required field absent from the JSON
        raise KonteksRusak(f"{cls.__name__}: {e}") from e


def pulihkan(jenis: JenisSurat, teks_json: str | dict[str, Any]) -> Konteks:
    """The context of `jenis` rebuilt from the register's JSON; `KonteksRusak` when it does not fit."""
    try:
        data = json.loads(teks_json) if isinstance(teks_json, str) else teks_json
        konteks: Konteks = _dataclass(KONTEKS_PER_JENIS[jenis], data, "")
    except (ValueError, KeyError, TypeError) as e:
        raise KonteksRusak(f"Konteks surat {jenis.label} di register tidak dapat dibaca ({e}).") from e
    return konteks
