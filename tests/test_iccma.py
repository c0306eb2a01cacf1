"""ICCMA formats: apx, tgf, ICCMA 2023; output syntax; positioned errors; CLI."""

from __future__ import annotations

import argparse
import json

import pytest

from argmap.cli.evaluate import add_parser
from argmap.iccma import (
    FrameworkFormatError, detect_format, format_extension, format_extensions, parse_apx,
    parse_i23, parse_tgf, read_framework, to_apx,
)
from argmap.semantics import Framework

from conftest import DATA

ICCMA = DATA / "iccma"


def errors(parser, text: str) -> list[str]:
    with pytest.raises(FrameworkFormatError) as info:
        parser(text, "f")
    return [str(d) for d in info.value.diagnostics]


class TestApx:
    def test_fixture(self):
        af = read_framework(str(ICCMA / "floating.apx"))
        assert af.arguments == ["a", "b", "c", "d"]
        assert set(af.attacks) == {("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"), ("c", "d")}

    def test_layout_and_comments(self):
        af = parse_apx("% header\narg(a).arg( b ) . % two\n\natt(a , b).\n  att(b,a). % x\n")
        assert af.arguments == ["a", "b"]
        assert af.attacks == [("a", "b"), ("b", "a")]

    def test_names_with_digits_and_underscores(self):
        af = parse_apx("arg(a_1).arg(A2).att(a_1,A2).")
        assert af.attacks == [("a_1", "A2")]

    def test_empty(self):
        assert len(parse_apx("% nothing\n")) == 0

    def test_undeclared_argument(self):
        assert errors(parse_apx, "arg(a).\natt(a, c).\n") == [
            "f:2:8: error: argument 'c' is not declared (add 'arg(c).')"]

    def test_missing_dot(self):
        assert errors(parse_apx, "arg(a)\narg(b).\n") == [
            "f:1:7: error: missing '.' after 'arg(a)'"]

    def test_garbage_and_unknown_statement(self):
        errs = errors(parse_apx, "arg(a).\n  hello\nfoo(a).\natt(a).\narg().\n")
        assert errs == [
            "f:2:3: error: expected 'arg(NAME).' or 'att(NAME,NAME).'",
            "f:3:1: error: unknown statement 'foo'; expected 'arg' or 'att'",
            "f:4:5: error: 'att' takes 2 argument names, not 1",
            "f:5:5: error: empty argument name",
        ]

    def test_too_many_errors_stop(self):
        errs = errors(parse_apx, "x\n" * 50)
        assert len(errs) == 21 and errs[-1].endswith("too many errors; giving up")


class TestTgf:
    def test_fixture(self):
        af = read_framework(str(ICCMA / "odd_cycle.tgf"))
        assert af.arguments == ["a", "b", "c", "d"]
        assert af.grounded().extension == []
        assert len(af.stable()) == 0

    def test_labels_ignored(self):
        af = parse_tgf("1 first node\n2 second\n#\n1 2 an edge label\n")
        assert af.arguments == ["1", "2"] and af.attacks == [("1", "2")]

    def test_unknown_argument(self):
        assert errors(parse_tgf, "a\nb\n#\na c\n") == [
            "f:4:3: error: unknown argument 'c' (list it before the '#' line)"]

    def test_attack_needs_two_names(self):
        assert errors(parse_tgf, "a\n#\na\n") == [
            "f:3:2: error: an attack needs two argument names: 'a b'"]

    def test_missing_hash_line(self):
        errs = errors(parse_tgf, "a\nb\na b\n")
        assert errs[0].startswith("f:3:3: error: two names on one line but no '#' line")

    def test_only_arguments(self):
        assert parse_tgf("a\nb\n").arguments == ["a", "b"]


class TestI23:
    def test_fixture(self):
        af = read_framework(str(ICCMA / "reinstatement.af"))
        assert af.arguments == ["1", "2", "3", "4"]
        assert af.grounded().extension == ["1", "3"]

    def test_missing_header(self):
        assert errors(parse_i23, "# only a comment\n") == [
            "f:1:1: error: missing the header 'p af N'"]
        assert errors(parse_i23, "1 2\n") == [
            "f:1:1: error: expected the header 'p af N' (N: the number of arguments)"]

    def test_bad_attacks(self):
        errs = errors(parse_i23, "p af 3\n1 4\n1 x\n1 2 3\n")
        assert errs == [
            "f:2:3: error: '4' is not an argument: expected a number from 1 to 3",
            "f:3:3: error: 'x' is not an argument: expected a number from 1 to 3",
            "f:4:1: error: expected an attack 'a b', got 3 fields",
        ]

    def test_zero_arguments(self):
        assert len(parse_i23("p af 0\n")) == 0


