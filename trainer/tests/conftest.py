"""Shared fixtures: put trainer/ on sys.path, small models, hand-made episodes."""
import os
import sys

import pytest
import torch

TRAINER_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if TRAINER_ROOT not in sys.path:
    sys.path.insert(0, TRAINER_ROOT)

from rlef_trainer.model.tiny import TinyActorCritic, TinyConfig  # noqa: E402
from rlef_trainer.model.tokenizer import ByteChatTemplate  # noqa: E402

torch.set_num_threads(1)  # tests run beside other work on a small machine; one thread is the most stable


def small_config(**overrides) -> TinyConfig:
    values = {"d_model": 32, "n_layers": 2, "n_heads": 2, "d_ff": 64, "max_seq_len": 512}
    values.update(overrides)
    return TinyConfig(**values)


@pytest.fixture
def template() -> ByteChatTemplate:
    return ByteChatTemplate()


@pytest.fixture
def tiny_model() -> TinyActorCritic:
    return TinyActorCritic(small_config(), seed=1)
