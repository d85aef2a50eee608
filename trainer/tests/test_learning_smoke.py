"""PPO learns a small two-turn task within a few dozen steps (fixed seed, tolerances not golden numbers).

A few supervised steps first make the model answer with one of A/B/C/D uniformly. Then PPO: turn 1 is
unrewarded; turn 2, after a feedback message, gets +1 for 'A' and −1 otherwise. Only turn 2 is rewarded,
so the signal must flow through the turn-level value and return-to-go.
"""
import random

import torch

from rlef_trainer.config import preset
from rlef_trainer.engine import TrainerEngine
from rlef_trainer.episodes import Episode, Turn
from rlef_trainer.model.interface import token_logprobs
from rlef_trainer.model.tiny import TinyActorCritic
from rlef_trainer.model.tokenizer import EOT_ID, ByteChatTemplate, ChatMessage
from rlef_trainer.ppo.batching import build_train_batch
from rlef_trainer.rollout.sampling import SamplingParams
from conftest import small_config

CHOICES = [ord(c) for c in "ABCD"]


def contexts(template, first_reply):
    first = template.render([ChatMessage("user", "go")])
    second = template.render([ChatMessage("user", "go"), ChatMessage("assistant", "", tuple(first_reply)),
                              ChatMessage("user", "again")])
    return first, second


def supervise_choices(model, template, steps=40):
    rng = random.Random(0)
    optimizer = torch.optim.AdamW(model.policy_parameters(), lr=3e-3)
    for _ in range(steps):
        episodes = []
        for i in range(16):
            reply_1, reply_2 = [rng.choice(CHOICES), EOT_ID], [rng.choice(CHOICES), EOT_ID]
            first, second = contexts(template, reply_1)
            episodes.append(Episode(str(i), [Turn(first, reply_1, [0.0, 0.0], 0.0), Turn(second, reply_2, [0.0, 0.0], 0.0)]))
        batch = build_train_batch(episodes, template.pad_id, 1.0, model.device)
        hidden = model.hidden_states("policy", batch.input_ids, batch.attention_mask, batch.position_ids)
        logprobs, _ = token_logprobs(model, "policy", hidden, batch.action_row, batch.action_pred_col,
                                     batch.action_target, batch.action_temperature)
        optimizer.zero_grad()
        (-logprobs.mean()).backward()
        optimizer.step()
    model.reset_reference_and_critic()


def run_step(engine, template, step, count=16):
    first, _ = contexts(template, [])
    params = [SamplingParams(temperature=1.0, max_tokens=2, seed=step * 1000 + i) for i in range(count)]
    firsts, version = engine.generate_rows([first] * count, params)
    seconds_ctx = [contexts(template, g.token_ids)[1] for g in firsts]
    params = [SamplingParams(temperature=1.0, max_tokens=2, seed=step * 1000 + 500 + i) for i in range(count)]
    seconds, _ = engine.generate_rows(seconds_ctx, params)
    episodes, hits = [], 0
    for i, (a, b) in enumerate(zip(firsts, seconds)):
        hit = b.token_ids[0] == CHOICES[0]
        hits += hit
        episodes.append(Episode(f"s{step}-{i}", [Turn(first, a.token_ids, a.logprobs, 0.0, version),
                                                 Turn(seconds_ctx[i], b.token_ids, b.logprobs, 1.0 if hit else -1.0,
                                                      version)]))
    engine.submit_episodes("smoke", episodes)
    return hits / count


def test_ppo_raises_the_rewarded_turns_success_rate():
    torch.manual_seed(0)
    template = ByteChatTemplate()
    model = TinyActorCritic(small_config(n_layers=1), seed=0)
    supervise_choices(model, template)
    engine = TrainerEngine(model, template, preset("tiny", lr=3e-3, batch_episodes=16, minibatches=2,
                                                   warmup_updates=1), seed=0)
    rates = [run_step(engine, template, step) for step in range(25)]
    assert sum(rates[:4]) / 4 < 0.45, rates  # chance is 1/4
    assert sum(rates[-4:]) / 4 > 0.8, rates
