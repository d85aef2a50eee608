"""Mixed precision: fp32 master weights, bf16 compute, fp32 heads.

Trainable tensors stay float32 (AdamW's 2e-7 updates vanish in bf16). With `compute="bf16"` the
transformer body runs under autocast (matmuls in bf16 from the fp32 masters); the LM head and the value
head always run in fp32 on the gathered positions only, so log-probs, the PPO ratio and values are
computed at full precision. Works on torch 1.13 CPU (autocast "cpu" supports bf16) and on CUDA.
"""
from __future__ import annotations

from contextlib import nullcontext
from typing import Optional

import torch
import torch.nn.functional as F

COMPUTE_DTYPES = ("fp32", "bf16")


def check_compute(compute: str) -> str:
    if compute not in COMPUTE_DTYPES:
        raise ValueError(f"compute dtype must be one of {COMPUTE_DTYPES}, got {compute!r}")
    return compute


def autocast(device: torch.device, compute: str):
    if compute == "fp32":
        return nullcontext()
    return torch.autocast(device_type=device.type, dtype=torch.bfloat16)


def fp32_linear(x: torch.Tensor, weight: torch.Tensor, bias: Optional[torch.Tensor] = None) -> torch.Tensor:
    """x @ weightᵀ (+ bias) in float32 whatever autocast or the weight's storage dtype says."""
    with torch.autocast(device_type=x.device.type, enabled=False):
        return F.linear(x.float(), weight.float(), None if bias is None else bias.float())
