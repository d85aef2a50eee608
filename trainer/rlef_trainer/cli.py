"""Command-line flags of the trainer server and how they become a TrainerEngine."""
from __future__ import annotations

import argparse
import os
from typing import Optional

import torch

from . import checkpoint as ckpt
from .config import preset
from .engine import TrainerEngine
from .model.loader import BUILTIN_TINY, load_model


def parse_args(argv: Optional[list] = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python3 -m rlef_trainer.server", description="RLEF trainer: policy server + PPO")
    p.add_argument("--model", default=BUILTIN_TINY, help="'builtin:tiny' or a local Hugging Face model directory")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765, help="0 = any free port (printed on start-up)")
    p.add_argument("--checkpoint-dir", default=None, help="where checkpoints are saved / resumed from")
    p.add_argument("--resume", action="store_true", help="load the latest checkpoint in --checkpoint-dir, if any")
    p.add_argument("--init-checkpoint", default=None, help="start from this checkpoint's policy (e.g. the warm-up's)")
    p.add_argument("--save-every", type=int, default=0, help="save a checkpoint every N PPO steps (0 = only on request)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--device", default=None, help="cpu / cuda (default: cuda when available)")
    p.add_argument("--run-id", default=None, help="bind the trainer to this run id from the start")
    p.add_argument("--log-requests", action="store_true")
    p.add_argument("--generation-rows", type=int, default=64, help="max rows in one merged generation batch")
    g = p.add_argument_group("PPO (defaults: the paper's; builtin:tiny uses the 'tiny' preset)")
    g.add_argument("--preset", choices=["paper", "tiny"], default=None)
    for flag, kind in [("lr", float), ("critic-lr", float), ("weight-decay", float), ("warmup-updates", int),
                       ("batch-episodes", int), ("minibatches", int), ("epochs", int), ("kl-beta", float),
                       ("clip-eps", float), ("value-clip", float), ("grad-clip", float),
                       ("train-temperature", float), ("gae-lambda", float), ("critic-warmup-updates", int),
                       ("micro-batch-tokens", int)]:
        g.add_argument(f"--{flag}", type=kind, default=None)
    g.add_argument("--advantage-normalization", choices=["token", "turn", "none"], default=None)
    g.add_argument("--value-mode", choices=["turn", "token"], default=None)
    t = p.add_argument_group("builtin:tiny architecture (ignored when a checkpoint fixes it)")
    t.add_argument("--tiny-d-model", type=int, default=None)
    t.add_argument("--tiny-layers", type=int, default=None)
    t.add_argument("--tiny-heads", type=int, default=None)
    t.add_argument("--tiny-d-ff", type=int, default=None)
    t.add_argument("--max-seq-len", type=int, default=None)
    h = p.add_argument_group("Hugging Face models")
    h.add_argument("--finetune", choices=["lora", "full"], default="lora")
    h.add_argument("--lora-rank", type=int, default=16)
    h.add_argument("--lora-alpha", type=int, default=32)
    h.add_argument("--dtype", default="bfloat16")
    h.add_argument("--gradient-checkpointing", action="store_true")
    return p.parse_args(argv)


PPO_FLAGS = ["lr", "critic_lr", "weight_decay", "warmup_updates", "batch_episodes", "minibatches", "epochs", "kl_beta",
             "clip_eps", "value_clip", "grad_clip", "train_temperature", "gae_lambda", "critic_warmup_updates",
             "micro_batch_tokens", "advantage_normalization", "value_mode"]


def build_engine(args: argparse.Namespace) -> tuple[TrainerEngine, list[str]]:
    notes = []
    device = args.device or ("cuda" if torch.cuda.is_available() else "cpu")
    latest = ckpt.latest_checkpoint(args.checkpoint_dir) if (args.resume and args.checkpoint_dir) else None
    tiny_overrides = {"d_model": args.tiny_d_model, "n_layers": args.tiny_layers, "n_heads": args.tiny_heads,
                      "d_ff": args.tiny_d_ff, "max_seq_len": args.max_seq_len}
    hf_options = {"finetune": args.finetune, "lora_rank": args.lora_rank, "lora_alpha": args.lora_alpha,
                  "dtype": args.dtype, "gradient_checkpointing": args.gradient_checkpointing,
                  "max_seq_len": args.max_seq_len, "seed": args.seed}
    model, template = load_model(args.model, device=device, seed=args.seed,
                                 config_checkpoint=latest or args.init_checkpoint,
                                 tiny_overrides=tiny_overrides, hf_options=hf_options)
    preset_name = args.preset or ("tiny" if args.model == BUILTIN_TINY else "paper")
    cfg = preset(preset_name, seed=args.seed, **{name: getattr(args, name) for name in PPO_FLAGS})
    if preset_name == "tiny":
        notes.append(f"preset 'tiny': lr {cfg.lr} (the paper's 2e-7 is for 8B/70B models; the tiny model needs far more)")
    engine = TrainerEngine(model, template, cfg, checkpoint_dir=args.checkpoint_dir, seed=args.seed,
                           save_every=args.save_every, generation_rows=args.generation_rows)
    if latest:
        engine.load_checkpoint(latest, at_startup=True)
        notes.append(f"resumed from {latest} (step {engine.step}, {len(engine.consumed)} episodes already trained)")
    elif args.init_checkpoint:
        if not os.path.isfile(os.path.join(args.init_checkpoint, "meta.json")):
            raise SystemExit(f"--init-checkpoint: no checkpoint at {args.init_checkpoint} (meta.json missing)")
        engine.init_from(args.init_checkpoint)
        notes.append(f"initialised the policy from {args.init_checkpoint}")
    if args.run_id:
        engine.run_id = engine.run_id or args.run_id
    return engine, notes
