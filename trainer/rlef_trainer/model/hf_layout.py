"""Checkpoint layout of a Hugging Face model (trainer/API.md "Checkpoints"): what `model/` holds per mode,
and a check that names the missing file before anything is loaded."""
from __future__ import annotations

import json
import os

FORMATS = {
    # LoRA: peft writes a non-default adapter to <dir>/<adapter name>/ (vLLM serves policy/ over the base)
    "hf-lora": ["layout.json", "value_head.safetensors", "policy/adapter_model.safetensors",
                "policy/adapter_config.json", "critic/adapter_model.safetensors", "critic/adapter_config.json"],
    # full fine-tuning: save_pretrained directories (policy/ is servable as a model), fp32 masters
    "hf-full": ["layout.json", "value_head.safetensors", "policy/config.json", "critic/config.json"],
}


def layout(finetune: str, base_path: str) -> dict:
    if finetune == "lora":
        return {"format": "hf-lora", "policy": "policy", "critic": "critic", "base_model": base_path,
                "weights_dtype": "float32 adapters over a bfloat16 base"}
    return {"format": "hf-full", "policy": "policy", "critic": "critic", "reference": base_path,
            "weights_dtype": "float32"}


def write_layout(directory: str, description: dict) -> None:
    with open(os.path.join(directory, "layout.json"), "w") as handle:
        json.dump(description, handle, indent=1)


def check_layout(directory: str, policy_only: bool = False) -> dict:
    """The layout.json of `directory`, after checking every file its format needs exists."""
    path = os.path.join(directory, "layout.json")
    if not os.path.isfile(path):
        raise FileNotFoundError(f"{path}: missing (not a Hugging Face model checkpoint)")
    with open(path) as handle:
        description = json.load(handle)
    needed = FORMATS.get(description.get("format"))
    if needed is None:
        raise ValueError(f"{path}: format {description.get('format')!r} is not one of {sorted(FORMATS)}")
    for name in needed:
        if policy_only and not name.startswith("policy/"):
            continue
        if not os.path.exists(os.path.join(directory, name)):
            raise FileNotFoundError(f"{os.path.join(directory, name)}: missing from a {description['format']} "
                                    f"checkpoint")
    has_weights = any(f.endswith(".safetensors") for f in os.listdir(os.path.join(directory, "policy")))
    if not has_weights:
        raise FileNotFoundError(f"{os.path.join(directory, 'policy')}: no .safetensors weights")
    return description
