"""The shipped font, loaded once, set up to measure exactly as the core does."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QFont, QFontDatabase

from ..resources import resource_path
from ..style import FONT_FAMILY, FONT_FILE, FONT_FILE_BOLD

_loaded: list[str] = []


def load_fonts() -> str:
    """Register the shipped font files; returns the family name."""
    if not _loaded:
        for name in (FONT_FILE, FONT_FILE_BOLD):
            fid = QFontDatabase.addApplicationFont(str(resource_path("fonts/" + name)))
            fams = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
            if fams and not _loaded:
                _loaded.append(fams[0])
        if not _loaded:
            _loaded.append(FONT_FAMILY)
    return _loaded[0]


@lru_cache(maxsize=16)
def map_font(size: float, bold: bool = False) -> QFont:
    """The font boxes are drawn in: unhinted and unkerned, like the core measures."""
    f = QFont(load_fonts())
    f.setPixelSize(max(1, round(size)))  # style sizes are whole pixels
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    f.setKerning(False)
    f.setBold(bold)
    f.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return f
