"""The main window: tabs of maps, docks, menus; every edit a command."""

from __future__ import annotations

import gc
import json
import os
import sys

from PySide6.QtCore import QByteArray, QMimeData, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QIcon, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QDockWidget, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QMainWindow, QMenu,
    QMessageBox, QStyle, QTabWidget, QToolBar, QUndoView, QWidget,
)

from ..commands import (
    AddClaim, AddRelation, Macro, RemoveRelation, SetHeader, SetRelationField, clear_positions,
    paste_claims, remove_claims, reverse_relation, SetClaimField,
)
from ..export import ExportError, export_bytes
from ..interchange import InterchangeError, export_text, import_file
from ..interchange_cli import OTHER_FORMATS
from ..fileformat import claim_from_data, claim_to_data
from ..model import ArgumentMap, Claim, Relation
from ..resources import resource_path
from ..savefile import SaveError, atomic_write
from . import recovery as recovery_files
from .building import Builder, claims_from_text
from .document import MapDocument, SaveConflict
from .evaluation_menu import EvaluationMenu
from .inspector import InspectorDock
from .claim_item import ClaimItem
from .panels import MapBrowser, Outline, ProblemsList
from .properties_dialog import MapMenu
from .scene import MapScene
from .source_pane import SourcePane
from .view import MapView

