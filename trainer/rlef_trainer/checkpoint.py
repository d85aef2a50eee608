"""Checkpoints: `<root>/step-<NNNNNNNN>/` with

    model/                    the model's own layout (built-in: policy.pt, critic.pt, reference.pt,
                              model_config.json; HF: policy/ and critic/ in Hugging Face layout with
                              safetensors, value_head.safetensors)
    optimizer.pt              optimizer moments + update counter, plain dict[str, Tensor]
    meta.json                 step, policy_version, run_id, model, configs, counts, created_at
    consumed_episodes.json    {episode_id: step it was trained in}: what a resumed trainer already learned from
    steps.json                the step-metrics history, so GET /rl/steps survives a restart

A checkpoint is written to a temporary directory and renamed into place, so a crash mid-save never
leaves a half checkpoint that `latest` would pick.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import time
from typing import Any, Optional

from .json_safe import sanitize
from .model.interface import ActorCriticModel
from .ppo.step import PPOUpdater
from .tensor_io import load_tensors, save_tensors

NAME = re.compile(r"^step-(\d{8})$")
FORMAT_VERSION = 1


def checkpoint_path(root: str, step: int) -> str:
    return os.path.join(root, f"step-{step:08d}")


def _write_json(path: str, data: Any) -> None:
    with open(path, "w") as handle:
        json.dump(sanitize(data), handle, indent=1, allow_nan=False)


def _read_json(path: str) -> Any:
    with open(path) as handle:
        return json.load(handle)


def save_checkpoint(root: str, model: ActorCriticModel, updater: Optional[PPOUpdater], meta: dict,
                    consumed: Optional[dict] = None, steps: Optional[list] = None) -> str:
    """Write a checkpoint for `meta["step"]` under `root`; an existing one for that step is replaced."""
    os.makedirs(root, exist_ok=True)
    final = checkpoint_path(root, int(meta["step"]))
    staging = f"{final}.tmp-{os.getpid()}-{time.monotonic_ns()}"
    os.makedirs(staging)
    try:
        layout = model.save_weights(os.path.join(staging, "model"))
        if updater is not None:
            save_tensors(updater.state_tensors(), os.path.join(staging, "optimizer.pt"))
        _write_json(os.path.join(staging, "consumed_episodes.json"), consumed or {})
        _write_json(os.path.join(staging, "steps.json"), steps or [])
        full_meta = {"format_version": FORMAT_VERSION, "created_at": time.time(), "model_layout": layout,
                     "model_config": model.model_config(), "consumed_count": len(consumed or {}), **meta}
        _write_json(os.path.join(staging, "meta.json"), full_meta)
        if os.path.exists(final):
            shutil.rmtree(final)
        os.rename(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return final


def read_meta(path: str) -> dict:
    meta_path = os.path.join(path, "meta.json")
    if not os.path.isfile(meta_path):
        raise FileNotFoundError(f"not a checkpoint (no meta.json): {path}")
    return _read_json(meta_path)


def list_checkpoints(root: str) -> list[dict]:
    """Complete checkpoints under `root`, oldest step first."""
    if not root or not os.path.isdir(root):
        return []
    found = []
    for name in os.listdir(root):
        path = os.path.join(root, name)
        if not NAME.match(name) or not os.path.isfile(os.path.join(path, "meta.json")):
            continue
        meta = read_meta(path)
        found.append({"path": os.path.abspath(path), "step": meta.get("step"), "policy_version": meta.get("policy_version"),
                      "run_id": meta.get("run_id"), "model": meta.get("model"), "kind": meta.get("kind", "train"),
                      "created_at": meta.get("created_at"), "consumed_count": meta.get("consumed_count", 0),
                      "format": meta.get("model_layout", {}).get("format")})
    return sorted(found, key=lambda item: item["step"])


def latest_checkpoint(root: str) -> Optional[str]:
    found = list_checkpoints(root)
    return found[-1]["path"] if found else None


def load_checkpoint(path: str, model: ActorCriticModel, updater: Optional[PPOUpdater],
                    policy_only: bool = False) -> tuple[dict, dict, list]:
    """Load weights (and optimizer state unless `policy_only`); return (meta, consumed, steps)."""
    meta = read_meta(path)
    model.load_weights(os.path.join(path, "model"), policy_only=policy_only)
    optimizer_file = os.path.join(path, "optimizer.pt")
    if updater is not None and not policy_only and os.path.isfile(optimizer_file):
        updater.load_state_tensors(load_tensors(optimizer_file, model.device))
    consumed_file = os.path.join(path, "consumed_episodes.json")
    steps_file = os.path.join(path, "steps.json")
    consumed = _read_json(consumed_file) if os.path.isfile(consumed_file) else {}
    steps = _read_json(steps_file) if os.path.isfile(steps_file) else []
    return meta, consumed, steps
