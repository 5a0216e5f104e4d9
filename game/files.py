"""Reading a file a user named, defensively: only a regular file, and at most a given size.

A FIFO with no writer would block a reader forever, and a device (/dev/zero, /dev/urandom)
never ends; both are refused before a byte is read. The file is opened without blocking and
checked through its open descriptor, so it cannot be swapped for another between the check and
the read.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class NotRegularFile(OSError):
    """The path names a FIFO, a device or a socket: nothing a game reads."""


def read_limited(path: Path, limit: int) -> bytes:
    """At most limit + 1 bytes of the regular file at path (one more than the limit, so a caller
    can tell a file that is too large). Raises IsADirectoryError, NotRegularFile, or the OSError
    of opening or reading it."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(f"{path} is a directory")
        if not stat.S_ISREG(mode):
            raise NotRegularFile(f"{path} is not a regular file")
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with handle:
        return handle.read(limit + 1)


NOT_REGULAR = "not a regular file (a FIFO, a device or a socket): give the path of a file"
LOOP = "a symbolic link that loops back on itself"


def why(error: OSError | ValueError) -> str:
    """Why a file could not be opened or read, in a few words; a loop of links in the same words
    wherever a file is read (a scenario, a save, a record, an agent's file), as the save writer
    says it, not the system's "Too many levels of symbolic links"."""
    if isinstance(error, OSError):
        return LOOP if error.errno == errno.ELOOP else error.strerror or str(error)
    return str(error)
