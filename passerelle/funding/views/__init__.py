"""Pages of the funding app: programmes and calls, applications, review."""
