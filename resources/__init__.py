"""The shipped resources; installed as the package ``argmap._resources``."""
