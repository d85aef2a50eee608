"""Batched sampling from the current policy."""
