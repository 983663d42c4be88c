"""Loaders: one module per source, each all-or-nothing and idempotent."""
