"""The source pane: the article of the selected claim, its quote highlighted.

Every other quote from the same article is marked faintly in its claim's tag
colour; hovering one names its claim, clicking it selects the claim.  Text
selected in the pane becomes a new claim or the selected claim's quote (the
main window turns those requests into undoable commands).  A bar in the
margin shows which paragraphs hold a quote.

Quotes are found by the core (:mod:`argmap.sourcetext`), exactly as the quote
check finds them; the pane only maps the core's character offsets to Qt's
(UTF-16, one character per line break).
"""

from __future__ import annotations

from bisect import bisect_right
from html import escape

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QTextEdit, QToolTip, QVBoxLayout, QWidget,
)

from ..model import ArgumentMap, Source
from ..quotes import header_folder, source_folders
from ..sourcetext import SourceText, find_source_text
from ..style import tag_color

QUOTE_COLOR = QColor("#ffd42a")
#: underline of the passage nearest to a quote that is not in the article
NEAR_COLOR = QColor("#b00020")
COVERED = QColor("#59a14f")
UNCOVERED = QColor("#dfe3e6")


def _key(src: Source) -> str:
    """Sources are the same article when they name the same file."""
    return src.file or "id:" + src.id


class _Offsets:
    """Python string index -> QTextDocument position (UTF-16 units, CRLF as one)."""

    def __init__(self, raw: str) -> None:
        self.marks: list[int] = []      # indices after which Qt counts differently
        self.shift: list[int] = []      # cumulative difference at each mark
        d = 0
        if raw.isascii() or (all(ord(c) < 0x10000 for c in raw) and "\r" not in raw):
            return
        for i, c in enumerate(raw):
            if ord(c) >= 0x10000:
                d += 1
            elif c == "\r" and raw[i + 1:i + 2] == "\n":
                d -= 1
            else:
                continue
            self.marks.append(i)
            self.shift.append(d)

    def qt(self, index: int) -> int:
        k = bisect_right(self.marks, index - 1)
        return index + (self.shift[k - 1] if k else 0)


class CoverageBar(QWidget):
    """Which paragraphs hold a quote (green) and which none (grey); click to go there."""

    def __init__(self, edit: QTextEdit) -> None:
        super().__init__()
        self.edit = edit
        self.setFixedWidth(10)
        self.bands: list[tuple[int, int, bool]] = []   # Qt positions of paragraphs, covered?
        self.setToolTip(self.tr("Paragraphs with a quote (green) and without (grey)"))
        edit.verticalScrollBar().valueChanged.connect(self.update)

    def set_bands(self, bands: list[tuple[int, int, bool]]) -> None:
        self.bands = bands
        self.update()

    def paintEvent(self, event) -> None:
        doc = self.edit.document()
        total = max(1.0, doc.size().height())
        scale = self.height() / total
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#f4f5f6"))
        layout = doc.documentLayout()
        for start, end, covered in self.bands:
            a, b = doc.findBlock(start), doc.findBlock(max(start, end - 1))
            if not a.isValid():
                continue
            top = layout.blockBoundingRect(a).top()
            bottom = layout.blockBoundingRect(b if b.isValid() else a).bottom()
            painter.fillRect(QRectF(1, top * scale, self.width() - 2,
                                    max(2.0, (bottom - top) * scale - 1)),
                             COVERED if covered else UNCOVERED)
        bar = self.edit.verticalScrollBar()
        if bar.maximum() > 0:
            view = self.edit.viewport().height()
            y = bar.value() * scale
            painter.setPen(QColor("#1e6fd9"))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(0.5, y, self.width() - 1, view * scale))
        painter.end()

    def mousePressEvent(self, event) -> None:
        bar = self.edit.verticalScrollBar()
        frac = event.position().y() / max(1, self.height())
        total = self.edit.document().size().height()
        bar.setValue(int(frac * total - self.edit.viewport().height() / 2))


