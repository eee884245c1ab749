"""Pages of the projects app: opportunities, joint projects, support services."""
