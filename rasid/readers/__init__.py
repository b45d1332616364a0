"""Readers: files on disk to :class:`~rasid.document.Page` objects.

``iter_files`` finds the readable files under the given paths, ``read_path`` turns one file
into pages, ``read_paths`` does both and collects every problem. All failures are
:class:`ReadError` with a message meant for the user; see :mod:`rasid.readers.errors` for
how whole-file failures differ from per-record problems.
"""

from rasid.readers.decode import Decoded, decode, decode_bytes
from rasid.readers.dispatch import read_path, read_paths
from rasid.readers.errors import ReadError
from rasid.readers.files import DEFAULT_MAX_BYTES, SUPPORTED_EXTENSIONS, file_format, iter_files

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_EXTENSIONS",
    "Decoded",
    "ReadError",
    "decode",
    "decode_bytes",
    "file_format",
    "iter_files",
    "read_path",
    "read_paths",
]
