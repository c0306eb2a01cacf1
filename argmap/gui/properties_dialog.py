"""Map → Properties: the map's header, its sources and its tag colours.

The dialog edits a working copy.  Nothing in the map changes until OK; then
every change becomes its command (:mod:`argmap.commands`) and all of them go
on the undo stack as one step, named after what changed.  Cancel (or Esc)
leaves the map exactly as it was, and one Undo takes back everything one OK
did.  The dialog is window-modal: its changes are worked out against the map
as it read it, and edits made meanwhile on the canvas would make them stale.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QColorDialog, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPlainTextEdit,
    QPushButton, QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from ..commands import (
    HEADER_FIELDS, LANG_RE, AddSource, Command, Macro, RemoveSource, SetHeader,
    SetSourceField, SetTagColor, citing_claims, source_edits, source_field_problem,
)
from ..model import DIRECTIONS, SOURCE_FIELDS, Source
from ..style import tag_color
from .language import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from .document import MapDocument

#: the languages by their own names
LANGUAGES = (("de", "Deutsch (de)"), ("en", "English (en)"))
#: texts of the dialog, translated where they are shown
DIRECTION_LABELS = {"TB": QT_TRANSLATE_NOOP("MapPropertiesDialog", "Top to bottom"),
                    "LR": QT_TRANSLATE_NOOP("MapPropertiesDialog", "Left to right"),
                    "BT": QT_TRANSLATE_NOOP("MapPropertiesDialog", "Bottom to top"),
                    "RL": QT_TRANSLATE_NOOP("MapPropertiesDialog", "Right to left")}
SOURCE_LABELS = {"id": QT_TRANSLATE_NOOP("MapPropertiesDialog", "&Id"),
                 "title": QT_TRANSLATE_NOOP("MapPropertiesDialog", "&Title"),
                 "outlet": QT_TRANSLATE_NOOP("MapPropertiesDialog", "&Outlet"),
                 "date": QT_TRANSLATE_NOOP("MapPropertiesDialog", "&Date"),
                 "file": QT_TRANSLATE_NOOP("MapPropertiesDialog", "&File"),
                 "url": QT_TRANSLATE_NOOP("MapPropertiesDialog", "&URL"),
                 "note": QT_TRANSLATE_NOOP("MapPropertiesDialog", "&Note")}
SOURCE_HINTS = {"id": QT_TRANSLATE_NOOP("MapPropertiesDialog", "a slug: letters, digits, - _ ."),
                "date": QT_TRANSLATE_NOOP("MapPropertiesDialog", "YYYY, YYYY-MM or YYYY-MM-DD"),
                "file": QT_TRANSLATE_NOOP("MapPropertiesDialog",
                                          "the article's file in the sources folder"),
                "url": "https://…"}
#: what changed, as the dialog's undo step names it
CHANGE_NAMES = {"title": QT_TRANSLATE_NOOP("MapPropertiesDialog", "title"),
                "description": QT_TRANSLATE_NOOP("MapPropertiesDialog", "description"),
                "lang": QT_TRANSLATE_NOOP("MapPropertiesDialog", "language"),
                "source_folder": QT_TRANSLATE_NOOP("MapPropertiesDialog", "source folder"),
                "direction": QT_TRANSLATE_NOOP("MapPropertiesDialog", "direction"),
                "sources": QT_TRANSLATE_NOOP("MapPropertiesDialog", "sources"),
                "tag colours": QT_TRANSLATE_NOOP("MapPropertiesDialog", "tag colours")}
ERROR_STYLE = "color: #b00020"
#: a map that names no tag colours: what :func:`tag_color` gives then
_NO_COLORS = SimpleNamespace(display=SimpleNamespace(tag_colors={}))


@dataclass
class SourceEntry:
    """A source as the dialog holds it: ``orig`` is its id in the map (None: new)."""

    orig: str | None
    values: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.values["id"]


def _hbox(*items: QWidget, stretch: bool = True) -> QHBoxLayout:
    """A row of widgets, pushed to the left unless ``stretch`` is False."""
    row = QHBoxLayout()
    for w in items:
        row.addWidget(w)
    if stretch:
        row.addStretch(1)
    return row


def _small(text: str = "", style: str = "color: #56606a") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label


def _swatch(color: str, faded: bool = False) -> QIcon:
    pix = QPixmap(14, 14)
    c = QColor(color)
    if faded:
        c.setAlpha(110)
    pix.fill(c)
    return QIcon(pix)


class MapPropertiesDialog(QDialog):
    def __init__(self, doc: "MapDocument", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._built = False
        amap = doc.amap
        self.setWindowTitle(self.tr("Map Properties"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.entries = [SourceEntry(sid, {n: getattr(s, n) for n in SOURCE_FIELDS})
                        for sid, s in amap.sources.items()]
        #: ids in the map of the sources removed, with the claims whose source goes too
        self.removed: list[str] = []
        self.tag_colors: dict[str, str | None] = dict(amap.display.tag_colors)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._general_page(), self.tr("&General"))
        self.tabs.addTab(self._sources_page(), self.tr("&Sources"))
        self.tabs.addTab(self._tags_page(), self.tr("T&ags"))
        self.message = _small(style=ERROR_STYLE)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.message)
        lay.addWidget(self.buttons)
        self.resize(720, 520)
        doc.reloaded.connect(self.reject)      # the map it worked on is gone
        self._built = True
        self._fill_sources()
        self._fill_tags()
        self._validate()
        self.title.setFocus()
        self.title.selectAll()

    # -- General -------------------------------------------------------------------
    def _general_page(self) -> QWidget:
        amap = self.doc.amap
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title = QLineEdit(amap.title)
        self.title.textChanged.connect(self._validate)
        self.description = QPlainTextEdit(amap.description.rstrip("\n"))
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(self.fontMetrics().lineSpacing() * 6 + 12)
        self.lang = QComboBox()
        for code, label in LANGUAGES:
            self.lang.addItem(label, code)
        self.lang.addItem(self.tr("Other:"), "")
        self.lang_other = QLineEdit()
        self.lang_other.setPlaceholderText(self.tr("e.g. fr, uk, pt-BR"))
        self.lang_other.setMaximumWidth(140)
        known = self.lang.findData(amap.lang)
        if known >= 0 and amap.lang:
            self.lang.setCurrentIndex(known)
        else:
            self.lang.setCurrentIndex(self.lang.count() - 1)
            self.lang_other.setText(amap.lang)
        self.lang.currentIndexChanged.connect(self._on_lang)
        self.lang_other.textChanged.connect(self._validate)
        self._on_lang()
        self.direction = QComboBox()
        for d in DIRECTIONS:
            self.direction.addItem(f"{self.tr(DIRECTION_LABELS[d])} ({d})", d)
        self.direction.setCurrentIndex(max(0, self.direction.findData(amap.display.direction)))
        self.folder = QLineEdit(amap.source_folder)
        self.folder.setPlaceholderText(self.tr("folder of the article texts, relative to the "
                                               "map file"))
        self.folder.textChanged.connect(self._show_folder)
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self.browse_folder)
        self.folder_hint = _small()
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Description:"), self.description)
        form.addRow(self._label(self.tr("&Language:"), self.lang),
                    _hbox(self.lang, self.lang_other))
        form.addRow(self._label(self.tr("Di&rection:"), self.direction), _hbox(self.direction))
        form.addRow(self._label(self.tr("Source &folder:"), self.folder),
                    _hbox(self.folder, browse, stretch=False))
        form.addRow("", self.folder_hint)
        self._show_folder()
        return page

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        """A row label whose mnemonic goes to ``buddy`` (a row that is a layout has none)."""
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _on_lang(self, *_args) -> None:
        other = self.lang.currentData() == ""
        self.lang_other.setEnabled(other)
        self.lang_other.setVisible(other)
        self._validate()

    def lang_value(self) -> str:
        return self.lang.currentData() or self.lang_other.text().strip()

    def _map_dir(self) -> str | None:
        return os.path.dirname(os.path.abspath(self.doc.path)) if self.doc.path else None

    def _resolved_folder(self, folder: str) -> str | None:
        folder = os.path.expanduser(folder)
        if not os.path.isabs(folder):
            base = self._map_dir()
            if base is None:
                return None
            folder = os.path.join(base, folder)
        return os.path.normpath(folder)

    def _show_folder(self, *_args) -> None:
        text = self.folder.text().strip()
        if not text:
            self.folder_hint.setText(self.tr("No folder: the app's sources folder (File → "
                                             "Sources Folder…) is used."))
            return
        where = self._resolved_folder(text)
        if where is None:
            self.folder_hint.setText(self.tr("The map is not saved yet: a relative folder "
                                             "counts from the folder it will be saved in."))
        elif os.path.isdir(where):
            n = sum(1 for f in os.listdir(where) if not f.startswith("."))
            self.folder_hint.setText(self.tr("{folder} (%n files)", "", n).format(folder=where))
        else:
            self.folder_hint.setText(self.tr("{folder} does not exist (yet).").format(
                folder=where))

    def browse_folder(self) -> None:
        start = self._resolved_folder(self.folder.text().strip() or ".") or self._map_dir() or ""
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder with the article texts"),
                                                  start)
        if chosen:
            self.set_folder_from(chosen)

    def set_folder_from(self, chosen: str) -> None:
        """Take a chosen folder, relative to the map file's folder where there is one."""
        base = self._map_dir()
        value = os.path.abspath(chosen)
        if base is not None:
            try:
                value = os.path.relpath(value, base)
            except ValueError:      # another drive
                pass
        self.folder.setText(value.replace(os.sep, "/"))

    def header_values(self) -> dict[str, str]:
        """The header as the General page has it; what was not touched is as it was."""
        amap = self.doc.amap
        desc, old = self.description.toPlainText(), amap.description
        if desc.rstrip("\n") == old.rstrip("\n"):
            desc = old
        elif desc and old.endswith("\n") and not desc.endswith("\n"):
            desc += "\n"           # a folded '>' block stays one

        def kept(text: str, old: str) -> str:      # untouched stays as it is, spaces too
            return old if text == old else text.strip()
        return {"title": kept(self.title.text(), amap.title), "description": desc,
                "lang": self.lang_value(),
                "source_folder": kept(self.folder.text(), amap.source_folder),
                "direction": self.direction.currentData()}

    # -- Sources ----------------------------------------------------------------------
    def _sources_page(self) -> QWidget:
        page = QWidget()
        self.source_list = QListWidget()
        self.source_list.setMinimumWidth(180)
        self.source_list.currentRowChanged.connect(self._show_source)
        add = QPushButton(self.tr("Add Sourc&e"))
        add.clicked.connect(self.add_source)
        self.remove_button = QPushButton(self.tr("&Remove…"))
        self.remove_button.clicked.connect(self.remove_source)
        left = QVBoxLayout()
        left.addWidget(self.source_list, 1)
        left.addLayout(_hbox(add, self.remove_button, stretch=False))
        self.source_form = QWidget()
        form = QFormLayout(self.source_form)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.source_fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        for name in SOURCE_FIELDS:
            if name == "note":
                w = QPlainTextEdit()
                w.setTabChangesFocus(True)
                w.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 12)
                w.textChanged.connect(lambda n=name: self._edit_source(n))
            else:
                w = QLineEdit()
                hint = SOURCE_HINTS.get(name, "")
                w.setPlaceholderText(self.tr(hint) if hint else "")
                w.textEdited.connect(lambda _t, n=name: self._edit_source(n))
            self.source_fields[name] = w
            form.addRow(self.tr("{field}:").format(field=self.tr(SOURCE_LABELS[name])), w)
        self.cited = _small()
        form.addRow("", self.cited)
        self.source_problem = _small(style=ERROR_STYLE)
        form.addRow("", self.source_problem)
        self.no_source = QLabel(self.tr("This map has no sources yet. Add one for the article "
                                        "the claims come from."))
        self.no_source.setWordWrap(True)
        self.no_source.setAlignment(Qt.AlignmentFlag.AlignTop)
        right = QVBoxLayout()
        right.addWidget(self.source_form)
        right.addWidget(self.no_source)
        right.addStretch(1)
        lay = QHBoxLayout(page)
        lay.addLayout(left, 2)
        lay.addLayout(right, 5)
        return page

    def _fill_sources(self, current: int = 0) -> None:
        self.source_list.blockSignals(True)
        self.source_list.clear()
        for e in self.entries:
            self.source_list.addItem(QListWidgetItem(e.id or self.tr("(no id)")))
        self.source_list.blockSignals(False)
        has = bool(self.entries)
        self.source_form.setVisible(has)
        self.no_source.setVisible(not has)
        self.remove_button.setEnabled(has)
        if has:
            self.source_list.setCurrentRow(max(0, min(current, len(self.entries) - 1)))
        self._show_source(self.source_list.currentRow())

    def current_entry(self) -> SourceEntry | None:
        row = self.source_list.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _show_source(self, _row: int = -1) -> None:
        e = self.current_entry()
        if e is None:
            return
        for name, w in self.source_fields.items():
            w.blockSignals(True)
            if isinstance(w, QPlainTextEdit):
                w.setPlainText(e.values[name])
            else:
                w.setText(e.values[name])
            w.blockSignals(False)
        n = len(citing_claims(self.doc.amap, e.orig)) if e.orig else 0
        self.cited.setText(self.tr("Cited by %n claim(s).", "", n) if n
                           else self.tr("No claim cites it yet."))
        self._validate()

    def _edit_source(self, name: str) -> None:
        e = self.current_entry()
        if e is None:
            return
        w = self.source_fields[name]
        text = w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()
        e.values[name] = text if name == "note" else text.strip()
        if name == "id":
            self.source_list.currentItem().setText(e.id or self.tr("(no id)"))
        self._validate()

    def _new_id(self) -> str:
        taken = {e.id for e in self.entries}
        base = "quelle" if self.doc.amap.lang == "de" else "source"
        sid, n = base, 2
        while sid in taken:
            sid, n = f"{base}-{n}", n + 1
        return sid

    def add_source(self) -> SourceEntry:
        entry = SourceEntry(None, {n: "" for n in SOURCE_FIELDS})
        entry.values["id"] = self._new_id()
        self.entries.append(entry)
        self.tabs.setCurrentIndex(1)
        self._fill_sources(len(self.entries) - 1)
        self.source_fields["id"].setFocus()
        self.source_fields["id"].selectAll()
        return entry

    def remove_source(self) -> bool:
        """Remove the current source; if claims cite it, ask first (their source is
        cleared with it)."""
        e = self.current_entry()
        if e is None:
            return False
        citing = citing_claims(self.doc.amap, e.orig) if e.orig else []
        if citing:
            names = "\n".join(f"• {cid}" for cid in citing[:8])
            more = "\n" + self.tr("… and %n more", "", len(citing) - 8) if len(citing) > 8 else ""
            cite = self.tr("%n claim(s) cite the source '{source}':", "", len(citing)).format(
                source=e.orig)
            answer = QMessageBox.question(
                self, self.tr("Remove source"),
                f"{cite}\n\n{names}{more}\n\n" + self.tr(
                    "Remove it and clear the source of these claims? (You can undo this.)"))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        row = self.entries.index(e)
        del self.entries[row]
        if e.orig is not None:
            self.removed.append(e.orig)
        self._fill_sources(row)
        return True

    # -- Tags --------------------------------------------------------------------------
    def _tags_page(self) -> QWidget:
        page = QWidget()
        self.tag_tree = QTreeWidget()
        self.tag_tree.setHeaderLabels([self.tr("Tag"), self.tr("Colour"), self.tr("Claims")])
        self.tag_tree.setRootIsDecorated(False)
        self.tag_tree.itemDoubleClicked.connect(lambda *_: self.choose_color())
        self.tag_tree.currentItemChanged.connect(lambda *_: self._sync_tag_buttons())
        self.color_button = QPushButton(self.tr("C&hoose Colour…"))
        self.color_button.clicked.connect(self.choose_color)
        self.auto_button = QPushButton(self.tr("A&utomatic Colour"))
        self.auto_button.setToolTip(self.tr("Forget the tag's colour: it gets one from the "
                                            "palette"))
        self.auto_button.clicked.connect(lambda: self.set_tag_color(self._current_tag(), None))
        lay = QVBoxLayout(page)
        lay.addWidget(_small(self.tr("A claim's box takes the colour of its first tag.")))
        lay.addWidget(self.tag_tree, 1)
        lay.addLayout(_hbox(self.color_button, self.auto_button))
        return page

    def tags(self) -> tuple[list[str], dict[str, int]]:
        """Every tag (those with a colour first), and how many claims carry each."""
        used: dict[str, int] = {}
        for c in self.doc.amap.claims.values():
            for t in c.tags or c.display().tags:
                used[t] = used.get(t, 0) + 1
        return list(dict.fromkeys([*self.tag_colors, *sorted(used)])), used

    def _fill_tags(self) -> None:
        current = self._current_tag()
        self.tag_tree.clear()
        names, used = self.tags()
        for tag in names:
            color = self.tag_colors.get(tag)
            it = QTreeWidgetItem([tag, color or self.tr("automatic ({colour})").format(
                colour=self._auto(tag)), str(used.get(tag, 0))])
            it.setIcon(1, _swatch(color or self._auto(tag), faded=color is None))
            it.setData(0, Qt.ItemDataRole.UserRole, tag)
            self.tag_tree.addTopLevelItem(it)
            if tag == current:
                self.tag_tree.setCurrentItem(it)
        for col in range(3):
            self.tag_tree.resizeColumnToContents(col)
        if self.tag_tree.currentItem() is None and self.tag_tree.topLevelItemCount():
            self.tag_tree.setCurrentItem(self.tag_tree.topLevelItem(0))
        self._sync_tag_buttons()

    @staticmethod
    def _auto(tag: str) -> str:
        """The colour a tag gets when the map names none."""
        return tag_color(_NO_COLORS, tag)   # type: ignore[arg-type]

    def _current_tag(self) -> str | None:
        it = self.tag_tree.currentItem()
        return it.data(0, Qt.ItemDataRole.UserRole) if it is not None else None

    def _sync_tag_buttons(self) -> None:
        tag = self._current_tag()
        self.color_button.setEnabled(tag is not None)
        self.auto_button.setEnabled(tag is not None and self.tag_colors.get(tag) is not None)

    def choose_color(self) -> None:
        tag = self._current_tag()
        if tag is None:
            return
        start = QColor(self.tag_colors.get(tag) or self._auto(tag))
        color = QColorDialog.getColor(start, self,
                                      self.tr("Colour of the tag “{tag}”").format(tag=tag))
        if color.isValid():
            self.set_tag_color(tag, color.name())

    def set_tag_color(self, tag: str | None, color: str | None) -> None:
        if tag is None:
            return
        if color is None:
            self.tag_colors.pop(tag, None)
        else:
            self.tag_colors[tag] = color.lower()
        self._fill_tags()

    # -- checking and applying ------------------------------------------------------------
    def problems(self) -> list[tuple[int, str]]:
        """What keeps OK from applying: (page, message)."""
        out: list[tuple[int, str]] = []
        if not self.title.text().strip():
            out.append((0, self.tr("A map needs a title.")))
        lang = self.lang_value()
        if lang and not LANG_RE.match(lang):
            out.append((0, self.tr("'{lang}' is not a language code such as de, en or "
                                   "pt-BR.").format(lang=lang)))
        seen: dict[str, int] = {}
        for i, e in enumerate(self.entries):
            for name in SOURCE_FIELDS:
                problem = source_field_problem(name, e.values[name])
                if problem:
                    out.append((1, self.tr("Source '{id}': {problem}").format(
                                    id=e.id, problem=problem) if name != "id"
                                else self.tr("Source {number} ('{id}'): {problem}").format(
                                    number=i + 1, id=e.id, problem=problem)))
            if e.id in seen:
                out.append((1, self.tr("Two sources have the id '{id}'; ids must be "
                                       "unique.").format(id=e.id)))
            seen.setdefault(e.id, i)
        return out

    def _validate(self, *_args) -> None:
        if not self._built:
            return
        problems = self.problems()
        e = self.current_entry()
        mine = []
        if e is not None:
            for name, w in self.source_fields.items():
                problem = source_field_problem(name, e.values[name])
                if name == "id" and not problem and \
                        sum(1 for x in self.entries if x.id == e.id) > 1:
                    problem = self.tr("Another source has the id '{id}' already; ids must be "
                                      "unique.").format(id=e.id)
                w.setStyleSheet("border: 1px solid #b00020" if problem else "")
                if problem:
                    mine.append(problem)
            self.source_problem.setText("\n".join(mine))
        self.message.setText(problems[0][1] if problems else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)

    def commands(self) -> list[Command]:
        """The map's changes as commands, in the order they apply."""
        amap, header, cmds = self.doc.amap, self.header_values(), []
        for name in HEADER_FIELDS:
            old = amap.display.direction if name == "direction" else getattr(amap, name)
            if header[name] != old:
                cmds.append(SetHeader(amap, name, header[name]))
        for tag in dict.fromkeys([*amap.display.tag_colors, *self.tag_colors]):
            if amap.display.tag_colors.get(tag) != self.tag_colors.get(tag):
                cmds.append(SetTagColor(amap, tag, self.tag_colors.get(tag)))
        return cmds + source_edits(
            amap, self.removed, {e.orig: e.values for e in self.entries if e.orig is not None},
            [Source(**e.values) for e in self.entries if e.orig is None])

    def step(self) -> Command | None:
        """All changes as one undoable step (None: nothing changed)."""
        cmds = self.commands()
        if not cmds:
            return None
        if len(cmds) == 1:
            return cmds[0]
        what = []
        for cmd in cmds:
            label = ("sources" if isinstance(cmd, (AddSource, RemoveSource, SetSourceField))
                     else "tag colours" if isinstance(cmd, SetTagColor)
                     else cmd.name)
            if label not in what:
                what.append(label)
        return Macro(self.tr("Map properties: {changes}").format(
            changes=", ".join(self.tr(CHANGE_NAMES[label]) for label in what)), cmds)

    def accept(self) -> None:
        problems = self.problems()
        if problems:
            self.tabs.setCurrentIndex(problems[0][0])
            self._validate()
            return
        try:
            step = self.step()
        except (ValueError, KeyError) as exc:     # the checks above should keep this away
            self.message.setText(str(exc))
            return
        if step is not None and not self.doc.closed:
            self.doc.push(step)
        super().accept()
