"""A local Hugging Face causal LM behind the ActorCriticModel interface (GPU machine: torch 2.x,
transformers 5.x, peft). Imported lazily by `loader.load_model`; never by the PPO core or the CPU tests.

LoRA mode (default): one frozen base; adapter "policy"; adapter "critic" plus a value head
Linear(hidden, 1); the reference is the base with adapters disabled. Full mode: separate policy, critic
and frozen reference copies (small models only: three copies plus AdamW state).
Hidden states come from the decoder; the LM head is applied only at gathered positions.
"""
from __future__ import annotations

import copy
import json
import os
from contextlib import contextmanager, nullcontext
from typing import Any, Optional, Sequence

import torch
from torch import nn

from .interface import ActorCriticModel
from .tokenizer import ChatMessage

PLACEHOLDER = "\ue000RLEF_REPLY_{}\ue001"  # private-use characters: cannot collide with real text


def disable_dropout(module: nn.Module) -> None:
    """Dropout would make the teacher-forced pass differ from sampling (first PPO ratio ≠ 1)."""
    for sub in module.modules():
        if isinstance(sub, nn.Dropout):
            sub.p = 0.0
    config = getattr(module, "config", None)
    for name in ("attention_dropout", "hidden_dropout", "dropout", "resid_pdrop", "embd_pdrop", "attn_pdrop"):
        if config is not None and isinstance(getattr(config, name, None), float):
            setattr(config, name, 0.0)


class HFChatFormatter:
    """The model's own chat template; assistant messages with `token_ids` are spliced in verbatim."""

    def __init__(self, tokenizer, stop_ids: Sequence[int], vocab_size: int):
        self.tokenizer = tokenizer
        self.stop_ids = frozenset(int(i) for i in stop_ids)
        self.pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else min(self.stop_ids)
        self.vocab_size = vocab_size
        self.name = f"hf:{getattr(tokenizer, 'name_or_path', 'tokenizer')}"

    def _encode(self, text: str) -> list[int]:
        return list(self.tokenizer(text, add_special_tokens=False)["input_ids"]) if text else []

    def render(self, messages: Sequence[ChatMessage], add_generation_prompt: bool = True) -> list[int]:
        spliced = {}
        plain = []
        for index, message in enumerate(messages):
            content = message.content
            if message.token_ids is not None:
                content = PLACEHOLDER.format(index)
                spliced[content] = list(message.token_ids)
            plain.append({"role": message.role, "content": content})
        text = self.tokenizer.apply_chat_template(plain, add_generation_prompt=add_generation_prompt, tokenize=False)
        ids: list[int] = []
        rest = text
        for marker, reply_ids in spliced.items():
            before, _, rest = rest.partition(marker)
            ids += self._encode(before)
            ids += reply_ids
            rest = self._drop_duplicate_end(rest, reply_ids)
        ids += self._encode(rest)
        return ids

    def _drop_duplicate_end(self, rest: str, reply_ids: list[int]) -> str:
        """If the reply already ends with the template's end-of-turn token, drop the template's copy."""
        if reply_ids and reply_ids[-1] in self.stop_ids:
            end_text = self.tokenizer.decode([reply_ids[-1]])
            if end_text and rest.startswith(end_text):
                return rest[len(end_text):]
        return rest

    def decode(self, ids: Sequence[int]) -> str:
        body = list(ids[:-1]) if ids and ids[-1] in self.stop_ids else list(ids)
        return self.tokenizer.decode(body, skip_special_tokens=True)

    def token_text(self, token: int) -> str:
        return self.tokenizer.decode([token])

    def token_bytes(self, token: int) -> list[int]:
        return list(self.token_text(token).encode("utf-8"))

    def describe(self) -> dict:
        return {"name": self.name, "vocab_size": self.vocab_size, "stop_ids": sorted(self.stop_ids)}


