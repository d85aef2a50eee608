"""`python3 -m checks.toy_check`: does the whole RLEF loop learn to use execution feedback?

Family: "print the hidden number" (toy_env). Turn 1 cannot know N (chance = 1/10); the feedback's
"Expected output `N`" reveals it. Starting from the warm-up (valid code blocks; a generic copy skill in
another phrasing; the feedback format never supervised), PPO through the same TrainerEngine the HTTP
server uses should raise the solve rate after turn 2 while the turn-1 solve rate stays near chance. The
solve rates before RL are measured on fresh episodes and reported next to those after. Writes a JSON log and, when matplotlib is
installed, a PNG plot of both curves.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import time
from dataclasses import dataclass
from typing import Optional

import torch

from rlef_trainer import checkpoint as ckpt
from rlef_trainer.config import preset
from rlef_trainer.engine import TrainerEngine
from rlef_trainer.episodes import Episode, Turn
from rlef_trainer.model.tiny import TinyActorCritic
from rlef_trainer.model.tokenizer import ByteChatTemplate, ChatMessage
from rlef_trainer.rollout.sampling import SamplingParams

from . import toy_env
from .warmup import toy_tiny_config, warm_up


@dataclass
class ToyOutcome:
    """How one toy episode went."""
    hidden: int
    solved_turn: Optional[int] = None
    invalid: int = 0  # replies without a code block


def play(engine: TrainerEngine, rng: random.Random, count: int, max_turns: int, temperature: float,
         prompt_style: str, max_tokens: int, tag: str) -> tuple[list[Episode], list[ToyOutcome]]:
    """Run `count` episodes turn by turn, batched; returns the episodes and per-episode outcomes."""
    template = engine.template
    hidden = [toy_env.sample_hidden(rng) for _ in range(count)]
    messages = [[ChatMessage("user", toy_env.initial_prompt(prompt_style))] for _ in range(count)]
    turns: list[list[Turn]] = [[] for _ in range(count)]
    outcome = [ToyOutcome(n) for n in hidden]
    active = list(range(count))
    for turn in range(max_turns):
        prompts = [template.render(messages[i]) for i in active]
        params = [SamplingParams(temperature=temperature, max_tokens=max_tokens, seed=rng.randrange(2**31))
                  for _ in active]
        generations, version = engine.generate_rows(prompts, params)
        still_active = []
        for i, prompt, generation in zip(active, prompts, generations):
            reply = template.decode(generation.token_ids)
            attempt = toy_env.judge(reply, hidden[i])
            final = attempt.passed or turn == max_turns - 1
            outcome[i].invalid += attempt.code is None
            if attempt.passed:
                outcome[i].solved_turn = turn + 1
            turns[i].append(Turn(prompt, generation.token_ids, generation.logprobs,
                                 toy_env.turn_reward(attempt, final), version, temperature))
            if not final:
                messages[i] += [ChatMessage("assistant", reply, tuple(generation.token_ids)),
                                ChatMessage("user", toy_env.feedback(attempt, hidden[i]))]
                still_active.append(i)
        active = still_active
    episodes = [Episode(f"{tag}-{i}", turns[i]) for i in range(count)]
    return episodes, outcome


def solve_rates(outcome: list[ToyOutcome], max_turns: int) -> dict:
    """{"solved_by_turn_k": rate, ..., "invalid_reply_rate": rate}: a JSON row of the check's log."""
    rates = {}
    for turn in range(1, max_turns + 1):
        rates[f"solved_by_turn_{turn}"] = sum(o.solved_turn is not None and o.solved_turn <= turn
                                              for o in outcome) / len(outcome)
    rates["invalid_reply_rate"] = sum(o.invalid for o in outcome) / len(outcome)
    return rates


