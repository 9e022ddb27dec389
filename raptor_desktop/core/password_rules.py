"""How long a password must be: a module of its own, so that the sign-in, the first window,
can say so without loading the rest of the accounts' rules."""

MIN_PASSWORD = 12
MIN_PASSPHRASE = 12  # for an encrypted backup
