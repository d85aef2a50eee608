"""A Hugging Face causal LM behind the ActorCriticModel interface (GPU machine: torch 2.x, transformers 5.x,
peft). Imported lazily by `loader.load_model`; never by the PPO core or the CPU tests.

Precision (model/precision.py): every trainable tensor is float32, the body computes under bf16 autocast,
the LM head and the value head run in fp32 on gathered positions only.
- LoRA (default for 8B): one frozen bf16 base; fp32 adapter "policy"; fp32 adapter "critic" + fp32 value
  head Linear(hidden, 1); the reference is the base with adapters disabled.
- Full fine-tuning: fp32 policy and fp32 critic (their own masters), frozen bf16 reference. Three copies
  of the model plus AdamW state: small models only (model/memory.py says what fits; checked at start-up).
Gradient checkpointing is on by default (one 16k-token micro-batch of an 8B model keeps ~100 GiB of
activations without it), non-reentrant, with `use_cache=False` in every training forward.
"""
from __future__ import annotations

import copy
import os
from contextlib import contextmanager, nullcontext
from typing import Any, Optional

import torch
from torch import nn

from . import hf_layout
from .interface import ActorCriticModel
from .memory import Shape, estimate
from .precision import autocast, check_compute, fp32_linear

MEMORY_HEADROOM = 0.92  # leave room for the allocator's fragmentation and CUDA context


def disable_dropout(module: nn.Module) -> None:
    """Dropout would make the teacher-forced pass differ from sampling (first PPO ratio ≠ 1)."""
    for sub in module.modules():
        if isinstance(sub, nn.Dropout):
            sub.p = 0.0
    config = getattr(module, "config", None)
    for name in ("attention_dropout", "hidden_dropout", "dropout", "resid_pdrop", "embd_pdrop", "attn_pdrop"):
        if config is not None and isinstance(getattr(config, name, None), float):
            setattr(config, name, 0.0)


def decoder_of(lm: nn.Module) -> nn.Module:
    """The decoder stack (hidden states without the LM head)."""
    if hasattr(lm, "get_decoder"):
        return lm.get_decoder()
    return lm.base_model


def enable_checkpointing(lm: nn.Module) -> None:
    lm.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
    lm.config.use_cache = False


def check_memory(shape: Shape, finetune: str, micro_batch_tokens: int, checkpointing: bool, rank: int,
                 device: torch.device) -> None:
    if device.type != "cuda":
        return
    need = estimate(shape, finetune, micro_batch_tokens, checkpointing, rank)
    have = torch.cuda.get_device_properties(device).total_memory / 1024 ** 3
    if need.total_gib > MEMORY_HEADROOM * have:
        raise SystemExit(f"--finetune {finetune} needs about {need.total_gib:.0f} GiB on the accelerator "
                         f"({need.table()}); this one has {have:.0f} GiB. Use --finetune lora, a smaller model, or a "
                         f"smaller --micro-batch-tokens.")


