"""The translated interface: the German .ts holds every text of the GUI, all of
them translated, the shipped .qm is compiled from it, and the app starts in
German (View → Language, ``--lang``, the system's language) with German menus,
status bar and dialogs."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from test_gui import _no_unexpected_dialogs, mapfile, open_and_settle  # noqa: F401
from test_package import wheel  # noqa: F401

from argmap.gui import language
from argmap.gui.fonts import load_fonts
from argmap.gui.main_window import MainWindow
from argmap.resources import resource_path

from conftest import ROOT

GUI = ROOT / "argmap" / "gui"
TS = ROOT / "resources" / "translations" / "argmap_de.ts"
QM = ROOT / "resources" / "translations" / "argmap_de.qm"
BIN = Path(sys.executable).parent
LUPDATE, LRELEASE = BIN / "pyside6-lupdate", BIN / "pyside6-lrelease"
needs_tools = pytest.mark.skipif(not (LUPDATE.exists() and LRELEASE.exists()),
                                 reason="pyside6-lupdate/lrelease are not installed")


def messages(ts: Path) -> dict[tuple[str, str, bool], ET.Element]:
    """(context, source, plural?) -> the message element."""
    out = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name")
        for m in ctx.iter("message"):
            out[(name, m.findtext("source"), m.get("numerus") == "yes")] = m
    return out


def translations(m: ET.Element) -> list[str]:
    t = m.find("translation")
    forms = t.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [t.text or ""]


# -- the translation files ---------------------------------------------------------------
@needs_tools
def test_the_ts_holds_every_text_lupdate_finds_in_the_gui(tmp_path):
    fresh = tmp_path / "argmap_de.ts"
    done = subprocess.run([str(LUPDATE), "-locations", "none", "-no-obsolete",
                           *sorted(str(p) for p in GUI.glob("*.py")), "-ts", str(fresh)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    found, shipped = set(messages(fresh)), set(messages(TS))
    assert found - shipped == set(), "texts not in the .ts yet: run lupdate (docs/manual.md)"
    assert shipped - found == set(), "texts no longer in the code: run lupdate -no-obsolete"
    assert len(found) > 300


def test_every_message_is_translated_and_none_is_obsolete():
    for key, m in messages(TS).items():
        t = m.find("translation")
        assert t.get("type") not in ("unfinished", "obsolete", "vanished"), key
        assert all(text.strip() for text in translations(m)), key
        if key[2]:
            assert len(translations(m)) == 2, key    # German: singular and plural


#: the rich-text tags the interface's texts use
MARKUP = r"</?(?:a|b|br|i|p|small|span|tt)\b"


def test_translations_keep_the_placeholders_and_the_markup():
    for (ctx, source, plural), m in messages(TS).items():
        names = sorted(re.findall(r"\{\w*\}", source))
        tags = sorted(re.findall(MARKUP, source))
        for text in translations(m):
            assert sorted(re.findall(r"\{\w*\}", text)) == names, (ctx, source, text)
            assert sorted(re.findall(MARKUP, text)) == tags, (ctx, source, text)
            if "%n" in source and not plural:
                assert "%n" in text, (ctx, source)
        if plural:       # the plural form names the number; the singular may say "one"
            assert "%n" in translations(m)[-1], (ctx, source)


def test_menu_mnemonics_stay_unique_in_the_german_menu_bar():
    tops = ["&File", "&Edit", "&Map", "&View", "Eva&luate", "&Help"]
    by_source = {src: translations(m)[0] for (_c, src, _p), m in messages(TS).items()}
    keys = [re.search(r"&(\w)", by_source[t]).group(1).lower() for t in tops]
    assert len(set(keys)) == len(keys), keys


@needs_tools
def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path):
    out = tmp_path / "argmap_de.qm"
    done = subprocess.run([str(LRELEASE), str(TS), "-qm", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == QM.read_bytes(), \
        "argmap_de.qm is older than argmap_de.ts: run pyside6-lrelease (docs/manual.md)"


def test_no_text_is_formatted_before_it_is_translated():
    """tr(f"…") would look up the filled-in text, which no translation has; a bare
    tr() would land in no context.  Values go in with .format() after tr()."""
    for path in GUI.glob("*.py"):
        code = path.read_text(encoding="utf-8")
        assert not re.search(r"\btr\(\s*f[\"']", code), path.name
        assert not re.search(r"translate\(\s*\"\w+\",\s*f[\"']", code), path.name
        assert not re.search(r"(?<![.\w])(?<!def )tr\(", code), path.name


def test_the_translation_is_a_shipped_resource():
    assert Path(language.translation_file("de")) == resource_path(
        "translations/argmap_de.qm")
    assert language.translation_file("fr") is None
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"translations/*.qm"' in pyproject


# -- which language ---------------------------------------------------------------------
@pytest.mark.parametrize("ui, lang", [
    (["de-DE", "en-US"], "de"), (["en-GB", "de"], "en"), (["fr-FR", "de-AT"], "de"),
    (["fr-FR"], "en"), (["C"], "en"), ([], "en"), (["de_CH"], "de")])
def test_the_first_language_of_the_user_that_argmap_speaks(ui, lang):
    assert language.pick(ui) == lang


def test_the_language_asked_for_then_the_environment_then_the_setting_then_the_system(
        tmp_path, monkeypatch):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    monkeypatch.delenv(language.ENV, raising=False)
    monkeypatch.setattr(language, "system_language", lambda: "de")
    assert language.chosen_language(settings) == "de"
    settings.setValue(language.SETTING, "en")
    assert language.chosen_language(settings) == "en"
    monkeypatch.setenv(language.ENV, "de")
    assert language.chosen_language(settings) == "de"
    assert language.chosen_language(settings, "en") == "en"
    monkeypatch.setenv(language.ENV, "xx")       # not one it speaks: the setting
    assert language.chosen_language(settings) == "en"


def test_the_system_language_follows_the_environment(tmp_path):
    code = ("from PySide6.QtCore import QCoreApplication; app = QCoreApplication([]);"
            "from argmap.gui.language import system_language; print(system_language())")
    for env, lang in (({"LANGUAGE": "de:en", "LANG": "de_DE.UTF-8"}, "de"),
                      ({"LANG": "de_AT.UTF-8"}, "de"), ({"LANG": "en_US.UTF-8"}, "en"),
                      ({"LANG": "C"}, "en")):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), **env},
                              cwd=ROOT, timeout=60)
        assert done.stdout.strip() == lang, (env, done.stderr)


def test_installing_german_translates_and_english_takes_it_back(qapp):
    try:
        loaded = language.install("de")
        assert str(resource_path("translations/argmap_de.qm")) in loaded
        assert language.current_language() == "de"
        assert QCoreApplication.translate("MainWindow", "&File") == "&Datei"
        if language.qt_translation_file("de"):       # Qt's own German, where installed
            assert any("qtbase_de" in p for p in loaded)
    finally:
        language.install("en")
    assert language.current_language() == "en"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_gui_lang_refuses_a_language_it_does_not_speak(capsys):
    from argmap.cli import main
    assert main(["gui", "--lang", "fr"]) == 2
    assert "--lang" in capsys.readouterr().err


def test_gui_lang_de_starts_the_app_in_german(qapp, tmp_path, mapfile):
    from argmap.gui.app import main
    out = tmp_path / "de.png"
    args = argparse.Namespace(path=str(mapfile), sources=None, screenshot=str(out), lang="de")
    try:
        assert main(args) == 0
        assert language.current_language() == "de"
    finally:
        language.install("en")
    assert out.read_bytes().startswith(b"\x89PNG")


# -- the app in German --------------------------------------------------------------------
@pytest.fixture
def german_window(qtbot, tmp_path):
    load_fonts()
    language.install("de")
    try:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        w = MainWindow(settings)
        qtbot.addWidget(w, before_close_func=lambda w: [
            v.map_scene.doc.undo_stack.setClean() for v in w.views()])
        w.resize(1300, 850)
        w.show()
        yield w
    finally:
        language.install("en")


def test_the_window_speaks_german(qtbot, german_window, mapfile, monkeypatch):
    w = german_window
    titles = [a.text() for a in w.menuBar().actions()]
    assert titles == ["&Datei", "&Bearbeiten", "&Karte", "&Ansicht", "Aus&wertung", "&Hilfe"]
    file_menu = w.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert "Speichern &unter…" in texts and "&Beenden" in texts
    assert w.a_undo.text() == "&Rückgängig" and w.a_redo.text() == "&Wiederholen"
    assert w.inspector_dock.windowTitle() == "Inspektor"
    assert w.inspector_dock.objectName() == "InspectorDock"   # saved layouts still fit
    doc = open_and_settle(qtbot, w, mapfile)
    status = w.status.text()
    assert f"{len(doc.amap.claims)} Aussagen · {len(doc.amap.relations)} Beziehungen" in status
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[1:3]) or QMessageBox.StandardButton.No)
    w.scene.select_claims([next(iter(doc.amap.claims))])
    w.a_delete.trigger()
    assert asked and asked[0][0] == "Aussagen löschen"
    assert "Aussage löschen?" in asked[0][1] and "(Das lässt sich rückgängig machen.)" in asked[0][1]


def test_no_german_menu_mnemonic_is_used_twice(german_window):
    from test_gui_details import test_no_menu_mnemonic_is_used_twice as check
    check(german_window)


def test_german_dialogs_and_qts_own_buttons(qtbot, german_window, mapfile):
    w = german_window
    open_and_settle(qtbot, w, mapfile)
    dialog = w.map_menu.open_properties()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Eigenschaften der Karte"
    assert [dialog.tabs.tabText(i) for i in range(3)] == ["&Allgemein", "&Quellen",
                                                          "&Schlagwörter"]
    if language.qt_translation_file("de"):
        cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel.text().replace("&", "") == "Abbrechen"
    dialog.reject()


def test_the_german_shortcuts_list_has_room_for_the_actions(qtbot, german_window):
    """German names and keys are long ("Strg+Umschalt+Links, …"): the names of the
    actions are not cut short, a long list of keys goes one key a line."""
    from argmap.gui.shortcuts_dialog import show_shortcuts
    dialog = show_shortcuts(german_window)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    tree = dialog.tree
    assert tree.columnWidth(0) >= tree.sizeHintForColumn(0)
    assert tree.columnWidth(1) >= tree.sizeHintForColumn(1)
    shift_arrows = next(e for e in dialog.entries if e.keys.startswith("Umschalt+Links"))
    assert len(dialog._key_lines(shift_arrows.keys).splitlines()) == 4
    dialog.close()


# -- View → Language -----------------------------------------------------------------------
def test_view_language_keeps_the_choice_for_the_next_start(qtbot, tmp_path, monkeypatch):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(settings)
    qtbot.addWidget(w)
    view = next(a.menu() for a in w.menuBar().actions() if a.text() == "&View")
    sub = next(a.menu() for a in view.actions() if a.text() == "La&nguage")
    names = [a.text() for a in sub.actions()]
    assert names[0].startswith("&System (") and names[1:] == ["&English", "&Deutsch"]
    assert w.language_menu.actions["system"].isChecked()
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    w.language_menu.actions["de"].trigger()
    assert settings.value(language.SETTING) == "de"
    assert told and "next time argmap starts" in told[0]
    assert QApplication.translate("MainWindow", "&File") == "&File"   # not before then
    monkeypatch.delenv(language.ENV)
    assert language.chosen_language(QSettings(str(tmp_path / "settings.ini"),
                                              QSettings.Format.IniFormat)) == "de"


def test_the_wheel_ships_the_compiled_translation(wheel):
    names = wheel.namelist()
    assert "argmap/_resources/translations/argmap_de.qm" in names
    assert wheel.read("argmap/_resources/translations/argmap_de.qm") == QM.read_bytes()
    assert "argmap/_resources/translations/argmap_de.ts" in names   # for translators
