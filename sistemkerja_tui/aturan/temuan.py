"""Findings: what a rule says about an action, with the passage behind it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Tingkat = Literal["error", "peringatan"]


@dataclass(frozen=True)
class Temuan:
    """A rule's finding. `error` blocks the action; `peringatan` lets it through."""

    kode: str
    pesan: str
    rujukan: str
    tingkat: Tingkat = "error"

    @property
    def memblokir(self) -> bool:
        return self.tingkat == "error"

    def __str__(self) -> str:
        return f"{self.pesan} ({self.rujukan})"
