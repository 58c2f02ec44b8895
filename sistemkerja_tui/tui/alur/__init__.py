"""Multi-step flows of the screens, written straight: async workers that await each dialog
(`app.push_screen_wait`, which must be called from a worker) and each use case (`lakukan`) in turn."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

from textual.dom import DOMNode

from sistemkerja_tui.tui.pekerja import laporkan

T = TypeVar("T")
GRUP = "alur"  # the worker group of flows: a flow may wait on the user for as long as a dialog is open


class Gagal(Exception):
    """A use case failed and the user has been told; the flow stops there."""


async def lakukan(node: DOMNode, fungsi: Callable[[], T]) -> T:
    """Run the use case `fungsi` in a thread and return its result; on any error tell the user (`laporkan`)
    and raise `Gagal`."""
    try:
        return await asyncio.to_thread(fungsi)
    except Exception as e:
        laporkan(node.app, e, f"layanan {getattr(fungsi, '__qualname__', fungsi)}")
        raise Gagal(str(e)) from e
