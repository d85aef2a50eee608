"""The fork-server's pipes: test input moved in the kernel, test output relayed
to Node from one buffer no test child has. Imported by supervisor.py only."""

import fcntl
import os

from _rlef_supervisor_io import CHUNK, FRAME, PIPE_BYTES, TO_NODE

FIONREAD = 0x541B


def read_exact(fd, n):
    parts = []
    while n > 0:
        chunk = os.read(fd, n)
        if not chunk:
            return None
        parts.append(chunk)
        n -= len(chunk)
    return b"".join(parts)


def splice_exactly(source, target, n, bounce):
    """Move n bytes from fd `source` (Node's socket) to `target` through the
    pipe `bounce` (splice needs a pipe on one side), all in the kernel: they
    never enter our memory, so no later test's image (a fork of us) holds them."""
    bounce_r, bounce_w = bounce
    while n > 0:
        moved = os.splice(source, bounce_w, min(n, PIPE_BYTES))
        if moved == 0:
            return False
        n -= moved
        while moved > 0:
            moved -= os.splice(bounce_r, target, moved)
    return True


def _available(fd, probe=bytearray(4)):
    fcntl.ioctl(fd, FIONREAD, probe)
    return int.from_bytes(probe, "little")


class Relay:
    """A test's output on its way to Node: read into one preallocated buffer
    and written from it (never copied into objects; a fresh 1 MiB bytes per
    read would also cost an mmap/munmap pair), a small output leaving with
    its result in one write. The buffer is a private mapping of its own
    marked MADV_DONTFORK: a test child, forked from us, does not have it at
    all, so no test's memory image holds an earlier test's output, whatever
    the child frees or keeps before the program starts, and there is nothing
    to zero between tests. Where madvise is missing, the part used is zeroed
    after each test instead."""

    MAX_SLICES = 256

    def __init__(self):
        import mmap

        # Private: a shared mapping would be the same pages in a child that kept it.
        self.buffer = mmap.mmap(-1, CHUNK, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
        try:
            self.buffer.madvise(mmap.MADV_DONTFORK)
            self.inherited = False
        except (AttributeError, OSError):
            self.inherited = True
        self.view = memoryview(self.buffer)
        self.slices = []  # [kind, start, end] not yet written
        self.used = 0
        self.dirty = 0

    def read(self, fd, kind, index, room):
        """Read what fd has (up to the buffer's room), keeping at most `room`
        bytes. Returns the count read; 0 at EAGAIN or EOF."""
        if self.used == len(self.buffer) or len(self.slices) >= self.MAX_SLICES:
            self.send(index, None)
        try:
            n = os.readv(fd, [self.view[self.used :]])
        except BlockingIOError:
            return 0
        self.dirty = max(self.dirty, self.used + n)
        keep = min(n, max(room, 0))
        if keep > 0:
            last = self.slices[-1] if self.slices else None
            if last is not None and last[0] == kind and last[2] == self.used:
                last[2] += keep
            else:
                self.slices.append([kind, self.used, self.used + keep])
            self.used += keep
        return n

    def send(self, index, record):
        """Write the pending output frames and, when given, the result record, in one writev."""
        parts = []
        for kind, start, end in self.slices:
            parts.append(FRAME.pack(kind, index, end - start))
            parts.append(self.view[start:end])
        if record is not None:
            parts.append(FRAME.pack(b"R", index, len(record)))
            parts.append(record)
        self.slices.clear()
        self.used = 0
        remaining = sum(len(p) for p in parts)
        while remaining > 0:
            written = os.writev(TO_NODE, parts)
            remaining -= written
            while parts and written >= len(parts[0]):
                written -= len(parts[0])
                parts.pop(0)
            if parts and written:
                parts[0] = memoryview(parts[0])[written:]

    def scrub(self):
        if self.inherited and self.dirty:
            self.buffer[: self.dirty] = bytes(self.dirty)
            self.dirty = 0


def discard(fd, devnull):
    """Empty a pipe past the output cap (in the kernel), so the next test starts clean."""
    while True:
        n = _available(fd)
        if n == 0:
            return
        try:
            os.splice(fd, devnull, n)
        except BlockingIOError:
            return