class HFActorCritic(ActorCriticModel):
    def __init__(self, path: str, device: str, finetune: str = "lora", lora_rank: int = 16, lora_alpha: int = 32,
                 dtype: str = "bfloat16", gradient_checkpointing: bool = False, max_seq_len: Optional[int] = None,
                 seed: int = 0):
        from transformers import AutoModelForCausalLM  # lazy: GPU machine only

        torch.manual_seed(seed)
        self.path = path
        self.model_name = f"hf:{os.path.basename(os.path.normpath(path))}"
        self.finetune_mode = finetune
        self._device = torch.device(device)
        torch_dtype = getattr(torch, dtype)
        base = AutoModelForCausalLM.from_pretrained(path, dtype=torch_dtype, attn_implementation="sdpa").to(self._device)
        disable_dropout(base)
        self.vocab_size = int(base.config.vocab_size)
        self.max_seq_len = int(max_seq_len or getattr(base.config, "max_position_embeddings", 4096))
        hidden = int(base.config.hidden_size)
        if gradient_checkpointing:
            base.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
        self.value_head = nn.Linear(hidden, 1).to(self._device, torch.float32)
        nn.init.normal_(self.value_head.weight, std=1.0 / (hidden ** 0.5) * 0.1)
        nn.init.zeros_(self.value_head.bias)
        if finetune == "lora":
            from peft import LoraConfig, get_peft_model

            config = LoraConfig(r=lora_rank, lora_alpha=lora_alpha, lora_dropout=0.0, target_modules="all-linear",
                                task_type="CAUSAL_LM")
            self.peft = get_peft_model(base, config, adapter_name="policy")
            self.peft.add_adapter("critic", config)
            self._adapter_params = {name: [p for n, p in self.peft.named_parameters() if f".{name}." in n and "lora_" in n]
                                    for name in ("policy", "critic")}
            self._enable_adapter_grads()
            self.causal_lm = self.peft.get_base_model()
        elif finetune == "full":
            self.peft = None
            self.causal_lm = base
            self.reference_lm = copy.deepcopy(base).requires_grad_(False)
            self.critic_lm = copy.deepcopy(base)
        else:
            raise ValueError(f"finetune must be 'lora' or 'full', got '{finetune}'")

    # ---- roles ----------------------------------------------------------------------------------------
    def _enable_adapter_grads(self) -> None:
        # peft's set_adapter turns requires_grad off on inactive adapters (version dependent); both train.
        for params in self._adapter_params.values():
            for p in params:
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
        with self._role(role) as lm, grad:
            out = lm.get_decoder()(input_ids=input_ids, attention_mask=attention_mask, position_ids=position_ids,
                                   use_cache=False)
            return out.last_hidden_state

    def lm_logits(self, role, hidden):
        with self._role(role) as lm:
            return lm.get_output_embeddings()(hidden)

    def value_from_hidden(self, hidden):
        return self.value_head(hidden.float()).squeeze(-1)

    def decode_step(self, input_ids, attention_mask, position_ids, cache: Optional[Any]):
        with self._role("policy") as lm:
            out = lm.get_decoder()(input_ids=input_ids, attention_mask=attention_mask, position_ids=position_ids,
                                   past_key_values=cache, use_cache=True)
            logits = lm.get_output_embeddings()(out.last_hidden_state[:, -1:]).float()
        return logits, out.past_key_values

    def select_cache_rows(self, cache, rows):
        if hasattr(cache, "reorder_cache"):
            cache.reorder_cache(rows)  # in place; repeated rows are allowed (beam search uses them)
            return cache
        return None

    def policy_parameters(self):
        return list(self._adapter_params["policy"]) if self.peft is not None else list(self.causal_lm.parameters())

    def critic_parameters(self):
        body = self._adapter_params["critic"] if self.peft is not None else list(self.critic_lm.parameters())
        return list(body) + list(self.value_head.parameters())

    def set_train(self, training: bool) -> None:
        for module in (self.causal_lm, getattr(self, "critic_lm", None)):
            if module is not None:
                module.train(training)

    def model_config(self) -> dict:
        return {"family": "hf", "path": os.path.abspath(self.path), "finetune": self.finetune_mode,
                "vocab_size": self.vocab_size, "max_seq_len": self.max_seq_len}

    # ---- weights --------------------------------------------------------------------------------------
    def save_weights(self, directory: str) -> dict:
        from safetensors.torch import save_file

        os.makedirs(directory, exist_ok=True)
        save_file({k: v.detach().cpu().contiguous() for k, v in self.value_head.state_dict().items()},
                  os.path.join(directory, "value_head.safetensors"))
        if self.peft is not None:
            # Non-default adapters land in <directory>/<name>/ (adapter_model.safetensors + adapter_config.json);
            # vLLM can serve <directory>/policy as a LoRA over the base model.
            self.peft.save_pretrained(directory, selected_adapters=["policy", "critic"])
            layout = {"format": "hf-lora", "policy": "policy", "critic": "critic", "base_model": os.path.abspath(self.path)}
        else:
            self.causal_lm.save_pretrained(os.path.join(directory, "policy"))  # safetensors: servable by vLLM
            self.critic_lm.save_pretrained(os.path.join(directory, "critic"))
            layout = {"format": "hf-full", "policy": "policy", "critic": "critic", "reference": os.path.abspath(self.path)}
        with open(os.path.join(directory, "layout.json"), "w") as handle:
            json.dump(layout, handle, indent=1)
        return layout

    def load_weights(self, directory: str, policy_only: bool = False) -> None:
        from safetensors.torch import load_file

        roles = ("policy",) if policy_only else ("policy", "critic")
        if self.peft is not None:
            from peft import set_peft_model_state_dict

            for role in roles:
                state = load_file(os.path.join(directory, role, "adapter_model.safetensors"), device=str(self._device))
                set_peft_model_state_dict(self.peft, state, adapter_name=role)
        else:
            from transformers import AutoModelForCausalLM

            for role in roles:
                loaded = AutoModelForCausalLM.from_pretrained(os.path.join(directory, role), dtype=self.causal_lm.dtype)
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
