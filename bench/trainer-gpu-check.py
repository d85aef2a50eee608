#!/usr/bin/env python3
"""The trainer's own code on a real architecture: generation speed, one PPO step's MFU, peak memory, the
dtype of every trainable tensor and optimizer state, and whether the policy and the critic moved.

    cd trainer && python3 ../bench/trainer-gpu-check.py            # GPU: Llama-3.1-8B and a 1B shape
    cd trainer && python3 ../bench/trainer-gpu-check.py --cpu      # anywhere: the built-in model

No weights are downloaded: a Hugging Face model is built from the architecture's config with random
weights (transformers' from_config), which costs the same FLOPs and memory as the real one. Modes: LoRA
(fp32 adapters over a frozen bf16 base) and full fine-tuning (fp32 masters); a mode whose memory estimate
(rlef_trainer/model/memory.py) exceeds the device is reported as skipped with the arithmetic. Generation
uses the trainer's batched KV-cache sampler; the PPO step is PPOUpdater.step at the paper's lr 2e-7 on
episodes of random tokens. MFU = model FLOPs of the step (no recomputation counted) / time / peak bf16
FLOP/s (H100/H200: 989 TFLOP/s dense; elsewhere a large matmul measured here). Budget: < 10 min on one H200.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "trainer"))

from rlef_trainer.config import preset  # noqa: E402
from rlef_trainer.episodes import Episode, Turn  # noqa: E402
from rlef_trainer.model.interface import trainable_dtypes  # noqa: E402
from rlef_trainer.model.memory import Shape, estimate  # noqa: E402
from rlef_trainer.ppo.optim import state_dtypes  # noqa: E402
from rlef_trainer.ppo.step import PPOUpdater  # noqa: E402
from rlef_trainer.rollout.generate import GenerationStats, generate  # noqa: E402
from rlef_trainer.rollout.sampling import SamplingParams  # noqa: E402

# Public architecture configs (meta-llama/Llama-3.1-8B-Instruct, meta-llama/Llama-3.2-1B-Instruct).
SHAPES = {
    "llama-3.1-8b": dict(vocab_size=128256, hidden_size=4096, intermediate_size=14336, num_hidden_layers=32,
                         num_attention_heads=32, num_key_value_heads=8, max_position_embeddings=131072,
                         rope_theta=500000.0, tie_word_embeddings=False),
    "llama-3.2-1b": dict(vocab_size=128256, hidden_size=2048, intermediate_size=8192, num_hidden_layers=16,
                         num_attention_heads=32, num_key_value_heads=8, head_dim=64, max_position_embeddings=131072,
                         rope_theta=500000.0, tie_word_embeddings=True),
}
PEAK_BF16 = {"H100": 989e12, "H200": 989e12, "A100": 312e12}


def sync(device):
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def peak_flops(device, compute: str = "bf16") -> tuple[float, str]:
    if device.type == "cuda":
        name = torch.cuda.get_device_name(device)
        for key, value in PEAK_BF16.items():
            if key in name:
                return value, f"{name}: {value / 1e12:.0f} TFLOP/s bf16 dense (spec)"
    size = 2048 if device.type == "cpu" else 8192
    dtype = torch.float32 if compute == "fp32" else torch.bfloat16
    a, b = torch.randn(size, size, device=device, dtype=dtype), torch.randn(size, size, device=device, dtype=dtype)
    a @ b
    sync(device)
    started, reps = time.perf_counter(), 5
    for _ in range(reps):
        a @ b
    sync(device)
    rate = 2 * size ** 3 * reps / (time.perf_counter() - started)
    return rate, f"measured {size}² {str(dtype).replace('torch.', '')} matmul here: {rate / 1e12:.3f} TFLOP/s"


def random_episodes(vocab, count, prompt_len, reply_len, seed, stop_id):
    """Two-turn episodes of random tokens with the exact-prefix layout the worker sends."""
    g = torch.Generator().manual_seed(seed)

    def tokens(n):
        return torch.randint(0, min(vocab, 250), (n,), generator=g).tolist()

    episodes = []
    for i in range(count):
        p1 = tokens(prompt_len)
        r1 = tokens(reply_len - 1) + [stop_id]
        p2 = p1 + r1 + tokens(prompt_len // 4)
        r2 = tokens(reply_len - 1) + [stop_id]
        episodes.append(Episode(f"e{i}", [Turn(p1, r1, [-2.0] * reply_len, 0.0, 0, 1.0),
                                          Turn(p2, r2, [-2.0] * reply_len, 1.0 if i % 2 else -1.0, 0, 1.0)]))
    return episodes


def step_flops(n_params, shape_layers, hidden, episodes, lora):
    """Model FLOPs of one PPO step: 3 scoring forwards, then per update a policy and a critic forward+backward
    (backward = 2× forward for full fine-tuning; LoRA's frozen base needs input gradients only: 1×)."""
    tokens = sum(len(e.sequence) for e in episodes)
    attention = sum(2 * shape_layers * len(e.sequence) ** 2 * hidden for e in episodes)  # causal QKᵀ and AV
    forward = 2 * n_params * tokens + attention
    backward = (1 if lora else 2) * forward
    return 3 * forward + 2 * (forward + backward), tokens


SAMPLE = 4096  # elements per tensor compared exactly before/after the step


def snapshot(named):
    out = {}
    for n, p in named:
        flat = p.detach().reshape(-1)
        index = torch.linspace(0, flat.numel() - 1, min(SAMPLE, flat.numel()), device=flat.device).long()
        out[n] = (index, flat[index].clone())
    return out


def moved(before, named):
    """(tensors with any sampled element changed, tensors, fraction of sampled elements changed)."""
    tensors, changed, elements = 0, 0, 0
    for n, p in named:
        index, old = before[n]
        diff = p.detach().reshape(-1)[index] != old
        tensors += bool(diff.any())
        changed += int(diff.sum())
        elements += diff.numel()
    return tensors, len(before), changed / max(1, elements)


def on_policy(model, episodes, pad_id):
    """Behaviour log-probs = the policy's own teacher-forced log-probs (what the sampler would have reported)."""
    from rlef_trainer.model.interface import token_logprobs
    from rlef_trainer.ppo.batching import build_train_batch

    for episode in episodes:
        batch = build_train_batch([episode], pad_id, 1.0, model.device)
        with torch.no_grad():
            hidden = model.hidden_states("policy", batch.input_ids, batch.attention_mask, batch.position_ids)
            logprobs, _ = token_logprobs(model, "policy", hidden, batch.action_row, batch.action_pred_col,
                                         batch.action_target, batch.action_temperature)
        values = logprobs.tolist()
        for turn, start in zip(episode.turns, _turn_starts(episode)):
            turn.behaviour_logprobs = values[start:start + len(turn.completion_ids)]
    return episodes


def _turn_starts(episode):
    starts, total = [], 0
    for turn in episode.turns:
        starts.append(total)
        total += len(turn.completion_ids)
    return starts


def check(model, template, device, args, label, n_params, layers, hidden):
    out = {"label": label, "finetune": model.finetune_mode, "compute": model.compute_dtype}
    if device.type == "cuda":
        torch.cuda.reset_peak_memory_stats(device)
    stop = min(template.stop_ids)
    g = torch.Generator().manual_seed(0)
    prompts = [torch.randint(0, min(model.vocab_size, 250), (args.gen_prompt,), generator=g).tolist()
               for _ in range(args.gen_rows)]
    params = [SamplingParams(1.0, 1.0, args.gen_tokens, seed=i) for i in range(args.gen_rows)]
    generate(model, prompts[:1], params[:1], frozenset(), template.pad_id)  # warm-up (kernels, allocator)
    stats = GenerationStats()
    generate(model, prompts, params, frozenset(), template.pad_id, stats=stats)  # no stop: every row full length
    out["generation"] = {
        "rows": args.gen_rows, "prompt_tokens": stats.prompt_tokens, "generated_tokens": stats.generated_tokens,
        "prefill_tok_s": stats.prompt_tokens / stats.prefill_s, "decode_tok_s": stats.generated_tokens / stats.decode_s,
        "sampling_share_of_decode": stats.sample_s / stats.decode_s}
    episodes = on_policy(model, random_episodes(model.vocab_size, args.episodes, args.prompt_len, args.reply_len, 1,
                                                stop), template.pad_id)
    cfg = preset("paper", finetune=model.finetune_mode, lr=2e-7, warmup_updates=1, minibatches=args.minibatches,
                 batch_episodes=len(episodes), micro_batch_tokens=args.micro_batch_tokens)
    updater = PPOUpdater(model, cfg, template.pad_id)
    policy_before, critic_before = snapshot(updater.policy_named), snapshot(updater.critic_named)
    sync(device)
    started = time.perf_counter()
    metrics = updater.step(episodes)
    sync(device)
    elapsed = time.perf_counter() - started
    flops, tokens = step_flops(n_params, layers, hidden, episodes, model.finetune_mode == "lora")
    peak, peak_note = peak_flops(device, model.compute_dtype)
    out["ppo_step"] = {"episodes": len(episodes), "tokens": tokens, "seconds": elapsed, "model_tflops": flops / 1e12,
                       "mfu": flops / elapsed / peak, "peak": peak_note, "lr": cfg.lr, "critic_lr": cfg.critic_lr,
                       "first_minibatch_ratio_dev_max": metrics["first_minibatch_ratio_dev_max"],
                       "is_truncated_fraction": metrics["is_truncated_fraction"],
                       "is_weight_deficit_mean": metrics["is_weight_deficit_mean"]}
    p_moved, p_total, p_frac = moved(policy_before, updater.policy_named)
    c_moved, c_total, c_frac = moved(critic_before, updater.critic_named)
    out["moved"] = {"policy_tensors": f"{p_moved}/{p_total}", "policy_elements_changed": p_frac,
                    "critic_tensors": f"{c_moved}/{c_total}", "critic_elements_changed": c_frac}
    out["dtypes"] = {"trainable": trainable_dtypes(model), "policy_optimizer_state": state_dtypes(updater.policy_opt),
                     "critic_optimizer_state": state_dtypes(updater.critic_opt)}
    if device.type == "cuda":
        out["peak_memory_gib"] = torch.cuda.max_memory_allocated(device) / 1024 ** 3
    return out


def run_builtin(args, device):
    from rlef_trainer.model.tiny import TinyActorCritic, TinyConfig
    from rlef_trainer.model.tokenizer import ByteChatTemplate

    results = []
    for compute in ("fp32", "bf16"):
        cfg = TinyConfig(d_model=256, n_layers=4, n_heads=4, d_ff=1024, max_seq_len=4096)
        model = TinyActorCritic(cfg, seed=0, device=str(device), compute_dtype=compute)
        n = sum(p.numel() for p in model.policy.parameters())
        results.append(check(model, ByteChatTemplate(), device, args, "builtin:tiny (full fine-tuning)", n,
                             cfg.n_layers, cfg.d_model))
    results.append({"label": "LoRA", "skipped": "needs a Hugging Face model (transformers + peft); the built-in "
                                                 "model has no LoRA mode"})
    return results


def run_hf(args, device):
    import transformers
    from transformers import AutoModelForCausalLM, LlamaConfig

    from rlef_trainer.model.hf_chat import HFChatFormatter
    from rlef_trainer.model.hf_model import HFActorCritic

    class NoTokenizer:  # generation and the step work on token ids; the template is never rendered here
        pad_token_id = 0
        name_or_path = "random-init"

    results = []
    have = torch.cuda.get_device_properties(device).total_memory / 1024 ** 3
    for name in args.shapes:
        shape_cfg = SHAPES[name]
        shape = Shape.from_config(shape_cfg)
        for finetune in args.modes:
            need = estimate(shape, finetune, args.micro_batch_tokens)
            label = f"{name} {finetune}"
            if need.total_gib > 0.92 * have:
                results.append({"label": label, "skipped": f"estimate {need.total_gib:.0f} GiB > {have:.0f} GiB",
                                "estimate": need.table()})
                continue
            with torch.device(device):
                base = AutoModelForCausalLM.from_config(LlamaConfig(**shape_cfg), dtype=torch.bfloat16,
                                                        attn_implementation="sdpa")
            model = HFActorCritic(None, str(device), finetune=finetune, base=base, name=f"random:{name}",
                                  micro_batch_tokens=args.micro_batch_tokens, max_seq_len=8192)
            template = HFChatFormatter(NoTokenizer(), [128009], model.vocab_size)
            result = check(model, template, device, args, label, shape.params(), shape.num_hidden_layers,
                           shape.hidden_size)
            result["estimate"] = need.table()
            result["transformers"] = transformers.__version__
            results.append(result)
            del model, base
            torch.cuda.empty_cache()
    return results


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cpu", action="store_true", help="the built-in model on CPU (also the fallback without CUDA)")
    p.add_argument("--shapes", nargs="+", default=["llama-3.2-1b", "llama-3.1-8b"], choices=sorted(SHAPES))
    p.add_argument("--modes", nargs="+", default=["lora", "full"], choices=["lora", "full"])
    p.add_argument("--gen-rows", type=int, default=None)
    p.add_argument("--gen-prompt", type=int, default=None)
    p.add_argument("--gen-tokens", type=int, default=None)
    p.add_argument("--episodes", type=int, default=None)
    p.add_argument("--prompt-len", type=int, default=None)
    p.add_argument("--reply-len", type=int, default=None)
    p.add_argument("--minibatches", type=int, default=2)
    p.add_argument("--micro-batch-tokens", type=int, default=16384)
    p.add_argument("--json", default=None, help="also write the results here")
    args = p.parse_args()
    gpu = torch.cuda.is_available() and not args.cpu
    device = torch.device("cuda" if gpu else "cpu")
    small = {"gen_rows": 4, "gen_prompt": 64, "gen_tokens": 32, "episodes": 8, "prompt_len": 96, "reply_len": 48}
    large = {"gen_rows": 32, "gen_prompt": 1024, "gen_tokens": 256, "episodes": 32, "prompt_len": 1536, "reply_len": 512}
    for key, value in (large if gpu else small).items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    started = time.time()
    try:
        import transformers  # noqa: F401
        has_hf = True
    except ImportError:
        has_hf = False
    results = run_hf(args, device) if gpu and has_hf else run_builtin(args, device)
    report = {"device": torch.cuda.get_device_name(device) if gpu else "cpu", "torch": torch.__version__,
              "wall_s": time.time() - started, "results": results}
    text = json.dumps(report, indent=1)
    print(text)
    if args.json:
        with open(args.json, "w") as handle:
            handle.write(text)


if __name__ == "__main__":
    main()
