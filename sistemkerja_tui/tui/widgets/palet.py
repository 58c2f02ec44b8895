"""Textual's command palette with its texts in Bahasa Indonesia."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, ProviderSource
from textual.widgets.option_list import Option

TIDAK_ADA = "Tidak ada yang cocok"


class PaletPerintah(CommandPalette):
    """The command palette (or, given providers, the theme picker) speaking Indonesian."""

    def __init__(
        self, providers: ProviderSource | None = None, *, placeholder: str = "Cari perintah…", id: str | None = None
    ) -> None:
        super().__init__(providers, placeholder=placeholder, id=id)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """As Textual's own (8.2), with the "no matches" line in Indonesian."""
        self._stop_no_matches_countdown()

        def tampilkan() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(TIDAK_ADA, style="not bold")), disabled=True, id=self._NO_MATCHES)
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, tampilkan)
