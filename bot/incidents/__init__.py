"""Incident records at rest: encryption, evidence vault, repository, reports, scheduler."""
