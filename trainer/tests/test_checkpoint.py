import os

import torch

from rlef_trainer import checkpoint as ckpt
from rlef_trainer.cli import build_engine, parse_args
from rlef_trainer.config import preset
from rlef_trainer.engine import TrainerEngine
from rlef_trainer.model.tiny import TinyActorCritic
from rlef_trainer.tensor_io import load_tensors
from conftest import small_config
from test_ppo_step import sampled_episodes


def make_engine(template, root, seed=0):
    model = TinyActorCritic(small_config(), seed=seed)
    return TrainerEngine(model, template, preset("tiny", batch_episodes=3), checkpoint_dir=str(root), seed=seed)


def test_save_and_load_restore_weights_optimizer_and_run_state(template, tmp_path):
    engine = make_engine(template, tmp_path)
    episodes = sampled_episodes(engine.model, template, count=3)
    result = engine.submit_episodes("run-1", episodes)
    assert result["step"] == 1 and result["steps"][0]["episode_ids"] == ["e0", "e1", "e2"]
    saved = engine.save_checkpoint()
    assert saved["step"] == 1 and os.path.isdir(saved["path"])
    for name in ("policy.pt", "critic.pt", "reference.pt"):  # plain dicts: weights_only-safe on 1.13 and 2.x
        assert all(isinstance(v, torch.Tensor) for v in load_tensors(os.path.join(saved["path"], "model", name)).values())

    fresh = make_engine(template, tmp_path, seed=9)
    fresh.load_checkpoint(saved["path"], at_startup=True)
    for a, b in zip(engine.model.policy_parameters(), fresh.model.policy_parameters()):
        assert torch.equal(a, b)
    for a, b in zip(engine.model.critic_parameters(), fresh.model.critic_parameters()):
        assert torch.equal(a, b)
    for a, b in zip(engine.model.reference.parameters(), fresh.model.reference.parameters()):
        assert torch.equal(a, b)
    moments_a = engine.updater.policy_opt.state_dict()["state"]
    moments_b = fresh.updater.policy_opt.state_dict()["state"]
    assert all(torch.equal(moments_a[k]["exp_avg"], moments_b[k]["exp_avg"]) for k in moments_a)
    assert (fresh.step, fresh.policy_version, fresh.run_id) == (1, 1, "run-1")
    assert fresh.updater.updates == engine.updater.updates
    assert fresh.lookup(["e0", "e1", "e2", "zz"]) == {"run_id": "run-1", "step": 1, "trained": {"e0": 1, "e1": 1, "e2": 1},
                                                      "buffered": [], "pending": [], "unknown": ["zz"]}
    assert [s["step"] for s in fresh.steps_since(0)] == [1]
    assert fresh.submit_episodes("run-1", episodes[:1])["duplicates"] == [{"episode_id": "e0", "status": "trained",
                                                                           "step": 1}]


def test_list_and_latest_ignore_incomplete_checkpoints(template, tmp_path):
    engine = make_engine(template, tmp_path)
    engine.save_checkpoint()
    engine.step = 5
    engine.save_checkpoint()
    os.makedirs(tmp_path / "step-00000009.tmp-1-2")  # a save that crashed midway
    os.makedirs(tmp_path / "step-00000007")  # no meta.json
    listed = ckpt.list_checkpoints(str(tmp_path))
    assert [c["step"] for c in listed] == [0, 5]
    assert ckpt.latest_checkpoint(str(tmp_path)).endswith("step-00000005")


def test_cli_resume_picks_the_latest_and_init_checkpoint_resets_reference_and_critic(template, tmp_path):
    engine = make_engine(template, tmp_path / "run")
    engine.submit_episodes("run-2", sampled_episodes(engine.model, template, count=3))
    engine.save_checkpoint()
    args = ["--checkpoint-dir", str(tmp_path / "run"), "--resume", "--batch-episodes", "3", "--device", "cpu"]
    resumed, notes = build_engine(parse_args(args))
    assert resumed.step == 1 and resumed.run_id == "run-2" and "resumed" in notes[-1]
    assert resumed.model.cfg.d_model == 32  # the architecture comes from the checkpoint
    started, _ = build_engine(parse_args(["--init-checkpoint", engine.last_checkpoint, "--device", "cpu"]))
    assert started.step == 0 and started.run_id is None
    for a, b in zip(started.model.policy_parameters(), engine.model.policy_parameters()):
        assert torch.equal(a, b)
    for a, b in zip(started.model.reference.parameters(), engine.model.policy_parameters()):
        assert torch.equal(a, b)  # the reference is the starting policy, not the old run's reference
    body = started.model.critic.body.state_dict()
    assert all(torch.equal(body[k], v) for k, v in engine.model.policy.body.state_dict().items())
