"""`python3 -m checks.warmup --out DIR`: briefly supervise the tiny model to answer the toy family
with a valid ```python block (`print(<digit>)`), then save a checkpoint the server can start from
(`--model builtin:tiny --init-checkpoint PATH`).

With the copy prior (default; `--no-copy-prior` turns it off) half of each batch also teaches the one generic skill
every pretrained LLM brings to RLEF: copying a number from a message into code. It is taught in another
phrasing ("... x = 7 ...", with a distractor "y = 3"), never in the feedback format, and the learning
check measures that the turn-2 solve rate still starts at chance.

The warm-up teaches the format only: a digit position only has to hold some digit (its loss is on the digit
class), at turn 1 and after feedback alike, and the hidden number never influences a target. A solve rate
above chance later can only come from RL.
"""
from __future__ import annotations

import argparse
import random
import time
from typing import Optional

import torch

from rlef_trainer import checkpoint as ckpt
from rlef_trainer.episodes import Episode, Turn
from rlef_trainer.model.tiny import TinyActorCritic, TinyConfig
from rlef_trainer.model.tokenizer import ByteChatTemplate, ChatMessage
from rlef_trainer.ppo.batching import build_train_batch

from . import toy_env

TOY_TINY = {"d_model": 64, "n_layers": 2, "n_heads": 2, "d_ff": 256, "max_seq_len": 1024}


def toy_tiny_config() -> TinyConfig:
    return TinyConfig(**TOY_TINY)


FILLER = ("the value is kept in the config so please use it as written below before the test run starts "
          "note that each name maps to one setting and only one of them matters here").split()


def copy_example(rng: random.Random, template: ByteChatTemplate) -> Episode:
    """A message hiding `x = D` (and a distractor `y = E`) in filler text; the reply prints D."""
    target, distractor = rng.randint(0, 9), rng.randint(0, 9)
    words = [rng.choice(FILLER) for _ in range(rng.randint(5, 40))]
    pieces = [(rng.randrange(len(words) + 1), f"x = {target}"), (rng.randrange(len(words) + 1), f"y = {distractor}")]
    for position, piece in sorted(pieces, reverse=True):
        words.insert(position, piece)
    prompt_ids = template.render([ChatMessage("user", "Print x. " + " ".join(words))])
    completion = template.encode_text(toy_env.reply_for(target)) + sorted(template.stop_ids)
    return Episode(f"copy-{rng.random()}", [Turn(prompt_ids, completion, [0.0] * len(completion), 0.0)])


def format_example(rng: random.Random, template: ByteChatTemplate, max_turns: int, prompt_style: str) -> Episode:
    """One toy episode whose replies are `print(<random digit>)`, as token ids (the supervised target)."""
    hidden = toy_env.sample_hidden(rng)
    messages = [ChatMessage("user", toy_env.initial_prompt(prompt_style))]
    turns = []
    for turn in range(max_turns):
        prompt_ids = template.render(messages)
        reply = toy_env.reply_for(rng.randint(0, 9))
        completion = template.encode_text(reply) + sorted(template.stop_ids)
        turns.append(Turn(prompt_ids, completion, [0.0] * len(completion), 0.0))
        attempt = toy_env.judge(reply, hidden)
        if attempt.passed or turn == max_turns - 1:
            break
        messages += [ChatMessage("assistant", reply, tuple(completion)),
                     ChatMessage("user", toy_env.feedback(attempt, hidden))]
    return Episode(f"warmup-{rng.random()}", turns)


DIGITS = torch.arange(ord("0"), ord("9") + 1)
COPY_DIGIT_WEIGHT = 20.0


