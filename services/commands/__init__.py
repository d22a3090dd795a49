"""The `marsad` subcommands, one module each; services/cli.py parses arguments and dispatches."""


class UserError(Exception):
    """A mistake the user can fix (bad file, missing setting): printed as one line, exit status 2."""
