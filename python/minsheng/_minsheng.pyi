"""The Rust half of the package (PyO3); use the functions of `minsheng`."""

import os
from typing import List, Optional, Tuple, Union

SCHEMA_VERSION: int

def parse_json(
    data: Union[str, bytes, bytearray],
    *,
    name: Optional[str] = ...,
    vocabulary: Optional[Union[str, "os.PathLike[str]"]] = ...,
) -> str: ...
def parse_files_json(
    paths: List[Union[str, "os.PathLike[str]"]],
    *,
    threads: Optional[int] = ...,
    vocabulary: Optional[Union[str, "os.PathLike[str]"]] = ...,
) -> List[str]: ...
def table_rows(table: str, notices: List[str]) -> Tuple[List[str], List[List[str]]]: ...
def diff_json(old: str, new: str, *, threshold: Optional[float] = ...) -> str: ...
