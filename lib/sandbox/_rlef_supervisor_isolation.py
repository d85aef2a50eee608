"""What a test child of the fork-server does before it becomes the program,
and the scratch dirs and IPC namespace the supervisor renews between tests
(root-run pools; see Isolation). Imported by supervisor.py only."""

import os

CLONE_NEWIPC = 0x08000000
MS_NOSUID, MS_NODEV = 2, 4
PR_SET_DUMPABLE, PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL = 4, 47, 4
# (audit arch, add_key, request_key, keyctl, seccomp)
_KEYRING_SYSCALLS = {"x86_64": (0xC000003E, 248, 249, 250, 317), "aarch64": (0xC00000B7, 217, 218, 219, 277)}
SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_SPEC_ALLOW = 1, 4


def _keyring_filter(libc):
    """A seccomp program making add_key/request_key/keyctl fail with ENOSYS.
    Keyrings are per uid and user namespace, both of which the slot's tests
    share: a key would carry one test's data to the next. None on other arches."""
    import ctypes
    import struct

    arch = _KEYRING_SYSCALLS.get(os.uname().machine)
    if arch is None:
        return None
    audit, *numbers, seccomp_nr = arch
    ld, jeq, ret, alu_and = 0x20, 0x15, 0x06, 0x54
    insns = [
        (ld, 0, 0, 4),  # seccomp_data.arch
        (jeq, 0, 5, audit),
        (ld, 0, 0, 0),  # seccomp_data.nr
        (alu_and, 0, 0, 0xBFFFFFFF),  # the x32 bit
        (jeq, 3, 0, numbers[0]),
        (jeq, 2, 0, numbers[1]),
        (jeq, 1, 0, numbers[2]),
        (ret, 0, 0, 0x7FFF0000),  # SECCOMP_RET_ALLOW
        (ret, 0, 0, 0x00050000 | 38),  # SECCOMP_RET_ERRNO | ENOSYS
    ]
    code = b"".join(struct.pack("<HBBI", *insn) for insn in insns)
    buffer = ctypes.create_string_buffer(code, len(code))

    class Program(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    program = Program(len(insns), ctypes.addressof(buffer))
    return program, buffer, seccomp_nr  # the buffer must outlive the seccomp call


def _no_capabilities():
    """Arguments for capset(2) dropping every capability (version 3, this process)."""
    import ctypes

    header = (ctypes.c_uint32 * 2)(0x20080522, 0)
    data = (ctypes.c_uint32 * 6)()
    return header, data


class Isolation:
    """Built once in the supervisor. Each test is forked into a fresh IPC
    namespace (no SysV segment, queue or semaphore and no POSIX queue of an
    earlier test) that `renew_ipc()` made for it ahead of time: the supervisor
    moves itself into a new one right after forking a test, while that test
    runs, so creating it (a mqueue mount and the namespace's sysctl tables,
    the largest per-test cost of the isolation) is off the path from one test
    to the next. The test keeps the namespace it was born in; the supervisor
    never uses IPC, so the next test's namespace is untouched until it starts.
    (Renewing only when /proc/sysvipc lists objects after a test would be
    cheaper but not enough: a test that creates and removes a segment leaves
    nothing listed and still moves the namespace's id counter, which the next
    test reads from the id of its own first segment.)
    Keyrings are closed by a seccomp filter on the supervisor that every test
    inherits. `enter()` runs in each test child, before the program: the test
    uid with no capabilities. `refresh()` runs in the supervisor after
    each test: /tmp and /dev/shm are tmpfs we mount, owned by us (mode 1777, so
    a test can neither restore their mtime nor chmod them); one whose mtime or
    usage moved is replaced by a new, empty tmpfs. Failures are ours: an X
    frame, never the program's verdict."""

    SCRATCH = (b"/tmp", b"/dev/shm")

    def __init__(self, libc, *, fresh_namespaces, sandboxed, test_ids, reset_oom, tmp_bytes, shm_bytes):
        """test_ids: (uid, gid) a test runs as, or None (not root: our own);
        reset_oom: we joined cgroups whose OOM killer Node keeps off us."""
        self.libc = libc
        self.fresh_namespaces, self.sandboxed, self.test_ids, self.reset_oom = fresh_namespaces, sandboxed, test_ids, reset_oom
        sizes = {b"/tmp": tmp_bytes, b"/dev/shm": shm_bytes}
        self.options = {path: f"size={size},mode=1777".encode() for path, size in sizes.items()}
        self.caps = _no_capabilities()
        # Bound here, not in each child: a CDLL attribute's first lookup builds
        # the function object, in every child anew (and copy-on-write faults with it).
        self.capset, self.prctl = libc.capset, libc.prctl
        self.pristine = {}
        if fresh_namespaces:
            for path in self.SCRATCH:
                self.mount(path)
            self.renew_ipc()
            self.block_keyrings()

    def block_keyrings(self):
        """Install the keyring filter on ourselves, once: every test child
        inherits it (seccomp filters survive fork and cannot be removed), and
        we never use keyrings. Per child it cost ~0.2 ms."""
        seccomp = _keyring_filter(self.libc)
        if seccomp is not None:
            import ctypes

            # SPEC_ALLOW: a filter must not switch on the kernel's speculation
            # mitigations for the program (a plain python3 runs without them).
            program, _, seccomp_nr = seccomp
            self._check(self.libc.syscall(seccomp_nr, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_SPEC_ALLOW, ctypes.byref(program)), "seccomp")

    def _check(self, result, what):
        if result != 0:
            import ctypes

            raise OSError(ctypes.get_errno(), f"{what}: {os.strerror(ctypes.get_errno())}")

    def _state(self, path):
        st, vfs = os.stat(path), os.statvfs(path)
        return (st.st_ino, st.st_mtime_ns, st.st_ctime_ns, st.st_nlink, vfs.f_bfree, vfs.f_ffree)

    def mount(self, path, replace=False):
        if replace:
            self._check(self.libc.umount2(path, 2), f"umount {path.decode()}")  # MNT_DETACH
        self._check(self.libc.mount(b"tmpfs", path, b"tmpfs", MS_NOSUID | MS_NODEV, self.options[path]), f"mount tmpfs {path.decode()}")
        self.pristine[path] = self._state(path)

    def refresh(self):
        """After a test (all its processes dead): a new tmpfs for each scratch dir it touched."""
        for path in self.pristine:
            if self._state(path) != self.pristine[path]:
                self.mount(path, replace=True)

    def renew_ipc(self):
        """Move the supervisor (and so the next test it forks) into a new, empty IPC namespace."""
        if self.fresh_namespaces:
            self._check(self.libc.unshare(CLONE_NEWIPC), "unshare(ipc)")

    def enter(self):
        if self.test_ids is not None:
            uid, gid = self.test_ids
            os.setgroups([])
            os.setresgid(gid, gid, gid)
            os.setresuid(uid, uid, uid)
        if self.sandboxed:
            header, data = self.caps
            self._check(self.capset(header, data), "capset")
            self.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0)
        # A fresh `python3` is dumpable; we inherited the supervisor's "not"
        # (and a uid change resets it). Only the test's own processes share our uid now.
        self.prctl(PR_SET_DUMPABLE, 1, 0, 0, 0)
        if self.reset_oom:
            # Node made us unkillable by the cgroup's OOM killer (legacy oom_adj:
            # no floor is set, so the program cannot go below 0 again); the test is not.
            # A raw write: a text-mode open() builds three objects and touches
            # enough of our memory to cost a few hundred µs of copy-on-write faults.
            fd = os.open("/proc/self/oom_score_adj", os.O_WRONLY)
            os.write(fd, b"0")
            os.close(fd)
