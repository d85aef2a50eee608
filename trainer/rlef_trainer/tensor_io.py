"""Plain dict[str, Tensor] files that `torch.load(weights_only=True)` reads on torch 1.13 and 2.x.

torch 1.13's weights-only unpickler rejects even Python floats, so optimizer state is flattened to
tensors here and its hyper-parameters live in JSON metadata instead.
"""
from __future__ import annotations

import inspect
import os
from typing import Any

import torch

_WEIGHTS_ONLY = "weights_only" in inspect.signature(torch.load).parameters


def save_tensors(tensors: dict[str, torch.Tensor], path: str) -> None:
    for key, value in tensors.items():
        if not isinstance(value, torch.Tensor):
            raise TypeError(f"save_tensors({path}): '{key}' is {type(value).__name__}, not a Tensor")
    torch.save({k: v.detach().cpu().contiguous() for k, v in tensors.items()}, path)


def load_tensors(path: str, device: Any = "cpu") -> dict[str, torch.Tensor]:
    if not os.path.exists(path):
        raise FileNotFoundError(f"checkpoint file not found: {path}")
    if _WEIGHTS_ONLY:
        return torch.load(path, map_location=device, weights_only=True)
    return torch.load(path, map_location=device)  # pragma: no cover - torch < 1.13


def flatten_optimizer(optimizer: torch.optim.Optimizer, prefix: str) -> dict[str, torch.Tensor]:
    flat: dict[str, torch.Tensor] = {}
    for index, state in optimizer.state_dict()["state"].items():
        for key, value in state.items():
            flat[f"{prefix}.{index}.{key}"] = value if isinstance(value, torch.Tensor) else torch.tensor(value)
    return flat


def restore_optimizer(optimizer: torch.optim.Optimizer, flat: dict[str, torch.Tensor], prefix: str) -> None:
    state: dict[int, dict[str, torch.Tensor]] = {}
    for name, value in flat.items():
        if not name.startswith(prefix + "."):
            continue
        index, key = name[len(prefix) + 1:].split(".", 1)
        state.setdefault(int(index), {})[key] = value
    optimizer.load_state_dict({"state": state, "param_groups": optimizer.state_dict()["param_groups"]})
