"""The small model interface the PPO core and the sampler depend on.

Roles: "policy" (the model being trained), "reference" (the frozen starting policy the KL is taken
against) and "critic" (the separate value network). Implementations: `tiny.TinyActorCritic` (pure
PyTorch, CPU tests) and `hf.HFActorCritic` (transformers + PEFT, imported lazily on the GPU machine).
"""
from __future__ import annotations

import abc
from typing import Any, Iterable, Optional, Sequence

import torch

ROLES = ("policy", "reference", "critic")


class ActorCriticModel(abc.ABC):
    """Policy, reference and critic behind one object; hidden states first, heads applied on gathers."""

    model_name: str
    finetune_mode: str  # "full" or "lora"
    max_seq_len: int
    vocab_size: int

    @property
    @abc.abstractmethod
    def device(self) -> torch.device: ...

    @abc.abstractmethod
    def hidden_states(self, role: str, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                      position_ids: torch.Tensor) -> torch.Tensor:
        """[B, L, H] final hidden states of the network that serves `role`."""

    @abc.abstractmethod
    def lm_logits(self, role: str, hidden: torch.Tensor) -> torch.Tensor:
        """Next-token logits [..., V] from policy/reference hidden states."""

    @abc.abstractmethod
    def value_from_hidden(self, hidden: torch.Tensor) -> torch.Tensor:
        """Scalar values [...] from critic hidden states."""

    @abc.abstractmethod
    def decode_step(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, position_ids: torch.Tensor,
                    cache: Optional[Any]) -> tuple[torch.Tensor, Any]:
        """Policy logits [B, T, V] for the new tokens, attending to `cache` (None = no past) and them.

        `attention_mask` covers past + new tokens ([B, S]); returns the cache extended by the new tokens.
        """

    def select_cache_rows(self, cache: Any, rows: torch.Tensor) -> Optional[Any]:
        """Cache whose row i is row rows[i] of `cache` (prefill shared prompts once); None = unsupported."""
        return None

    compute_dtype: str = "fp32"  # "bf16": body under autocast from fp32 masters (model/precision.py)

    @abc.abstractmethod
    def policy_named_parameters(self) -> list[tuple[str, torch.nn.Parameter]]:
        """The policy's trainable tensors (all float32) with names, for parameter groups and reports."""

    @abc.abstractmethod
    def critic_named_parameters(self) -> list[tuple[str, torch.nn.Parameter]]:
        """The critic's trainable tensors (body or adapter + value head), all float32."""

    def policy_parameters(self) -> list[torch.nn.Parameter]:
        return [p for _, p in self.policy_named_parameters()]

    def critic_parameters(self) -> list[torch.nn.Parameter]:
        return [p for _, p in self.critic_named_parameters()]

    @abc.abstractmethod
    def set_train(self, training: bool) -> None:
        """Switch modules between train and eval; neither mode has dropout (first PPO ratio must be 1)."""

    @abc.abstractmethod
    def save_weights(self, directory: str) -> dict:
        """Write policy, critic (and reference when it is not the frozen base) under `directory`.

        Returns a small JSON-able description of the layout for the checkpoint metadata.
        """

    @abc.abstractmethod
    def load_weights(self, directory: str, policy_only: bool = False) -> None:
        """Load what `save_weights` wrote. `policy_only`: take the policy from there and re-derive the
        reference (frozen copy) and critic (policy body + fresh value head), as at the start of a run."""

    @abc.abstractmethod
    def model_config(self) -> dict:
        """Architecture description that, with the model spec, rebuilds a compatible model."""

    def param_counts(self) -> dict:
        policy = sum(p.numel() for p in self.policy_parameters())
        critic = sum(p.numel() for p in self.critic_parameters())
        return {"policy_trainable": policy, "critic_trainable": critic}

    def describe(self) -> dict:
        return {"model": self.model_name, "finetune_mode": self.finetune_mode, "device": str(self.device),
                "compute_dtype": self.compute_dtype, "max_seq_len": self.max_seq_len, "vocab_size": self.vocab_size,
                **self.param_counts(), "trainable_dtypes": trainable_dtypes(self)}


