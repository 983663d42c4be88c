"""Benchmarks and the load test: commands that print measured figures, never part of the test suite."""
