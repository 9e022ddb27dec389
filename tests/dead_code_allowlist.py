"""Names that vulture (``make test``'s dead-code check) cannot see being used.

Each is used from outside Python's view: by Qt (overridden methods), by the command registry
(handlers registered by decorator), by SQL (an enum value the schema's default spells), by the
tests (attributes they wait on for background work), or as a field of returned data.
"""

# ruff: noqa: B018, F821

# Qt calls these overrides.
eventFilter  # gui/idle_lock.py IdleLock
paintEvent  # gui/chart_widget.py
mouseMoveEvent
mouseReleaseEvent
columnCount  # gui/table_model.py
headerData  # gui/table_model.py
setData  # gui/application_items.py
redo  # gui/undo.py
undo  # gui/undo.py
drawHeight  # documents/exhibits_doc.py: ReportLab reads the image flowable's size
drawWidth
invariant  # documents/render.py: ReportLab's rl_config switch
categoryNames  # documents/charts.py: ReportLab reads the chart's attributes when drawing
fontName
fontSize
boxAnchor
valueMin
valueMax
valueStep
fillColor
strokeColor
columnMaximum
deltay
colorNamePairs
alignment
dx
dy
applied_on  # core/figures.py: read by name (getattr) for the days between events

# The command registry calls every handler its @command decorator registered.
cmd_  # cli/*.py: cmd_init, cmd_lines, … (matched by prefix below)

# The tests wait on these to know background work finished.
last_pack  # gui/application_actions.py
last_backup  # gui/backup_actions.py
last_result  # gui/import_actions.py
last_exported  # gui/list_actions.py

# Data: the schema's default for a recipient spells it; a backup's manifest field.
INCLUDED  # core/outreach.py RecipientStatus
created_at  # store/backup.py BackupInfo
drama  # core/numbers.py MobileNumber: whether a number is in the drama range (the tests read it)
_task  # gui/exchange_actions.py: holds the worker while its thread runs

# pypdf: a page's boxes are set by assigning its properties, which pypdf writes to the file.
mediabox  # documents/exhibit_fit.py: an oversized page's box made A4

# argparse: a parser formats its help with the class this names, read when --help is asked.
formatter_class  # cli/common.py import_help