def format_logprobs(model: TinyActorCritic, hidden: torch.Tensor, data, exact_rows: torch.Tensor) -> torch.Tensor:
    """Log-prob of each reply token, except that a digit only has to be *some* digit: log Σ_digits p.

    Training the exact random digit would teach the model that the digit does not depend on the context,
    the opposite of what RL must then discover; the digit class teaches the format and nothing else.
    """
    logits = model.lm_logits("policy", hidden[data.action_row, data.action_pred_col]).float()
    logprobs = torch.log_softmax(logits, dim=-1)
    exact = logprobs.gather(-1, data.action_target.unsqueeze(-1)).squeeze(-1)
    any_digit = torch.logsumexp(logprobs[:, DIGITS], dim=-1)
    is_digit = (data.action_target >= ord("0")) & (data.action_target <= ord("9"))
    class_only = is_digit & ~exact_rows[data.action_row]  # copy examples train the exact digit
    return torch.where(class_only, any_digit, exact)


def warm_up(model: TinyActorCritic, steps: int = 150, batch: int = 32, lr: float = 3e-3, seed: int = 0,
            max_turns: int = 2, prompt_style: str = "compact", log_every: int = 25,
            copy_prior: bool = False) -> list[float]:
    """Teacher-forced cross-entropy on the reply tokens; returns the loss curve."""
    template = ByteChatTemplate()
    rng = random.Random(seed)
    optimizer = torch.optim.AdamW(model.policy_parameters(), lr=lr, weight_decay=0.0)
    losses = []
    model.set_train(True)
    for step in range(steps):
        copies = batch // 2 if copy_prior else 0
        episodes = [copy_example(rng, template) for _ in range(copies)]
        episodes += [format_example(rng, template, max_turns, prompt_style) for _ in range(batch - copies)]
        data = build_train_batch(episodes, template.pad_id, 1.0, model.device)
        hidden = model.hidden_states("policy", data.input_ids, data.attention_mask, data.position_ids)
        exact_rows = torch.arange(len(episodes), device=model.device) < copies
        logprobs = format_logprobs(model, hidden, data, exact_rows)
        # The copied digit is one token of 23 in its reply: weigh it like a whole reply, or it drowns.
        is_digit = (data.action_target >= ord("0")) & (data.action_target <= ord("9"))
        weights = 1.0 + COPY_DIGIT_WEIGHT * (is_digit & exact_rows[data.action_row]).float()
        loss = -(weights * logprobs).sum() / weights.sum()
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.policy_parameters(), 1.0)
        optimizer.step()
        losses.append(float(loss))
        if log_every and (step + 1) % log_every == 0:
            print(f"warm-up step {step + 1}/{steps}: loss per reply token {losses[-1]:.4f}", flush=True)
    model.set_train(False)
    model.reset_reference_and_critic()  # the run starts here: reference = this policy, critic from its body
    return losses


def main(argv: Optional[list] = None) -> str:
    p = argparse.ArgumentParser(prog="python3 -m checks.warmup", description=__doc__)
    p.add_argument("--out", required=True, help="checkpoint root; the checkpoint is written to OUT/step-00000000")
    p.add_argument("--steps", type=int, default=300)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--lr", type=float, default=3e-3)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--max-turns", type=int, default=2)
    p.add_argument("--prompt-style", choices=["compact", "paper"], default="compact")
    p.add_argument("--copy-prior", action=argparse.BooleanOptionalAction, default=True,
                   help="also teach generic copying ('x = D' in a message → print(D)); --no-copy-prior: format only")
    args = p.parse_args(argv)
    torch.manual_seed(args.seed)
    model = TinyActorCritic(toy_tiny_config(), seed=args.seed)
    started = time.time()
    losses = warm_up(model, args.steps, args.batch, args.lr, args.seed, args.max_turns, args.prompt_style,
                     copy_prior=args.copy_prior)
    path = ckpt.save_checkpoint(args.out, model, None, {"kind": "warmup", "step": 0, "policy_version": 0,
                                                        "run_id": None, "model": model.model_name,
                                                        "warmup": {**vars(args), "final_loss": losses[-1]}})
    print(f"warm-up done in {time.time() - started:.1f}s, final loss {losses[-1]:.4f}; checkpoint: {path}", flush=True)
    return path


if __name__ == "__main__":
    main()
