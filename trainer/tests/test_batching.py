import pytest
import torch

from rlef_trainer.episodes import parse_episode
from rlef_trainer.ppo.batching import build_train_batch, flat_index, plan_micro_batches, split_minibatches
from rlef_trainer.validation import FieldError
from helpers import one_turn_episode, two_turn_episode

CPU = torch.device("cpu")


def test_only_reply_tokens_are_actions_and_values_read_at_the_last_context_token():
    batch = build_train_batch([two_turn_episode(), one_turn_episode()], 261, 1.0, CPU)
    # episode a: prompt 0..4, reply 5..6, feedback 7..10, reply 11..13; episode b: prompt 0..3, reply 4
    assert batch.action_row.tolist() == [0, 0, 0, 0, 0, 1]
    assert batch.action_col.tolist() == [5, 6, 11, 12, 13, 4]
    assert batch.action_pred_col.tolist() == [4, 5, 10, 11, 12, 3]  # hidden state that predicts each token
    assert batch.action_target.tolist() == [40, 41, 50, 51, 260, 60]
    assert batch.action_turn.tolist() == [0, 0, 1, 1, 1, 2]
    assert batch.turn_value_col.tolist() == [4, 10, 3]  # last context token before each reply
    assert batch.turn_is_final.tolist() == [False, True, True]
    assert batch.attention_mask.sum(1).tolist() == [14, 5]
    feedback = set(range(7, 11))
    assert not feedback & set(batch.action_col[batch.action_row == 0].tolist())


def test_flat_index_and_micro_batches():
    batch = build_train_batch([two_turn_episode(), one_turn_episode()], 261, 1.0, CPU)
    assert flat_index(batch.action_offsets, [1, 0], CPU).tolist() == [5, 0, 1, 2, 3, 4]
    assert flat_index(batch.turn_offsets, [1], CPU).tolist() == [2]
    assert plan_micro_batches([0, 1, 2, 3], [10, 10, 30, 5], 40) == [[0, 1], [2], [3]]
    assert split_minibatches([4, 3, 2, 1, 0], 2) == [[4, 3, 2], [1, 0]]


def raw_episode():
    return {"episode_id": "x", "turns": [
        {"prompt_ids": [256, 258, 10, 259], "completion_ids": [40, 260], "behaviour_logprobs": [-1.0, -0.1],
         "reward": 0.0},
        {"prompt_ids": [256, 258, 10, 259, 40, 260, 258, 11, 259], "completion_ids": [41, 260],
         "behaviour_logprobs": [-1.0, -0.2], "reward": 1.0}]}


def test_episode_validation_accepts_the_prefix_layout():
    episode = parse_episode(raw_episode(), "episodes[0]", 262, 512)
    assert episode.sequence == [256, 258, 10, 259, 40, 260, 258, 11, 259, 41, 260]


@pytest.mark.parametrize("mutate, field", [
    (lambda e: e["turns"][1]["prompt_ids"].__setitem__(4, 99), "episodes[0].turns[1].prompt_ids"),
    (lambda e: e["turns"][0]["behaviour_logprobs"].pop(), "episodes[0].turns[0].behaviour_logprobs"),
    (lambda e: e["turns"][0]["completion_ids"].__setitem__(0, 999), "episodes[0].turns[0].completion_ids[0]"),
    (lambda e: e["turns"][1].pop("reward"), "episodes[0].turns[1].reward"),
    (lambda e: e["turns"][0].__setitem__("behaviour_logprobs", [0.5, -0.1]), "episodes[0].turns[0].behaviour_logprobs[0]"),
    (lambda e: e.__setitem__("colour", 1), "episodes[0].colour"),
])
def test_episode_validation_names_the_bad_field(mutate, field):
    raw = raw_episode()
    mutate(raw)
    with pytest.raises(FieldError) as caught:
        parse_episode(raw, "episodes[0]", 262, 512)
    assert caught.value.field == field
