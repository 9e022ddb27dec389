"""The domain: plain Python with no Qt and no SQL."""
