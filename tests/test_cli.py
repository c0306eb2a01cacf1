"""The command line: exit codes and messages, never a traceback."""

import subprocess
import sys

import pytest

from argmap.cli import main

from conftest import ARTICLES, DATA

EXAMPLE = str(DATA / "example.yaml")


def test_check_clean_file(capsys):
    assert main(["check", EXAMPLE]) == 0
    assert "0 error(s), 0 warning(s)" in capsys.readouterr().err


@pytest.mark.skipif(not ARTICLES.is_dir(), reason="needs ../shared/articles")
def test_check_quotes_against_sources(tmp_path, capsys):
    assert main(["check", EXAMPLE, "--sources", str(ARTICLES)]) == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text(open(EXAMPLE, encoding="utf-8").read().replace(
        "quote: nachlassenden Willen des Westens", "quote: erfundenes Zitat"), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(bad), "--sources", str(ARTICLES)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:53:12: error: claim 'kriegsmuede': quote not found in source " \
           "'kommentar-2022' (000_a665b2f72e902db6.txt)" in err


def test_check_problems_exit_1(tmp_path, capsys):
    p = tmp_path / "x.yaml"
    p.write_text("argmap: 1\ntitle: T\nclaims:\n  a: {text: A}\n  a: {text: B}\n")
    assert main(["check", str(p)]) == 1
    assert f"{p}:5:3: error: duplicate key 'a'" in capsys.readouterr().err


def test_check_usage_errors_exit_2(tmp_path):
    assert main(["check"]) == 2
    assert main(["check", str(tmp_path / "missing.yaml")]) == 2
    assert main(["check", EXAMPLE, "--sources", str(tmp_path / "nope")]) == 2
    assert main([]) == 2
    assert main(["frobnicate"]) == 2


def test_info_counts(capsys):
    assert main(["info", EXAMPLE, "--json"]) == 0
    out = capsys.readouterr().out
    assert '"claims": 5' in out and '"undercuts": 1' in out and '"linked": 1' in out


def test_export_svg(tmp_path):
    out = tmp_path / "x.svg"
    assert main(["export", EXAMPLE, "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<?xml")


def test_export_unreadable_is_a_message(tmp_path, capsys):
    p = tmp_path / "x.yaml"
    p.write_text("argmap: [\n")
    assert main(["export", str(p), "-o", str(tmp_path / "x.svg")]) == 1
    assert "x.yaml:2:1: error: YAML syntax" in capsys.readouterr().err


def test_fmt_check_and_write(tmp_path):
    p = tmp_path / "x.yaml"
    p.write_text(open(EXAMPLE, encoding="utf-8").read().replace('"ermöglicht', "'ermöglicht")
                 .replace('aufzurüsten"', "aufzurüsten'"), encoding="utf-8")
    assert main(["fmt", "--check", str(p)]) == 1
    assert main(["fmt", str(p)]) == 0
    assert main(["fmt", "--check", str(p)]) == 0


def test_help_everywhere():
    for cmd in ([], ["check"], ["export"], ["fmt"], ["info"]):
        r = subprocess.run([sys.executable, "-m", "argmap", *cmd, "--help"],
                           capture_output=True, text=True)
        assert r.returncode == 0 and "usage: argmap" in r.stdout
        assert "Traceback" not in r.stderr


def test_export_argdown_and_import_back(tmp_path):
    ad = tmp_path / "x.argdown"
    assert main(["export", EXAMPLE, "-o", str(ad)]) == 0
    assert "[sieg-putin]" in ad.read_text(encoding="utf-8")
    back = tmp_path / "back.yaml"
    assert main(["import", str(ad), "-o", str(back)]) == 0
    assert main(["check", str(back), "--allow-warnings"]) == 0
