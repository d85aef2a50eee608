"""Segment and whitening helpers over flat tensors (computed by hand: `var(correction=)` differs by torch version)."""
from __future__ import annotations

import torch


def segment_mean(values: torch.Tensor, segment: torch.Tensor, num_segments: int) -> torch.Tensor:
    """Mean of `values` per segment id (segments with no element get 0)."""
    sums = torch.zeros(num_segments, dtype=values.dtype, device=values.device).index_add_(0, segment, values)
    counts = torch.zeros(num_segments, dtype=values.dtype, device=values.device).index_add_(
        0, segment, torch.ones_like(values))
    return sums / counts.clamp(min=1)


def mean_and_std(values: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Population mean and standard deviation."""
    if values.numel() == 0:
        zero = values.new_zeros(())
        return zero, zero
    mean = values.mean()
    return mean, ((values - mean) ** 2).mean().sqrt()


def whiten(values: torch.Tensor, eps: float = 1e-8) -> torch.Tensor:
    mean, std = mean_and_std(values)
    return (values - mean) / (std + eps)


def explained_variance(predicted: torch.Tensor, target: torch.Tensor) -> float:
    """1 − Var(target − predicted) / Var(target); NaN when the targets do not vary."""
    _, target_std = mean_and_std(target)
    if target.numel() < 2 or float(target_std) == 0.0:
        return float("nan")
    _, residual_std = mean_and_std(target - predicted)
    return float(1.0 - (residual_std ** 2) / (target_std ** 2))