MIME = "application/x-argmap-claims"
MAX_RECENT = 10
STATE_VERSION = 2


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None, sources_dir: str | None = None) -> None:
        super().__init__()
        # Layout and checks run in worker threads; PySide releases the GIL on every Qt
        # call, so a busy worker could take it for the default 5 ms each time and
        # stall the window. A short switch interval keeps the GUI thread responsive.
        sys.setswitchinterval(min(sys.getswitchinterval(), 0.0005))
        self.settings = settings or QSettings("argmap", "argmap")
        self.setWindowTitle("argmap")
        self.setWindowIcon(QIcon(str(resource_path("argmap.svg"))))
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
        self.map_menu = MapMenu(self)
        self.builder = Builder(self)
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

    # -- building -------------------------------------------------------------
    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title.replace(" ", "") + "Dock")
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
        self.history.setEmptyLabel("<opened>")
        L, R, B = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea,
                   Qt.DockWidgetArea.BottomDockWidgetArea)
        self.browser_dock = self._dock("Maps", self.browser, L)
        self.outline_dock = self._dock("Outline", self.outline, L)
        self.inspector_dock = self._dock("Inspector", self.inspector, R)
        self.problems_dock = self._dock("Problems", self.problems, L)
        self.history_dock = self._dock("History", self.history, R)
        self.source_pane = SourcePane()
        self.source_pane.claimActivated.connect(lambda cid: self.select_claim(cid, center=True))
        self.source_pane.newClaimRequested.connect(self.new_claim_from_quote)
        self.source_pane.setQuoteRequested.connect(self.set_quote)
        self.source_dock = self._dock("Source", self.source_pane, R)
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

    def _make_find_bar(self) -> None:
        self.find_bar = QWidget()
        lay = QHBoxLayout(self.find_bar)
        lay.setContentsMargins(6, 3, 6, 3)
        lay.addWidget(QLabel("Find:"))
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
        self.a_new = self._act("&New", self.new_map, K.New)
        self.a_open = self._act("&Open…", self.open_dialog, K.Open)
        self.a_open_folder = self._act("Open &Folder…", self.open_folder_dialog)
        self.a_save = self._act("&Save", self.save, K.Save)
        self.a_save_as = self._act("Save &As…", self.save_as, K.SaveAs)
        self.a_revert = self._act("Re&vert", self.revert)
        self.a_close = self._act("&Close Map", lambda: self.close_tab(self.tabs.currentIndex()),
                                 K.Close)
        # the platform's Quit key can be empty (no desktop session): Ctrl+Q as everywhere
        self.a_quit = self._act("&Quit", self.close,
                                [QKeySequence(K.Quit) if not QKeySequence(K.Quit).isEmpty()
                                 else QKeySequence("Ctrl+Q")])
        self.a_export_svg = self._act("Export &SVG…", lambda: self.export("svg"))
        self.a_export_png = self._act("Export &PNG…", lambda: self.export("png"))
        self.a_export_pdf = self._act("Export P&DF…", lambda: self.export("pdf"))
        self.a_export_sel = self._act("Export S&election as SVG…", self.export_selection)
        self.a_sources = self._act("So&urces Folder…", self.sources_dialog, None,
                                   "Where the article texts of the maps' sources are")
        self.a_import = self._act("&Import Argdown or AIF…", self.import_dialog, "Ctrl+I",
                                  "Open an Argdown file or an AIF JSON file as a new map")
        self.a_export_argdown = self._act("Export &Argdown…", lambda: self.export("argdown"))
        self.a_export_aif = self._act("Export A&IF JSON…", lambda: self.export("aif"))
        self.a_export_graphml = self._act("Export &GraphML…", lambda: self.export("graphml"))
        # undo and redo commit an open editor first, so they undo what was typed
        self.a_undo = self._act("&Undo", self.undo_group.undo, K.Undo)
        self.a_redo = self._act("&Redo", self.undo_group.redo,
                                [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for a, can, text, verb in ((self.a_undo, self.undo_group.canUndoChanged,
                                    self.undo_group.undoTextChanged, "&Undo"),
                                   (self.a_redo, self.undo_group.canRedoChanged,
                                    self.undo_group.redoTextChanged, "&Redo")):
            a.setEnabled(False)
            can.connect(a.setEnabled)
            text.connect(lambda t, a=a, verb=verb: a.setText(f"{verb} {t}" if t else verb))
        self.a_add = self._act("Add C&laim", lambda: self.add_claim(), "Insert",
                               "A new claim, in edit mode; Esc removes it again")
        self.a_add_reason = self._act(
            "Add Reaso&n", self.add_reason, [QKeySequence("+"), QKeySequence("Ctrl+Shift+R")],
            "A new claim that supports the selected claim, in edit mode")
        self.a_add_objection = self._act(
            "Add &Objection", self.add_objection,
            [QKeySequence("-"), QKeySequence("Ctrl+Shift+O")],
            "A new claim that attacks the selected claim, in edit mode")
        self.a_edit = self._act("&Edit Text", self.edit_selected, "F2")
        self.a_delete = self._act("&Delete", self.delete_selected,
                                  [QKeySequence("Delete"), QKeySequence("Backspace")])
        self.a_support = self._act("Connect as &Support", lambda: self.connect_selected("support"),
                                   "S", "Selected claims support the one selected last")
        self.a_attack = self._act("Connect as Attac&k", lambda: self.connect_selected("attack"),
                                  "A", "Selected claims attack the one selected last")
        self.a_undercut = self._act("Undercut Relat&ion", self.undercut_selected, "U",
                                    "The selected claim attacks the selected relation")
        self.a_toggle = self._act("&Toggle Support/Attack", self.toggle_type, "T")
        self.a_reverse = self._act("Re&verse Relation", self.reverse_selected, "R")
        self.a_copy = self._act("&Copy", self.copy, K.Copy)
        self.a_paste = self._act("&Paste", self.paste, K.Paste)
        self.a_select_all = self._act("Select &All", self.select_all, K.SelectAll)
        self.a_find = self._act("&Find…", self.show_find, K.Find)
        self.a_auto = self._act("Auto La&yout", self.auto_layout, "Ctrl+Shift+L",
                                "Forget manual positions and let Graphviz place every claim")
        self.a_zoom_in = self._act("Zoom &In", lambda: self.view and self.view.zoom_in(),
                                   [QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.a_zoom_out = self._act("Zoom &Out", lambda: self.view and self.view.zoom_out(),
                                    "Ctrl+-")
        self.a_zoom_reset = self._act("&Actual Size", lambda: self.view and self.view.zoom_reset(),
                                      "Ctrl+0")
        self.a_fit = self._act("&Fit to Window", lambda: self.view and self.view.fit(), "Ctrl+9")
        self.a_english = self._act("&English Texts", self.set_english, "Ctrl+E", checkable=True)
        self.a_legend = self._act("&Legend", self.set_legend, checkable=True)
        self.a_legend.setChecked(True)
        self.direction_group = QActionGroup(self)
        self.direction_actions = {}
        for d, label in (("TB", "Top to Bottom"), ("LR", "Left to Right"),
                         ("BT", "Bottom to Top"), ("RL", "Right to Left")):
            a = self._act(label, lambda _=False, d=d: self.set_direction(d), checkable=True)
            self.direction_group.addAction(a)
            self.direction_actions[d] = a
        self.a_about = self._act("&About argmap", self.about)
        self.a_recent = QMenu("Open &Recent", self)
        self.a_recent.aboutToShow.connect(self._fill_recent)
        for a in (self.a_add, self.a_add_reason, self.a_add_objection, self.a_edit,
                  self.a_delete, self.a_support, self.a_attack,
                  self.a_undercut, self.a_toggle, self.a_reverse, self.a_copy, self.a_paste,
                  self.a_select_all):
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.tabs.addAction(a)

    def _make_menus(self) -> None:
        mb = self.menuBar()
        f = mb.addMenu("&File")
        for a in (self.a_new, self.a_open, self.a_open_folder):
            f.addAction(a)
        f.addMenu(self.a_recent)
        f.addSeparator()
        for a in (self.a_save, self.a_save_as, self.a_revert):
            f.addAction(a)
        f.addSeparator()
        f.addAction(self.a_sources)
        f.addAction(self.a_import)
        x = f.addMenu("&Export")
        for a in (self.a_export_svg, self.a_export_png, self.a_export_pdf, self.a_export_sel, None,
                  self.a_export_argdown, self.a_export_aif, self.a_export_graphml):
            x.addSeparator() if a is None else x.addAction(a)
        f.addSeparator()
        f.addAction(self.a_close)
        f.addAction(self.a_quit)
        e = mb.addMenu("&Edit")
        for a in (self.a_undo, self.a_redo, None, self.a_add, self.a_add_reason,
                  self.a_add_objection, self.a_edit, self.a_delete, None,
                  self.a_support, self.a_attack, self.a_undercut, self.a_toggle, self.a_reverse,
                  None, self.a_copy, self.a_paste, self.a_select_all, None, self.a_find):
            e.addSeparator() if a is None else e.addAction(a)
        mb.addMenu(self.map_menu.menu)
        v = mb.addMenu("&View")
        for a in (self.a_zoom_in, self.a_zoom_out, self.a_zoom_reset, self.a_fit, None,
                  self.a_english, self.a_legend, self.a_auto):
            v.addSeparator() if a is None else v.addAction(a)
        d = v.addMenu("&Direction")
        for a in self.direction_actions.values():
            d.addAction(a)
        v.addSeparator()
        for dock in (self.browser_dock, self.outline_dock, self.inspector_dock, self.source_dock,
                     self.problems_dock, self.history_dock):
            v.addAction(dock.toggleViewAction())
        mb.addMenu(self.evaluation_menu.menu)
        mb.addMenu("&Help").addAction(self.a_about)
        style = self.style()
        self.a_undo.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.a_redo.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
        tb = QToolBar("Main")
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
        self.evaluation_menu.sync()
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
        layout = " · laying out…" if self.scene and self.scene.layout_pending else ""
        self.status.setText(f"{c['claims']} claims · {c['relations']} relations · "
                            f"{errors} errors · {warnings} warnings{layout}")
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

    # -- opening --------------------------------------------------------------------
    def open_path(self, path: str) -> None:
        if os.path.isdir(path):
            self.browser.set_folder(path)
            self.browser_dock.show()
            if self.browser.list.count():
                self.open_file(self.browser.list.item(0).data(Qt.ItemDataRole.UserRole))
        else:
            # the Maps list shows the folder of a map that opened, not of one that failed
            if self.open_file(path) is not None:
                folder = os.path.dirname(os.path.abspath(path))
                if self.browser.folder != folder:
                    self.browser.set_folder(folder)

    def open_file(self, path: str) -> MapDocument | None:
        path = os.path.abspath(path)
        for i, v in enumerate(self.views()):
            if v.map_scene.doc.path and os.path.abspath(v.map_scene.doc.path) == path:
                self.tabs.setCurrentIndex(i)
                return v.map_scene.doc
        doc, loaded = MapDocument.open(path, self)
        if doc is None:
            QMessageBox.critical(self, "Cannot open map",
                                 f"{path} cannot be read:\n\n"
                                 + "\n".join(str(d) for d in loaded.diagnostics[:12]))
            return None
        self._add_tab(doc)
        # A big map is hundreds of thousands of long-lived objects; without this,
        # every full garbage collection walks them all and stalls the window.
        gc.freeze()
        self._remember(path)
        if doc.had_errors:
            self.problems_dock.show()
            self.statusBar().showMessage(
                f"{doc.title} has errors; it opened as far as it could. "
                "Saving writes to a new file.", 8000)
        return doc

    def _add_tab(self, doc: MapDocument) -> MapView:
        scene = MapScene(doc, self)
        view = MapView(scene)
        view.set_legend_visible(self.a_legend.isChecked())
        self.evaluation_menu.attach(view)
        self.undo_group.addStack(doc.undo_stack)
        scene.selectionChanged.connect(self._on_selection)
        scene.connectRequested.connect(self._on_connect_request)
        scene.addRequested.connect(self.add_claim)
        scene.editRequested.connect(self.edit_claim)
        scene.layoutApplied.connect(self._update_status)
        scene.layoutFailed.connect(self._on_layout_failed)
        view.zoomChanged.connect(self._update_status)
        view.contextMenuAt.connect(lambda pos, v=view: self._show_canvas_menu(v, pos))
        doc.dirtyChanged.connect(self._on_dirty)
        doc.undo_stack.indexChanged.connect(self._on_edited)
        doc.pathChanged.connect(self._update_title)
        doc.problemsChanged.connect(self._update_status)
        doc.reloaded.connect(self._on_reloaded)
        doc.externallyChanged.connect(self._on_external_change)
        self.tabs.addTab(view, doc.title)
        self.tabs.setCurrentWidget(view)
        doc.problemsChanged.emit()
        doc.set_sources_dir(self.sources_dir)
        return view

    def _on_layout_failed(self, message: str) -> None:
        QMessageBox.warning(self, "Layout failed", message)

    def new_map(self) -> None:
        doc = MapDocument(ArgumentMap("Neue Karte"), None, None, [], self)
        self._add_tab(doc)
        # first its title and sources, then its first claim
        self.map_menu.open_properties(then=lambda: not doc.closed and self.add_claim())

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open map", self.browser.folder or "",
                                              "Argument maps (*.yaml *.yml)")
        if path:
            self.open_path(path)

    def open_folder_dialog(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Open folder of maps",
                                                self.browser.folder or "")
        if path:
            self.open_path(path)

    def _remember(self, path: str) -> None:
        recent = [p for p in self.recent_files() if p != path]
        self.settings.setValue("recent", [path] + recent[: MAX_RECENT - 1])

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent", [])
        if isinstance(value, str):
            value = [value]
        return [p for p in (value or []) if isinstance(p, str)]

    def _fill_recent(self) -> None:
        self.a_recent.clear()
        for p in self.recent_files():
            self.a_recent.addAction(os.path.basename(p), lambda p=p: self.open_path(p))
        if not self.a_recent.actions():
            self.a_recent.addAction("(none)").setEnabled(False)

    # -- saving and closing ----------------------------------------------------------
    def save(self, doc: MapDocument | None = None) -> bool:
        self.commit_editors()
        doc = doc or self.doc
        if doc is None:
            return False
        if doc.path is None or doc.had_errors:
            return self.save_as(doc)
        return self._save_to(doc, None)

    def save_as(self, doc: MapDocument | None = None) -> bool:
        self.commit_editors()
        doc = doc if isinstance(doc, MapDocument) else self.doc
        if doc is None:
            return False
        start = doc.path or doc.suggested_path \
            or os.path.join(self.browser.folder or "", "neue-karte.yaml")
        path, _ = QFileDialog.getSaveFileName(self, "Save map as", start,
                                              "Argument maps (*.yaml)")
        if not path:
            return False
        if not path.endswith((".yaml", ".yml")):
            path += ".yaml"
        return self._save_to(doc, path)

    def _save_to(self, doc: MapDocument, path: str | None) -> bool:
        try:
            try:
                doc.save(path)
            except SaveConflict as conflict:
                answer = self.ask_conflict(doc, str(conflict))
                if answer == "save-as":
                    return self.save_as(doc)
                if answer != "overwrite":
                    return False
                doc.save(path, overwrite=True)
        except SaveError as exc:
            QMessageBox.critical(self, "Not saved", f"{exc}\n\nNothing was lost: your edits are "
                                 "still open here, and the file on disk is as it was.")
            return False
        self._remember(doc.path)
        self.statusBar().showMessage(f"Saved {doc.path}", 4000)
        self._update_title()
        return True

    def offer_recovery(self) -> list[MapDocument]:
        """After a crash: offer to restore the edits kept in recovery files."""
        return recovery_files.offer_recovery(self)

    def ask_restore(self, entry) -> str:
        return recovery_files.ask_restore(self, entry)

    def ask_conflict(self, doc: MapDocument, message: str) -> str:
        """The file changed on disk since it was read: 'overwrite', 'save-as' or 'cancel'."""
        box = QMessageBox(QMessageBox.Icon.Warning, "File changed on disk",
                          f"{message}\n\nSaving now would overwrite that change with your "
                          "version. Save your version under a new name instead, or overwrite?",
                          parent=self)
        save_as = box.addButton("Save &As…", QMessageBox.ButtonRole.AcceptRole)
        overwrite = box.addButton("&Overwrite", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save_as)
        box.exec()
        clicked = box.clickedButton()
        return "save-as" if clicked is save_as else "overwrite" if clicked is overwrite \
            else "cancel"

    def revert(self) -> None:
        doc = self.doc
        if doc is None or not doc.path:
            return
        if doc.dirty and QMessageBox.question(
                self, "Revert", f"Drop all unsaved edits of {doc.title}?") != \
                QMessageBox.StandardButton.Yes:
            return
        doc.reload()

    def _on_dirty(self, _dirty: bool = False) -> None:
        self._update_title()
        self._update_actions()

    def _on_reloaded(self) -> None:
        self.outline.refresh()
        self.inspector.set_document(self.doc)

    def _on_external_change(self) -> None:
        doc = self.sender()
        if not isinstance(doc, MapDocument):
            return
        answer = QMessageBox.question(
            self, "File changed on disk",
            f"{doc.title} was changed by another program, and you have unsaved edits.\n\n"
            "Reload it from disk and drop your edits?")
        if answer == QMessageBox.StandardButton.Yes:
            doc.reload()

    def _confirm_close(self, doc: MapDocument) -> bool:
        if not doc.dirty:
            return True
        answer = QMessageBox.question(
            self, "Unsaved changes", f"Save the changes to {doc.title}?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save(doc)
        return answer == QMessageBox.StandardButton.Discard

    def close_tab(self, index: int) -> bool:
        view = self.tabs.widget(index)
        if view is None:
            return True
        doc = view.map_scene.doc
        self.commit_editors()
        if not self._confirm_close(doc):
            return False
        doc.close()
        self.undo_group.removeStack(doc.undo_stack)
        self.tabs.removeTab(index)
        view.map_scene.shutdown()
        view.deleteLater()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        self.commit_editors()
        for v in self.views():
            if not self._confirm_close(v.map_scene.doc):
                event.ignore()
                return
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("state", self.saveState(STATE_VERSION))
        for v in self.views():
            v.map_scene.doc.close()
            v.map_scene.shutdown()
        recovery_files.wait()       # the recovery files of discarded edits are gone
        event.accept()

    # -- export ------------------------------------------------------------------------
    def export(self, fmt: str, selection: bool = False, path: str | None = None) -> bool:
        self.commit_editors()
        doc = self.doc
        if doc is None:
            return False
        amap = self._selection_map() if selection else doc.amap
        if amap is None:
            QMessageBox.information(self, "Export", "Select the claims to export first.")
            return False
        ext = OTHER_FORMATS.get(fmt, "." + fmt)
        if path is None:
            base = os.path.splitext(doc.path or doc.suggested_path
                                    or "karte.yaml")[0]
            name = {"aif": "AIF JSON", "argdown": "Argdown", "graphml": "GraphML"}.get(
                fmt, fmt.upper())
            path, _ = QFileDialog.getSaveFileName(self, f"Export {name}", base + ext,
                                                  f"{name} (*{ext})")
            if not path:
                return False
        try:
            if fmt in OTHER_FORMATS:
                data = export_text(amap, fmt).encode("utf-8")
            else:
                ev, english = self.view.evaluation, self.scene.english
                data = export_bytes(amap, fmt, english=english, labels=ev.badges(),
                                    evaluated=ev.describe(english))
            atomic_write(path, data)
        except (ExportError, InterchangeError, OSError) as exc:
            QMessageBox.critical(self, "Export failed", str(exc))
            return False
        self.statusBar().showMessage(f"Exported {path}", 4000)
        return True

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
        folder = QFileDialog.getExistingDirectory(self, "Folder with the article texts",
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
            self.statusBar().showMessage("This article is a source of another map; open "
                                         "that map to add claims from it.", 6000)
            return None
        return self.builder.add(template=Claim("", text=quote, quote=quote, source=source_id),
                                step="New claim from the source")

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
        doc.push(steps[0] if len(steps) == 1 else Macro("Set quote and source", steps))

    # -- import ---------------------------------------------------------------------------
    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Import a map", self.browser.folder or "",
            "Argdown or AIF (*.argdown *.ad *.json *.aif);;Argdown (*.argdown *.ad);;"
            "AIF JSON (*.json *.aif)")
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> MapDocument | None:
        """Open an Argdown or AIF file as a new, unsaved map; what did not fit is listed
        in the problems dock."""
        try:
            result = import_file(path)
        except InterchangeError as exc:
            QMessageBox.critical(self, "Cannot import", str(exc))
            return None
        doc = MapDocument(result.map, None, None, [], self)
        doc.import_warnings = list(result.warnings)
        doc.suggested_path = os.path.splitext(path)[0] + ".yaml"
        doc.undo_stack.resetClean()  # not saved anywhere yet: closing asks
        self._add_tab(doc)
        if result.warnings:
            self.problems_dock.show()
        c = result.map.counts()
        self.statusBar().showMessage(
            f"Imported {os.path.basename(path)}: {c['claims']} claims, {c['relations']} "
            f"relations, {len(result.warnings)} warnings. Save it to keep it.", 8000)
        return doc

    def export_selection(self) -> bool:
        if self.doc is None or not self.scene.selected_claims():
            QMessageBox.information(self, "Export", "Select the claims to export first.")
            return False
        base = os.path.splitext(self.doc.path or "karte.yaml")[0] + "-auswahl.svg"
        path, _ = QFileDialog.getSaveFileName(self, "Export selection", base,
                                              "SVG (*.svg);;PNG (*.png);;PDF (*.pdf)")
        if not path:
            return False
        fmt = os.path.splitext(path)[1].lstrip(".").lower()
        if fmt not in ("svg", "png", "pdf"):
            fmt, path = "svg", path + ".svg"
        return self.export(fmt, selection=True, path=path)

    def _selection_map(self) -> ArgumentMap | None:
        ids = set(self.scene.selected_claims()) if self.scene else set()
        if not ids:
            return None
        full = self.doc.amap.copy()
        part = ArgumentMap(full.title, full.description, full.lang)
        part.display, part.sources, part.external_sources = (full.display, full.sources,
                                                             full.external_sources)
        part.claims = {k: v for k, v in full.claims.items() if k in ids}
        keep = [r for r in full.relations if r.type != "undercut"
                and r.target in ids and all(p in ids for p in r.premises)]
        keys = {r.key for r in keep}
        keep += [r for r in full.relations if r.type == "undercut" and r.target in keys
                 and all(p in ids for p in r.premises)]
        part.relations = keep
        return part

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
        self.find_count.setText(f"{len(self._matches)} found" if words else "")
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

    # -- editing verbs: build a command, push it ------------------------------------------
    def canvas_menu(self, view: MapView, pos) -> QMenu:
        """The context menu for viewport position ``pos``: for the claim or relation
        there (selected first, unless it is part of the selection), or for the map."""
        scene = view.map_scene
        at = view.mapToScene(pos)
        item = next((i for i in view.items(pos)
                     if isinstance(i, ClaimItem) or hasattr(i, "relation_key")), None)
        menu = QMenu(view)
        if isinstance(item, ClaimItem):
            if not item.isSelected():
                scene.select_claims([item.claim_id])
            self._update_actions()
            claim = scene.amap.claims.get(item.claim_id)
            for a in (self.a_edit, self.a_add_reason, self.a_add_objection, None,
                      self.a_support, self.a_attack, None, self.a_copy, self.a_paste,
                      self.a_delete):
                menu.addAction(a) if a else menu.addSeparator()
            if claim is not None and claim.display().quote:
                menu.addSeparator()
                menu.addAction("Show Source &Text", lambda: (self.source_dock.show(),
                                                        self.source_dock.raise_()))
            ev = self.evaluation_menu
            if view.evaluation is not None and view.evaluation.enabled:
                menu.addSeparator()
                for a in (ev.a_accept, ev.a_reject, ev.a_unassume):
                    menu.addAction(a)
        elif item is not None:
            if not item.isSelected():
                scene.select_relation(item.relation_key)
            self._update_actions()
            for a in (self.a_toggle, self.a_reverse, None, self.a_delete):
                menu.addAction(a) if a else menu.addSeparator()
        else:
            menu.addAction("Add Claim &Here", lambda: self.add_claim(at))
            menu.addAction(self.a_paste)
            menu.addSeparator()
            for a in (self.a_select_all, self.a_fit, self.a_auto):
                menu.addAction(a)
        return menu

    def _show_canvas_menu(self, view: MapView, pos) -> None:
        self.canvas_menu(view, pos).exec(view.viewport().mapToGlobal(pos))

    def add_claim(self, pos=None) -> str | None:
        """A new claim in edit mode (at ``pos``, else in view); Esc removes it again."""
        return self.builder.add(pos=pos)

    def add_reason(self) -> str | None:
        """A new claim that supports the selected one, beside it, in edit mode."""
        return self.builder.add_selected("support")

    def add_objection(self) -> str | None:
        """A new claim that attacks the selected one, beside it, in edit mode."""
        return self.builder.add_selected("attack")

    def edit_selected(self) -> None:
        claims = self.scene.selected_claims() if self.scene else []
        if len(claims) == 1:
            self.edit_claim(claims[0])

    def edit_claim(self, claim_id: str, on_commit=None):
        """Edit a claim's text in place; ``on_commit(id, text, english)`` replaces the
        ordinary text edit (a new claim's text and id are set in one step)."""
        doc, view = self.doc, self.view
        if doc is None or view is None or claim_id not in doc.amap.claims:
            return None
        claim = doc.amap.claims[claim_id]
        if claim.ref:
            self.statusBar().showMessage(f"This claim stands for {claim.ref}; edit it there.", 5000)
            return None
        english = self.scene.english
        for v in self.views():       # one editor at a time: another tab's goes to its map
            v.commit_editor()
        editor = view.edit_claim(claim_id, claim.en if english else claim.text)
        if editor is not None:
            if on_commit is not None:
                editor.committed.connect(lambda cid, text: on_commit(cid, text, english))
            else:
                editor.committed.connect(
                    lambda cid, text, doc=doc, view=view: self._commit_text(
                        doc, view, cid, text, english))
        return editor

    def _commit_text(self, doc: MapDocument, view: MapView, claim_id: str, text: str,
                     english: bool) -> None:
        """The in-place editor's text, pushed to the map it was opened on."""
        if doc.closed or claim_id not in doc.amap.claims or not text:
            return
        field = "en" if english else "text"
        if getattr(doc.amap.claims[claim_id], field) != text:
            doc.push(SetClaimField(doc.amap, claim_id, field, text))
        if view is self.view and view.isVisible():
            view.setFocus()

    def commit_editors(self) -> None:
        """Commit every open editor, in place or in the inspector, as its undoable command.
        Every path that saves, exports, evaluates, switches or closes calls this first."""
        for v in self.views():
            v.commit_editor()
        self.inspector.commit_pending()

    def delete_selected(self) -> None:
        doc, scene = self.doc, self.scene
        if doc is None:
            return
        claims, rels = scene.selected_claims(), scene.selected_relations()
        if claims:
            going = {r.key: r for cid in claims for r in doc.amap.relations_touching(cid)}
            if going:
                lines = "\n".join(f"• {', '.join(r.premises)} {r.type} {r.target}"
                                  for r in list(going.values())[:12])
                more = f"\n… and {len(going) - 12} more" if len(going) > 12 else ""
                answer = QMessageBox.question(
                    self, "Delete claims",
                    f"Delete {len(claims)} claim(s)? These {len(going)} relation(s) go with "
                    f"them:\n\n{lines}{more}\n\n(You can undo this.)")
                if answer != QMessageBox.StandardButton.Yes:
                    return
            doc.push(remove_claims(doc.amap, claims))
        elif rels:
            cmds = [RemoveRelation(doc.amap, r) for k in rels
                    if (r := doc.amap.relation_by_key(k)) is not None]
            doc.push(cmds[0] if len(cmds) == 1 else Macro(f"Delete {len(cmds)} relations", cmds))

    def connect_selected(self, kind: str) -> None:
        claims = self.scene.selected_claims() if self.scene else []
        if len(claims) >= 2:
            self.connect(claims[:-1], claims[-1], kind)

    def connect(self, premises: list[str], target: str, kind: str) -> Relation | None:
        doc = self.doc
        if doc is None or target in premises:
            return None
        rel = Relation(kind, list(premises), target)
        if doc.amap.relation_by_key(rel.key) is not None:
            self.statusBar().showMessage("These claims are connected like that already.", 4000)
            return None
        doc.push(AddRelation(doc.amap, rel))
        return rel

    def undercut(self, premises: list[str], relation_key: str) -> Relation | None:
        doc = self.doc
        rel = doc.amap.relation_by_key(relation_key) if doc else None
        if rel is None:
            return None
        cmds = []
        if not rel.id:  # the undercut needs the target's id written in the file
            new_id = doc.amap.new_claim_id("r")
            while doc.amap.relation_by_key(new_id) is not None:
                new_id += "x"
            cmds.append(SetRelationField(doc.amap, rel, "id", new_id))
        ucut = Relation("undercut", list(premises), rel.id if rel.id else new_id)
        cmds.append(AddRelation(doc.amap, ucut))
        doc.push(Macro("Undercut relation", cmds) if len(cmds) > 1 else cmds[0])
        return ucut

    def undercut_selected(self) -> None:
        claims, rels = self.scene.selected_claims(), self.scene.selected_relations()
        if claims and len(rels) == 1:
            self.undercut(claims, rels[0])

    def _on_connect_request(self, premises: list, target: str) -> None:
        if target.startswith("rel:"):
            self.undercut(premises, target[4:])
            return
        kind = self.ask_relation_type(len(premises) > 1)
        if kind:
            self.connect(premises, target, kind)

    def ask_relation_type(self, linked: bool) -> str | None:
        """A menu at the pointer: supports or attacks?"""
        menu = QMenu(self)
        label = "together " if linked else ""
        sup = menu.addAction(f"{label}supports")
        att = menu.addAction(f"{label}attacks")
        chosen = menu.exec(self.cursor().pos())
        return {sup: "support", att: "attack"}.get(chosen)

    def toggle_type(self) -> None:
        doc = self.doc
        cmds = []
        for key in self.scene.selected_relations():
            r = doc.amap.relation_by_key(key)
            if r is not None and r.type in ("support", "attack"):
                cmds.append(SetRelationField(doc.amap, r, "type",
                                             "attack" if r.type == "support" else "support"))
        if cmds:
            doc.push(cmds[0] if len(cmds) == 1 else Macro("Toggle relation types", cmds))
            # a relation's key names its type: select them again under their new keys,
            # so T then R (or T again) goes on with the same relations
            keys = {c.relation.key for c in cmds}
            self.scene.clearSelection()
            for e in self.scene.edge_items:
                if e.relation_key in keys:
                    e.setSelected(True)

    def reverse_selected(self) -> None:
        rels = self.scene.selected_relations()
        r = self.doc.amap.relation_by_key(rels[0]) if len(rels) == 1 else None
        if r is not None:
            try:
                self.doc.push(reverse_relation(self.doc.amap, r))
            except ValueError as exc:
                self.statusBar().showMessage(str(exc), 5000)

    def copy(self) -> None:
        doc = self.doc
        ids = self.scene.selected_claims()
        if not ids:
            return
        claims = {cid: claim_to_data(doc.amap.claims[cid]) for cid in ids}
        rels = [{"type": r.type, "from": r.premises, "to": r.target, "note": r.note}
                for r in doc.amap.relations
                if r.type != "undercut" and r.target in claims and all(p in claims for p in r.premises)]
        mime = QMimeData()
        mime.setData(MIME, json.dumps({"claims": claims, "relations": rels},
                                      ensure_ascii=False).encode("utf-8"))
        mime.setText("\n".join(doc.amap.claims[c].display().text for c in ids))
        QGuiApplication.clipboard().setMimeData(mime)

    def paste(self) -> None:
        doc = self.doc
        mime = QGuiApplication.clipboard().mimeData()
        if doc is None or mime is None:
            return
        if mime.hasFormat(MIME):
            data = json.loads(bytes(mime.data(MIME)).decode("utf-8"))
            claims = [claim_from_data(cid, c) for cid, c in data["claims"].items()]
            rels = [Relation(r["type"], list(r["from"]), r["to"], "", r.get("note", ""))
                    for r in data["relations"]]
        elif mime.hasText() and mime.text().strip():
            claims = claims_from_text(mime.text(), doc.amap.claims)
            rels = []
        else:
            return
        if self.view is not None:
            self.scene.drop_hint = self.view.mapToScene(self.view.viewport().rect().center())
        cmd, renames = paste_claims(doc.amap, claims, rels)
        doc.push(cmd)
        self.scene.select_claims(list(renames.values()))

    def select_all(self) -> None:
        if self.scene:
            self.scene.select_claims(list(self.doc.amap.claims))

    def auto_layout(self) -> None:
        cmd = clear_positions(self.doc.amap) if self.doc else None
        if cmd is not None:
            self.doc.push(cmd)
        elif self.scene:
            self.scene.relayout()

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
        QMessageBox.about(self, "About argmap",
                          f"<b>argmap {__version__}</b><p>Argument maps kept as hand-curated "
                          "YAML, laid out by Graphviz.</p><p>Font: DejaVu Sans.</p>")
