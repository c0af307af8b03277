"""Transformers: one per grammar, each turning a Lark tree into model objects."""