def trainable_dtypes(model: ActorCriticModel) -> dict:
    """{"policy": {dtype: count}, "critic": {...}}: every trainable tensor must be float32."""
    out = {}
    for role, named in (("policy", model.policy_named_parameters()), ("critic", model.critic_named_parameters())):
        counts: dict[str, int] = {}
        for _, p in named:
            if p.requires_grad:
                counts[str(p.dtype).replace("torch.", "")] = counts.get(str(p.dtype).replace("torch.", ""), 0) + 1
        out[role] = counts
    return out


def gather_rows(hidden: torch.Tensor, rows: torch.Tensor, cols: torch.Tensor) -> torch.Tensor:
    return hidden[rows, cols]


def token_logprobs(model: ActorCriticModel, role: str, hidden: torch.Tensor, rows: torch.Tensor,
                   cols: torch.Tensor, targets: torch.Tensor, temperature: torch.Tensor,
                   with_entropy: bool = False, chunk_size: int = 2048
                   ) -> tuple[torch.Tensor, Optional[torch.Tensor]]:
    """Log-prob of `targets` predicted at (rows, cols), logits divided by the sampling temperature.

    Only the gathered positions go through the LM head, in chunks, so full-vocabulary logits over whole
    sequences are never materialised (≈2.5 GB for a 152k vocabulary over 4k tokens in fp32).
    """
    picked = gather_rows(hidden, rows, cols)
    logprob_chunks: list[torch.Tensor] = []
    entropy_chunks: list[torch.Tensor] = []
    for start in range(0, picked.shape[0], chunk_size):
        end = start + chunk_size
        logits = model.lm_logits(role, picked[start:end]).float() / temperature[start:end].unsqueeze(-1)
        log_norm = torch.logsumexp(logits, dim=-1)
        chosen = logits.gather(-1, targets[start:end].unsqueeze(-1)).squeeze(-1)
        logprob_chunks.append(chosen - log_norm)
        if with_entropy:
            probs = torch.softmax(logits, dim=-1)
            # Masked-out vocabulary entries carry a huge negative logit and zero probability: 0 * -big = 0.
            entropy_chunks.append(log_norm - (probs * logits).sum(-1))
    logprobs = torch.cat(logprob_chunks) if logprob_chunks else picked.new_zeros(0, dtype=torch.float32)
    entropy = None
    if with_entropy:
        entropy = torch.cat(entropy_chunks) if entropy_chunks else picked.new_zeros(0, dtype=torch.float32)
    return logprobs, entropy


def values_at(model: ActorCriticModel, hidden: torch.Tensor, rows: torch.Tensor, cols: torch.Tensor) -> torch.Tensor:
    return model.value_from_hidden(gather_rows(hidden, rows, cols)).float()


def trainable(params: Iterable[torch.nn.Parameter]) -> list[torch.nn.Parameter]:
    return [p for p in params if p.requires_grad]


def positions_from_mask(attention_mask: torch.Tensor) -> torch.Tensor:
    """Position ids that skip padding (left or right): cumulative count of real tokens minus one."""
    return (attention_mask.long().cumsum(-1) - 1).clamp(min=0)


def pad_left(sequences: Sequence[Sequence[int]], pad_id: int, device: torch.device) -> tuple[torch.Tensor, torch.Tensor]:
    width = max(len(s) for s in sequences)
    ids = torch.full((len(sequences), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(sequences), width), dtype=torch.long)
    for row, seq in enumerate(sequences):
        if seq:
            ids[row, width - len(seq):] = torch.tensor(list(seq), dtype=torch.long)
            mask[row, width - len(seq):] = 1
    return ids.to(device), mask.to(device)
