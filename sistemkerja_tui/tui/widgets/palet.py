"""Textual's command palette with its texts in Bahasa Indonesia, and the provider of the app's commands."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider, ProviderSource
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


class PerintahAplikasi(Provider):
    """The palette's commands, from the registry of screens (`tui.layar`): the shown screen's own, one per
    screen, then the app's."""

    def _perintah(self) -> list[tuple[str, str, Callable[[], Awaitable[bool]]]]:
        from sistemkerja_tui.tui.layar import perintah_untuk

        layar = self.screen
        return [(p.judul, p.bantuan, partial(self.app.run_action, p.aksi, layar)) for p in perintah_untuk(layar)]

    async def discover(self) -> Hits:
        for judul, bantuan, aksi in self._perintah():
            yield DiscoveryHit(judul, aksi, help=bantuan)

    async def search(self, query: str) -> Hits:
        cocok = self.matcher(query)
        for judul, bantuan, aksi in self._perintah():
            if (nilai := cocok.match(judul)) > 0:
                yield Hit(nilai, cocok.highlight(judul), aksi, help=bantuan)
