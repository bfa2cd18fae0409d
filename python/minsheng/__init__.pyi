"""Type stubs of the minsheng package (see the docstrings in __init__.py)."""

import os
from typing import Any, Dict, Iterable, List, Optional, Tuple, Union

import pandas

Notice = Dict[str, Any]
Notices = Union[Notice, Iterable[Notice]]
PathLike = Union[str, "os.PathLike[str]"]

SCHEMA_VERSION: int

def parse(
    data: Union[str, bytes, bytearray],
    *,
    name: Optional[str] = ...,
    vocabulary: Optional[PathLike] = ...,
) -> Notice: ...
def parse_files(
    paths: Iterable[PathLike], *, threads: Optional[int] = ..., vocabulary: Optional[PathLike] = ...
) -> List[Notice]: ...
def table(name: str, notices: Notices) -> Tuple[List[str], List[List[str]]]: ...
def projects_frame(notices: Notices) -> pandas.DataFrame: ...
def quantities_frame(notices: Notices) -> pandas.DataFrame: ...
def measures_frame(notices: Notices) -> pandas.DataFrame: ...
def diagnostics_frame(notices: Notices) -> pandas.DataFrame: ...
def diff(
    old: Union[Notice, str, bytes],
    new: Union[Notice, str, bytes],
    *,
    threshold: Optional[float] = ...,
) -> Dict[str, Any]: ...
