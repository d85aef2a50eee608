"""Hand-made episodes for the PPO tests."""
from rlef_trainer.episodes import Episode, Turn


def two_turn_episode(episode_id="a", rewards=(0.0, 1.0)) -> Episode:
    """prompt(5) | reply 1 (2 tokens) | feedback (4) | reply 2 (3 tokens): sequence of 14 tokens."""
    prompt_1 = [256, 258, 10, 11, 259]
    reply_1 = [40, 41]
    prompt_2 = prompt_1 + reply_1 + [258, 12, 13, 259]
    reply_2 = [50, 51, 260]
    return Episode(episode_id, [Turn(prompt_1, reply_1, [-1.0, -2.0], rewards[0]),
                                Turn(prompt_2, reply_2, [-1.0, -1.0, -1.0], rewards[1])])


def one_turn_episode(episode_id="b", reward=-1.0, reply=(60,)) -> Episode:
    prompt = [256, 258, 20, 259]
    return Episode(episode_id, [Turn(prompt, list(reply), [-0.5] * len(reply), reward)])
