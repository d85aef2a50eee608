"""POST /rl/runs: one contract (the JSON Schema generated from zod), the config the trainer trains with
echoed back, and refusals when the trainer was configured otherwise."""
import pytest

from rlef_trainer.config import PPOConfig, field_names, preset, preset_values
from rlef_trainer.contract import config_properties, run_spec_schema, validate_run_spec
from rlef_trainer.engine import TrainerEngine
from rlef_trainer.model.tiny import TinyActorCritic
from rlef_trainer.model.tokenizer import ByteChatTemplate
from rlef_trainer.server import serve_in_thread
from rlef_trainer.validation import FieldError
from conftest import small_config
from http_client import call
from test_http_api import episode_via_api


def test_every_ppo_setting_is_in_the_shared_schema_and_nothing_else():
    assert sorted(config_properties()) == sorted(field_names())
    run_spec_schema()  # loads: every keyword the zod side emits is one the validator implements
    for name, prop in config_properties().items():  # every preset value is valid under the schema
        for values in (preset_values("paper"), preset_values("paper", "lora"), preset_values("tiny"),
                       preset_values("paper", algo="sft")):
            if values[name] is not None:
                validate_run_spec({"run_id": "r", "model": "m", "config": {name: values[name]}})


@pytest.mark.parametrize("config, field", [
    ({"lr": 0}, "config.lr"), ({"clip_eps": -1}, "config.clip_eps"), ({"minibatches": 1.5}, "config.minibatches"),
    ({"learning_rate": 1e-5}, "config.learning_rate"), ({"finetune": "qlora"}, "config.finetune"),
    ({"chat_template_date": "26 Jul 2024"}, "config.chat_template_date"), ({"kl_beta": "0.1"}, "config.kl_beta"),
])
def test_the_validator_names_the_bad_field(config, field):
    with pytest.raises(FieldError) as caught:
        validate_run_spec({"run_id": "r", "model": "m", "config": config})
    assert caught.value.field == field


def test_lora_and_sft_presets_say_where_their_numbers_come_from():
    assert preset("paper").lr == 2e-7 and preset("paper").critic_lr == 2e-6
    assert preset("paper", finetune="lora").lr == 2e-6 and preset("paper", finetune="lora").critic_lr == 2e-5
    sft = preset("paper", algo="sft")
    assert (sft.lr, sft.warmup_updates, sft.lr_schedule, sft.sft_loss_on) == (2e-6, 10, "cosine", "final")


@pytest.fixture
def trainer(tmp_path):
    servers = []

    def start(pinned=None):
        model = TinyActorCritic(small_config(), seed=2)
        engine = TrainerEngine(model, ByteChatTemplate(), preset("tiny", batch_episodes=2, **(pinned or {})),
                               checkpoint_dir=str(tmp_path / f"c{len(servers)}"), pinned=pinned)
        http, base = serve_in_thread(engine)
        servers.append(http)
        return base, engine
    yield start
    for http in servers:
        http.shutdown()
        http.server_close()


def spec(run_id="run-c", **config):
    return {"run_id": run_id, "model": "builtin:tiny", "config": config}


def test_registration_sets_and_echoes_the_config_and_refuses_other_runs_settings(trainer):
    base, engine = trainer()
    status, reply = call(base, "POST", "/rl/runs", spec(lr=3e-4, kl_beta=0.07, clip_eps=0.15, batch_episodes=2))
    assert status == 200, reply
    assert (reply["config"]["lr"], reply["config"]["kl_beta"], reply["config"]["clip_eps"]) == (3e-4, 0.07, 0.15)
    assert reply["config"]["preset"] == "tiny" and reply["config"]["weight_decay"] == 0.0  # the rest: the preset
    sha = reply["config_sha256"]
    info = call(base, "GET", "/status")[1]
    assert info["config"] == reply["config"] and info["run"]["config_sha256"] == sha
    assert engine.updater.cfg.lr == 3e-4  # the optimizer uses it, not just the status
    ep = episode_via_api(base, "c-1")
    ok = call(base, "POST", "/rl/episodes", {"run_id": "run-c", "config_sha256": sha, "episodes": [ep]})
    assert ok[0] == 200 and ok[1]["accepted"] == ["c-1"]
    wrong = call(base, "POST", "/rl/episodes", {"run_id": "run-c", "config_sha256": "0" * 64, "episodes": [ep]})
    assert wrong[0] == 409 and wrong[1]["error"]["field"] == "config_sha256"
    again = call(base, "POST", "/rl/runs", spec(lr=3e-4, kl_beta=0.07, clip_eps=0.15, batch_episodes=2))
    assert again[0] == 200 and again[1]["config_sha256"] == sha  # idempotent
    changed = call(base, "POST", "/rl/runs", spec(lr=1e-4, kl_beta=0.07, clip_eps=0.15, batch_episodes=2))
    assert changed[0] == 409 and changed[1]["error"]["field"] == "config.lr"
    other = call(base, "POST", "/rl/runs", spec("run-other"))
    assert other[0] == 409 and other[1]["error"]["field"] == "run_id"
    model = call(base, "POST", "/rl/runs", {**spec("run-c"), "model": "hf:Llama-3.1-8B-Instruct"})
    assert model[0] == 409 and model[1]["error"]["field"] == "model"


def test_a_trainer_started_with_other_settings_refuses_the_run_and_its_episodes(trainer):
    base, _ = trainer(pinned={"kl_beta": 0.1})
    status, reply = call(base, "POST", "/rl/runs", spec(kl_beta=0.07))
    assert status == 409 and reply["error"]["field"] == "config.kl_beta" and "0.1" in reply["error"]["message"]
    ep = episode_via_api(base, "x-1")
    refused = call(base, "POST", "/rl/episodes", {"run_id": "run-c", "config_sha256": "a" * 64, "episodes": [ep]})
    assert refused[0] == 409 and refused[1]["error"]["type"] == "run_not_registered"
    assert call(base, "POST", "/rl/runs", spec(kl_beta=0.1))[0] == 200  # matching the pinned value is fine


def test_lora_runs_are_refused_by_a_full_fine_tuning_trainer(trainer):
    base, _ = trainer()
    status, reply = call(base, "POST", "/rl/runs", spec(finetune="lora"))
    assert status == 409 and reply["error"]["field"] == "config.finetune"


def test_ppo_config_defaults_are_the_papers():
    cfg = PPOConfig()
    assert (cfg.lr, cfg.weight_decay, cfg.warmup_updates, cfg.kl_beta, cfg.clip_eps, cfg.value_clip,
            cfg.minibatches, cfg.train_temperature) == (2e-7, 0.1, 50, 0.05, 0.2, 0.2, 4, 1.0)
