"""The Python package against the corpus: the same contract as the CLI."""

import csv
import io
import json
import os
import pathlib
import subprocess
import sys

import pytest

import minsheng

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEED = ROOT / "corpus" / "yaohai-2024.txt"
OLD_YEAR = ROOT / "corpus" / "district-2024-table.txt"
NEW_YEAR = ROOT / "corpus" / "district-2025-inline.txt"
# The CLI, when built (`cargo test` builds the debug one, as in CI): the
# package must give what it gives.
CLI = next((p for p in [ROOT / "target" / "debug" / "minsheng", ROOT / "target" / "release" / "minsheng"]
            if p.exists()), None)
NOTICE = "附件 1\n\n一、促进就业（1 项）\n\n（1）新增城镇就业 1.15 万人左右。（牵头单位：区人社局）\n"


def test_parse_text_gives_the_json_contract():
    notice = minsheng.parse(NOTICE)
    assert notice["schema_version"] == minsheng.SCHEMA_VERSION == 1
    assert set(notice) >= {"source", "document", "plan", "attachments", "diagnostics"}
    project = notice["plan"]["projects"][0]
    assert project["lead_units"] == ["区人社局"]
    target = project["targets"][0]
    assert (target["value"], target["unit"], target["cmp"]) == (11500, "人", "approx")
    assert isinstance(target["value"], int)
    assert notice["source"]["name"] is None


def test_parse_bytes_of_the_seed_matches_the_cli():
    data = SEED.read_bytes()
    notice = minsheng.parse(data, name="corpus/yaohai-2024.txt")
    assert len(notice["plan"]["projects"]) == 37
    assert notice["document"]["doc_number"]["text"] == "瑶民生办〔2024〕1号"
    if CLI is not None:
        out = subprocess.run([str(CLI), "parse", "corpus/yaohai-2024.txt"], cwd=ROOT,
                             capture_output=True, check=False)
        assert json.loads(out.stdout) == notice


def test_gbk_bytes_are_decoded():
    notice = minsheng.parse((ROOT / "corpus" / "yaohai-2024-gbk.txt").read_bytes())
    assert notice["source"]["encoding"] == "GB18030"
    assert len(notice["plan"]["projects"]) == 37


def test_bad_input_is_diagnostics_never_an_exception():
    for data in [b"", b"\xff\xfe", b"\x00\x01\x02binary\x00", "（1）" * 1000, "\ud7ff 附件 ）（", bytes(range(256))]:
        notice = minsheng.parse(data)
        assert isinstance(notice["diagnostics"], list)
    assert minsheng.parse(b"")["diagnostics"][0]["code"] == "empty-input"


@pytest.mark.parametrize("bad", [None, 12, 1.5, ["附件"], {"text": "x"}, object()])
def test_a_non_text_argument_is_a_type_error(bad):
    with pytest.raises(TypeError, match="str or bytes"):
        minsheng.parse(bad)


def test_name_must_be_a_string():
    with pytest.raises(TypeError):
        minsheng.parse(NOTICE, name=3)


def test_parse_files_keeps_the_order_and_names(tmp_path):
    paths = [SEED, OLD_YEAR, NEW_YEAR]
    notices = minsheng.parse_files(paths, threads=2)
    assert [len(n["plan"]["projects"]) for n in notices] == [37, 37, 18]
    assert [n["source"]["name"] for n in notices] == [str(p) for p in paths]
    assert minsheng.parse_files([str(SEED)]) == minsheng.parse_files([SEED], threads=1)
    assert minsheng.parse_files([]) == []


def test_parse_files_errors():
    with pytest.raises(FileNotFoundError, match="no-such-notice.txt"):
        minsheng.parse_files([SEED, ROOT / "no-such-notice.txt"])
    with pytest.raises(TypeError, match="list of paths"):
        minsheng.parse_files(str(SEED))
    with pytest.raises(TypeError):
        minsheng.parse_files([SEED, 3])
    with pytest.raises(TypeError):
        minsheng.parse_files([SEED], threads="2")
    with pytest.raises(ValueError):
        minsheng.parse_files([SEED], threads=0)


TOWN_NOTICE = "附件\n\n一、就业增收\n\n1.新增城镇就业500人。（主抓单位：镇社会事务办）\n"


def test_a_vocabulary_file_adds_a_districts_label(tmp_path):
    vocabulary = tmp_path / "town.toml"
    vocabulary.write_text('[labels]\nlead = ["主抓单位"]\n', encoding="utf-8")
    assert minsheng.parse(TOWN_NOTICE)["plan"]["projects"][0]["lead_units"] == []
    read = minsheng.parse(TOWN_NOTICE, vocabulary=vocabulary)
    assert read["plan"]["projects"][0]["lead_units"] == ["镇社会事务办"]
    notice = tmp_path / "town.txt"
    notice.write_text(TOWN_NOTICE, encoding="utf-8")
    [from_file] = minsheng.parse_files([notice], vocabulary=str(vocabulary))
    assert from_file["plan"]["projects"][0]["lead_units"] == ["镇社会事务办"]


