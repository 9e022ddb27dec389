"""ReportLab documents: every printed or exported page, on one set of page templates."""
