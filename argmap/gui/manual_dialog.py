"""Help → User Manual: docs/manual.md, shown in a browser with its screenshots.

The manual lives in the source tree's ``docs/`` folder, beside the other
documents it links to; an installed package has no ``docs/``, and then the
dialog says where to find it instead.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPixmap, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .language import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from .main_window import MainWindow

MANUAL = "manual.md"
#: screenshots wider than this are scaled down to it, so the text stays readable
IMAGE_WIDTH = 820

#: what the dialog shows where the manual is not installed (Markdown, translated)
MISSING = QT_TRANSLATE_NOOP("ManualDialog", """# argmap User Manual

The manual is not installed with argmap. It is the file `docs/{manual}` of
argmap's source code, beside `docs/format.md` (the file format),
`docs/semantics.md` (evaluation) and `docs/interchange.md` (Argdown, AIF and
GraphML). The README of the source code gives a short tour of the app.
""")


def docs_folder() -> Path | None:
    """The source tree's docs/ folder when it holds the manual, else None."""
    folder = Path(__file__).resolve().parent.parent.parent / "docs"
    return folder if (folder / MANUAL).is_file() else None


def heading_anchor(text: str) -> str:
    """The anchor a heading gets on GitHub: 'Saving, and crashes' → 'saving-and-crashes'."""
    return re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")


class ManualBrowser(QTextBrowser):
    """Markdown from the docs folder; links within it followed here, others outside."""

    def __init__(self, folder: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder.resolve() if folder is not None else None
        self.setOpenLinks(False)
        self.anchorClicked.connect(self.follow)
        if folder is not None:
            self.setSearchPaths([str(folder)])

    def loadResource(self, kind: int, url: QUrl):
        data = super().loadResource(kind, url)
        if kind != QTextDocument.ResourceType.ImageResource.value or data is None:
            return data
        image = QImage.fromData(data) if isinstance(data, QByteArray) else data
        if isinstance(image, (QImage, QPixmap)) and not image.isNull() \
                and image.width() > IMAGE_WIDTH:
            return image.scaledToWidth(IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation)
        return image

    def follow(self, url: QUrl) -> None:
        if url.scheme() not in ("", "file"):
            QDesktopServices.openUrl(url)             # the web: the user's browser
            return
        if not url.path():
            self.scroll_to(url.fragment())
            return
        target = (self.folder / url.path()).resolve() if self.folder else None
        if target is not None and target.suffix == ".md" and target.parent == self.folder \
                and target.is_file():
            self.setSource(QUrl(target.name), QTextDocument.ResourceType.MarkdownResource)
            if url.fragment():
                self.scroll_to(url.fragment())
        elif target is not None and target.exists():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    def scroll_to(self, anchor: str) -> bool:
        """Scroll the heading whose anchor is ``anchor`` to the top."""
        doc = self.document()
        block = doc.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() and heading_anchor(block.text()) == anchor:
                top = doc.documentLayout().blockBoundingRect(block).top()
                self.verticalScrollBar().setValue(int(top))
                return True
            block = block.next()
        return False


class ManualDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("argmap User Manual"))
        self.resize(900, 760)
        folder = folder if folder is not None else docs_folder()
        self.browser = ManualBrowser(folder)
        if folder is not None:
            self.browser.setSource(QUrl(MANUAL), QTextDocument.ResourceType.MarkdownResource)
        else:
            self.browser.setMarkdown(self.tr(MISSING).format(manual=MANUAL))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        back = QPushButton(self.tr("&Back"))
        back.setEnabled(False)
        back.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(back.setEnabled)
        buttons.addButton(back, QDialogButtonBox.ButtonRole.ActionRole)
        home = QPushButton(self.tr("&Contents"))
        home.clicked.connect(self.home)
        home.setEnabled(folder is not None)
        buttons.addButton(home, QDialogButtonBox.ButtonRole.ActionRole)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser, 1)
        lay.addWidget(buttons)

    def home(self) -> None:
        if self.browser.source().fileName() != MANUAL:
            self.browser.setSource(QUrl(MANUAL), QTextDocument.ResourceType.MarkdownResource)
        self.browser.verticalScrollBar().setValue(0)


def show_manual(window: MainWindow) -> ManualDialog:
    """Show the manual (one dialog per window), without waiting for it."""
    dialog = window.findChild(ManualDialog)
    if dialog is None:
        dialog = ManualDialog(window)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
