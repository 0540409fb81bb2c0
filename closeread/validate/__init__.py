"""Validate stage: check raw lesson data and build the frozen model, reporting every problem at once."""
