"""The main window: tabs of maps, docks, menus; every edit a command."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QIcon, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QDockWidget, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QMainWindow, QMenu,
    QMessageBox, QStyle, QTabWidget, QToolBar, QUndoView, QWidget,
)

from ..commands import Macro, SetClaimField, SetHeader
from ..model import Claim
from ..resources import resource_path
from .building import Builder
from .compare_mode import CompareMode
from .conflicts_panel import ConflictsMode
from .document import MapDocument
from .editing import EditingVerbs
from .evaluation_menu import EvaluationMenu
from .strengths import StrengthsMenu
from .file_actions import STATE_VERSION, FileActions
from .inspector import InspectorDock
from .language import LanguageMenu, translate_in
from .manual_dialog import show_manual
from .panels import MapBrowser, Outline, ProblemsList
from .map_menu import MapMenu
from .scene import LAYOUT_BUDGET, MapScene
from .shortcuts_dialog import show_shortcuts
from .source_pane import SourcePane
from .view import MapView


class MainWindow(FileActions, EditingVerbs, QMainWindow):
    def __init__(self, settings: QSettings | None = None, sources_dir: str | None = None) -> None:
        super().__init__()
        # Layout and checks run in worker threads; PySide releases the GIL on every Qt
        # call, so a busy worker could take it for the default 5 ms each time and
        # stall the window. A short switch interval keeps the GUI thread responsive.
        sys.setswitchinterval(min(sys.getswitchinterval(), 0.0005))
        self.settings = settings or QSettings("argmap", "argmap")
        self.setWindowTitle("argmap")
        self.setWindowIcon(QIcon(str(resource_path("argmap.svg"))))
        self.setAcceptDrops(True)   # maps and Argdown/AIF files dropped from a file manager
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.undo_group = QUndoGroup(self)
        self._make_find_bar()
        central = QWidget()
        from PySide6.QtWidgets import QVBoxLayout
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.find_bar)
        lay.addWidget(self.tabs)
        self.setCentralWidget(central)
        self._make_docks()
        self.evaluation_menu = EvaluationMenu(self)
        self.strengths_menu = StrengthsMenu(self)
        self.strengths_menu.add_to(self.evaluation_menu.menu)
        self.map_menu = MapMenu(self)
        self.language_menu = LanguageMenu(self, self.settings)
        self.builder = Builder(self)
        self.compare = CompareMode(self)
        self.conflicts = ConflictsMode(self)
        self._make_actions()
        self._make_menus()
        self.status = QLabel()
        self.zoom_label = QLabel()
        self.statusBar().addWidget(self.status, 1)
        self.statusBar().addPermanentWidget(self.zoom_label)
        if not self.restoreGeometry(self.settings.value("geometry", QByteArray())):
            screen = QGuiApplication.primaryScreen()
            avail = screen.availableGeometry() if screen else None
            if avail is not None:
                self.resize(min(1500, int(avail.width() * 0.9)), min(950, int(avail.height() * 0.9)))
        #: the arrangement of docks changed with version 2: older saved ones are not used
        self._restored = self.restoreState(self.settings.value("state", QByteArray()),
                                           STATE_VERSION)
        self.set_sources_dir(sources_dir or self.settings.value("sourcesDir", "") or None,
                             remember=False)
        self._update_actions()

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        """The texts of FileActions and EditingVerbs are translated in their contexts,
        plurals too."""
        return translate_in(type(self), text, disambiguation, n)

    # -- building -------------------------------------------------------------
    def _dock(self, name: str, title: str, widget: QWidget,
              area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name + "Dock")   # the saved arrangement names docks by it
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _make_docks(self) -> None:
        self.browser = MapBrowser()
        self.browser.openRequested.connect(self.open_file)
        self.outline = Outline()
        self.outline.claimActivated.connect(lambda cid: self.select_claim(cid, center=True))
        self.inspector = InspectorDock()
        self.inspector.linkActivated.connect(self._on_link)
        self.problems = ProblemsList()
        self.problems.subjectActivated.connect(self._on_problem)
        self.problems.relationFixed.connect(self._on_problem)   # show it where it now goes
        self.history = QUndoView(self.undo_group)
        self.history.setEmptyLabel(self.tr("<opened>"))
        L, R = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.browser_dock = self._dock("Maps", self.tr("Maps"), self.browser, L)
        self.outline_dock = self._dock("Outline", self.tr("Outline"), self.outline, L)
        self.inspector_dock = self._dock("Inspector", self.tr("Inspector"), self.inspector, R)
        self.problems_dock = self._dock("Problems", self.tr("Problems"), self.problems, L)
        self.history_dock = self._dock("History", self.tr("History"), self.history, R)
        self.source_pane = SourcePane()
        self.source_pane.claimActivated.connect(lambda cid: self.select_claim(cid, center=True))
        self.source_pane.newClaimRequested.connect(self.new_claim_from_quote)
        self.source_pane.setQuoteRequested.connect(self.set_quote)
        self.source_dock = self._dock("Source", self.tr("Source"), self.source_pane, R)
        # left: the maps and the problems (tabs) over the outline; right: inspector and
        # history (tabs) over the source text; the canvas keeps the middle
        self.tabifyDockWidget(self.browser_dock, self.problems_dock)
        self.tabifyDockWidget(self.inspector_dock, self.history_dock)
        self.browser_dock.raise_()
        self.inspector_dock.raise_()
        for dock in (self.browser_dock, self.outline_dock, self.problems_dock,
                     self.inspector_dock, self.history_dock, self.source_dock):
            dock.widget().setMinimumWidth(120)
        self._docks_sized = False

    def _size_docks(self) -> None:
        """The first time the window shows without a saved arrangement: docks in
        proportion to the window, so a small window still has a usable canvas."""
        width, height = max(self.width(), 400), max(self.height(), 300)
        side = (min(300, int(width * 0.2)), min(340, int(width * 0.24)))
        self.resizeDocks([self.browser_dock, self.inspector_dock], list(side),
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.browser_dock, self.outline_dock],
                         [int(height * 0.3), int(height * 0.7)], Qt.Orientation.Vertical)
        self.resizeDocks([self.inspector_dock, self.source_dock],
                         [int(height * 0.55), int(height * 0.45)], Qt.Orientation.Vertical)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._docks_sized:
            self._docks_sized = True
            if not self._restored:
                QTimer.singleShot(0, self._size_docks)

    # -- dropping files -----------------------------------------------------------
    #: suffixes of dropped files that open as maps, and that are imported
    DROP_MAP_SUFFIXES = (".yaml", ".yml")
    DROP_IMPORT_SUFFIXES = (".argdown", ".ad", ".md", ".json", ".aif", ".xml")

    def _dropped_files(self, event) -> list[str]:
        """The local files of a drag that the window opens, in the dragged order."""
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        suffixes = self.DROP_MAP_SUFFIXES + self.DROP_IMPORT_SUFFIXES
        return [url.toLocalFile() for url in mime.urls()
                if url.isLocalFile() and url.toLocalFile().lower().endswith(suffixes)
                and os.path.isfile(url.toLocalFile())]

    def dragEnterEvent(self, event) -> None:
        if self._dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        paths = self._dropped_files(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        # opened after the drop returns: a message box about a broken file must not
        # hold the file manager's drag
        QTimer.singleShot(0, self, lambda: self._open_dropped(paths))

    def _open_dropped(self, paths: list[str]) -> None:
        for path in paths:
            if path.lower().endswith(self.DROP_MAP_SUFFIXES):
                self.open_file(path)
            else:
                self.import_file(path)

    def _make_find_bar(self) -> None:
        self.find_bar = QWidget()
        lay = QHBoxLayout(self.find_bar)
        lay.setContentsMargins(6, 3, 6, 3)
        lay.addWidget(QLabel(self.tr("Find:")))
        self.find_edit = QLineEdit()
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.textChanged.connect(self._find_changed)
        self.find_edit.returnPressed.connect(self.find_next)
        self.find_count = QLabel()
        lay.addWidget(self.find_edit, 1)
        lay.addWidget(self.find_count)
        self.find_bar.hide()
        self._matches: list[str] = []
        self._match_index = -1

    def _act(self, text: str, slot, shortcut=None, tip: str = "", checkable: bool = False) -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        if tip:
            a.setStatusTip(tip)
        a.setCheckable(checkable)
        a.triggered.connect(self.commit_editors)   # first: what is typed is not lost
        a.triggered.connect(slot)
        return a

    def _make_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.a_new = self._act(self.tr("&New"), self.new_map, K.New)
        self.a_open = self._act(self.tr("&Open…"), self.open_dialog, K.Open)
        self.a_open_folder = self._act(self.tr("Open &Folder…"), self.open_folder_dialog)
        self.a_save = self._act(self.tr("&Save"), self.save, K.Save)
        self.a_save_as = self._act(self.tr("Save &As…"), self.save_as, K.SaveAs)
        self.a_revert = self._act(self.tr("Re&vert"), self.revert)
        self.a_close = self._act(self.tr("&Close Map"),
                                 lambda: self.close_tab(self.tabs.currentIndex()), K.Close)
        # the platform's Quit key can be empty (no desktop session): Ctrl+Q as everywhere
        self.a_quit = self._act(self.tr("&Quit"), self.close,
                                [QKeySequence(K.Quit) if not QKeySequence(K.Quit).isEmpty()
                                 else QKeySequence("Ctrl+Q")])
        self.a_export_svg = self._act(self.tr("Export &SVG…"), lambda: self.export("svg"))
        self.a_export_png = self._act(self.tr("Export &PNG…"), lambda: self.export("png"))
        self.a_export_pdf = self._act(self.tr("Export P&DF…"), lambda: self.export("pdf"))
        self.a_export_sel = self._act(self.tr("Export S&election as SVG…"), self.export_selection)
        self.a_sources = self._act(self.tr("So&urces Folder…"), self.sources_dialog, None,
                                   self.tr("Where the article texts of the maps' sources are"))
        self.a_import = self._act(self.tr("&Import Argdown or AIF…"), self.import_dialog,
                                  "Ctrl+I",
                                  self.tr("Open an Argdown file or an AIF JSON file as a new map"))
        self.a_export_argdown = self._act(self.tr("Export &Argdown…"),
                                          lambda: self.export("argdown"))
        self.a_export_aif = self._act(self.tr("Export A&IF JSON…"), lambda: self.export("aif"))
        self.a_export_graphml = self._act(self.tr("Export &GraphML…"),
                                          lambda: self.export("graphml"))
        # undo and redo commit an open editor first, so they undo what was typed
        self.a_undo = self._act(self.tr("&Undo"), self.undo_group.undo, K.Undo)
        self.a_redo = self._act(self.tr("&Redo"), self.undo_group.redo,
                                [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for a, can, text, verb, named in (
                (self.a_undo, self.undo_group.canUndoChanged, self.undo_group.undoTextChanged,
                 self.tr("&Undo"), self.tr("&Undo {step}")),
                (self.a_redo, self.undo_group.canRedoChanged, self.undo_group.redoTextChanged,
                 self.tr("&Redo"), self.tr("&Redo {step}"))):
            a.setEnabled(False)
            can.connect(a.setEnabled)
            text.connect(lambda t, a=a, verb=verb, named=named:
                         a.setText(named.format(step=t) if t else verb))
        self.a_add = self._act(self.tr("Add C&laim"), lambda: self.add_claim(), "Insert",
                               self.tr("A new claim, in edit mode; Esc removes it again"))
        self.a_add_reason = self._act(
            self.tr("Add Reaso&n"), self.add_reason,
            [QKeySequence("+"), QKeySequence("Ctrl+Shift+R")],
            self.tr("A new claim that supports the selected claim, in edit mode"))
        self.a_add_objection = self._act(
            self.tr("Add &Objection"), self.add_objection,
            [QKeySequence("-"), QKeySequence("Ctrl+Shift+O")],
            self.tr("A new claim that attacks the selected claim, in edit mode"))
        self.a_edit = self._act(self.tr("&Edit Text"), self.edit_selected, "F2")
        self.a_delete = self._act(self.tr("&Delete"), self.delete_selected,
                                  [QKeySequence("Delete"), QKeySequence("Backspace")])
        self.a_support = self._act(self.tr("Connect as &Support"),
                                   lambda: self.connect_selected("support"),
                                   "S", self.tr("Selected claims support the one selected last"))
        self.a_attack = self._act(self.tr("Connect as Attac&k"),
                                  lambda: self.connect_selected("attack"),
                                  "A", self.tr("Selected claims attack the one selected last"))
        self.a_undercut = self._act(self.tr("Undercut Relat&ion"), self.undercut_selected, "U",
                                    self.tr("The selected claim attacks the selected relation"))
        self.a_toggle = self._act(self.tr("&Toggle Support/Attack"), self.toggle_type, "T")
        self.a_reverse = self._act(self.tr("Re&verse Relation"), self.reverse_selected, "R")
        self.a_copy = self._act(self.tr("&Copy"), self.copy, K.Copy)
        self.a_paste = self._act(self.tr("&Paste"), self.paste, K.Paste)
        self.a_select_all = self._act(self.tr("Select &All"), self.select_all, K.SelectAll)
        self.a_find = self._act(self.tr("&Find…"), self.show_find, K.Find)
        self.a_auto = self._act(self.tr("Auto La&yout"), self.auto_layout, "Ctrl+Shift+L",
                                self.tr("Forget manual positions and let Graphviz place "
                                        "every claim"))
        self.a_zoom_in = self._act(self.tr("Zoom &In"), lambda: self.view and self.view.zoom_in(),
                                   [QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.a_zoom_out = self._act(self.tr("Zoom &Out"),
                                    lambda: self.view and self.view.zoom_out(), "Ctrl+-")
        self.a_zoom_reset = self._act(self.tr("&Actual Size"),
                                      lambda: self.view and self.view.zoom_reset(), "Ctrl+0")
        self.a_fit = self._act(self.tr("&Fit to Window"), lambda: self.view and self.view.fit(),
                               "Ctrl+9")
        self.a_english = self._act(self.tr("&English Texts"), self.set_english, "Ctrl+E",
                                   checkable=True)
        self.a_legend = self._act(self.tr("&Legend"), self.set_legend, checkable=True)
        self.a_legend.setChecked(True)
        self.direction_group = QActionGroup(self)
        self.direction_actions = {}
        for d, label in (("TB", self.tr("Top to Bottom")), ("LR", self.tr("Left to Right")),
                         ("BT", self.tr("Bottom to Top")), ("RL", self.tr("Right to Left"))):
            a = self._act(label, lambda _=False, d=d: self.set_direction(d), checkable=True)
            self.direction_group.addAction(a)
            self.direction_actions[d] = a
        self.a_about = self._act(self.tr("&About argmap"), self.about)
        self.a_manual = self._act(self.tr("User &Manual"), lambda: show_manual(self), "F1",
                                  self.tr("How to read, edit, evaluate, save and export a map"))
        self.a_shortcuts = self._act(self.tr("&Keyboard Shortcuts"), lambda: show_shortcuts(self),
                                     [QKeySequence("Ctrl+?"), QKeySequence("Ctrl+/")],
                                     self.tr("Every key of the window, by menu"))
        self.a_recent = QMenu(self.tr("Open &Recent"), self)
        self.a_recent.aboutToShow.connect(self._fill_recent)
        for a in (self.a_add, self.a_add_reason, self.a_add_objection, self.a_edit,
                  self.a_delete, self.a_support, self.a_attack,
                  self.a_undercut, self.a_toggle, self.a_reverse, self.a_copy, self.a_paste,
                  self.a_select_all):
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.tabs.addAction(a)

    def _make_menus(self) -> None:
        mb = self.menuBar()
        f = mb.addMenu(self.tr("&File"))
        for a in (self.a_new, self.a_open, self.a_open_folder):
            f.addAction(a)
        f.addMenu(self.a_recent)
        f.addSeparator()
        for a in (self.a_save, self.a_save_as, self.a_revert):
            f.addAction(a)
        f.addSeparator()
        self.compare.add_to(f)
        f.addSeparator()
        f.addAction(self.a_sources)
        f.addAction(self.a_import)
        x = f.addMenu(self.tr("&Export"))
        for a in (self.a_export_svg, self.a_export_png, self.a_export_pdf, self.a_export_sel, None,
                  self.a_export_argdown, self.a_export_aif, self.a_export_graphml):
            x.addSeparator() if a is None else x.addAction(a)
        f.addSeparator()
        f.addAction(self.a_close)
        f.addAction(self.a_quit)
        e = mb.addMenu(self.tr("&Edit"))
        for a in (self.a_undo, self.a_redo, None, self.a_add, self.a_add_reason,
                  self.a_add_objection, self.a_edit, self.a_delete, None,
                  self.a_support, self.a_attack, self.a_undercut, self.a_toggle, self.a_reverse,
                  None, self.a_copy, self.a_paste, self.a_select_all, None, self.a_find):
            e.addSeparator() if a is None else e.addAction(a)
        self.conflicts.add_to(e)
        mb.addMenu(self.map_menu.menu)
        v = mb.addMenu(self.tr("&View"))
        for a in (self.a_zoom_in, self.a_zoom_out, self.a_zoom_reset, self.a_fit, None,
                  self.a_english, self.a_legend, self.a_auto):
            v.addSeparator() if a is None else v.addAction(a)
        d = v.addMenu(self.tr("&Direction"))
        for a in self.direction_actions.values():
            d.addAction(a)
        v.addMenu(self.language_menu.menu)
        v.addSeparator()
        for dock in (self.browser_dock, self.outline_dock, self.inspector_dock, self.source_dock,
                     self.problems_dock, self.history_dock, self.compare.dock,
                     self.conflicts.dock):
            v.addAction(dock.toggleViewAction())
        mb.addMenu(self.evaluation_menu.menu)
        h = mb.addMenu(self.tr("&Help"))
        for a in (self.a_manual, self.a_shortcuts, None, self.a_about):
            h.addSeparator() if a is None else h.addAction(a)
        style = self.style()
        self.a_undo.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.a_redo.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
        tb = QToolBar(self.tr("Main"))
        tb.setObjectName("MainToolbar")
        for a in (self.a_open, self.a_save, None, self.a_undo, self.a_redo, None, self.a_add,
                  self.a_support, self.a_attack, self.a_delete, None, self.a_fit, self.a_english,
                  self.evaluation_menu.a_toggle, None, self.a_export_svg):
            tb.addSeparator() if a is None else tb.addAction(a)
        for a in (self.a_undo, self.a_redo):  # their text names the step: icon only here
            button = tb.widgetForAction(a)
            if button is not None:
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.addToolBar(tb)

    # -- current map --------------------------------------------------------------
    @property
    def view(self) -> MapView | None:
        w = self.tabs.currentWidget()
        return w if isinstance(w, MapView) else None

    @property
    def doc(self) -> MapDocument | None:
        v = self.view
        return v.map_scene.doc if v else None

    @property
    def scene(self) -> MapScene | None:
        v = self.view
        return v.map_scene if v else None

    def views(self) -> list[MapView]:
        return [self.tabs.widget(i) for i in range(self.tabs.count())]

    def _on_tab_changed(self, _index: int) -> None:
        self.commit_editors()        # an editor of the tab left goes to its own map
        doc = self.doc
        if doc is None:
            self.source_pane.show_claim(None, None)
        self.undo_group.setActiveStack(doc.undo_stack if doc else None)
        self.inspector.set_document(doc)
        self.outline.set_document(doc)
        self.problems.set_document(doc)
        self.inspector.set_evaluation(getattr(self.view, "evaluation", None))
        self.inspector.set_strengths(getattr(self.view, "strengths", None))
        self.evaluation_menu.sync()
        self.strengths_menu.sync()
        if self.scene:
            self.a_english.setChecked(self.scene.english)
            self.direction_actions[doc.amap.display.direction].setChecked(True)
        self._on_selection()
        self._update_title()
        self._update_actions()

    def _update_title(self) -> None:
        doc = self.doc
        if doc is None:
            self.setWindowTitle("argmap")
            self.setWindowModified(False)
            return
        self.setWindowTitle(f"{doc.title}[*] — {doc.amap.title} — argmap")
        self.setWindowModified(doc.dirty)
        for i, v in enumerate(self.views()):
            d = v.map_scene.doc
            self.tabs.setTabText(i, ("• " if d.dirty else "") + d.title)
            self.tabs.setTabToolTip(i, d.path or d.amap.title)
        self._update_status()

    def _update_status(self, *_args) -> None:
        doc = self.doc
        if doc is None:
            self.status.setText("")
            return
        c = doc.amap.counts()
        errors, warnings = self.problems.count()
        parts = [self.tr("%n claims", "", c["claims"]), self.tr("%n relations", "", c["relations"]),
                 self.tr("%n errors", "", errors), self.tr("%n warnings", "", warnings)]
        if self.scene and self.scene.layout_pending:
            parts.append(self.tr("laying out…"))
        if self.scene and self.scene.layout_fallback:
            parts.append(self.tr("quick layout: Graphviz took longer than {seconds} s and is "
                                 "still working").format(seconds=f"{LAYOUT_BUDGET:.0f}"))
        self.status.setText(" · ".join(parts))
        if self.view:
            self.zoom_label.setText(f"{self.view.zoom() * 100:.0f}%")

    def _update_actions(self) -> None:
        has = self.doc is not None
        for a in (self.a_save, self.a_save_as, self.a_revert, self.a_close, self.a_export_svg,
                  self.a_export_png, self.a_export_pdf, self.a_export_sel, self.a_add,
                  self.a_select_all, self.a_find, self.a_auto, self.a_zoom_in, self.a_zoom_out,
                  self.a_zoom_reset, self.a_fit, self.a_english, self.a_paste):
            a.setEnabled(has)
        claims = self.scene.selected_claims() if self.scene else []
        rels = self.scene.selected_relations() if self.scene else []
        self.a_edit.setEnabled(len(claims) == 1)
        self.a_add_reason.setEnabled(len(claims) == 1)
        self.a_add_objection.setEnabled(len(claims) == 1)
        self.a_delete.setEnabled(bool(claims or rels))
        self.a_support.setEnabled(len(claims) >= 2)
        self.a_attack.setEnabled(len(claims) >= 2)
        self.a_undercut.setEnabled(len(claims) >= 1 and len(rels) == 1)
        self.a_toggle.setEnabled(bool(rels))
        self.a_reverse.setEnabled(len(rels) == 1)
        self.a_copy.setEnabled(bool(claims))
        self.a_revert.setEnabled(has and bool(self.doc.path) and self.doc.dirty)

    # -- sources ----------------------------------------------------------------------------
    def set_sources_dir(self, folder: str | None, remember: bool = True) -> None:
        """The folder with the article texts (remembered when chosen in the app)."""
        self.sources_dir = folder if folder and os.path.isdir(folder) else None
        if remember and self.sources_dir:
            self.settings.setValue("sourcesDir", self.sources_dir)
        self.source_pane.set_sources_dir(self.sources_dir)
        for view in self.views():
            view.map_scene.doc.set_sources_dir(self.sources_dir)

    def sources_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder with the article texts"),
                                                  self.sources_dir or "")
        if folder:
            self.set_sources_dir(folder)

    def _on_edited(self, _index: int) -> None:
        doc = self.doc
        if doc is not None and self.sender() is doc.undo_stack:
            self.source_pane.refresh(doc.amap)

    def new_claim_from_quote(self, source_id: str, quote: str) -> str | None:
        """A new claim with the quote selected in the source pane: one undoable step,
        its text prefilled from the quote, in edit mode to be shortened."""
        doc, view = self.doc, self.view
        if doc is None or view is None:
            return None
        if source_id not in doc.amap.sources:
            self.statusBar().showMessage(self.tr("This article is a source of another map; open "
                                                 "that map to add claims from it."), 6000)
            return None
        return self.builder.add(template=Claim("", text=quote, quote=quote, source=source_id),
                                step=self.tr("New claim from the source"))

    def set_quote(self, claim_id: str, quote: str) -> None:
        """The passage selected in the source pane becomes the claim's quote; a claim
        with no source yet gets the article shown as its source in the same step."""
        doc, src = self.doc, self.source_pane.source
        if doc is None or claim_id not in doc.amap.claims or src is None \
                or src.id not in doc.amap.sources:
            return
        claim = doc.amap.claims[claim_id]
        if claim.source not in ("", src.id):
            return
        steps = [SetClaimField(doc.amap, claim_id, "quote", quote)]
        if not claim.source:
            steps.insert(0, SetClaimField(doc.amap, claim_id, "source", src.id))
        doc.push(steps[0] if len(steps) == 1
                 else Macro(self.tr("Set quote and source"), steps))

    # -- selection, inspector, find ------------------------------------------------------
    def _on_selection(self) -> None:
        scene = self.scene
        if scene is None:
            return
        claims, rels = scene.selected_claims(), scene.selected_relations()
        if len(claims) == 1 and not rels:
            self.inspector.show_claim(claims[0])
        elif len(rels) == 1 and not claims:
            self.inspector.show_relation(self.doc.amap.relation_by_key(rels[0]))
        else:
            self.inspector.show_claim(None)
        self.source_pane.show_claim(self.doc.amap if self.doc else None,
                                    claims[0] if len(claims) == 1 and not rels else None)
        if claims:
            self.outline.show_current(claims[-1])
        self._update_actions()
        self.evaluation_menu.sync()

    def select_claim(self, claim_id: str, center: bool = False) -> None:
        if self.scene:
            self.scene.select_claims([claim_id], center=center)

    def _on_link(self, link: str) -> None:
        kind, _, ident = link.partition(":")
        if kind == "claim":
            self.select_claim(ident, center=True)
        elif kind == "rel" and self.scene:
            self.scene.select_relation(ident)

    def _on_problem(self, subject: str) -> None:
        if self.doc and subject in self.doc.amap.claims:
            self.select_claim(subject, center=True)
        elif self.scene:
            self.scene.select_relation(subject)

    def show_find(self) -> None:
        self.find_bar.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def _find_changed(self, text: str) -> None:
        scene, doc = self.scene, self.doc
        if scene is None:
            return
        words = text.lower().split()
        self._matches = []
        if words:
            for cid, c in doc.amap.claims.items():
                s = c.display()
                hay = " ".join((cid, s.text, s.en, s.speaker, s.quote, *c.tags)).lower()
                if all(w in hay for w in words):
                    self._matches.append(cid)
        scene.set_matches(set(self._matches))
        self._match_index = -1
        self.find_count.setText(self.tr("%n found", "", len(self._matches)) if words else "")
        if self._matches:
            self.find_next()

    def find_next(self) -> None:
        if self._matches:
            self._match_index = (self._match_index + 1) % len(self._matches)
            self.select_claim(self._matches[self._match_index], center=True)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.find_bar.isVisible():
            self.find_edit.clear()
            self.find_bar.hide()
            if self.view:
                self.view.setFocus()
            return
        super().keyPressEvent(event)

    def set_english(self, on: bool) -> None:
        for v in self.views():
            v.map_scene.set_english(on)
            v.legend.set_words(on, v.evaluation.describe(on))
        self.inspector.show_claim(self.inspector.claim_id)

    def set_legend(self, on: bool) -> None:
        for v in self.views():
            v.set_legend_visible(on)

    def set_direction(self, direction: str) -> None:
        doc = self.doc
        if doc is not None and doc.amap.display.direction != direction:
            doc.push(SetHeader(doc.amap, "direction", direction))

    def about(self) -> None:
        from .. import __version__
        QMessageBox.about(self, self.tr("About argmap"),
                          self.tr("<b>argmap {version}</b><p>Argument maps kept as "
                                  "hand-curated YAML, laid out by Graphviz.</p>"
                                  "<p>Font: DejaVu Sans.</p>").format(version=__version__))
