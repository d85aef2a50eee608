"""Frames between supervisor.py and Node (see supervisor.py's docstring).

fd 3 carries frames from Node, fd 4 frames to Node. Records are flat
"key=value,key=value" texts: no json import (it pulls in re), which would add
~5 ms to every sandbox's start-up.
"""

import fcntl
import os
import struct

FROM_NODE, TO_NODE = 3, 4
CHUNK = 1 << 20
PIPE_BYTES = 1 << 20  # bigger pipes: a program printing megabytes costs fewer wake-ups
FRAME = struct.Struct("<cII")


def write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


class Outbox:
    """Frames to Node, coalesced: a small test's output and its result leave
    in one write; a big output is flushed as it grows, never held whole."""

    FLUSH_BYTES = 1 << 18

    def __init__(self):
        self.parts = []
        self.size = 0

    def add(self, kind, index, payload):
        self.parts.append(FRAME.pack(kind, index, len(payload)))
        self.parts.append(bytes(payload))
        self.size += FRAME.size + len(payload)
        if self.size >= self.FLUSH_BYTES:
            self.flush()

    def flush(self):
        if self.parts:
            write_all(TO_NODE, b"".join(self.parts))
            self.parts.clear()
            self.size = 0


OUTBOX = Outbox()


def send(kind, index, payload):
    OUTBOX.add(kind, index, payload)
    OUTBOX.flush()


def encode_record(record):
    return ",".join(f"{key}={'' if value is None else int(value) if isinstance(value, bool) else value}" for key, value in record.items()).encode()


def decode_record(data):
    return dict(item.split("=", 1) for item in data.decode().split(",") if item)


def send_record(kind, index, record):
    send(kind, index, encode_record(record))


def send_error(message):
    send(b"X", 0, message.encode("utf-8", "replace"))


class FrameReader:
    """Frames from Node, read in big chunks: usually one read() per test."""

    def __init__(self):
        self.buffer = bytearray()

    def _fill(self, n):
        while len(self.buffer) < n:
            chunk = os.read(FROM_NODE, max(1 << 16, n - len(self.buffer)))
            if not chunk:
                return False
            self.buffer += chunk
        return True

    def read(self):
        if not self._fill(FRAME.size):
            return None
        kind, meta_len, body_len = FRAME.unpack_from(self.buffer)
        end = FRAME.size + meta_len + body_len
        if not self._fill(end):
            return None
        meta = decode_record(bytes(self.buffer[FRAME.size : FRAME.size + meta_len]))
        body = bytes(self.buffer[FRAME.size + meta_len : end])
        del self.buffer[:end]
        return kind, meta, body


def grow_pipe(fd):
    try:
        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except OSError:
        pass
