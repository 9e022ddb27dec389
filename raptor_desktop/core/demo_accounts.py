"""The accounts of the demo training database: an administrator, and a supervisor to approve
what the first drafts; its sign-in screen shows them (a module of its own, so that the
sign-in window loads them without the whole scenario)."""

DEMO_USER = "trainer"
DEMO_SUPERVISOR = "trainer.sgt"
DEMO_OFFICER_NAME = "Training officer"
DEMO_PASSWORD = "raptor-training"  # a training database only: the demo is for practice
