"""Versions of a map read from files and from git (argmap.gitversions)."""

import os
import shutil
import subprocess

import pytest
from test_diff_changes import TEXT, edited

from argmap import gitversions
from argmap.cli import diff as cli_diff
from argmap.gitversions import (
    ReadError, file_commits, read_text, read_version, repository_of, to_map, version_spec,
)


def _git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True,
                          timeout=60)


@pytest.fixture
def repo(tmp_path):
    """maps/x.yaml committed twice (the bundled map, then edited), then renamed."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    _git("init", "-q", "-b", "main", cwd=tmp_path)
    _git("config", "user.name", "Anna Analystin", cwd=tmp_path)
    _git("config", "user.email", "anna@example.org", cwd=tmp_path)
    (tmp_path / "maps").mkdir()
    path = tmp_path / "maps" / "x.yaml"
    path.write_text(TEXT, encoding="utf-8")
    _git("add", ".", cwd=tmp_path)
    _git("commit", "-qm", "Die Karte", cwd=tmp_path)
    path.write_text(edited(), encoding="utf-8")
    _git("commit", "-qam", "Selenskyj umformuliert, Milley ergänzt", cwd=tmp_path)
    _git("mv", "maps/x.yaml", "maps/waffenstillstand.yaml", cwd=tmp_path)
    _git("commit", "-qm", "umbenannt", cwd=tmp_path)
    return tmp_path


def test_the_commits_of_a_file_newest_first_through_its_renames(repo):
    path = str(repo / "maps" / "waffenstillstand.yaml")
    assert os.path.samefile(repository_of(path), repo)
    commits = file_commits(path)
    assert [c.subject for c in commits] == ["umbenannt", "Selenskyj umformuliert, Milley "
                                            "ergänzt", "Die Karte"]
    assert {c.author for c in commits} == {"Anna Analystin"}
    assert all(len(c.rev) == 40 and c.rev.startswith(c.short) for c in commits)
    assert commits[0].date[:4].isdigit() and "T" in commits[0].date
    assert [c.path for c in commits] == ["maps/waffenstillstand.yaml", "maps/x.yaml",
                                         "maps/x.yaml"]


def test_a_version_is_read_as_a_map_even_under_its_old_name(repo):
    path = str(repo / "maps" / "waffenstillstand.yaml")
    commits = file_commits(path)
    first = read_version(path, commits[-1])
    assert first.snapshot() == to_map(TEXT, "x.yaml").snapshot()
    assert "poroschenko-moerder" not in read_version(path, commits[1]).claims
    # a revision by name: the file as it is called now
    assert read_version(path, "HEAD").snapshot() == to_map(edited(), "x").snapshot()
    assert version_spec(path, "HEAD~2") == ("HEAD~2:./waffenstillstand.yaml",
                                            str(repo / "maps"))
    with pytest.raises(ReadError, match="git cannot read this revision"):
        read_version(path, "HEAD~2")          # it had another name then
    with pytest.raises(ReadError, match="git cannot read this revision"):
        read_version(path, "no-such-branch")


def test_outside_git_and_without_git(repo, tmp_path_factory, monkeypatch):
    elsewhere = tmp_path_factory.mktemp("plain") / "y.yaml"
    elsewhere.write_text(TEXT, encoding="utf-8")
    assert repository_of(str(elsewhere)) is None
    untracked = repo / "maps" / "neu.yaml"
    untracked.write_text(TEXT, encoding="utf-8")
    assert file_commits(str(untracked)) == []
    monkeypatch.setenv("PATH", str(repo / "nowhere"))
    assert repository_of(str(repo / "maps" / "waffenstillstand.yaml")) is None
    with pytest.raises(ReadError, match="git is not installed"):
        file_commits(str(repo / "maps" / "waffenstillstand.yaml"))


def test_files_and_revisions_are_read_by_the_core_for_the_command_line_too(repo, monkeypatch):
    monkeypatch.chdir(repo)
    assert cli_diff.read_text is gitversions.read_text
    assert cli_diff.ReadError is gitversions.ReadError
    assert read_text("HEAD~2:maps/x.yaml") == TEXT
    assert read_text(os.devnull) is None
    with pytest.raises(ReadError, match="cannot read file"):
        read_text(str(repo / "maps"))
