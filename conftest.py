"""Set Qt to draw off-screen before anything imports it, so the suite runs headless."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
