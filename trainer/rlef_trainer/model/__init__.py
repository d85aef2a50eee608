"""Models behind the ActorCriticModel interface: the built-in tiny transformer and (lazily) HF + PEFT."""