class HFActorCritic(ActorCriticModel):
    def __init__(self, path: Optional[str], device: str, finetune: str = "lora", lora_rank: int = 16,
                 lora_alpha: int = 32, gradient_checkpointing: bool = True, max_seq_len: Optional[int] = None,
                 seed: int = 0, compute_dtype: str = "bf16", micro_batch_tokens: int = 16384,
                 base: Optional[nn.Module] = None, name: Optional[str] = None):
        torch.manual_seed(seed)
        self.path = path
        self.model_name = name or f"hf:{os.path.basename(os.path.normpath(path or 'model'))}"
        self.finetune_mode = finetune
        self.compute_dtype = check_compute(compute_dtype)
        self.gradient_checkpointing = gradient_checkpointing
        self._device = torch.device(device)
        if finetune not in ("lora", "full"):
            raise ValueError(f"finetune must be 'lora' or 'full', got '{finetune}'")
        if base is None:
            from transformers import AutoModelForCausalLM  # lazy: GPU machine only

            base = AutoModelForCausalLM.from_pretrained(path, dtype=torch.bfloat16, attn_implementation="sdpa")
        config = base.config
        shape = Shape.from_config(config.to_dict())
        check_memory(shape, finetune, micro_batch_tokens, gradient_checkpointing, lora_rank, self._device)
        disable_dropout(base)
        self.vocab_size = int(config.vocab_size)
        self.max_seq_len = int(max_seq_len or getattr(config, "max_position_embeddings", 4096))
        hidden = int(config.hidden_size)
        self.value_head = nn.Linear(hidden, 1).to(self._device, torch.float32)
        nn.init.normal_(self.value_head.weight, std=0.1 / hidden ** 0.5)
        nn.init.zeros_(self.value_head.bias)
        if finetune == "lora":
            from peft import LoraConfig, get_peft_model

            base = base.to(self._device, torch.bfloat16).requires_grad_(False)
            if gradient_checkpointing:
                enable_checkpointing(base)
            lora = LoraConfig(r=lora_rank, lora_alpha=lora_alpha, lora_dropout=0.0, target_modules="all-linear",
                              task_type="CAUSAL_LM")
            self.peft = get_peft_model(base, lora, adapter_name="policy", autocast_adapter_dtype=True)
            self.peft.add_adapter("critic", copy.deepcopy(lora), autocast_adapter_dtype=True)
            self._adapter_named = {
                name: [(n, p) for n, p in self.peft.named_parameters() if f".{name}." in n and "lora_" in n]
                for name in ("policy", "critic")}
            for named in self._adapter_named.values():
                for _, p in named:
                    p.data = p.data.float()  # fp32 adapters whatever the peft version's autocast did
            self._enable_adapter_grads()
            self.causal_lm = self.peft.get_base_model()
        else:
            self.peft = None
            self.reference_lm = copy.deepcopy(base).to(self._device, torch.bfloat16).requires_grad_(False)
            self.causal_lm = base.to(self._device, torch.float32).requires_grad_(True)
            self.critic_lm = copy.deepcopy(self.causal_lm)
            if gradient_checkpointing:
                enable_checkpointing(self.causal_lm)
                enable_checkpointing(self.critic_lm)

    # ---- roles ----------------------------------------------------------------------------------------
    def _enable_adapter_grads(self) -> None:
        # peft's set_adapter turns requires_grad off on inactive adapters; both adapters train.
        for named in self._adapter_named.values():
            for _, p in named:
                p.requires_grad_(True)

    @contextmanager
    def _role(self, role: str):
        if self.peft is None:
            yield {"policy": self.causal_lm, "reference": self.reference_lm, "critic": self.critic_lm}[role]
            return
        if role == "reference":
            with self.peft.disable_adapter():
                yield self.causal_lm
            return
        self.peft.set_adapter(role)
        self._enable_adapter_grads()
        yield self.causal_lm

    @property
    def device(self) -> torch.device:
        return self._device

    def hidden_states(self, role, input_ids, attention_mask, position_ids):
        grad = torch.no_grad() if role == "reference" else nullcontext()
        with self._role(role) as lm, grad, autocast(self._device, self.compute_dtype):
            out = decoder_of(lm)(input_ids=input_ids, attention_mask=attention_mask, position_ids=position_ids,
                                 use_cache=False)
            return out.last_hidden_state

    def lm_logits(self, role, hidden):
        with self._role(role) as lm:
            head = lm.get_output_embeddings()
            return fp32_linear(hidden, head.weight, getattr(head, "bias", None))

    def value_from_hidden(self, hidden):
        return fp32_linear(hidden, self.value_head.weight, self.value_head.bias).squeeze(-1)

    def decode_step(self, input_ids, attention_mask, position_ids, cache: Optional[Any]):
        with self._role("policy") as lm, autocast(self._device, self.compute_dtype):
            out = decoder_of(lm)(input_ids=input_ids, attention_mask=attention_mask, position_ids=position_ids,
                                 past_key_values=cache, use_cache=True)
        head = lm.get_output_embeddings()
        return fp32_linear(out.last_hidden_state[:, -1:], head.weight, getattr(head, "bias", None)), out.past_key_values

    def select_cache_rows(self, cache, rows):
        if hasattr(cache, "reorder_cache"):
            cache.reorder_cache(rows)  # in place; repeated rows are allowed (beam search uses them)
            return cache
        return None

    def policy_named_parameters(self):
        if self.peft is not None:
            return list(self._adapter_named["policy"])
        return list(self.causal_lm.named_parameters())

    def critic_named_parameters(self):
        body = self._adapter_named["critic"] if self.peft is not None else list(self.critic_lm.named_parameters())
        return list(body) + [(f"value_head.{n}", p) for n, p in self.value_head.named_parameters()]

    def set_train(self, training: bool) -> None:
        for module in (self.causal_lm, getattr(self, "critic_lm", None)):
            if module is not None:
                module.train(training)

    def model_config(self) -> dict:
        return {"family": "hf", "path": os.path.abspath(self.path) if self.path else None,
                "finetune": self.finetune_mode, "vocab_size": self.vocab_size, "max_seq_len": self.max_seq_len,
                "compute_dtype": self.compute_dtype, "gradient_checkpointing": self.gradient_checkpointing}

    # ---- weights --------------------------------------------------------------------------------------
    def save_weights(self, directory: str) -> dict:
        from safetensors.torch import save_file

        os.makedirs(directory, exist_ok=True)
        save_file({k: v.detach().cpu().contiguous() for k, v in self.value_head.state_dict().items()},
                  os.path.join(directory, "value_head.safetensors"))
        base_path = os.path.abspath(self.path) if self.path else ""
        if self.peft is not None:
            self.peft.save_pretrained(directory, selected_adapters=["policy", "critic"])
        else:
            self.causal_lm.save_pretrained(os.path.join(directory, "policy"))  # fp32 masters, safetensors
            self.critic_lm.save_pretrained(os.path.join(directory, "critic"))
        description = hf_layout.layout(self.finetune_mode, base_path)
        hf_layout.write_layout(directory, description)
        hf_layout.check_layout(directory)
        return description

    def load_weights(self, directory: str, policy_only: bool = False) -> None:
        from safetensors.torch import load_file

        hf_layout.check_layout(directory, policy_only)
        roles = ("policy",) if policy_only else ("policy", "critic")
        if self.peft is not None:
            from peft import set_peft_model_state_dict

            for role in roles:
                state = load_file(os.path.join(directory, role, "adapter_model.safetensors"), device=str(self._device))
                set_peft_model_state_dict(self.peft, {k: v.float() for k, v in state.items()}, adapter_name=role)
        else:
            from transformers import AutoModelForCausalLM

            for role in roles:
                loaded = AutoModelForCausalLM.from_pretrained(os.path.join(directory, role), dtype=torch.float32)
                target = self.causal_lm if role == "policy" else self.critic_lm
                target.load_state_dict(loaded.state_dict())
            if policy_only:  # a new run starts here: reference and critic copy the loaded policy
                self.reference_lm.load_state_dict(self.causal_lm.state_dict())
                self.critic_lm.load_state_dict(self.causal_lm.state_dict())
        if not policy_only:
            self.value_head.load_state_dict(load_file(os.path.join(directory, "value_head.safetensors"),
                                                      device=str(self._device)))
        if self.peft is not None:
            self._enable_adapter_grads()


def load_hf_actor_critic(path: str, device: str = "cuda", **options):
    """(model, chat formatter) for a local Hugging Face causal-LM directory."""
    from transformers import AutoTokenizer

    from .hf_chat import HFChatFormatter

    model = HFActorCritic(path, device, **options)
    tokenizer = AutoTokenizer.from_pretrained(path)
    stop_ids = set()
    generation_config = getattr(model.causal_lm, "generation_config", None)
    eos = getattr(generation_config, "eos_token_id", None)
    for value in (eos if isinstance(eos, (list, tuple)) else [eos]) + [tokenizer.eos_token_id]:
        if value is not None:
            stop_ids.add(int(value))
    if not stop_ids:
        raise ValueError(f"{path}: the tokenizer/generation config names no end-of-sequence token")
    return model, HFChatFormatter(tokenizer, sorted(stop_ids), model.vocab_size)
