"""The use-cases both faces share: the window (``gui``) and the command line (``cli``).

The rule, in one sentence: a use-case that needs more than one transaction, a file, a
document, a sign-in, or a consultation or disclosure entry lives here; a single-transaction
change stays in ``store`` and is offered to the faces through the module here that groups it.
Neither face opens a store, writes a log entry, checks a permission or runs SQL itself.
"""
