"""Test infrastructure for the Matrix channel: a real Synapse, real nio clients, fixtures."""

from tests.matrix_harness.client import HarnessError, OfficialClient
from tests.matrix_harness.synapse import SynapseError, SynapseServer

__all__ = ["HarnessError", "OfficialClient", "SynapseError", "SynapseServer"]