class SourcePane(QWidget):
    """Dock content: header with the source's details, the text, the coverage bar."""

    claimActivated = Signal(str)              # a highlighted span was clicked
    newClaimRequested = Signal(str, str)      # source id, quote
    setQuoteRequested = Signal(str, str)      # claim id, quote

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sources_dir: str | None = None
        self.amap: ArgumentMap | None = None
        self.claim_id: str | None = None
        self.source: Source | None = None
        self.text: SourceText | None = None
        self.spans: dict[str, tuple[int, int]] = {}     # claim id -> Qt span
        #: Qt span of the passage nearest to the selected claim's quote when it is not found
        self.near: tuple[int, int] | None = None
        self._offsets: _Offsets | None = None
        self._press: QPoint | None = None
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setOpenExternalLinks(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.status = QLabel(self.tr("The claim's quote is not in this text; the passage most "
                                     "like it is underlined in red (the inspector offers it as "
                                     "the quote)."))
        self.status.setWordWrap(True)
        self.status.setStyleSheet(f"color: {NEAR_COLOR.name()}")
        self.status.hide()
        self.edit = QTextEdit()
        self.edit.setReadOnly(True)
        self.edit.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.edit.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.edit.customContextMenuRequested.connect(self._context_menu)
        self.edit.viewport().setMouseTracking(True)
        self.edit.viewport().installEventFilter(self)
        self.edit.selectionChanged.connect(self._update_actions)
        self.bar = CoverageBar(self.edit)
        self.a_new = QAction(self.tr("&New Claim from Selection"), self)
        self.a_new.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.a_new.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.a_new.triggered.connect(self.new_claim_from_selection)
        self.a_quote = QAction(self.tr("Set as &Quote of the Selected Claim"), self)
        self.a_quote.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        self.a_quote.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.a_quote.triggered.connect(self.set_quote_from_selection)
        self.addAction(self.a_new)
        self.addAction(self.a_quote)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(2)
        body.addWidget(self.bar)
        body.addWidget(self.edit, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.header)
        lay.addWidget(self.status)
        lay.addLayout(body, 1)
        self.show_claim(None, None)

    # -- what is shown ---------------------------------------------------------------
    def set_sources_dir(self, folder: str | None) -> None:
        self.sources_dir = folder
        self.source, self.text = None, None
        self.show_claim(self.amap, self.claim_id)

    def show_claim(self, amap: ArgumentMap | None, claim_id: str | None) -> None:
        """Show the article of ``claim_id`` (or keep the article, if it has no source)."""
        if amap is not self.amap or (self.source is not None and amap is not None
                                     and self.source.id not in amap.sources):
            self.source, self.text = None, None   # another map: its article is not this one's
        self.amap, self.claim_id = amap, claim_id
        claim = amap.claims.get(claim_id) if amap and claim_id else None
        src = amap.source_of(claim) if claim is not None else None
        if amap is None:
            self.source, self.text = None, None
            self.header.setText(self.tr("<i>No map open.</i>"))
            self._set_text(None)
            return
        if src is None:
            if self.source is None:
                self.header.setText(self.tr("<i>Select a claim to read its source here.</i>"))
                self._set_text(None)
            else:
                self._find_spans()
                self._highlight(None)
            self._update_actions()
            return
        if self.source is None or _key(src) != _key(self.source) or self.text is None:
            self.source = src
            folders = source_folders(amap, self.sources_dir)
            text = find_source_text(folders, src.file) if src.file else None
            self._header(src, text is not None, folders,
                         header_folder(amap, chosen=self.sources_dir)[1])
            self._set_text(text)
        else:
            self._find_spans()  # the map may have changed since: a few ms
        self._highlight(claim_id)
        self._update_actions()

    def _header(self, src: Source, found: bool, folders: list[str], refused: str = "") -> None:
        bits = [escape(b) for b in (src.outlet, src.date) if b]
        title = f"<b>{escape(src.title or src.id)}</b>"
        url = f"<br><a href='{escape(src.url)}'>{escape(src.url)}</a>" if src.url else ""
        head = title + (" — " + ", ".join(bits) if bits else "") + url
        if not found:
            what = f"<tt>{escape(src.file)}</tt>" if src.file else self.tr("this source's text")
            if folders:
                why = self.tr("{file} is not in {folders}").format(
                    file=what, folders=" {} ".format(self.tr("or")).join(
                        f"<tt>{escape(f)}</tt>" for f in folders))
            elif refused:      # the header names a folder outside the map's tree
                why = escape(refused, quote=False)
            else:
                why = self.tr("no sources folder is set (File → Sources Folder…, "
                              "<tt>argmap gui --sources DIR</tt>, or <tt>source_folder</tt> "
                              "in the map's header)")
            head += ("<br><span style='color:#a66d00'>"
                     + self.tr("The text is not shown: {reason}.").format(reason=why)
                     + "</span>")
        self.header.setText(head)

    def _set_text(self, text: SourceText | None) -> None:
        self.text = text
        self.near = None
        self.status.hide()
        self.spans = {}
        self.edit.setExtraSelections([])
        self.edit.setPlainText(text.raw if text else "")
        self.edit.setVisible(text is not None)
        self.bar.setVisible(text is not None)
        self._offsets = _Offsets(text.raw) if text else None
        self._find_spans()

    def refresh(self, amap: ArgumentMap | None) -> None:
        """The map changed (a quote, a claim): mark its quotes again, keep the place."""
        self.amap = amap
        if amap is None or self.claim_id not in amap.claims:
            self.claim_id = None
        self._find_spans()
        bar = self.edit.verticalScrollBar()
        keep = bar.value()
        self._highlight(self.claim_id, scroll=False)
        bar.setValue(keep)
        self._update_actions()

    def _find_spans(self) -> None:
        text = self.text
        self.spans = {}
        if text is None or self.amap is None or self.source is None:
            self.bar.set_bands([])
            return
        quotes = {}
        for cid, c in self.amap.claims.items():
            shown = c.display()
            src = self.amap.source_of(c) if shown.quote else None
            if src is not None and _key(src) == _key(self.source):
                quotes[cid] = shown.quote
        q = self._offsets.qt
        found = text.find_all(quotes)
        self.spans = {cid: (q(a), q(b)) for cid, (a, b) in found.items()}
        raw_spans = sorted(found.values())
        bands = []
        for p in text.paragraphs():
            covered = any(a < p.end and b > p.start for a, b in raw_spans)
            bands.append((q(p.start), q(p.end), covered))
        self.bar.set_bands(bands)

    def _highlight(self, claim_id: str | None, scroll: bool = True) -> None:
        selections = []
        strong = None
        for cid, (a, b) in self.spans.items():
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.edit.document())
            cursor.setPosition(a)
            cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            fmt = QTextCharFormat()
            if cid == claim_id:
                fmt.setBackground(QUOTE_COLOR)
                strong = sel
            else:
                claim = self.amap.claims.get(cid)
                if claim is None:
                    continue
                tags = claim.tags or claim.display().tags
                color = QColor(tag_color(self.amap, tags[0]) if tags else "#9aa5ae")
                color.setAlpha(55)
                fmt.setBackground(color)
            sel.format = fmt
            selections.append(sel)
        if strong is not None:  # drawn last: on top of overlapping faint ones
            selections.remove(strong)
            selections.append(strong)
        self.near = None
        if strong is None:
            strong = self._nearest_selection(claim_id)
            if strong is not None:
                selections.append(strong)
        self.status.setVisible(self.near is not None)
        if strong is not None and scroll:
            cursor = QTextCursor(strong.cursor)
            cursor.setPosition(strong.cursor.selectionStart())
            self.edit.setTextCursor(cursor)
            self.edit.ensureCursorVisible()
            self._center(strong.cursor.selectionStart())
        self.edit.setExtraSelections(selections)

    def _nearest_selection(self, claim_id: str | None):
        """For a quote not in the article: its nearest passage, underlined in red."""
        claim = self.amap.claims.get(claim_id) if self.amap and claim_id else None
        quote = claim.display().quote if claim is not None else ""
        src = self.amap.source_of(claim) if quote else None
        if self.text is None or src is None or _key(src) != _key(self.source):
            return None
        sug = self.text.nearest(quote)
        if sug is None:
            return None
        q = self._offsets.qt
        self.near = (q(sug.start), q(sug.end))
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.edit.document())
        cursor.setPosition(self.near[0])
        cursor.setPosition(self.near[1], QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(NEAR_COLOR)
        sel.format = fmt
        return sel

    def _center(self, pos: int) -> None:
        cursor = QTextCursor(self.edit.document())
        cursor.setPosition(pos)
        rect = self.edit.cursorRect(cursor)
        bar = self.edit.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - self.edit.viewport().height() // 3)

    def quote_span(self) -> tuple[int, int] | None:
        """The Qt span of the highlighted quote of the selected claim."""
        return self.spans.get(self.claim_id) if self.claim_id else None

    # -- spans under the pointer -----------------------------------------------------------
    def claim_at(self, pos: int) -> str | None:
        """The claim whose quote covers document position ``pos`` (the shortest one)."""
        best = None
        for cid, (a, b) in self.spans.items():
            if a <= pos < b and (best is None or b - a < best[1]):
                best = (cid, b - a)
        return best[0] if best else None

    def eventFilter(self, obj, event) -> bool:
        t = event.type()
        if t == QEvent.Type.MouseMove and self.spans:
            pos = self.edit.cursorForPosition(event.position().toPoint()).position()
            cid = self.claim_at(pos)
            if cid is not None and self.amap is not None:
                claim = self.amap.claims[cid]
                QToolTip.showText(event.globalPosition().toPoint(),
                                  f"<b>{escape(cid)}</b><br>{escape(claim.display().text)}",
                                  self.edit)
            else:
                QToolTip.hideText()
        elif t == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        elif t == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            press, self._press = self._press, None
            if press is not None and (event.position().toPoint() - press).manhattanLength() < 4 \
                    and not self.edit.textCursor().hasSelection():
                pos = self.edit.cursorForPosition(press).position()
                cid = self.claim_at(pos)
                if cid is not None and cid != self.claim_id:
                    self.claimActivated.emit(cid)
        return False

    # -- selection to claims ---------------------------------------------------------------
    def selected_quote(self) -> str:
        text = self.edit.textCursor().selectedText().replace("\u2029", " ")
        return " ".join(text.split())

    def _update_actions(self) -> None:
        has = bool(self.text is not None and self.selected_quote())
        self.a_new.setEnabled(has and self.source is not None)
        self.a_quote.setEnabled(has and self.quote_target() is not None)

    def quote_target(self) -> str | None:
        """The claim a selected passage may become the quote of: the selected claim, if
        its source is the article shown (or it has none yet and the article is one of
        this map's sources)."""
        claim = self.amap.claims.get(self.claim_id) if self.amap and self.claim_id else None
        if claim is None or claim.ref or self.source is None \
                or self.source.id not in self.amap.sources:
            return None
        return claim.id if claim.source in ("", self.source.id) else None

    def new_claim_from_selection(self) -> None:
        quote = self.selected_quote()
        if quote and self.source is not None:
            self.newClaimRequested.emit(self.source.id, quote)

    def set_quote_from_selection(self) -> None:
        quote = self.selected_quote()
        if quote and self.quote_target():
            self.setQuoteRequested.emit(self.claim_id, quote)

    def _context_menu(self, point: QPoint) -> None:
        menu = self.edit.createStandardContextMenu(point)
        menu.addSeparator()
        self._update_actions()
        menu.addAction(self.a_new)
        menu.addAction(self.a_quote)
        menu.exec(self.edit.viewport().mapToGlobal(point))
        menu.deleteLater()

