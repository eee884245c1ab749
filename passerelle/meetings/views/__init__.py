"""Pages of bilateral meetings: ``participate`` (members), ``manage`` (coordinators), ``agenda``."""
