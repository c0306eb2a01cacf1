"""The main window's editing verbs: each builds a core command and pushes it.
A mixin of :class:`MainWindow`."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QMessageBox

from ..commands import (
    Relayout, AddRelation, Macro, RemoveRelation, SetRelationField, clear_positions,
    paste_claims, remove_claims, reverse_relation, SetClaimField,
)
from ..fileformat import claim_from_data, claim_to_data
from ..model import Relation
from .building import claims_from_text
from .document import MapDocument
from .claim_item import ClaimItem
from .view import MapView

MIME = "application/x-argmap-claims"



if TYPE_CHECKING:    # a mixin of the main window: its methods (self.tr, …) are there
    from PySide6.QtWidgets import QMainWindow as _Window
else:
    _Window = object


class EditingVerbs(_Window):
    """Connect, undercut, delete, toggle, reverse, copy, paste, the canvas menu."""

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
                      self.a_support, self.a_attack):
                menu.addAction(a) if a else menu.addSeparator()
            # "=" is a key of the canvas (view.py), shown here as the action's shortcut
            rephrase = menu.addAction(self.tr("Connect as &Rephrase") + "\t=",
                                      lambda: self.connect_selected("rephrase"))
            rephrase.setToolTip(self.tr("The claim selected first restates the one selected "
                                        "last"))
            rephrase.setEnabled(len(scene.selected_claims()) == 2)
            for a in (None, self.a_copy, self.a_paste, self.a_delete):
                menu.addAction(a) if a else menu.addSeparator()
            if claim is not None and claim.display().quote:
                menu.addSeparator()
                menu.addAction(self.tr("Show Source &Text"), lambda: (self.source_dock.show(),
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
            menu.addAction(self.tr("Add Claim &Here"), lambda: self.add_claim(at))
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
            self.statusBar().showMessage(
                self.tr("This claim stands for {ref}; edit it there.").format(ref=claim.ref), 5000)
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
                more = ("\n" + self.tr("… and %n more", "", len(going) - 12)
                        if len(going) > 12 else "")
                question = (self.tr("Delete %n claim(s)?", "", len(claims)) + " "
                            + self.tr("These %n relation(s) go with them:", "", len(going)))
                answer = QMessageBox.question(
                    self, self.tr("Delete claims"),
                    f"{question}\n\n{lines}{more}\n\n" + self.tr("(You can undo this.)"))
                if answer != QMessageBox.StandardButton.Yes:
                    return
            doc.push(remove_claims(doc.amap, claims))
        elif rels:
            cmds = [RemoveRelation(doc.amap, r) for k in rels
                    if (r := doc.amap.relation_by_key(k)) is not None]
            doc.push(cmds[0] if len(cmds) == 1
                     else Macro(self.tr("Delete %n relations", "", len(cmds)), cmds))

    def connect_selected(self, kind: str) -> None:
        claims = self.scene.selected_claims() if self.scene else []
        if kind == "rephrase" and len(claims) != 2:
            self.statusBar().showMessage(
                self.tr("A rephrase joins two claims: select the one that restates, then "
                        "the one it restates."), 5000)
            return
        if len(claims) >= 2:
            self.connect_claims(claims[:-1], claims[-1], kind)

    def connect_claims(self, premises: list[str], target: str, kind: str) -> Relation | None:
        doc = self.doc
        if doc is None or target in premises:
            return None
        rel = Relation(kind, list(premises), target)
        again = Relation(kind, [target], premises[0])     # a rephrase the other way round
        if doc.amap.relation_by_key(rel.key) is not None or (
                kind == "rephrase" and doc.amap.relation_by_key(again.key) is not None):
            self.statusBar().showMessage(
                self.tr("These claims are connected like that already."), 4000)
            return None
        doc.push(AddRelation(doc.amap, rel))
        return rel

    def undercut(self, premises: list[str], relation_key: str) -> Relation | None:
        doc = self.doc
        rel = doc.amap.relation_by_key(relation_key) if doc else None
        if rel is None:
            return None
        if rel.type == "rephrase":
            self.statusBar().showMessage(
                self.tr("A rephrase is no inference and cannot be undercut; attack the "
                        "claim that restates instead."), 5000)
            return None
        cmds = []
        if not rel.id:  # the undercut needs the target's id written in the file
            new_id = doc.amap.new_claim_id("r")
            while doc.amap.relation_by_key(new_id) is not None:
                new_id += "x"
            cmds.append(SetRelationField(doc.amap, rel, "id", new_id))
        ucut = Relation("undercut", list(premises), rel.id if rel.id else new_id)
        cmds.append(AddRelation(doc.amap, ucut))
        doc.push(Macro(self.tr("Undercut relation"), cmds) if len(cmds) > 1 else cmds[0])
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
            self.connect_claims(premises, target, kind)

    def ask_relation_type(self, linked: bool) -> str | None:
        """A menu at the pointer: supports, attacks, or (one claim) restates?"""
        menu = QMenu(self)
        sup = menu.addAction(self.tr("together supports") if linked else self.tr("supports"))
        att = menu.addAction(self.tr("together attacks") if linked else self.tr("attacks"))
        kinds = {sup: "support", att: "attack"}
        if not linked:
            kinds[menu.addAction(self.tr("restates"))] = "rephrase"
        chosen = menu.exec(self.cursor().pos())
        return kinds.get(chosen) if chosen is not None else None

    def toggle_type(self) -> None:
        doc = self.doc
        cmds = []
        for key in self.scene.selected_relations():
            r = doc.amap.relation_by_key(key)
            if r is not None and r.type in ("support", "attack"):
                cmds.append(SetRelationField(doc.amap, r, "type",
                                             "attack" if r.type == "support" else "support"))
        if cmds:
            doc.push(cmds[0] if len(cmds) == 1
                     else Macro(self.tr("Toggle relation types"), cmds))
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
        if self.doc is None:
            return
        # one undoable step either way: forgetting the manual positions, or a new picture
        self.doc.push(clear_positions(self.doc.amap) or Relayout())
