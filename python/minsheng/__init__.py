"""Read Chinese local-government 民生实事 notices into typed data.

>>> import minsheng
>>> notice = minsheng.parse("附件 1\\n（1）新增城镇就业 1.15 万人左右。（牵头单位：区人社局）\\n")
>>> notice["plan"]["projects"][0]["lead_units"]
['区人社局']
>>> notice["plan"]["projects"][0]["targets"][0]["value"]
11500

Each notice is a dict with the keys of the JSON contract (``schema_version``,
``source``, ``document``, ``plan``, ``attachments``, ``diagnostics``), the
same as ``minsheng parse`` prints (docs/json.md in the repository). Parsing
never fails: what the parser could not read is in ``diagnostics``, each with
its line and column. Numbers are JSON numbers: ``int`` for whole values,
``float`` otherwise (the parser's values are exact decimals; a float holds
every one of up to 15 significant digits exactly as printed).

``projects_frame`` and ``quantities_frame`` (and ``measures_frame``,
``diagnostics_frame``) give pandas DataFrames with the columns of the CLI's
CSV tables (``minsheng parse --format csv``). pandas is optional: install it
(``pip install pandas``) to use them.
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, Iterable, List, Optional, Union

from . import _minsheng

__all__ = [
    "SCHEMA_VERSION",
    "parse",
    "parse_files",
    "projects_frame",
    "quantities_frame",
    "measures_frame",
    "diagnostics_frame",
    "table",
    "diff",
]

#: The version of the JSON contract the dicts follow.
SCHEMA_VERSION: int = _minsheng.SCHEMA_VERSION

Notice = Dict[str, Any]


def parse(
    data: Union[str, bytes, bytearray],
    *,
    name: Optional[str] = None,
    vocabulary: Optional[Union[str, "os.PathLike[str]"]] = None,
) -> Notice:
    """Parse one notice, given as text (``str``) or as the bytes of a file.

    Bytes are decoded as the CLI decodes a file: UTF-8 (with or without a
    byte-order mark), UTF-16 with a byte-order mark, or GB18030/GBK, and a
    web page is read as HTML. ``name`` becomes ``source["name"]``.

    ``vocabulary`` is the path of a vocabulary file (TOML, as the CLI's
    ``--vocabulary`` reads): a district's own label words and line filters.
    A file that cannot be read raises ``OSError``, one that is not a
    vocabulary ``ValueError`` with its line and column.

    Returns the notice as a dict of the JSON contract. Raises ``TypeError``
    when ``data`` is neither ``str`` nor bytes; never raises on the content.

    >>> parse(b"\\xff\\xfe")["diagnostics"][0]["code"]
    'empty-input'
    """
    return json.loads(_minsheng.parse_json(data, name=name, vocabulary=vocabulary))


def parse_files(
    paths: Iterable[Union[str, "os.PathLike[str]"]],
    *,
    threads: Optional[int] = None,
    vocabulary: Optional[Union[str, "os.PathLike[str]"]] = None,
) -> List[Notice]:
    """Parse files in parallel, returning their notices in the order given.

    ``paths`` is a list (or any iterable) of paths; ``threads`` the number
    of threads (all cores by default). ``source["name"]`` is each path as
    given. A file that cannot be read raises ``OSError``
    (``FileNotFoundError``, ``PermissionError`` …) naming it. ``vocabulary``
    is read as by :func:`parse`, once for all the files.
    """
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise TypeError("parse_files() expects a list of paths, not one path: parse_files([path])")
    if threads is not None and (not isinstance(threads, int) or isinstance(threads, bool)):
        raise TypeError(f"parse_files(): threads must be an int, not {type(threads).__name__}")
    listed = list(paths)
    return [json.loads(text) for text in _minsheng.parse_files_json(listed, threads=threads, vocabulary=vocabulary)]


def _as_json_texts(function: str, notices: Union[Notice, Iterable[Notice]]) -> List[str]:
    if isinstance(notices, dict):
        notices = [notices]
    if isinstance(notices, (str, bytes, bytearray)):
        raise TypeError(
            f"{function}() expects notices as parse() returns them (dicts), not {type(notices).__name__}"
        )
    texts = []
    for notice in notices:
        if not isinstance(notice, dict):
            raise TypeError(
                f"{function}() expects notices as parse() returns them (dicts), not {type(notice).__name__}"
            )
        texts.append(json.dumps(notice, ensure_ascii=False))
    return texts


def table(name: str, notices: Union[Notice, Iterable[Notice]]) -> "tuple[list[str], list[list[str]]]":
    """The columns and rows of one CSV table (``projects``, ``quantities``,
    ``measures`` or ``diagnostics``) for the notices, as ``--format csv``
    writes them: every cell a string, empty for a missing value, and every
    row starting with the notice key (``source_file``, ``sha256``,
    ``doc_number``, ``date``). Needs no pandas."""
    if not isinstance(name, str):
        raise TypeError(f"table(): the table name must be a str, not {type(name).__name__}")
    columns, rows = _minsheng.table_rows(name, _as_json_texts(f"{name}_frame", notices))
    return list(columns), rows


def _pandas():
    try:
        import pandas
    except ImportError as e:
        raise ImportError(
            "minsheng's *_frame functions need pandas, which is not installed: "
            "pip install pandas (or pip install 'minsheng[pandas]'); "
            "minsheng.table() gives the same rows without it"
        ) from e
    return pandas


# Columns read as numbers in the frames (nullable integers where a cell can
# be empty; decimals as floats); the rest stay text.
_INTEGER_COLUMNS = {"year", "number", "category", "project", "measure", "line", "column"}
_DECIMAL_COLUMNS = {"value", "min", "max", "from"}


def _frame(name: str, notices: Union[Notice, Iterable[Notice]]):
    pandas = _pandas()
    columns, rows = table(name, notices)
    data = {}
    for i, column in enumerate(columns):
        cells = [row[i] for row in rows]
        if column in _INTEGER_COLUMNS:
            data[column] = pandas.array([int(c) if c else None for c in cells], dtype="Int64")
        elif column in _DECIMAL_COLUMNS:
            data[column] = pandas.array([float(c) if c else None for c in cells], dtype="Float64")
        else:
            data[column] = pandas.array(cells, dtype="string")
    return pandas.DataFrame(data, columns=columns)


def projects_frame(notices: Union[Notice, Iterable[Notice]]):
    """A pandas DataFrame with a row per project of the notices (one dict
    from ``parse`` or a list of them): the columns of ``projects.csv``.
    Raises ``ImportError`` with what to install when pandas is missing."""
    return _frame("projects", notices)


def quantities_frame(notices: Union[Notice, Iterable[Notice]]):
    """A pandas DataFrame with a row per quantity (each project's targets,
    then its measures' quantities): the columns of ``quantities.csv``."""
    return _frame("quantities", notices)


def measures_frame(notices: Union[Notice, Iterable[Notice]]):
    """A pandas DataFrame with a row per measure: the columns of ``measures.csv``."""
    return _frame("measures", notices)


def diagnostics_frame(notices: Union[Notice, Iterable[Notice]]):
    """A pandas DataFrame with a row per diagnostic: the columns of
    ``diagnostics.csv`` (``project`` is the project it concerns, if any)."""
    return _frame("diagnostics", notices)


def _notice_json(function: str, value: Union[Notice, str, bytes, bytearray]) -> str:
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (str, bytes, bytearray)):
        return _minsheng.parse_json(value)
    raise TypeError(
        f"{function}() expects a notice: a dict from parse(), or its text as str or bytes, "
        f"not {type(value).__name__}"
    )


def diff(
    old: Union[Notice, str, bytes],
    new: Union[Notice, str, bytes],
    *,
    threshold: Optional[float] = None,
) -> Dict[str, Any]:
    """What changed from one year's notice to the next, as ``minsheng diff``
    prints it (docs/json.md, "The diff output"): projects continued (matched
    by content), added and dropped, with their target, unit and text changes.

    ``old`` and ``new`` are each a dict from ``parse`` or a notice's text
    (``str``) or bytes. ``threshold`` is the match score from 0 to 1 (0.5 by
    default).
    """
    if threshold is not None and (not isinstance(threshold, (int, float)) or isinstance(threshold, bool)):
        raise TypeError(f"diff(): threshold must be a number, not {type(threshold).__name__}")
    return json.loads(
        _minsheng.diff_json(
            _notice_json("diff", old),
            _notice_json("diff", new),
            threshold=None if threshold is None else float(threshold),
        )
    )
