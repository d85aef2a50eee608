"""Run registration (`POST /rl/runs`): the worker says which run it is training and with which settings;
the trainer resolves the run's preset, refuses settings that contradict how it was started (an explicit
command-line flag, the model it serves, a checkpoint of the same run trained otherwise), and from then on
trains with exactly that config, echoed in /status and fingerprinted by `config_sha256`."""
from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field

from .config import PPOConfig, differences, preset
from .errors import ConflictError


@dataclass
class RunBinding:
    run_id: str
    model: str
    requested: dict  # the config object as the worker sent it (absent keys = the preset's)
    config: PPOConfig  # what the trainer trains with
    registered_at: float = field(default_factory=time.time)

    @property
    def config_sha256(self) -> str:
        return config_fingerprint(self.config)

    def public(self) -> dict:
        return {"run_id": self.run_id, "model": self.model, "algo": self.config.algo, "requested": self.requested,
                "config": self.config.to_dict(), "config_sha256": self.config_sha256,
                "registered_at": self.registered_at}


def config_fingerprint(cfg: PPOConfig) -> str:
    return hashlib.sha256(json.dumps(cfg.to_dict(), sort_keys=True).encode()).hexdigest()


def resolve_config(requested: dict, default_preset: str, finetune_mode: str, pinned: dict) -> PPOConfig:
    finetune = requested.get("finetune", finetune_mode)
    if finetune != finetune_mode:
        raise ConflictError(f"the run asks for finetune '{finetune}' but this trainer serves its model as "
                            f"'{finetune_mode}' (start it with --finetune {finetune})", "config.finetune")
    values = dict(requested)
    values.setdefault("finetune", finetune_mode)
    cfg = preset(values.pop("preset", default_preset), **values)
    clashes = {k: (v, getattr(cfg, k)) for k, v in pinned.items() if getattr(cfg, k) != v}
    if clashes:
        listed = "; ".join(f"{k}: trainer {a!r}, run {b!r}" for k, (a, b) in clashes.items())
        raise ConflictError(f"this trainer was started with settings the run contradicts ({listed}); restart it "
                            f"without those flags or launch the run with them", f"config.{next(iter(clashes))}")
    return cfg


def same_config_or_conflict(current: PPOConfig, wanted: PPOConfig, run_id: str) -> None:
    diff = differences(current, wanted)
    if diff:
        listed = "; ".join(f"{k}: trained with {a!r}, now {b!r}" for k, (a, b) in diff.items())
        raise ConflictError(f"run '{run_id}' is already being trained with other settings ({listed})",
                            f"config.{next(iter(diff))}")