def test_a_bad_vocabulary_file_says_where(tmp_path):
    vocabulary = tmp_path / "bad.toml"
    vocabulary.write_text('[labels]\nlead = ["主抓单位"]\nlaed = ["牵头方"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="line 3, column 1: unknown field `laed`"):
        minsheng.parse(TOWN_NOTICE, vocabulary=vocabulary)
    with pytest.raises(FileNotFoundError, match="no-such.toml"):
        minsheng.parse(TOWN_NOTICE, vocabulary=tmp_path / "no-such.toml")


def test_table_rows_are_the_cli_csv(tmp_path):
    notice = minsheng.parse(SEED.read_bytes(), name="corpus/yaohai-2024.txt")
    columns, rows = minsheng.table("projects", notice)
    assert columns[:4] == ["source_file", "sha256", "doc_number", "date"]
    assert len(rows) == 37
    assert rows[0][:4] == ["corpus/yaohai-2024.txt", notice["source"]["sha256"], "瑶民生办〔2024〕1号", "2024-04-24"]
    if CLI is not None:
        out = subprocess.run([str(CLI), "parse", "--format", "csv", "--table", "quantities",
                              "corpus/yaohai-2024.txt"], cwd=ROOT, capture_output=True, check=True)
        expected = list(csv.reader(io.StringIO(out.stdout.decode("utf-8"))))
        q_columns, q_rows = minsheng.table("quantities", notice)
        assert [q_columns] + q_rows == expected
    with pytest.raises(ValueError, match="expected projects"):
        minsheng.table("project", notice)
    with pytest.raises(TypeError):
        minsheng.table("projects", "not a notice")
    with pytest.raises(ValueError, match="as parse"):
        minsheng.table("projects", {"schema_version": 1})


def test_diff_of_the_two_years():
    old, new = minsheng.parse_files([OLD_YEAR, NEW_YEAR])
    d = minsheng.diff(old, new)
    assert (d["totals"]["continued"], d["totals"]["added"], d["totals"]["dropped"]) == (18, 0, 19)
    # The texts themselves give the same diff, but for the names.
    from_text = minsheng.diff(OLD_YEAR.read_text(encoding="utf-8"), NEW_YEAR.read_bytes())
    assert from_text["totals"] == d["totals"]
    strict = minsheng.diff(old, new, threshold=0.99)
    assert strict["totals"]["continued"] < 18
    with pytest.raises(TypeError, match="a notice"):
        minsheng.diff(old, 2025)
    with pytest.raises(ValueError, match="between 0 and 1"):
        minsheng.diff(old, new, threshold=2)
    with pytest.raises(TypeError):
        minsheng.diff(old, new, threshold="high")


def test_projects_frame_of_the_seed_has_37_rows():
    pandas = pytest.importorskip("pandas")
    notice = minsheng.parse(SEED.read_bytes(), name="corpus/yaohai-2024.txt")
    frame = minsheng.projects_frame(notice)
    assert isinstance(frame, pandas.DataFrame)
    assert len(frame) == 37
    columns, _ = minsheng.table("projects", notice)
    assert list(frame.columns) == columns
    assert frame["number"].tolist() == list(range(1, 38))
    assert str(frame["number"].dtype) == "Int64"
    assert frame["lead_units"][0] == "区人社局"
    assert frame["doc_number"].unique().tolist() == ["瑶民生办〔2024〕1号"]


def test_quantities_frame_has_exact_values_and_empty_cells_as_missing():
    pytest.importorskip("pandas")
    notices = minsheng.parse_files([SEED, OLD_YEAR])
    frame = minsheng.quantities_frame(notices)
    total = sum(len(p["targets"]) + sum(len(m["quantities"]) for m in p["measures"])
                for n in notices for p in n["plan"]["projects"])
    assert len(frame) == total
    first = frame.iloc[0]
    assert (first["project"], first["value"], first["unit"]) == (1, 11500, "人")
    assert frame["measure"].isna().any()
    assert set(frame["cmp"]) <= {"eq", "ge", "gt", "le", "lt", "approx", "range"}
    assert len(minsheng.measures_frame(notices)) == sum(
        len(p["measures"]) for n in notices for p in n["plan"]["projects"])
    assert list(minsheng.diagnostics_frame(notices).columns)[-2:] == ["project", "help"]
    empty = minsheng.projects_frame([])
    assert len(empty) == 0 and list(empty.columns)[:2] == ["source_file", "sha256"]


def test_without_pandas_the_frames_say_what_to_install():
    # A fresh interpreter where `import pandas` fails.
    code = (
        "import sys; sys.modules['pandas'] = None\n"
        "import minsheng\n"
        "n = minsheng.parse(open(sys.argv[1], 'rb').read())\n"
        "assert len(minsheng.table('projects', n)[1]) == 37\n"
        "try:\n"
        "    minsheng.projects_frame(n)\n"
        "except ImportError as e:\n"
        "    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(SEED)], capture_output=True, text=True, check=True)
    assert "pip install pandas" in out.stdout, out.stdout + out.stderr


def test_docstrings_and_stubs_are_shipped():
    for function in [minsheng.parse, minsheng.parse_files, minsheng.projects_frame,
                     minsheng.quantities_frame, minsheng.diff, minsheng.table]:
        assert function.__doc__ and len(function.__doc__) > 40, function.__name__
    package = pathlib.Path(minsheng.__file__).parent
    assert (package / "__init__.pyi").exists()
    assert (package / "py.typed").exists()
