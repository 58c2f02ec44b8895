"""The footer of every screen: the keys of the screen it is on, in its first frame, rebuilt only when they change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KakiLayar(Footer):
    """Textual's Footer (compact, no palette key) with two differences.

    - Its keys are composed with it: the stock Footer composes empty and fills in one refresh after the
      screen first reports its bindings (a frame without keys, then a repaint).
    - A change of bindings that changes nothing it shows (focus moving between panels with hidden keys)
      does not rebuild it: the stock Footer recomposes on every focus change (four times during start-up).
    - Its keys are made compact before they mount, not by each key restyling itself as it mounts.
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(show_command_palette=False, compact=True, **kwargs)
        self.set_reactive(Footer._bindings_ready, True)  # a private reactive of Textual (pinned exactly)
        self._tampil: tuple | None = None

    def _tombol(self) -> tuple:
        """What the footer shows: each shown binding's key, label and whether it is enabled."""
        return tuple(
            (b.key, b.key_display, b.description, b.action, aktif)
            for _, b, aktif, _ in self.screen.active_bindings.values()
            if b.show
        )

    def compose(self):
        self._tampil = self._tombol()
        for anak in super().compose():
            if isinstance(anak, FooterKey):
                anak.add_class("-compact", update=False)  # what its compact watcher sets on mount, restyling it
            yield anak

    def bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen and self._tombol() == self._tampil:
            return
        super().bindings_changed(screen)