class TestFiles:
    def test_detect(self):
        assert detect_format("x.apx") == "apx"
        assert detect_format("x.TGF") == "tgf"
        assert detect_format("x.af") == "i23"
        assert detect_format("x.txt", "# c\np af 2\n") == "i23"
        assert detect_format("x.txt", "% c\narg(a).\n") == "apx"
        assert detect_format("x.txt", "a\n#\n") == "tgf"
        assert detect_format("x.txt", "") is None

    def test_unreadable(self, tmp_path):
        with pytest.raises(FrameworkFormatError) as info:
            read_framework(str(tmp_path / "none.apx"))
        assert "cannot read file" in str(info.value)
        p = tmp_path / "latin.apx"
        p.write_bytes(b"arg(a).\narg(\xe4).\n")
        with pytest.raises(FrameworkFormatError) as info:
            read_framework(str(p))
        assert str(info.value.diagnostics[0]).endswith("latin.apx:2:5: error: not UTF-8 text")

    def test_round_trip(self):
        af = read_framework(str(ICCMA / "floating.apx"))
        again = parse_apx(to_apx(af))
        assert again.arguments == af.arguments and set(again.attacks) == set(af.attacks)


class TestOutput:
    def test_syntax(self):
        assert format_extension(["a", "b"]) == "[a,b]"
        assert format_extension([]) == "[]"
        assert format_extensions([["a", "b"], ["c"]]) == "[[a,b],[c]]"
        assert format_extensions([[]]) == "[[]]"
        assert format_extensions([]) == "[]"

    def test_semantics_on_fixtures(self):
        af = read_framework(str(ICCMA / "floating.apx"))
        assert format_extension(af.grounded().extension) == "[]"
        assert format_extensions(af.preferred().extensions) == "[[a,d],[b,d]]"
        assert isinstance(af, Framework)


def run_cli(*argv: str) -> int:
    ap = argparse.ArgumentParser(prog="argmap")
    add_parser(ap.add_subparsers(dest="command"))
    args = ap.parse_args(["evaluate", *argv])
    return args.func(args)


class TestCli:
    @pytest.mark.parametrize("name, semantics, expected", [
        ("floating.apx", "grounded", "[]"),
        ("floating.apx", "preferred", "[[a,d],[b,d]]"),
        ("floating.apx", "stable", "[[a,d],[b,d]]"),
        ("odd_cycle.tgf", "preferred", "[[]]"),
        ("odd_cycle.tgf", "stable", "[]"),
        ("reinstatement.af", "grounded", "[1,3]"),
        ("reinstatement.af", "stable", "[]"),
    ])
    def test_extensions(self, capsys, name, semantics, expected):
        assert run_cli(str(ICCMA / name), "-s", semantics) == 0
        assert capsys.readouterr().out.strip() == expected

    def test_assume_and_json(self, capsys):
        assert run_cli(str(ICCMA / "floating.apx"), "-s", "preferred", "--json",
                       "--assume", "b=accepted") == 0
        data = json.loads(capsys.readouterr().out)
        assert data["extensions"] == [["b", "d"]] and data["truncated"] is False

    def test_unknown_argument_in_assumption(self, capsys):
        assert run_cli(str(ICCMA / "floating.apx"), "--assume", "z=accepted") == 2
        assert "no such argument" in capsys.readouterr().err

    def test_bad_file_reports_position(self, tmp_path, capsys):
        p = tmp_path / "bad.apx"
        p.write_text("arg(a).\natt(a,b).\n", encoding="utf-8")
        assert run_cli(str(p)) == 2
        err = capsys.readouterr().err
        assert f"{p}:2:7: error: argument 'b' is not declared" in err
        assert "Traceback" not in err

    def test_truncated_listing(self, tmp_path, capsys):
        p = tmp_path / "cycles.apx"
        p.write_text("".join(f"arg(a{i}).arg(b{i}).att(a{i},b{i}).att(b{i},a{i}).\n"
                             for i in range(4)), encoding="utf-8")
        assert run_cli(str(p), "-s", "preferred", "--max-extensions", "3") == 1
        captured = capsys.readouterr()
        assert captured.out.count("],[") == 2
        assert "partial answer" in captured.err

    def test_format_option(self, tmp_path, capsys):
        p = tmp_path / "framework.txt"
        p.write_text("p af 2\n1 2\n", encoding="utf-8")
        assert run_cli(str(p), "--format", "i23") == 0
        assert capsys.readouterr().out.strip() == "[1]"
