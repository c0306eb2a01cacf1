"""Problems found in a map file, reported the way a compiler does.

``maps/x.yaml:12:5: error: relation 'r3' points to unknown claim 'foo'``
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    severity: str
    message: str
    file: str = ""
    line: int = 0      # 1-based; 0 when unknown
    column: int = 0    # 1-based; 0 when unknown
    #: the claim id or relation key the problem is about, if any
    subject: str = ""

    def __str__(self) -> str:
        where = self.file or "<input>"
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        return f"{where}: {self.severity}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


class MapError(Exception):
    """Raised when a file cannot be read into a map at all.

    Carries the diagnostics that explain why; ``str()`` is ready to print.
    """

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))


def sort_key(d: Diagnostic) -> tuple:
    return (d.file, d.line or 10**9, d.column, d.severity != ERROR, d.message)
