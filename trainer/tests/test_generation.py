import torch

from rlef_trainer.model.interface import pad_left, positions_from_mask, token_logprobs
from rlef_trainer.model.tokenizer import EOT_ID, NON_GENERATABLE_IDS, ChatMessage
from rlef_trainer.rollout.generate import generate
from rlef_trainer.rollout.sampling import SamplingParams, sample_row


def prompts_for(template):
    return [template.render([ChatMessage("user", text)]) for text in ("a", "a longer prompt here", "mid len")]


def test_kv_cache_generation_equals_recomputation(tiny_model, template):
    prompts = prompts_for(template)
    for temperature in (0.0, 1.0):
        params = [SamplingParams(temperature=temperature, max_tokens=12, seed=7 + i) for i in range(3)]
        cached = generate(tiny_model, prompts, params, template.stop_ids, template.pad_id, use_cache=True)
        uncached = generate(tiny_model, prompts, params, template.stop_ids, template.pad_id, use_cache=False)
        for a, b in zip(cached, uncached):
            assert a.token_ids == b.token_ids
            assert torch.allclose(torch.tensor(a.logprobs), torch.tensor(b.logprobs), atol=1e-4)


def test_shared_prompt_prefill_matches_separate_rows(tiny_model, template):
    prompt = prompts_for(template)[1]
    params = [SamplingParams(max_tokens=10, seed=s) for s in (1, 2, 3)]
    together = generate(tiny_model, [prompt] * 3, params, template.stop_ids, template.pad_id)
    alone = [generate(tiny_model, [prompt], [p], template.stop_ids, template.pad_id)[0] for p in params]
    assert [g.token_ids for g in together] == [g.token_ids for g in alone]


def test_left_padding_does_not_change_logits(tiny_model, template):
    short, long = prompts_for(template)[0], prompts_for(template)[1]
    ids, mask = pad_left([short, long], template.pad_id, torch.device("cpu"))
    batched, _ = tiny_model.decode_step(ids, mask, positions_from_mask(mask), None)
    ids1, mask1 = pad_left([short], template.pad_id, torch.device("cpu"))
    single, _ = tiny_model.decode_step(ids1, mask1, positions_from_mask(mask1), None)
    assert torch.allclose(batched[0, -1], single[0, -1], atol=1e-5)


def test_sampled_logprobs_equal_teacher_forced_logprobs(tiny_model, template):
    """Behaviour log-probs (top_p = 1) are exactly what the trainer recomputes with logits / T."""
    prompt = prompts_for(template)[2]
    params = [SamplingParams(temperature=0.7, max_tokens=15, seed=3)]
    generation = generate(tiny_model, [prompt], params, template.stop_ids, template.pad_id)[0]
    sequence = torch.tensor([prompt + generation.token_ids])
    mask = torch.ones_like(sequence)
    hidden = tiny_model.hidden_states("policy", sequence, mask, positions_from_mask(mask))
    cols = torch.arange(len(prompt), sequence.shape[1]) - 1
    rows = torch.zeros_like(cols)
    targets = sequence[0, len(prompt):]
    recomputed, _ = token_logprobs(tiny_model, "policy", hidden, rows, cols, targets, torch.full_like(cols, 0.7,
                                                                                                     dtype=torch.float))
    assert torch.allclose(recomputed, torch.tensor(generation.logprobs), atol=1e-4)


def test_sampling_respects_stop_max_tokens_and_never_emits_role_tokens(tiny_model, template):
    prompts = prompts_for(template) * 4
    params = [SamplingParams(temperature=1.5, max_tokens=20, seed=i) for i in range(len(prompts))]
    for generation in generate(tiny_model, prompts, params, template.stop_ids, template.pad_id):
        assert len(generation.token_ids) <= 20
        assert not set(generation.token_ids) & set(NON_GENERATABLE_IDS)
        if generation.finish_reason == "stop":
            assert generation.token_ids[-1] == EOT_ID and EOT_ID not in generation.token_ids[:-1]
        else:
            assert len(generation.token_ids) == 20


def test_top_p_logprob_is_the_renormalised_nucleus_probability():
    logits = torch.log(torch.tensor([0.5, 0.3, 0.15, 0.05]))
    generator = torch.Generator().manual_seed(0)
    seen = {}
    for _ in range(200):
        token, logprob = sample_row(logits, SamplingParams(temperature=1.0, top_p=0.7), generator)
        seen[token] = logprob
    assert set(seen) == {0, 1}  # nucleus of mass 0.8 ≥ 0.7: the two most likely tokens
    assert abs(seen[0] - torch.log(torch.tensor(0.5 / 0.8)).item()) < 1e-5


def test_vectorised_sampling_draws_what_the_row_sampler_draws():
    from rlef_trainer.rollout.sampling import sample_batch
    logits = torch.randn(5, 40)
    params = [SamplingParams(temperature=t) for t in (1.0, 0.5, 1.3, 1.0, 0.8)]
    batch = sample_batch(logits, params, [torch.Generator().manual_seed(i) for i in range(5)], [True] * 5)
    rows = [sample_row(logits[i], params[i], torch.Generator().manual_seed(i)) for i in range(5)]
    assert [b[0] for b in batch] == [r[0] for r in rows]
    assert torch.allclose(torch.tensor([b[1] for b in batch]), torch.tensor([r[1] for r in rows]), atol=1e-5)
