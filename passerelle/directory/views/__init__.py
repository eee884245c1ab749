"""Directory views, one module per page family."""
