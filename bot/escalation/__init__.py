"""Emergency escalation to on-duty officers: storage, alerts, scheduler, officers' desk, CLI."""
