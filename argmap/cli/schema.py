"""``argmap schema``: where the installed JSON Schema of the map format is, for
editors that check maps anywhere on disk, not only beside this source tree."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from .common import EXIT_OK, EXIT_USAGE, error

NAME = "schema"
HELP = "print the path of the map format's JSON Schema, for editors"

SCHEMA_FILE = "argmap.schema.json"
#: the files the editor setting of ``--vscode`` checks against the schema
FILE_PATTERNS = ("*.argmap.yaml", "maps/*.yaml")


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``schema`` on an argparse subparsers object."""
    p = subparsers.add_parser(
        NAME, help=HELP,
        description="Print the absolute path of the installed JSON Schema of the map "
                    "format, for an editor setting (docs/format.md, section Editors).")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--print", action="store_true", dest="content",
                      help="print the schema itself")
    what.add_argument("--vscode", action="store_true",
                      help='print the "yaml.schemas" entry for VS Code\'s settings.json')
    what.add_argument("--modeline", action="store_true",
                      help="print the first line that ties one map file to the schema")
    p.set_defaults(func=cmd_schema)
    return p


def schema_file() -> Path | None:
    """The schema as a file on disk that outlives this process, or None (a
    package imported from an archive has no such file)."""
    from ..resources import RESOURCES

    path = RESOURCES / SCHEMA_FILE
    return path.resolve() if path.is_file() else None


def vscode_setting(path: Path) -> str:
    """``"yaml.schemas": {...}``, to paste into VS Code's settings.json."""
    entry = json.dumps({str(path): list(FILE_PATTERNS)}, indent=2)
    return f'"yaml.schemas": {entry}'


def cmd_schema(args: argparse.Namespace) -> int:
    if args.content:
        from ..resources import resource_path

        print(resource_path(SCHEMA_FILE).read_text(encoding="utf-8"), end="")
        return EXIT_OK
    path = schema_file()
    if path is None:
        error(NAME, "this installation keeps the schema inside an archive, not as a file; "
                    f"save it with 'argmap schema --print > {SCHEMA_FILE}'")
        return EXIT_USAGE
    if args.vscode:
        print(vscode_setting(path))
    elif args.modeline:
        print(f"# yaml-language-server: $schema={path}")
    else:
        print(path)
    return EXIT_OK
