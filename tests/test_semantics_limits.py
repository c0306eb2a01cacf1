"""Evaluation under its limits: a time-out keeps and prints what was found, the time
limit holds while labellings are combined, memory is bounded, absurd or mislabelled
framework files are refused clearly."""

import pytest

import argmap.semantics.search as search
from argmap.cli import main
from argmap.iccma import FrameworkFormatError, parse_i23, parse_tgf
from argmap.semantics import Framework


def _two_cycles(k: int, joined: bool) -> Framework:
    """k pairs a_i <-> b_i: 2^k preferred extensions; ``joined``: every a_i also
    attacks one claim c, so the framework is one part, not k."""
    args = [f"a{i}" for i in range(k)] + [f"b{i}" for i in range(k)] + ["c"]
    atts = [(f"a{i}", f"b{i}") for i in range(k)] + [(f"b{i}", f"a{i}") for i in range(k)]
    if joined:
        atts += [(f"a{i}", "c") for i in range(k)]
    return Framework(args, atts)


def test_a_time_out_keeps_the_labellings_found_so_far():
    enum = _two_cycles(40, joined=True).labellings("preferred", 10**6, 0.5)
    assert enum.truncated and "time limit" in enum.reason
    assert enum.extensions            # not [] (the answer for "no extension")
    assert all(len(e) in (40, 41) for e in enum.extensions)   # one of each pair (and c)


def test_the_time_limit_holds_while_parts_are_combined():
    # 2^20 combinations of 20 independent parts, each found at once
    enum = _two_cycles(20, joined=False).labellings("preferred", 2_000_000, 0.2)
    assert enum.truncated and "time limit" in enum.reason
    assert 0 < len(enum.extensions) < 2 ** 20


def test_the_labellings_listed_together_are_bounded(monkeypatch):
    monkeypatch.setattr(search, "MAX_CODES", 25 * 1000)   # 25 arguments
    enum = _two_cycles(12, joined=False).labellings("preferred", 10**6, None)
    assert enum.truncated and "memory" in enum.reason
    assert len(enum.extensions) <= 1000


def test_the_command_line_prints_a_partial_answer_and_says_so(tmp_path, capsys):
    af = tmp_path / "viele.tgf"
    fw = _two_cycles(40, joined=True)
    lines = [str(a) for a in fw.arguments] + ["#"] + [f"{a} {b}" for a, b in fw.attacks]
    af.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code = main(["evaluate", str(af), "-s", "preferred", "--time-limit", "0.5",
                 "--max-extensions", "1000000"])
    out, err = capsys.readouterr()
    assert code == 1
    assert out.strip() not in ("", "[]") and out.startswith("[[")
    assert "partial answer" in err and "time limit" in err


@pytest.mark.parametrize("header", ["p af 99999999999", "p af 10000000"])
def test_an_absurd_number_of_arguments_is_refused_with_its_place(header):
    with pytest.raises(FrameworkFormatError) as err:
        parse_i23(header + "\n1 2\n", "gross.af")
    [d] = err.value.diagnostics
    assert (d.line, d.column) == (1, 6) and "more than the 1,000,000 arguments" in d.message


def test_apx_text_in_a_tgf_file_is_named_as_such():
    with pytest.raises(FrameworkFormatError) as err:
        parse_tgf("arg(a).\narg(b).\natt(a,b).\n", "falsch.tgf")
    [d] = err.value.diagnostics
    assert d.line == 1 and "APX statement, not TGF" in d.message


def test_a_folder_is_not_reported_as_missing(tmp_path, capsys):
    assert main(["evaluate", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "is a folder" in err and "no such" not in err
