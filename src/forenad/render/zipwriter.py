"""A minimal zip writer that takes parts already deflated, so a template's unchanged parts (styles, theme,
fonts: most of a ``.docx``'s bytes) are compressed once per batch instead of once per document.

The archive has the layout :mod:`zipfile` writes for ``writestr(name, data)`` with ``ZIP_DEFLATED`` at the
default level: the same members in the same order, deflated by zlib at ``Z_DEFAULT_COMPRESSION``, Unix
``0o600`` permissions and the local time of writing. Only the timestamps can differ from python-docx's own
``save``.
"""

from __future__ import annotations

import struct
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_VERSION = 20
_UNIX = 3
_DEFLATED = 8
_LIMIT = 0xFFFFFFFF


@dataclass(frozen=True, slots=True)
class Member:
    """One part, deflated: its name, CRC-32, size and compressed bytes."""

    name: str
    crc: int
    size: int
    deflated: bytes


def deflate(name: str, data: bytes) -> Member:
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    packed = compressor.compress(data) + compressor.flush()
    return Member(name, zlib.crc32(data), len(data), packed)


def _dos_time(now: float) -> tuple[int, int]:
    year, month, day, hour, minute, second = time.localtime(now)[:6]
    return (hour << 11) | (minute << 5) | (second // 2), ((year - 1980) << 9) | (month << 5) | day


def write_zip(members: Iterable[Member], now: float | None = None) -> bytes:
    """The zip archive of ``members``, in order."""
    dos_time, dos_date = _dos_time(time.time() if now is None else now)
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    count = 0
    for member in members:
        name = member.name.encode("utf-8")
        flags = 0 if member.name.isascii() else 0x800
        if member.size > _LIMIT or len(member.deflated) > _LIMIT or offset > _LIMIT:
            raise ValueError("part too large for a plain zip archive")
        header = _LOCAL.pack(
            0x04034B50,
            _VERSION,
            flags,
            _DEFLATED,
            dos_time,
            dos_date,
            member.crc,
            len(member.deflated),
            member.size,
            len(name),
            0,
        )
        chunks += (header, name, member.deflated)
        central.append(
            _CENTRAL.pack(
                0x02014B50,
                (_UNIX << 8) | _VERSION,
                _VERSION,
                flags,
                _DEFLATED,
                dos_time,
                dos_date,
                member.crc,
                len(member.deflated),
                member.size,
                len(name),
                0,
                0,
                0,
                0,
                0o600 << 16,
                offset,
            )
            + name
        )
        offset += len(header) + len(name) + len(member.deflated)
        count += 1
    directory = b"".join(central)
    chunks.append(directory)
    chunks.append(_END.pack(0x06054B50, 0, 0, count, count, len(directory), offset, 0))
    return b"".join(chunks)
