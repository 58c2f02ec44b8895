"""Baseline for the cold-start bench: Header + Tree + DataTable + Footer, exits after the first paint."""

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header, Tree


class Minimal(App):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Tree("root")
        yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        self.call_after_refresh(self.exit)


if __name__ == "__main__":
    Minimal().run()
