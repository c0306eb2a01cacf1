"""The main window's file verbs: open, save (with conflict and recovery handling),
close, import and export.  A mixin of :class:`MainWindow`."""

from __future__ import annotations

import gc
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFileDialog, QMessageBox,
)

from ..export import ExportError, export_bytes
from ..interchange import InterchangeError, export_text, import_file
from ..interchange_formats import OTHER_FORMATS
from ..layout import quick_layout, sub_layout
from ..model import ArgumentMap
from ..savefile import SaveError, atomic_write
from . import recovery as recovery_files
from .document import MapDocument, SaveConflict
from .scene import MapScene
from .view import MapView

MAX_RECENT = 10
#: the arrangement of docks saved with the window (older arrangements are not restored)
STATE_VERSION = 2



if TYPE_CHECKING:    # a mixin of the main window: its methods (self.tr, …) are there
    from PySide6.QtWidgets import QMainWindow as _Window
else:
    _Window = object


class FileActions(_Window):
    """Opening, saving, closing, importing and exporting maps."""

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
            QMessageBox.critical(self, self.tr("Cannot open map"),
                                 self.tr("{path} cannot be read:").format(path=path) + "\n\n"
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
                self.tr("{title} has errors; it opened as far as it could. "
                        "Saving writes to a new file.").format(title=doc.title), 8000)
        return doc

    def _add_tab(self, doc: MapDocument) -> MapView:
        scene = MapScene(doc, self)
        view = MapView(scene)
        view.set_legend_visible(self.a_legend.isChecked())
        self.evaluation_menu.attach(view)
        self.strengths_menu.attach(view)
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
        QMessageBox.warning(self, self.tr("Layout failed"), message)

    def new_map(self) -> None:
        doc = MapDocument(ArgumentMap("Neue Karte"), None, None, [], self)
        self._add_tab(doc)
        # first its title and sources, then its first claim
        self.map_menu.open_properties(then=lambda: not doc.closed and self.add_claim())

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open map"), self.browser.folder or "",
                                              self.tr("Argument maps") + " (*.yaml *.yml)")
        if path:
            self.open_path(path)

    def open_folder_dialog(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Open folder of maps"),
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
            self.a_recent.addAction(self.tr("(none)")).setEnabled(False)

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
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save map as"), start,
                                              self.tr("Argument maps") + " (*.yaml)")
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
            QMessageBox.critical(self, self.tr("Not saved"), f"{exc}\n\n" + self.tr(
                "Nothing was lost: your edits are still open here, and the file on disk is "
                "as it was."))
            return False
        self._remember(doc.path)
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=doc.path), 4000)
        self._update_title()
        return True

    def offer_recovery(self) -> list[MapDocument]:
        """After a crash: offer to restore the edits kept in recovery files."""
        return recovery_files.offer_recovery(self)

    def ask_restore(self, entry) -> str:
        return recovery_files.ask_restore(self, entry)

    def ask_conflict(self, doc: MapDocument, message: str) -> str:
        """The file changed on disk since it was read: 'overwrite', 'save-as' or 'cancel'."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("File changed on disk"),
                          f"{message}\n\n" + self.tr(
                              "Saving now would overwrite that change with your version. Save "
                              "your version under a new name instead, or overwrite?"),
                          parent=self)
        save_as = box.addButton(self.tr("Save &As…"), QMessageBox.ButtonRole.AcceptRole)
        overwrite = box.addButton(self.tr("&Overwrite"), QMessageBox.ButtonRole.DestructiveRole)
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
                self, self.tr("Revert"),
                self.tr("Drop all unsaved edits of {title}?").format(title=doc.title)) != \
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
            self, self.tr("File changed on disk"),
            self.tr("{title} was changed by another program, and you have unsaved edits.\n\n"
                    "Reload it from disk and drop your edits?").format(title=doc.title))
        if answer == QMessageBox.StandardButton.Yes:
            doc.reload()

    def _confirm_close(self, doc: MapDocument) -> bool:
        if not doc.dirty:
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("Save the changes to {title}?").format(title=doc.title),
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
            # a scene may be taken down after its view (a dock shown reorders the
            # window's children): with nothing selected it tells the view nothing then
            v.map_scene.clearSelection()
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
            QMessageBox.information(self, self.tr("Export"),
                                    self.tr("Select the claims to export first."))
            return False
        ext = OTHER_FORMATS.get(fmt, "." + fmt)
        if path is None:
            base = os.path.splitext(doc.path or doc.suggested_path
                                    or "karte.yaml")[0]
            name = {"aif": "AIF JSON", "argdown": "Argdown", "graphml": "GraphML"}.get(
                fmt, fmt.upper())
            title = self.tr("Export {format}").format(format=name)
            path, _ = QFileDialog.getSaveFileName(self, title, base + ext, f"{name} (*{ext})")
            if not path:
                return False
        try:
            if fmt in OTHER_FORMATS:
                data = export_text(amap, fmt).encode("utf-8")
            else:
                ev, english = self.view.evaluation, self.scene.english
                # the picture the user sees, never a dot run on this thread
                shown = self.scene.layout
                shown = (quick_layout(amap, english) if shown is None
                         else sub_layout(shown, amap, english))
                data = export_bytes(amap, fmt, english=english, labels=ev.badges(),
                                    evaluated=self.view.legend.evaluation, layout=shown)
            atomic_write(path, data)
        except (ExportError, InterchangeError, OSError) as exc:
            QMessageBox.critical(self, self.tr("Export failed"), str(exc))
            return False
        self.statusBar().showMessage(self.tr("Exported {path}").format(path=path), 4000)
        return True

    # -- import ---------------------------------------------------------------------------
    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a map"), self.browser.folder or "",
            self.tr("Argdown, AIF or arggraph") + " (*.argdown *.ad *.json *.aif *.xml);;"
            "Argdown (*.argdown *.ad);;AIF JSON (*.json *.aif);;arggraph XML (*.xml)")
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> MapDocument | None:
        """Open an Argdown or AIF file as a new, unsaved map; what did not fit is listed
        in the problems dock."""
        try:
            result = import_file(path)
        except InterchangeError as exc:
            QMessageBox.critical(self, self.tr("Cannot import"), str(exc))
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
            self.tr("Imported {file}: {claims}, {relations}, {warnings}. Save it to keep "
                    "it.").format(file=os.path.basename(path),
                                  claims=self.tr("%n claims", "", c["claims"]),
                                  relations=self.tr("%n relations", "", c["relations"]),
                                  warnings=self.tr("%n warnings", "", len(result.warnings))),
            8000)
        return doc

    def export_selection(self) -> bool:
        if self.doc is None or not self.scene.selected_claims():
            QMessageBox.information(self, self.tr("Export"),
                                    self.tr("Select the claims to export first."))
            return False
        base = os.path.splitext(self.doc.path or "karte.yaml")[0] + "-auswahl.svg"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export selection"), base,
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
