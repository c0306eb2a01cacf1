"""``argmap merge`` on the command line and as git's merge driver: exit status, what is
written, the conflicts `argmap check` reports at their line and column."""

import os
import re
import shutil
import subprocess
import sys

import pytest
from conftest import DATA, ROOT

from argmap.cli import main
from argmap.commands import ResolveConflict
from argmap.mapio import load_file
from argmap.savefile import save_map

EXAMPLE = DATA / "example.yaml"
TEXT = EXAMPLE.read_text(encoding="utf-8")
QUESTION = "text: Sollte es jetzt einen Waffenstillstand geben?"
TIRED = "text: Der Westen wird des Krieges müde."


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path)


def _three(tmp_path, ours, theirs):
    return (_write(tmp_path / "base.yaml", TEXT), _write(tmp_path / "ours.yaml", ours),
            _write(tmp_path / "theirs.yaml", theirs))


def test_a_clean_merge_is_exit_0_and_keeps_the_comments_of_ours(tmp_path, capsys):
    ours = TEXT.replace(QUESTION, "text: Jetzt?") + "# am Ende\n"
    theirs = TEXT.replace(TIRED, "text: Der Westen ist müde.")
    out = tmp_path / "out.yaml"
    assert main(["merge", *_three(tmp_path, ours, theirs), "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""
    assert out.read_text(encoding="utf-8") == ours.replace(TIRED, "text: Der Westen ist müde.")
    # without -o: the merged map on standard output
    assert main(["merge", *_three(tmp_path, ours, theirs)]) == 0
    assert capsys.readouterr().out == out.read_text(encoding="utf-8")


def test_conflicts_are_exit_1_listed_at_their_line_in_out_and_checked_as_errors(
        tmp_path, capsys):
    ours = TEXT.replace(QUESTION, "text: Unsere Frage?")
    theirs = TEXT.replace(QUESTION, "text: Ihre Frage?")
    out = tmp_path / "out.yaml"
    assert main(["merge", *_three(tmp_path, ours, theirs), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    text = out.read_text(encoding="utf-8")
    line = text.splitlines().index("  - claim: frage") + 1
    expected = (f"{out}:{line}:5: error: merge conflict: claim frage text: ours 'Unsere Frage?',"
                " theirs 'Ihre Frage?'; the map holds ours: keep it or take theirs, and delete "
                "this entry")
    assert err.splitlines()[0] == expected
    assert "1 conflict(s) left in" in err
    assert text.startswith(ours.rstrip("\n"))          # ours, with the conflicts after it
    assert main(["check", str(out)]) == 1
    assert expected in capsys.readouterr().err
    # resolved in the app's way and saved: checks clean of conflicts
    loaded = load_file(str(out), resolve=False)
    ResolveConflict(loaded.map, 0, "theirs").redo()
    save_map(loaded.map, str(out), text)
    assert "conflicts" not in out.read_text(encoding="utf-8")
    assert main(["check", str(out)]) == 0
    capsys.readouterr()
    assert main(["merge", *_three(tmp_path, ours, theirs), "-o", str(out), "-q"]) == 1
    assert capsys.readouterr().err == ""


def test_unreadable_input_is_exit_2_with_its_line_and_column_and_nothing_is_written(
        tmp_path, capsys):
    out = tmp_path / "out.yaml"
    base, ours, theirs = _three(tmp_path, TEXT, TEXT.replace("claims:\n", "claims: [\n"))
    assert main(["merge", base, ours, theirs, "-o", str(out), "--name", "maps/x.yaml"]) == 2
    err = capsys.readouterr().err
    assert re.search(r"^maps/x\.yaml \(theirs\):\d+:\d+: error: YAML syntax", err, re.M), err
    assert "Traceback" not in err and "nothing was written" in err
    assert not out.exists()
    assert main(["merge", base, ours, str(tmp_path / "missing.yaml")]) == 2
    assert "missing.yaml" in capsys.readouterr().err
    assert main(["merge", base, ours]) == 2         # usage


def test_dev_null_is_an_empty_map(tmp_path, capsys):
    out = tmp_path / "out.yaml"
    ours = _write(tmp_path / "ours.yaml", TEXT)
    theirs = _write(tmp_path / "theirs.yaml", TEXT.replace(TIRED, "text: Anders."))
    assert main(["merge", os.devnull, ours, theirs, "-o", str(out)]) == 1   # added twice
    assert "two different claims under the id kriegsmuede" in capsys.readouterr().err
    assert main(["merge", os.devnull, ours, ours, "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == TEXT


# -- git -------------------------------------------------------------------------------
def _git(*args, cwd, check=True, env=None):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                          check=check, timeout=60, env=env)


def _documented_driver():
    """The ``git config`` line docs/merge.md gives for the merge driver."""
    text = (ROOT / "docs" / "merge.md").read_text(encoding="utf-8")
    m = re.search(r"^git config merge\.argmap\.driver '(.+)'$", text, re.MULTILINE)
    assert m, "docs/merge.md gives the git config line"
    assert re.search(r"^\*\.yaml merge=argmap$", text, re.MULTILINE)
    return m.group(1)


@pytest.fixture
def repo(tmp_path):
    """A repository with the example map on main and the documented merge driver."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    env = {**os.environ, "PATH": os.path.dirname(sys.executable) + os.pathsep
           + os.environ.get("PATH", "")}
    assert shutil.which("argmap", path=env["PATH"]), "argmap is installed next to python"
    _git("init", "-q", "-b", "main", cwd=tmp_path)
    _git("config", "user.name", "Test", cwd=tmp_path)
    _git("config", "user.email", "test@example.org", cwd=tmp_path)
    _git("config", "merge.argmap.driver", _documented_driver(), cwd=tmp_path)
    (tmp_path / "maps").mkdir()
    _write(tmp_path / ".gitattributes", "*.yaml merge=argmap\n")
    _write(tmp_path / "maps" / "x.yaml", TEXT)
    _git("add", ".", cwd=tmp_path)
    _git("commit", "-qm", "the map", cwd=tmp_path)
    return tmp_path, env


def _branches(repo, ours, theirs):
    path, _ = repo
    _git("checkout", "-qb", "other", cwd=path)
    _write(path / "maps" / "x.yaml", theirs)
    _git("commit", "-qam", "theirs", cwd=path)
    _git("checkout", "-q", "main", cwd=path)
    _write(path / "maps" / "x.yaml", ours)
    _git("commit", "-qam", "ours", cwd=path)


def test_git_merges_edits_of_neighbouring_claims_cleanly_through_the_driver(repo):
    path, env = repo
    # two fields of one claim on neighbouring lines: a conflict for git's line merge
    speaker = TIRED + "\n    speaker: Autor"
    ours = TEXT.replace(TIRED, "text: Der Westen ist müde.")
    theirs = TEXT.replace(speaker, TIRED + "\n    speaker: Kofman")
    _write(path / "o", ours)
    _write(path / "b", TEXT)
    _write(path / "t", theirs)
    assert _git("merge-file", "-p", "o", "b", "t", cwd=path, check=False).returncode == 1
    _branches(repo, ours, theirs)
    r = _git("merge", "-q", "--no-edit", "other", cwd=path, check=False, env=env)
    assert r.returncode == 0, r.stdout + r.stderr
    merged = (path / "maps" / "x.yaml").read_text(encoding="utf-8")
    assert merged == ours.replace("müde.\n    speaker: Autor", "müde.\n    speaker: Kofman")
    assert _git("status", "--porcelain", "maps", cwd=path).stdout == ""


def test_git_leaves_a_conflicting_merge_with_the_conflicts_in_the_map(repo, capsys,
                                                                     monkeypatch):
    path, env = repo
    _branches(repo, TEXT.replace(QUESTION, "text: Unsere Frage?"),
              TEXT.replace(QUESTION, "text: Ihre Frage?").replace(TIRED, "text: Müde."))
    r = _git("merge", "--no-edit", "other", cwd=path, check=False, env=env)
    assert r.returncode != 0
    assert "maps/x.yaml:" in r.stderr + r.stdout         # the driver names the real path
    assert _git("status", "--porcelain", cwd=path).stdout.startswith("UU maps/x.yaml")
    text = (path / "maps" / "x.yaml").read_text(encoding="utf-8")
    assert "<<<<<<<" not in text and "text: Müde." in text
    assert "conflicts:\n  - claim: frage\n    field: text\n" in text
    assert main(["check", str(path / "maps" / "x.yaml")]) == 1
    err = capsys.readouterr().err
    assert re.search(r"x\.yaml:\d+:5: error: merge conflict: claim frage text", err)
    # git keeps the three versions: the merge can be run again from them
    monkeypatch.chdir(path)
    assert main(["merge", ":1:maps/x.yaml", ":2:maps/x.yaml", ":3:maps/x.yaml", "-q"]) == 1
    assert capsys.readouterr().out == text
