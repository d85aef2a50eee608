"""Learning checks for the trainer, outside the trainer package: the toy environment "print the hidden
number", the format-only warm-up and the in-process RLEF learning check. Run from trainer/:
`python3 -m checks.warmup --out DIR`, `python3 -m checks.toy_check --out DIR`."""
