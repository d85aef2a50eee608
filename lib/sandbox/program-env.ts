/**
 * The environment every judged program starts with, in both engines (inside
 * bwrap, beside PATH; unsandboxed, alone).
 *
 * PYTHONINTMAXSTRDIGITS=0 lifts the 4,300-digit limit on int <-> str
 * conversion of Python >= 3.11 (CVE-2020-10735): the paper's Python 3.10 had
 * none, and competitive-programming problems print and parse big integers
 * (a correct `print(2**20000)` would otherwise fail with ValueError). The
 * variable, not `-X int_max_str_digits=0`, because a flag would show in
 * sys.orig_argv; older interpreters ignore it.
 */
export const PROGRAM_ENV: Readonly<Record<string, string>> = { PYTHONINTMAXSTRDIGITS: "0" };
