"""Load stage: read lesson folders from disk into line-aware raw data."""
