"""Command-line flags of the trainer server and how they become a TrainerEngine.

PPO settings given as flags are *pinned*: a run that registers (POST /rl/runs) with a different value is
refused, so a trainer started for one experiment cannot silently train another's. Settings not given
take the run's values, or the preset's when no run registers (toy check, curl)."""
from __future__ import annotations

import argparse
import os
from typing import Optional

import torch

from . import checkpoint as ckpt
from .config import preset
from .engine import TrainerEngine
from .model.loader import BUILTIN_TINY, load_model

PPO_FLAGS = [("lr", float), ("critic-lr", float), ("weight-decay", float), ("warmup-updates", int),
             ("batch-episodes", int), ("minibatches", int), ("epochs", int), ("kl-beta", float), ("clip-eps", float),
             ("value-clip", float), ("grad-clip", float), ("train-temperature", float), ("gae-lambda", float),
             ("critic-warmup-updates", int), ("micro-batch-tokens", int), ("total-updates", int)]
CHOICE_FLAGS = [("advantage-normalization", ["token", "turn", "none"]), ("value-mode", ["turn", "token"]),
                ("algo", ["ppo", "sft"]), ("lr-schedule", ["constant", "cosine"]), ("sft-loss-on", ["final", "all"])]


def parse_args(argv: Optional[list] = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python3 -m rlef_trainer.server", description="RLEF trainer: policy server + PPO")
    p.add_argument("--model", default=BUILTIN_TINY, help="'builtin:tiny' or a local Hugging Face model directory")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765, help="0 = any free port (printed on start-up)")
    p.add_argument("--checkpoint-dir", default=None, help="where checkpoints (and the journal) are written")
    p.add_argument("--resume", action="store_true", help="load the latest checkpoint in --checkpoint-dir and replay "
                                                         "the journal (queued/running steps run again)")
    p.add_argument("--init-checkpoint", default=None, help="start from this checkpoint's policy (e.g. the warm-up's)")
    p.add_argument("--save-every", type=int, default=0, help="save a checkpoint every N steps (0 = only on request)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--device", default=None, help="cpu / cuda (default: cuda when available)")
    p.add_argument("--run-id", default=None, help="bind the trainer to this run id from the start")
    p.add_argument("--log-requests", action="store_true")
    p.add_argument("--generation-rows", type=int, default=64, help="max rows in one merged generation batch")
    p.add_argument("--debug-step-delay-s", type=float, default=0.0, help=argparse.SUPPRESS)  # tests: a slow step
    g = p.add_argument_group("training settings (pinned when given; otherwise the registered run's, or the preset's)")
    g.add_argument("--preset", choices=["paper", "tiny"], default=None,
                   help="defaults for unset settings (builtin:tiny: 'tiny', HF models: 'paper')")
    for flag, kind in PPO_FLAGS:
        g.add_argument(f"--{flag}", type=kind, default=None)
    for flag, choices in CHOICE_FLAGS:
        g.add_argument(f"--{flag}", choices=choices, default=None)
    t = p.add_argument_group("builtin:tiny architecture (ignored when a checkpoint fixes it)")
    t.add_argument("--tiny-d-model", type=int, default=None)
    t.add_argument("--tiny-layers", type=int, default=None)
    t.add_argument("--tiny-heads", type=int, default=None)
    t.add_argument("--tiny-d-ff", type=int, default=None)
    t.add_argument("--max-seq-len", type=int, default=None)
    h = p.add_argument_group("precision and Hugging Face models")
    h.add_argument("--finetune", choices=["lora", "full"], default=None,
                   help="HF models: lora (default; fp32 adapters over a frozen bf16 base) or full (fp32 masters)")
    h.add_argument("--lora-rank", type=int, default=16)
    h.add_argument("--lora-alpha", type=int, default=32)
    h.add_argument("--compute-dtype", choices=["fp32", "bf16"], default=None,
                   help="forward compute (weights stay fp32 masters); default bf16 for HF models, fp32 for builtin:tiny")
    h.add_argument("--gradient-checkpointing", action=argparse.BooleanOptionalAction, default=True,
                   help="HF models (default on): recompute each layer in backward instead of keeping its activations")
    return p.parse_args(argv)


def pinned_settings(args: argparse.Namespace) -> dict:
    names = [f.replace("-", "_") for f, _ in PPO_FLAGS] + [f.replace("-", "_") for f, _ in CHOICE_FLAGS]
    return {name: getattr(args, name) for name in names if getattr(args, name) is not None}


def build_engine(args: argparse.Namespace) -> tuple[TrainerEngine, list[str]]:
    notes = []
    device = args.device or ("cuda" if torch.cuda.is_available() else "cpu")
    tiny = args.model == BUILTIN_TINY
    finetune = args.finetune or ("full" if tiny else "lora")
    if tiny and finetune != "full":
        raise SystemExit("--finetune lora needs a Hugging Face model; builtin:tiny trains all its weights")
    latest = ckpt.latest_checkpoint(args.checkpoint_dir) if (args.resume and args.checkpoint_dir) else None
    pinned = pinned_settings(args)
    tiny_overrides = {"d_model": args.tiny_d_model, "n_layers": args.tiny_layers, "n_heads": args.tiny_heads,
                      "d_ff": args.tiny_d_ff, "max_seq_len": args.max_seq_len}
    hf_options = {"finetune": finetune, "lora_rank": args.lora_rank, "lora_alpha": args.lora_alpha,
                  "compute_dtype": args.compute_dtype or "bf16", "gradient_checkpointing": args.gradient_checkpointing,
                  "max_seq_len": args.max_seq_len, "seed": args.seed,
                  "micro_batch_tokens": pinned.get("micro_batch_tokens", 16384)}
    model, template = load_model(args.model, device=device, seed=args.seed,
                                 config_checkpoint=latest or args.init_checkpoint, tiny_overrides=tiny_overrides,
                                 hf_options=hf_options, tiny_compute=args.compute_dtype or "fp32")
    preset_name = args.preset or ("tiny" if tiny else "paper")
    cfg = preset(preset_name, seed=args.seed, finetune=finetune, **pinned)
    if preset_name == "tiny":
        notes.append(f"preset 'tiny': lr {cfg.lr} (the paper's 2e-7 is for 8B/70B models; the tiny model needs far more)")
    if pinned:
        notes.append(f"pinned settings (a run registering other values is refused): {pinned}")
    engine = TrainerEngine(model, template, cfg, checkpoint_dir=args.checkpoint_dir, seed=args.seed,
                           save_every=args.save_every, generation_rows=args.generation_rows, pinned=pinned,
                           step_delay_s=args.debug_step_delay_s, keep_journal=args.resume)
    if latest:
        engine.load_checkpoint(latest, at_startup=True)
        notes.append(f"resumed from {latest} (step {engine.step}, {len(engine.consumed)} episodes already trained)")
    elif args.init_checkpoint:
        if not os.path.isfile(os.path.join(args.init_checkpoint, "meta.json")):
            raise SystemExit(f"--init-checkpoint: no checkpoint at {args.init_checkpoint} (meta.json missing)")
        engine.init_from(args.init_checkpoint)
        notes.append(f"initialised the policy from {args.init_checkpoint}")
    if args.resume:
        replayed = engine.replay_journal()
        if replayed["jobs"] or replayed["buffered"]:
            notes.append(f"journal: {replayed['jobs']} step job(s) queued again, {replayed['buffered']} episode(s) "
                         f"buffered")
    if args.run_id:
        engine.run_id = engine.run_id or args.run_id
    return engine, notes
