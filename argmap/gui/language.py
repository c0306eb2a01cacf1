"""The language of the interface: English (the texts in the code) or German.

Which one: ``argmap gui --lang de|en``, else the environment variable
``ARGMAP_LANG``, else View → Language (kept in the settings), else the
system's (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, as
:meth:`QLocale.uiLanguages` reads them), else English.  The translations are
Qt's ``.qm`` files in ``resources/translations/`` (made from the ``.ts``
files there with ``pyside6-lrelease``); Qt's own German (the buttons of
standard dialogs, key names) comes from the ``qtbase_de.qm`` that PySide6
ships, where it is installed.  A change in the menu takes effect at the next
start.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication, QLibraryInfo, QLocale, QObject, QSettings, QTranslator,
)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from ..resources import resource_path

#: the interface's languages; English is the source text and needs no file
LANGUAGES = ("en", "de")
#: how each language names itself in the menu (not translated, as everywhere)
NATIVE_NAMES = {"en": "English", "de": "Deutsch"}
#: the settings key of View → Language: "system", "en" or "de"
SETTING = "language"
#: the environment variable that picks the language over the setting
ENV = "ARGMAP_LANG"

if TYPE_CHECKING:
    def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
        """Marks ``text`` for lupdate in ``context``; it is translated where it is shown."""
        return text
else:       # Qt's own, typed as returning an object: modules import it from here
    from PySide6.QtCore import QT_TRANSLATE_NOOP  # noqa: F401

_installed: list[QTranslator] = []
_current = ["en"]


def pick(ui_languages: Iterable[str]) -> str:
    """The first of the user's languages (``de-DE``, ``en_GB``, ``de``…) the
    interface speaks; English if none."""
    for name in ui_languages:
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
        if code in ("c", "posix"):
            return "en"
    return "en"


def system_language() -> str:
    return pick(QLocale.system().uiLanguages())


def stored_choice(settings: QSettings) -> str:
    """What View → Language says: "system", "en" or "de"."""
    value = settings.value(SETTING, "system")
    return value if value in LANGUAGES else "system"


def chosen_language(settings: QSettings, requested: str | None = None) -> str:
    """The language to start in: the one asked for (``--lang``), ``ARGMAP_LANG``,
    the setting, the system's."""
    for value in (requested, os.environ.get(ENV)):
        code = (value or "").strip().lower()
        if code in LANGUAGES:
            return code
    choice = stored_choice(settings)
    return choice if choice != "system" else system_language()


def translation_file(lang: str) -> str | None:
    """argmap's compiled translation for ``lang``, if it ships one."""
    path = resource_path(f"translations/argmap_{lang}.qm")
    return str(path) if path.is_file() else None


def qt_translation_file(lang: str) -> str | None:
    """Qt's own translation (standard buttons, key names) for ``lang``, if installed."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    path = os.path.join(folder, f"qtbase_{lang}.qm")
    return path if os.path.isfile(path) else None


def install(lang: str, app: QCoreApplication | None = None) -> list[str]:
    """Speak ``lang`` from now on (texts made after this call); the files loaded.
    The translators installed by an earlier call are removed first."""
    app = app or QCoreApplication.instance()
    assert app is not None, "translations are installed into a running application"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current[0] = "en"
    loaded: list[str] = []
    if lang == "en" or translation_file(lang) is None:
        return loaded
    for path in (qt_translation_file(lang), translation_file(lang)):
        translator = QTranslator(app)
        if path and translator.load(path):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(path)
    if translation_file(lang) in loaded:
        _current[0] = lang
    return loaded


def current_language() -> str:
    """The language the interface speaks now."""
    return _current[0]


class LanguageMenu(QObject):
    """View → Language: System, English, Deutsch; kept in the settings, used at the
    next start."""

    def __init__(self, window: QWidget, settings: QSettings) -> None:
        super().__init__(window)
        self.window, self.settings = window, settings
        self.menu = QMenu(self.tr("La&nguage"), window)
        self.group = QActionGroup(self)
        self.actions: dict[str, QAction] = {}
        system = NATIVE_NAMES[system_language()]
        labels = {"system": self.tr("&System ({language})").format(language=system),
                  "en": "&" + NATIVE_NAMES["en"], "de": "&" + NATIVE_NAMES["de"]}
        for code, label in labels.items():
            action = QAction(label, self)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, code=code: self.choose(code))
            self.group.addAction(action)
            self.menu.addAction(action)
            self.actions[code] = action
        self.actions[stored_choice(settings)].setChecked(True)

    def choose(self, code: str) -> None:
        """Keep ``code`` ("system", "en", "de") for the next start, and say so."""
        before = stored_choice(self.settings)
        self.actions[code].setChecked(True)
        if code == before:
            return
        self.settings.setValue(SETTING, code)
        self.settings.sync()
        lang = system_language() if code == "system" else code
        if lang == current_language():
            return
        QMessageBox.information(
            self.window, self.tr("Language"),
            self.tr("The interface will be in {language} the next time argmap "
                    "starts.").format(language=NATIVE_NAMES[lang]))


#: a context no translation has: what a text is when it is not translated
_AS_IS = "argmap-untranslated"


def translate_in(cls: type, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` translated in the context of ``cls`` or of the first class it
    inherits from that has it: what ``self.tr()`` does, for plurals too (PySide
    takes a plural text of a base class or mixin for translated as soon as ``%n``
    is filled in, and never looks further)."""
    as_is = QCoreApplication.translate(_AS_IS, text, disambiguation, n)
    for klass in cls.__mro__:
        found = QCoreApplication.translate(klass.__name__, text, disambiguation, n)
        if found != as_is:
            return found
    return as_is
