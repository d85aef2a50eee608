"""What training a Llama-shaped model costs in accelerator memory, from its config alone.

Used by the trainer to refuse, at start-up, a configuration that cannot fit (with the arithmetic), by
the GPU check (bench/trainer-gpu-check.py) and by trainer/README.md. Bytes per parameter:
full fine-tuning keeps fp32 masters (4) + fp32 gradients (4) + AdamW moments (8) for the policy AND the
critic (the paper's separate value network), plus a frozen bf16 reference (2); LoRA keeps one frozen
bf16 base (2) and two fp32 adapters with their gradients and moments (16 each).
Activations with gradient checkpointing: one [tokens, hidden] bf16 tensor per layer boundary, plus one
layer's recomputed intermediates; without it, every layer's intermediates are kept.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

GIB = 1024 ** 3
# bf16 tensors a decoder layer keeps for backward per token, in units of hidden / intermediate width
# (q, k, v, attention out, residuals, norms ≈ 10 × hidden; gate, up, act, product ≈ 4 × intermediate).
LAYER_ACTS_HIDDEN, LAYER_ACTS_INTERMEDIATE = 10, 4


@dataclass
class Shape:
    vocab_size: int
    hidden_size: int
    intermediate_size: int
    num_hidden_layers: int
    num_attention_heads: int
    num_key_value_heads: int
    tie_word_embeddings: bool = False
    head_dim: int = 0

    @classmethod
    def from_config(cls, cfg: dict) -> "Shape":
        fields = {k: cfg[k] for k in cls.__dataclass_fields__ if k in cfg}
        return cls(**fields)

    @property
    def kv_dim(self) -> int:
        head = self.head_dim or self.hidden_size // self.num_attention_heads
        return head * self.num_key_value_heads

    @property
    def q_dim(self) -> int:
        head = self.head_dim or self.hidden_size // self.num_attention_heads
        return head * self.num_attention_heads

    def linear_shapes(self) -> list[tuple[int, int]]:
        """(in, out) of every Linear in one decoder layer (what LoRA 'all-linear' wraps)."""
        h, i = self.hidden_size, self.intermediate_size
        return [(h, self.q_dim), (h, self.kv_dim), (h, self.kv_dim), (self.q_dim, h), (h, i), (h, i), (i, h)]

    def params(self) -> int:
        layer = sum(a * b for a, b in self.linear_shapes()) + 2 * self.hidden_size
        embed = self.vocab_size * self.hidden_size * (1 if self.tie_word_embeddings else 2)
        return self.num_hidden_layers * layer + embed + self.hidden_size

    def lora_params(self, rank: int) -> int:
        return self.num_hidden_layers * sum(rank * (a + b) for a, b in self.linear_shapes())


@dataclass
class MemoryEstimate:
    params: int
    trainable_per_network: int
    weights_gib: float
    gradients_and_optimizer_gib: float
    activations_gib: float
    logits_gib: float
    total_gib: float

    def table(self) -> str:
        rows = asdict(self)
        return ", ".join(f"{k} {v:,.1f}" if isinstance(v, float) else f"{k} {v:,}" for k, v in rows.items())


def estimate(shape: Shape, finetune: str, micro_batch_tokens: int, gradient_checkpointing: bool = True,
             lora_rank: int = 16, logit_chunk: int = 2048) -> MemoryEstimate:
    n = shape.params()
    if finetune == "full":
        trainable = n
        weights = 2 * 4 * n + 2 * n  # fp32 policy + fp32 critic masters, bf16 reference
        optimizer = 2 * (4 + 8) * n  # per network: fp32 gradients + AdamW exp_avg, exp_avg_sq
        copies = 1  # the recomputed forward casts one layer's weights to bf16 at a time: negligible
    elif finetune == "lora":
        trainable = shape.lora_params(lora_rank)
        weights = 2 * n + 2 * 4 * trainable
        optimizer = 2 * (4 + 8) * trainable
        copies = 1
    else:
        raise ValueError(f"finetune must be 'full' or 'lora', got {finetune!r}")
    per_token_layer = 2 * (LAYER_ACTS_HIDDEN * shape.hidden_size + LAYER_ACTS_INTERMEDIATE * shape.intermediate_size)
    if gradient_checkpointing:
        acts = micro_batch_tokens * (2 * shape.hidden_size * shape.num_hidden_layers + per_token_layer)
    else:
        acts = micro_batch_tokens * per_token_layer * shape.num_hidden_layers
    logits = 3 * 4 * logit_chunk * shape.vocab_size  # fp32 logits, log-softmax and its gradient for one chunk
    total = weights + optimizer + acts * copies + logits
    return MemoryEstimate(n, trainable, weights / GIB, optimizer / GIB, acts / GIB, logits / GIB, total / GIB)
