"""The unit tree: Instansi → Perangkat Daerah → units, children added on expand."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

if TYPE_CHECKING:
    from sistemkerja_tui.layanan.struktur import Instansi, Unit


@dataclass
class DataSimpul:
    """What a tree node stands for; `dimuat` once its children are in the tree."""

    unit_id: int | None
    instansi_id: int
    dimuat: bool = False


def label_unit(unit: Unit) -> Text:
    return Text.assemble(unit.nama, (f" · {unit.label_pimpinan}", "dim"))


class PohonUnit(Tree[DataSimpul]):
    """Tree with vim keys; the screen fills children in a worker."""

    BINDINGS = [
        Binding("j", "cursor_down", "Turun", show=False, id="pohon.turun", tooltip="Unit di bawahnya"),
        Binding("k", "cursor_up", "Naik", show=False, id="pohon.naik", tooltip="Unit di atasnya"),
        Binding("l", "buka", "Buka cabang", show=False, id="pohon.buka", tooltip="Buka sub-unit dari unit ini"),
        Binding(
            "h", "tutup", "Tutup cabang", show=False, id="pohon.tutup", tooltip="Tutup cabang, atau naik ke unit induk"
        ),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__("Instansi", **kwargs)
        self.show_root = False
        self.guide_depth = 2

    def move_cursor(self, node: TreeNode[DataSimpul] | None, animate: bool = False) -> None:
        """As `Tree.move_cursor`, but builds the node lines first: a node added since the last idle has no line
        yet (Tree builds them on idle; Textual is pinned exactly), and the cursor would silently stay put."""
        if node is not None and node.line < 0:
            self._tree_lines  # noqa: B018 — reading it builds the lines
        super().move_cursor(node, animate)

    def action_buka(self) -> None:
        node = self.cursor_node
        if node is not None and node.allow_expand:
            node.expand()

    def action_tutup(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    def isi_instansi(self, daftar: list[tuple[Instansi, list[Unit]]]) -> None:
        """Replace the tree with the instansi and their Perangkat Daerah."""
        self.clear()
        for instansi, units in daftar:
            simpul = self.root.add(Text(instansi.nama, style="bold"), DataSimpul(None, instansi.id, True))
            self.isi_anak(simpul, units)
            if not instansi.luar:
                simpul.expand()
        self.root.expand()

    def isi_anak(self, simpul: TreeNode[DataSimpul], units: list[Unit]) -> None:
        simpul.remove_children()
        for unit in units:
            simpul.add(label_unit(unit), DataSimpul(unit.id, unit.instansi_id), allow_expand=bool(unit.anak))
        if simpul.data is not None:
            simpul.data.dimuat = True

    def simpul_unit(self, unit_id: int, dari: TreeNode[DataSimpul] | None = None) -> TreeNode[DataSimpul] | None:
        """The node of `unit_id` among the children of `dari` (default: every instansi)."""
        induk = [dari] if dari is not None else list(self.root.children)
        for n in induk:
            for anak in n.children:
                if anak.data is not None and anak.data.unit_id == unit_id:
                    return anak
        return None
