"""Model spec → (ActorCriticModel, chat formatter). `builtin:tiny` or a local Hugging Face directory."""
from __future__ import annotations

import os
from typing import Optional

from .tiny import TinyActorCritic, TinyConfig, read_tiny_config
from .tokenizer import ByteChatTemplate

BUILTIN_TINY = "builtin:tiny"


def tiny_config_for(checkpoint: Optional[str], overrides: dict) -> TinyConfig:
    """The tiny architecture: a checkpoint's when one is given (weights must fit), else defaults + overrides."""
    if checkpoint:
        model_dir = os.path.join(checkpoint, "model")
        if os.path.isfile(os.path.join(model_dir, "model_config.json")):
            return read_tiny_config(model_dir)
    base = TinyConfig().to_dict()
    base.update({k: v for k, v in overrides.items() if v is not None})
    return TinyConfig.from_dict(base)


def load_model(spec: str, device: str = "cpu", seed: int = 0, config_checkpoint: Optional[str] = None,
               tiny_overrides: Optional[dict] = None, hf_options: Optional[dict] = None, tiny_compute: str = "fp32"):
    if spec == BUILTIN_TINY:
        cfg = tiny_config_for(config_checkpoint, tiny_overrides or {})
        return TinyActorCritic(cfg, seed=seed, device=device, compute_dtype=tiny_compute), ByteChatTemplate()
    path = spec[3:] if spec.startswith("hf:") else spec
    if not os.path.isdir(path):
        raise ValueError(f"--model: '{spec}' is neither '{BUILTIN_TINY}' nor a local Hugging Face model directory")
    from .hf_model import load_hf_actor_critic  # lazy: transformers/peft exist only on the GPU machine
    return load_hf_actor_critic(path, device=device, **(hf_options or {}))
