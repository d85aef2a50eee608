"""What fits on one H200, from the real architectures' configs, and the HF checkpoint layout check."""
import os

import pytest

from rlef_trainer.model import hf_layout
from rlef_trainer.model.memory import Shape, estimate

LLAMA_31_8B = Shape(vocab_size=128256, hidden_size=4096, intermediate_size=14336, num_hidden_layers=32,
                    num_attention_heads=32, num_key_value_heads=8)
LLAMA_32_1B = Shape(vocab_size=128256, hidden_size=2048, intermediate_size=8192, num_hidden_layers=16,
                    num_attention_heads=32, num_key_value_heads=8, tie_word_embeddings=True, head_dim=64)
H200_GIB = 141 * 10 ** 9 / 1024 ** 3


def test_parameter_counts_match_the_published_sizes():
    assert abs(LLAMA_31_8B.params() - 8.03e9) < 0.01e9
    assert abs(LLAMA_32_1B.params() - 1.24e9) < 0.01e9
    assert LLAMA_31_8B.lora_params(16) == 16 * 32 * (2 * (4096 + 4096) + 2 * (4096 + 1024) + 3 * (4096 + 14336))


def test_what_fits_on_one_h200():
    lora = estimate(LLAMA_31_8B, "lora", 16384)
    full_8b = estimate(LLAMA_31_8B, "full", 16384)
    full_1b = estimate(LLAMA_32_1B, "full", 16384)
    assert lora.total_gib < 0.6 * H200_GIB  # 8B LoRA: the bf16 base dominates
    assert full_8b.total_gib > H200_GIB  # 8B full fine-tuning with the paper's separate critic cannot fit
    assert full_1b.total_gib < 0.6 * H200_GIB
    no_ckpt = estimate(LLAMA_31_8B, "lora", 16384, gradient_checkpointing=False)
    # why gradient checkpointing is on by default: ~96 GiB of activations for one 16k micro-batch, not ~7
    assert no_ckpt.activations_gib > 10 * lora.activations_gib and no_ckpt.activations_gib > 0.6 * H200_GIB


def touch(root, names):
    for name in names:
        path = os.path.join(root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        open(path, "w").close()


@pytest.mark.parametrize("finetune, weights", [("lora", []), ("full", ["policy/model.safetensors"])])
def test_layout_check_names_the_missing_file(tmp_path, finetune, weights):
    description = hf_layout.layout(finetune, "/models/base")
    fmt = description["format"]
    touch(str(tmp_path), [n for n in hf_layout.FORMATS[fmt] if n != "layout.json"] + weights)
    hf_layout.write_layout(str(tmp_path), description)
    assert hf_layout.check_layout(str(tmp_path))["format"] == fmt
    os.remove(tmp_path / "critic" / ("adapter_config.json" if finetune == "lora" else "config.json"))
    assert hf_layout.check_layout(str(tmp_path), policy_only=True)["format"] == fmt  # --init-checkpoint needs the policy only
    with pytest.raises(FileNotFoundError) as caught:
        hf_layout.check_layout(str(tmp_path))
    assert "critic/" in str(caught.value)
