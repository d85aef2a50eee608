import copy

import torch

from rlef_trainer.config import preset
from rlef_trainer.episodes import Episode, Turn
from rlef_trainer.model.interface import positions_from_mask, token_logprobs, values_at
from rlef_trainer.model.tiny import TinyActorCritic
from rlef_trainer.model.tokenizer import ChatMessage
from rlef_trainer.ppo.batching import build_train_batch
from rlef_trainer.ppo.step import PPOUpdater
from rlef_trainer.rollout.generate import generate
from rlef_trainer.rollout.sampling import SamplingParams
from conftest import small_config


def sampled_episodes(model, template, count=6, seed=0):
    prompt = template.render([ChatMessage("user", "write code")])
    params = [SamplingParams(temperature=1.0, max_tokens=8, seed=seed + i) for i in range(count)]
    generations = generate(model, [prompt] * count, params, template.stop_ids, template.pad_id)
    return [Episode(f"e{i}", [Turn(prompt, g.token_ids, g.logprobs, 1.0 if i % 2 else -1.0)])
            for i, g in enumerate(generations)]


def sequence_logprob(model, episode):
    batch = build_train_batch([episode], 261, 1.0, torch.device("cpu"))
    with torch.no_grad():
        hidden = model.hidden_states("policy", batch.input_ids, batch.attention_mask, batch.position_ids)
        logprobs, _ = token_logprobs(model, "policy", hidden, batch.action_row, batch.action_pred_col,
                                     batch.action_target, batch.action_temperature)
    return float(logprobs.sum())


def test_first_minibatch_is_exactly_on_policy(tiny_model, template):
    """No dropout, same temperature, explicit positions: ratio ≡ 1, nothing clipped, weight 1."""
    episodes = sampled_episodes(tiny_model, template)
    metrics = PPOUpdater(tiny_model, preset("tiny", minibatches=1), template.pad_id).step(episodes)
    assert metrics["first_minibatch_ratio_dev_max"] < 1e-5
    assert metrics["first_minibatch_clip_fraction"] == 0.0
    assert metrics["approx_kl"] < 1e-8
    assert metrics["is_weight_mean"] > 0.9999
    assert abs(metrics["kl"]) < 1e-6  # policy == reference before the first update


def test_gradient_direction_rewarded_reply_gains_probability(template):
    model = TinyActorCritic(small_config(), seed=3)
    episodes = sampled_episodes(model, template, count=4, seed=11)
    before = [sequence_logprob(model, e) for e in episodes]
    updater = PPOUpdater(model, preset("tiny", lr=3e-3, minibatches=1, kl_beta=0.0, warmup_updates=1),
                         template.pad_id)
    for _ in range(3):
        updater.step(episodes)
    after = [sequence_logprob(model, e) for e in episodes]
    for episode, b, a in zip(episodes, before, after):
        if episode.turns[0].reward > 0:
            assert a > b, "a reply with positive advantage must become more likely"
        else:
            assert a < b, "a reply with negative advantage must become less likely"


def test_critic_moves_towards_the_returns(template):
    model = TinyActorCritic(small_config(), seed=4)
    episodes = sampled_episodes(model, template, count=4, seed=5)
    for episode in episodes:
        episode.turns[0].reward = 1.0  # every return is +1: V(context) must rise
    batch = build_train_batch(episodes[:1], 261, 1.0, torch.device("cpu"))

    def value():
        with torch.no_grad():
            hidden = model.hidden_states("critic", batch.input_ids, batch.attention_mask, batch.position_ids)
            return float(values_at(model, hidden, batch.turn_row, batch.turn_value_col)[0])

    start = value()
    updater = PPOUpdater(model, preset("tiny", lr=1e-3, warmup_updates=1), template.pad_id)
    for _ in range(3):
        updater.step(episodes)
    assert value() > start + 0.1


def test_value_is_read_at_the_last_context_token(tiny_model, template):
    episodes = sampled_episodes(tiny_model, template, count=2)
    updater = PPOUpdater(tiny_model, preset("tiny"), template.pad_id)
    full = build_train_batch(episodes, template.pad_id, 1.0, torch.device("cpu"))
    scores = updater.score(episodes, full)
    prompt = episodes[0].turns[0].prompt_ids
    ids = torch.tensor([prompt])
    mask = torch.ones_like(ids)
    with torch.no_grad():  # the context alone, without the reply: the value must not see the reply
        hidden = tiny_model.hidden_states("critic", ids, mask, positions_from_mask(mask))
        alone = tiny_model.value_from_hidden(hidden[0, -1])
    assert torch.allclose(scores.old_values[0], alone, atol=1e-5)


def test_update_is_invariant_to_micro_batch_split(template):
    base = TinyActorCritic(small_config(), seed=5)
    episodes = sampled_episodes(base, template, count=6, seed=2)
    results = []
    for budget in (16, 100_000):  # one episode per micro-batch vs the whole minibatch at once
        model = copy.deepcopy(base)
        cfg = preset("tiny", lr=0.0, critic_lr=0.0, minibatches=2, micro_batch_tokens=budget)
        results.append(PPOUpdater(model, cfg, template.pad_id).step(episodes))
    for key in ("policy_loss", "value_loss", "grad_norm", "critic_grad_norm", "clip_fraction"):
        assert abs(results[0][key] - results[1][key]) < 1e-5, key


def test_critic_warmup_leaves_the_policy_untouched(tiny_model, template):
    episodes = sampled_episodes(tiny_model, template)
    before = [p.detach().clone() for p in tiny_model.policy_parameters()]
    PPOUpdater(tiny_model, preset("tiny", critic_warmup_updates=10), template.pad_id).step(episodes)
    assert all(torch.equal(a, b) for a, b in zip(before, tiny_model.policy_parameters()))


def test_token_level_value_ablation_runs(tiny_model, template):
    episodes = sampled_episodes(tiny_model, template)
    metrics = PPOUpdater(tiny_model, preset("tiny", value_mode="token", gae_lambda=0.95), template.pad_id).step(episodes)
    assert metrics["first_minibatch_ratio_dev_max"] < 1e-5
    assert metrics["value_loss"] > 0