def plot(history: list[dict], path: str, smooth: int = 5) -> Optional[str]:
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None

    def smoothed(key):
        values = [h[key] for h in history]
        return [sum(values[max(0, i - smooth + 1):i + 1]) / len(values[max(0, i - smooth + 1):i + 1])
                for i in range(len(values))]

    steps = [h["step"] for h in history]
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.plot(steps, smoothed("solved_by_turn_2"), label="solved after turn 2")
    ax.plot(steps, smoothed("solved_by_turn_1"), label="solved after turn 1")
    ax.axhline(0.1, color="grey", linestyle=":", label="turn-1 chance (1/10)")
    ax.axhline(0.19, color="grey", linestyle="--", label="turn-2 chance (1 − 0.9²)")
    ax.set_xlabel("PPO step")
    ax.set_ylabel(f"solve rate (training rollouts, {smooth}-step mean)")
    ax.set_ylim(0, 1)
    ax.set_title("RLEF toy check: print the hidden number")
    ax.legend(loc="upper left")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def main(argv: Optional[list] = None) -> dict:
    p = argparse.ArgumentParser(prog="python3 -m checks.toy_check", description=__doc__)
    p.add_argument("--steps", type=int, default=150)
    p.add_argument("--episodes-per-step", type=int, default=32)
    p.add_argument("--warmup-steps", type=int, default=300)
    p.add_argument("--copy-prior", action=argparse.BooleanOptionalAction, default=True,
                   help="warm-up also teaches generic copying ('x = D' → print(D)), never the feedback format")
    p.add_argument("--init-checkpoint", default=None, help="start from this warm-up checkpoint instead of warming up")
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--minibatches", type=int, default=2)
    p.add_argument("--epochs", type=int, default=1)
    p.add_argument("--max-turns", type=int, default=2)
    p.add_argument("--eval-episodes", type=int, default=256)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--threads", type=int, default=0, help="torch threads (0 = torch's default)")
    p.add_argument("--prompt-style", choices=["compact", "paper"], default="compact")
    p.add_argument("--out", default="toy-check-out", help="directory for the JSON log and the PNG")
    args = p.parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)
    os.makedirs(args.out, exist_ok=True)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    started = time.time()
    model = TinyActorCritic(toy_tiny_config(), seed=args.seed)
    if args.init_checkpoint:
        ckpt.load_checkpoint(args.init_checkpoint, model, None, policy_only=True)
    else:
        warm_up(model, steps=args.warmup_steps, seed=args.seed, max_turns=args.max_turns,
                prompt_style=args.prompt_style, copy_prior=args.copy_prior)
    warmup_s = time.time() - started
    cfg = preset("tiny", lr=args.lr, critic_lr=args.lr, batch_episodes=args.episodes_per_step,
                 minibatches=args.minibatches, epochs=args.epochs, seed=args.seed)
    engine = TrainerEngine(model, ByteChatTemplate(), cfg, seed=args.seed)
    play_args = dict(max_turns=args.max_turns, prompt_style=args.prompt_style, max_tokens=32)
    _, before = play(engine, rng, args.eval_episodes, temperature=1.0, tag="eval-before", **play_args)
    history = []
    for step in range(1, args.steps + 1):
        episodes, outcome = play(engine, rng, args.episodes_per_step, temperature=1.0, tag=f"s{step}", **play_args)
        result = engine.submit_episodes("toy-check", episodes)
        metrics = result["steps"][-1]
        row = {"step": step, **solve_rates(outcome, args.max_turns),
               **{k: metrics[k] for k in ("reward_mean", "kl", "entropy", "clip_fraction", "approx_kl",
                                          "explained_variance", "value_loss", "policy_loss", "step_time_s")}}
        history.append(row)
        print(f"step {step:3d}  turn1 {row['solved_by_turn_1']:.2f}  turn2 {row['solved_by_turn_2']:.2f}  "
              f"invalid {row['invalid_reply_rate']:.2f}  reward {row['reward_mean']:+.2f}  kl {row['kl']:.4f}  "
              f"ent {row['entropy']:.3f}  clip {row['clip_fraction']:.2f}  ev {row['explained_variance'] or 0:.2f}  "
              f"step {row['step_time_s']:.1f}s  elapsed {time.time() - started:.0f}s", flush=True)
    _, after = play(engine, rng, args.eval_episodes, temperature=1.0, tag="eval-after", **play_args)
    summary = {"before": solve_rates(before, args.max_turns), "after": solve_rates(after, args.max_turns),
               "last10_training": {k: sum(h[k] for h in history[-10:]) / len(history[-10:])
                                   for k in ("solved_by_turn_1", "solved_by_turn_2")},
               "warmup_s": warmup_s, "total_s": time.time() - started, "args": vars(args)}
    summary["passed"] = summary["after"]["solved_by_turn_2"] >= 0.6 and summary["after"]["solved_by_turn_1"] <= 0.25
    with open(os.path.join(args.out, "toy_check.json"), "w") as handle:
        json.dump({"summary": summary, "history": history}, handle, indent=1)
    summary["plot"] = plot(history, os.path.join(args.out, "toy_check.png"))
    print(json.dumps(summary, indent=1), flush=True)
    return summary


if __name__ == "__main__":
    main()
